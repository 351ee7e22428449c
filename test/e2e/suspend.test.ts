import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {fixturePath} from '../helpers/fixtures';
import {ptyApps, type PtyApp} from '../helpers/pty';
import {statusRow} from '../helpers/frame-rows';

// test/fixtures/jiwoo.json: its name is 한지우, its first section 경력.
const launch = ptyApps();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The process state letter from /proc (T: stopped by job control). */
const stateOf = (pid: number) => /\) (\w) /.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];

/** Waits until the program is stopped (or running again), as the kernel reports it. */
async function waitState(app: PtyApp, stopped: boolean) {
  for (let i = 0; i < 400; i++) {
    if ((stateOf(app.programPid()) === 'T') === stopped) return;
    await sleep(10);
  }
  throw new Error(`the program never ${stopped ? 'stopped' : 'continued'}\n${app.dump()}`);
}

/** The terminal as the program left it, read from outside: the tty's modes and the emulator's. */
function terminalState(app: PtyApp) {
  const stty = execFileSync('stty', ['-a', '-F', app.ptsName!], {encoding: 'utf8'}).split(/[\s;]+/);
  return {
    screen: app.bufferType,
    lineMode: stty.includes('icanon') && stty.includes('echo'),
    mouse: app.term.modes.mouseTrackingMode,
    paste: app.term.modes.bracketedPasteMode,
  };
}

describe.skipIf(process.platform === 'win32')('suspend: Ctrl-Z and SIGTSTP give the terminal back; SIGCONT takes it again', () => {
  for (const [how, stop] of [
    ['Ctrl-Z', (app: PtyApp) => app.press('\x1a')],
    ['SIGTSTP from elsewhere', (app: PtyApp) => app.kill('SIGTSTP')],
  ] as const) {
    it(`${how}: stopped with the main screen, line mode, mouse and paste off; SIGCONT redraws the whole frame, keys work, q exits 0`, async () => {
      const app = launch({cols: 80, rows: 24, args: [fixturePath('jiwoo')]});
      await app.ready('한지우');
      expect(terminalState(app)).toEqual({screen: 'alternate', lineMode: false, mouse: 'vt200', paste: true});
      app.press('j');
      const before = await app.waitFor((rows) => /\d+%\s*$/.test(statusRow(rows) ?? '') && !/ 0%\s*$/.test(statusRow(rows) ?? ''));
      stop(app);
      await waitState(app, true);
      // The bytes written just before the stop can reach us after the kernel reports it stopped
      // (seen 2 ms after Ctrl-Z, the bytes ~10 ms later): wait for them, then judge the whole state.
      await app.waitFor(() => app.bufferType === 'normal', 2000).catch(() => undefined);
      expect(terminalState(app)).toEqual({screen: 'normal', lineMode: true, mouse: 'none', paste: false});

      process.kill(app.programPid(), 'SIGCONT');
      await waitState(app, false);
      const after = await app.waitFor((rows) => rows[0]!.startsWith('한지우') && statusRow(rows) === statusRow(before), 10_000, 'the whole frame again');
      expect(after).toEqual(before);
      expect(terminalState(app)).toEqual({screen: 'alternate', lineMode: false, mouse: 'vt200', paste: true});
      app.press('k');
      await app.waitFor((rows) => / 0%\s*$/.test(statusRow(rows) ?? ''));
      app.press('q');
      expect((await app.exited()).exitCode).toBe(0);
    });
  }
});
