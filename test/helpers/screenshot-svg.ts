/**
 * An emulated screen (@xterm/headless) drawn as an SVG picture, cell by cell with its colours:
 * the README's picture (docs/screenshot.svg), made and checked by test/e2e/screenshot.test.ts.
 * Box-drawing characters are drawn as lines, so borders join across rows whatever the font.
 */
import type {IBufferCell, Terminal} from '@xterm/headless';

// xterm's 16 ANSI colours (its default theme) and the 256-colour cube and grey ramp.
const ANSI = ['#2e3436', '#cc0000', '#4e9a06', '#c4a000', '#3465a4', '#75507b', '#06989a', '#d3d7cf', '#555753', '#ef2929', '#8ae234', '#fce94f', '#729fcf', '#ad7fa8', '#34e2e2', '#eeeeec'];
const hex2 = (v: number) => v.toString(16).padStart(2, '0');
function palette(i: number): string {
  if (i < 16) return ANSI[i]!;
  if (i < 232) {
    const n = i - 16;
    const c = (v: number) => hex2(v === 0 ? 0 : 55 + v * 40);
    return `#${c(Math.floor(n / 36))}${c(Math.floor(n / 6) % 6)}${c(n % 6)}`;
  }
  const g = hex2(8 + (i - 232) * 10);
  return `#${g}${g}${g}`;
}
const rgb = (n: number) => `#${n.toString(16).padStart(6, '0')}`;
const FG = '#e6e6e6';
const BG = '#1e1e2e';
function colour(cell: IBufferCell, fg: boolean): string | undefined {
  if (fg ? cell.isFgDefault() : cell.isBgDefault()) return undefined;
  const value = fg ? cell.getFgColor() : cell.getBgColor();
  return (fg ? cell.isFgRGB() : cell.isBgRGB()) ? rgb(value) : palette(value);
}
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const [CW, CH] = [9, 19];
type Dirs = 'lr' | 'ud' | 'rd' | 'ld' | 'ru' | 'lu';
const BOX: Record<string, [dirs: Dirs, weight: 1 | 2, round?: boolean]> = {
  '─': ['lr', 1], '━': ['lr', 2], '│': ['ud', 1], '┃': ['ud', 2],
  '┌': ['rd', 1], '┐': ['ld', 1], '└': ['ru', 1], '┘': ['lu', 1],
  '┏': ['rd', 2], '┓': ['ld', 2], '┗': ['ru', 2], '┛': ['lu', 2],
  '╭': ['rd', 1, true], '╮': ['ld', 1, true], '╰': ['ru', 1, true], '╯': ['lu', 1, true],
};
function boxPath(char: string, x: number, y: number, fg: string): string {
  const [dirs, weight, round] = BOX[char]!;
  const [cx, cy] = [x + CW / 2, y + CH / 2];
  const end: Record<string, [number, number]> = {l: [x, cy], r: [x + CW, cy], u: [cx, y], d: [cx, y + CH]};
  const [a, b] = [...dirs].map((dir) => end[dir]!) as [[number, number], [number, number]];
  const path = dirs === 'lr' || dirs === 'ud' ? `M${a[0]} ${a[1]} L${b[0]} ${b[1]}` : round ? `M${a[0]} ${a[1]} Q${cx} ${cy} ${b[0]} ${b[1]}` : `M${a[0]} ${a[1]} L${cx} ${cy} L${b[0]} ${b[1]}`;
  return `<path d="${path}" stroke="${fg}" stroke-width="${weight === 2 ? 2.4 : 1.2}" fill="none" stroke-linecap="square"/>`;
}

/** The visible screen of `term` as an SVG document. */
export function screenSvg(term: Terminal): string {
  const {cols, rows} = term;
  const parts: string[] = [];
  const buffer = term.buffer.active;
  for (let y = 0; y < rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    if (!line) continue;
    for (let x = 0; x < cols; x++) {
      const cell = line.getCell(x);
      if (!cell || cell.getWidth() === 0) continue;
      let fg = colour(cell, true) ?? FG;
      let bg = colour(cell, false);
      if (cell.isInverse()) [fg, bg] = [bg ?? BG, fg];
      const w = cell.getWidth() * CW;
      if (bg) parts.push(`<rect x="${x * CW}" y="${y * CH}" width="${w}" height="${CH}" fill="${bg}"/>`);
      const text = cell.getChars();
      if (BOX[text]) parts.push(boxPath(text, x * CW, y * CH, fg));
      else if (text && text !== ' ') {
        const style = `${cell.isBold() ? ' font-weight="bold"' : ''}${cell.isDim() ? ' opacity="0.6"' : ''}${cell.isUnderline() ? ' text-decoration="underline"' : ''}`;
        parts.push(`<text x="${x * CW}" y="${y * CH + 14}" fill="${fg}"${style} textLength="${w}" lengthAdjust="spacingAndGlyphs">${escape(text)}</text>`);
      }
    }
  }
  const [width, height] = [cols * CW + 24, rows * CH + 24];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="-12 -12 ${width} ${height}">
<rect x="-12" y="-12" width="100%" height="100%" rx="8" fill="${BG}"/>
<g font-family="'D2Coding','Menlo','DejaVu Sans Mono','Noto Sans Mono CJK KR',monospace" font-size="15" xml:space="preserve">
${parts.join('\n')}
</g>
</svg>
`;
}
