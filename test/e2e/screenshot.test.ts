/**
 * The README's picture, docs/screenshot.svg, is what the program draws now: its first screen at
 * 100×30 in a dark terminal, read cell by cell from the emulator (test/helpers/screenshot-svg.ts).
 * A change to what the app draws fails here until the picture is made again: `npm run capture`
 * (this test with `-u`, which writes the file instead of comparing).
 */
import {describe, expect, it} from 'vitest';
import {ptyApps} from '../helpers/pty';
import {screenSvg} from '../helpers/screenshot-svg';

const launch = ptyApps();

describe("the README's picture", () => {
  it('docs/screenshot.svg is the first screen the program draws at 100×30, dark', async () => {
    // English words (the reader's language) and truecolour, as the picture has always been made.
    const app = launch({cols: 100, rows: 30, background: 'dark', env: {LANG: 'en_US.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined, COLORTERM: 'truecolor'}});
    // The first screen is final once the position is known ("…" while the rest is measured).
    await app.waitFor((rows) => /\s\d{1,3}%\s*$/.test(rows.at(-1) ?? ''), undefined, 'the first screen with its position');
    await expect(screenSvg(app.term)).toMatchFileSnapshot('../../docs/screenshot.svg');
  });
});
