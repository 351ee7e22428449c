import xterm from '@xterm/headless';
import {describe, expect, it} from 'vitest';
import {visibleText} from '../helpers/pty-app';

const write = (term: xterm.Terminal, data: string) => new Promise<void>((resolve) => term.write(data, resolve));

// The test helpers read the screen through visibleText: what a terminal shows after it narrows,
// not what xterm.js still holds past the new width (a resize storm's wide frame read as leftovers).
describe('visibleText: a row as the terminal shows it', () => {
  it('in the alternate screen, after narrowing, the cells past the new width are not read', async () => {
    const term = new xterm.Terminal({cols: 100, rows: 5, allowProposedApi: true});
    await write(term, `\x1b[?1049h\x1b[H${'a'.repeat(60)}${'b'.repeat(40)}`);
    term.resize(60, 5);
    const line = term.buffer.active.getLine(0);
    // What xterm.js keeps (it shortens rows only where it reflows, the normal buffer) …
    expect(line?.translateToString(true)).toBe(`${'a'.repeat(60)}${'b'.repeat(40)}`);
    // … and what is seen.
    expect(visibleText(line, term.cols)).toBe('a'.repeat(60));
    term.dispose();
  });

  it('in the normal screen, a row narrower than the screen is the row, without the empty cells after it', async () => {
    const term = new xterm.Terminal({cols: 40, rows: 3, allowProposedApi: true});
    await write(term, 'hello\r\n');
    expect(visibleText(term.buffer.active.getLine(0), term.cols)).toBe('hello');
    expect(visibleText(undefined, term.cols)).toBe('');
    term.dispose();
  });
});
