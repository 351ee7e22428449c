/**
 * Keys that arrive together: typing fast, a held key or SSH delivers several keys in one read.
 * Each test sends its bytes in ONE write to the pty, as such a read would bring them, and
 * checks what the screen shows.
 */
import {describe, expect, it} from 'vitest';
import {JIWOO, JIWOO_PATH} from '../helpers/e2e-jiwoo';
import {ptyApps} from '../helpers/pty';

const launch = ptyApps();
/** The status row of an 80×24 frame (its last row). */
const STATUS = 23;

async function open() {
  const app = launch({cols: 80, rows: 24, args: [JIWOO_PATH]});
  await app.ready(JIWOO.name);
  return app;
}

describe('the search line with keys in one read', () => {
  it('"kafkx", Backspace, "a" in one read types "kafka"; two Backspaces in one read delete two', async () => {
    const app = await open();
    app.press('/kafkx\x7fa');
    await app.waitFor((rows) => rows[STATUS]!.startsWith('/kafka'), undefined, 'the query "kafka"');
    app.press('\x7f\x7f');
    await app.waitFor((rows) => rows[STATUS]!.startsWith('/kaf ') || rows[STATUS]!.trimEnd() === '/kaf', undefined, 'the query "kaf"');
    app.press('ka\r');
    await app.waitFor((rows) => /1\/\d+ "kafka"/.test(rows[STATUS]!), undefined, 'the first match of "kafka"');
  });

  it('a bracketed paste is query text, its markers never typed; its line breaks become spaces', async () => {
    const app = await open();
    app.press('/');
    await app.waitFor((rows) => rows[STATUS]!.startsWith('/'));
    app.press('\x1b[200~Kafka\nFlink\x1b[201~');
    const rows = await app.waitFor((r) => r[STATUS]!.startsWith('/Kafka Flink'), undefined, 'the pasted query');
    expect(rows.join('\n')).not.toContain('[200~');
    expect(rows.join('\n')).not.toContain('[201~');
  });

  it('a paste outside the search line runs nothing: "foo⏎q" neither folds nor quits', async () => {
    const app = await open();
    const before = app.screen();
    app.press('\x1b[200~foo\rq\x1b[201~');
    // Nothing may change: press a key that does change the screen, and check it is the only change.
    app.press('j');
    const after = await app.waitForChange(before);
    expect(app.hasExited).toBe(false);
    expect(after[0]).toBe(before[0]);
    app.press('q');
    expect((await app.exited()).exitCode).toBe(0);
  });

  it('a legacy mouse report (ESC [ M and three bytes) is never typed into the query', async () => {
    const app = await open();
    app.press(`/ab\x1b[M${String.fromCharCode(32, 33 + 10, 33 + 5)}c`);
    const rows = await app.waitFor((r) => r[STATUS]!.startsWith('/abc'), undefined, 'the query "abc"');
    expect(rows[STATUS]!.startsWith('/abc ') || rows[STATUS]!.trimEnd() === '/abc').toBe(true);
  });

  it('Esc then a key in one read is Esc, then the key: "/x", then Esc + "2" closes the search and opens section 2', async () => {
    const app = await open();
    app.press('/x');
    await app.waitFor((rows) => rows[STATUS]!.startsWith('/x'));
    app.press('\x1b2');
    // Section 2 holds only the project tied to no organization.
    await app.waitFor((rows) => !rows[STATUS]!.startsWith('/') && rows.join('\n').includes(JIWOO.ownProject), undefined, 'section 2, the search closed');
    expect(app.hasExited).toBe(false);
  });
});
