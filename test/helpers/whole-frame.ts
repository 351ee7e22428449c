/**
 * Whether a frame, as a terminal drew it cell by cell, is whole: the header on row 0 and every
 * box closed in its own columns on every row. A row the app counted narrower than the terminal
 * draws it pushes its right border out (or wraps); one counted wider pulls it in.
 */

const CORNERS_LEFT = new Set(['╭', '┏', '╰', '┗']);
const CORNERS_RIGHT = new Set(['╮', '┓', '╯', '┛']);
const BORDER = new Set([...CORNERS_LEFT, ...CORNERS_RIGHT, '│', '┃']);

/** Problems with the frame in `cells` (`cells[row][column]`, as PtyApp.cells()), none when whole. */
export function frameProblems(cells: string[][], name: string): string[] {
  const problems: string[] = [];
  const text = (row: string[]) => row.join('');
  if (!text(cells[0] ?? []).startsWith(name)) problems.push(`row 0 is not the header (${name}): ${text(cells[0] ?? [])}`);
  // The columns of each box, from the rows with its corners.
  const boxes = new Map<string, [number, number]>();
  cells.forEach((row) => {
    const left = row.findIndex((c) => CORNERS_LEFT.has(c));
    if (left === -1) return;
    const right = row.findIndex((c, x) => x > left && CORNERS_RIGHT.has(c));
    if (right !== -1) boxes.set(`${left},${right}`, [left, right]);
  });
  cells.forEach((row, y) => {
    const borders = row.flatMap((c, x) => (BORDER.has(c) ? [x] : []));
    if (borders.length === 0) return;
    // Each border column must pair with another into a known box: left then right.
    const known = [...boxes.values()];
    for (let i = 0; i < borders.length; i += 2) {
      const [l, r] = [borders[i], borders[i + 1]];
      if (!known.some(([kl, kr]) => kl === l && kr === r)) {
        problems.push(`row ${y}: box border in columns ${borders.join(', ')}, boxes are at ${known.map(([a, b]) => `${a}-${b}`).join(', ') || 'none'}: ${text(row)}`);
        break;
      }
    }
  });
  return problems;
}
