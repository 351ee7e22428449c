/**
 * A screen reader reads the terminal row by row. With INK_SCREEN_READER=true (Ink's own switch)
 * or --screen-reader, the app lays the résumé out in reading order: one column, no box lines, no
 * fold markers, the keys as before. Run in a real pseudo-terminal at a width that is otherwise
 * wide (organizations beside their projects).
 */
import {describe, expect, it} from 'vitest';
import {KEYS, ptyApps} from '../helpers/pty';
import {JIWOO, JIWOO_PATH, jiwooJson} from '../helpers/e2e-jiwoo';
import {statusRow} from '../helpers/frame-rows';

const launch = ptyApps();
const BOX = /[─│╭╮╰╯━┃┏┓┗┛▸▾]/;
/** The first organization of section 1, as the fixture writes it. */
const EMPLOYER = jiwooJson().work![0]!.name!;

describe('for a screen reader', () => {
  for (const [how, options] of [
    ['INK_SCREEN_READER=true', {env: {INK_SCREEN_READER: 'true'}}],
    ['--screen-reader', {args: ['--screen-reader']}],
  ] as const) {
    it(`${how}: one column in reading order, no box lines, keys work, q exits 0`, async () => {
      const app = launch({cols: 120, rows: 30, ...options, args: [...('args' in options ? options.args : []), JIWOO_PATH]});
      const rows = await app.ready(JIWOO.firstProject);
      expect(rows[0]).toMatch(new RegExp(`^${JIWOO.name}`));
      expect(rows.filter((r) => BOX.test(r)), app.dump()).toEqual([]);
      // The organization's name has its row to itself: nothing is drawn beside it.
      expect(rows.some((r) => r.trim() === EMPLOYER), app.dump()).toBe(true);
      app.press('G');
      await app.waitFor((screen) => /100%\s*$/.test(statusRow(screen)), undefined, 'the end of the section');
      app.press(KEYS.tab);
      await app.waitFor((screen) => !screen.join('\n').includes(JIWOO.firstProject), undefined, 'the next section');
      app.press('q');
      expect((await app.exited()).exitCode).toBe(0);
    });
  }

  it('without it, the same width draws boxes beside the organization', async () => {
    const app = launch({cols: 120, rows: 30, args: [JIWOO_PATH]});
    const rows = await app.ready(JIWOO.firstProject);
    expect(rows.some((r) => BOX.test(r))).toBe(true);
    app.press('q');
    expect((await app.exited()).exitCode).toBe(0);
  });
});
