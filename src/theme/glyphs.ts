/**
 * The characters the app draws itself, besides box lines (Theme.box): fold markers, the list
 * pointer, the bullet, the ellipsis of a cut line, the separator between facts, and the app's own
 * words (key names, help, notices). One table per character set: `UNICODE`, and `ASCII` for
 * `--ascii` and a locale that is not UTF-8 (src/cli/locale.ts). An ASCII glyph takes the cells its
 * Unicode one takes, so a layout is the same in both.
 *
 * Text from the résumé is never changed: only what the app writes goes through these.
 */
export interface Glyphs {
  /** Before a folded panel's title, and the tech list's selected row: `▸ `. */
  folded: string;
  /** Before an unfolded panel's title: `▾ `. */
  unfolded: string;
  /** In front of list items. */
  bullet: string;
  /** What ends a line cut short (one cell). */
  ellipsis: string;
  /** Between two facts on a line (`Engineer · 2021`, the header's contacts). */
  separator: string;
  /** Where the section bar hides tabs before / after those it shows (one cell each): `‹` `›`. */
  moreBefore: string;
  moreAfter: string;
  /** The app's own words (key labels, help, messages) in this character set. */
  text(words: string): string;
}

export const UNICODE: Glyphs = {folded: '▸ ', unfolded: '▾ ', bullet: '•', ellipsis: '…', separator: ' · ', moreBefore: '‹', moreAfter: '›', text: (words) => words};

/**
 * The app's own words in ASCII: arrows as their key names, typographic marks as their ASCII
 * twins. Only the characters the app's own strings use are listed (test/unit/glyphs.test.ts
 * checks the help and every hint come out ASCII); anything else becomes `?`.
 */
const ASCII_WORDS: Readonly<Record<string, string>> = {
  '↑': 'Up', '↓': 'Down', '←': 'Left', '→': 'Right', '⇧': 'Shift-',
  '–': '-', '—': '-', '’': "'", '‘': "'", '“': '"', '”': '"', '×': 'x', '…': '...', '·': '-', '•': '*',
  'é': 'e', 'É': 'E',
};

export const ASCII: Glyphs = {
  folded: '> ',
  unfolded: 'v ',
  bullet: '-',
  ellipsis: '~',
  separator: ' - ',
  moreBefore: '<',
  moreAfter: '>',
  text: (words) => words.replace(/[^\x00-\x7f]/g, (ch) => ASCII_WORDS[ch] ?? '?'),
};
