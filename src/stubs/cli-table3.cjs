// Stands in for cli-table3 in the bundle. marked-terminal draws Markdown tables with it, and
// kim-resume never renders a table (its Markdown has none; descriptions are inline Markdown),
// so rows are simply joined: no box drawing, no color library, no third copy of emoji-regex.
class Table extends Array {
  /** @param {unknown} options */
  constructor(options) {
    super();
    this.options = options;
  }
  /** @override */
  static get [Symbol.species]() {
    return Array;
  }
  /** @override */
  toString() {
    return Array.from(this, (row) => (Array.isArray(row) ? row.join(' | ') : String(row))).join('\n');
  }
}
module.exports = Table;
