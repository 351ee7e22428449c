// @ts-check
// Captures the real program's first screen as an SVG picture for the README: runs the built
// CLI in a pseudo-terminal (node-pty), reads the screen cell by cell from a real terminal
// emulator (@xterm/headless) and draws each cell with its colors. `npm run capture`.
import {writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import pty from 'node-pty';
import xterm from '@xterm/headless';

const root = fileURLToPath(new URL('..', import.meta.url));
const [cols, rows] = [100, 30];
const out = process.argv[2] ?? 'docs/screenshot.svg';
const keys = process.argv[3] ?? '';

const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CI' && !k.startsWith('CI_')));
const term = new xterm.Terminal({cols, rows, allowProposedApi: true});
const child = pty.spawn(process.execPath, ['bin/kim-resume.js'], {cols, rows, cwd: root, env: {...env, TERM: 'xterm-256color', COLORTERM: 'truecolor'}});
child.onData((d) => term.write(d));

const screenText = () => Array.from({length: rows}, (_, y) => term.buffer.active.getLine(y)?.translateToString(true) ?? '').join('\n');
/** @param {() => boolean} predicate */
const until = async (predicate, ms = 15000) => {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('the app did not draw its screen in time');
    await new Promise((r) => setTimeout(r, 25));
  }
};
await until(() => /\d+%\s*$/m.test(screenText()));
for (const key of keys) {
  child.write(key);
  await new Promise((r) => setTimeout(r, 200));
}
await new Promise((r) => setTimeout(r, 300));

// xterm's 16 ANSI colors (its default theme) and the 256-color cube.
const ANSI = ['#2e3436', '#cc0000', '#4e9a06', '#c4a000', '#3465a4', '#75507b', '#06989a', '#d3d7cf',
  '#555753', '#ef2929', '#8ae234', '#fce94f', '#729fcf', '#ad7fa8', '#34e2e2', '#eeeeec'];
/** @param {number} i */
const palette = (i) => {
  if (i < 16) return ANSI[i];
  if (i < 232) {
    const n = i - 16;
    const c = (/** @type {number} */ v) => (v === 0 ? 0 : 55 + v * 40).toString(16).padStart(2, '0');
    return `#${c(Math.floor(n / 36))}${c(Math.floor(n / 6) % 6)}${c(n % 6)}`;
  }
  const g = (8 + (i - 232) * 10).toString(16).padStart(2, '0');
  return `#${g}${g}${g}`;
};
const rgb = (/** @type {number} */ n) => `#${n.toString(16).padStart(6, '0')}`;
const FG = '#e6e6e6';
const BG = '#1e1e2e';
/** @param {import('@xterm/headless').IBufferCell} cell @param {boolean} fg */
const color = (cell, fg) => {
  if (fg ? cell.isFgDefault() : cell.isBgDefault()) return undefined;
  const value = fg ? cell.getFgColor() : cell.getBgColor();
  return (fg ? cell.isFgRGB() : cell.isBgRGB()) ? rgb(value) : palette(value);
};
const escape = (/** @type {string} */ s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const [cw, ch] = [9, 19];

// Box-drawing characters are drawn as lines, so borders join across rows whatever the font.
/** @type {Record<string, [dirs: 'lr' | 'ud' | 'rd' | 'ld' | 'ru' | 'lu', weight: 1 | 2, round?: boolean]>} */
const BOX = {
  '─': ['lr', 1], '━': ['lr', 2], '│': ['ud', 1], '┃': ['ud', 2],
  '┌': ['rd', 1], '┐': ['ld', 1], '└': ['ru', 1], '┘': ['lu', 1],
  '┏': ['rd', 2], '┓': ['ld', 2], '┗': ['ru', 2], '┛': ['lu', 2],
  '╭': ['rd', 1, true], '╮': ['ld', 1, true], '╰': ['ru', 1, true], '╯': ['lu', 1, true],
};
/** @param {string} char @param {number} x @param {number} y @param {string} fg */
function boxPath(char, x, y, fg) {
  const [dirs, weight, round] = /** @type {NonNullable<typeof BOX[string]>} */ (BOX[char]);
  const [cx, cy] = [x + cw / 2, y + ch / 2];
  /** @type {Record<string, [number, number]>} */
  const end = {l: [x, cy], r: [x + cw, cy], u: [cx, y], d: [cx, y + ch]};
  const [a, b] = /** @type {[[number, number], [number, number]]} */ ([...dirs].map((dir) => end[dir]));
  const path =
    dirs === 'lr' || dirs === 'ud'
      ? `M${a[0]} ${a[1]} L${b[0]} ${b[1]}`
      : round
        ? `M${a[0]} ${a[1]} Q${cx} ${cy} ${b[0]} ${b[1]}`
        : `M${a[0]} ${a[1]} L${cx} ${cy} L${b[0]} ${b[1]}`;
  return `<path d="${path}" stroke="${fg}" stroke-width="${weight === 2 ? 2.4 : 1.2}" fill="none" stroke-linecap="square"/>`;
}
/** @type {string[]} */
const parts = [];
const buffer = term.buffer.active;
for (let y = 0; y < rows; y++) {
  const line = buffer.getLine(y);
  if (!line) continue;
  for (let x = 0; x < cols; x++) {
    const cell = line.getCell(x);
    if (!cell || cell.getWidth() === 0) continue;
    let fg = color(cell, true) ?? FG;
    let bg = color(cell, false);
    if (cell.isInverse()) [fg, bg] = [bg ?? BG, fg];
    const w = cell.getWidth() * cw;
    if (bg) parts.push(`<rect x="${x * cw}" y="${y * ch}" width="${w}" height="${ch}" fill="${bg}"/>`);
    const text = cell.getChars();
    if (BOX[text]) {
      parts.push(boxPath(text, x * cw, y * ch, fg));
    } else if (text && text !== ' ') {
      const style = `${cell.isBold() ? ' font-weight="bold"' : ''}${cell.isDim() ? ' opacity="0.6"' : ''}${cell.isUnderline() ? ' text-decoration="underline"' : ''}`;
      parts.push(`<text x="${x * cw}" y="${y * ch + 14}" fill="${fg}"${style} textLength="${w}" lengthAdjust="spacingAndGlyphs">${escape(text)}</text>`);
    }
  }
}
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * cw + 24}" height="${rows * ch + 24}" viewBox="-12 -12 ${cols * cw + 24} ${rows * ch + 24}">
<rect x="-12" y="-12" width="100%" height="100%" rx="8" fill="${BG}"/>
<g font-family="'D2Coding','Menlo','DejaVu Sans Mono','Noto Sans Mono CJK KR',monospace" font-size="15" xml:space="preserve">
${parts.join('\n')}
</g>
</svg>
`;
writeFileSync(out, svg);
child.write('q');
await new Promise((r) => child.onExit(r));
console.log(`wrote ${out} (${cols}×${rows})`);
process.exit(0);
