import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {fixturePath} from '../helpers/fixtures';
import {ptyApps, waitFor, type PtyApp} from '../helpers/pty';
import {statusRow} from '../helpers/frame-rows';
import {finalDecModes, HIDE_CURSOR} from '../helpers/terminal-state';

/** Ink writes each frame as a synchronized update: this starts one. */
const SYNC_START = '\x1b[?2026h';

// test/fixtures/jiwoo.json: its name is 한지우, its first section 경력.
const launch = ptyApps();

/** Waits until the program is stopped by job control (or running again), as the kernel reports it. */
async function waitState(app: PtyApp, stopped: boolean) {
  await waitFor(() => (app.programState() === 'T') === stopped, {
    what: stopped ? 'the program to stop (state T in /proc)' : 'the program to continue',
    show: () => app.dump(),
    hopeless: () => (app.hasExited ? 'the program exited' : undefined),
  });
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
      // Stopped: it wrote the terminal back before stopping, but those bytes may still be in the
      // pty's buffer, not yet read by this process (/proc says T first). Read all of them.
      await app.drained();
      expect(terminalState(app)).toEqual({screen: 'normal', lineMode: true, mouse: 'none', paste: false});

      expect(finalDecModes(app.raw).get(25), 'the cursor shown while stopped').toBe(true);
      const stoppedAt = app.raw.length;

      process.kill(app.programPid(), 'SIGCONT');
      await waitState(app, false);
      const after = await app.waitFor((rows) => rows[0]!.startsWith('한지우') && statusRow(rows) === statusRow(before), undefined, 'the whole frame again');
      expect(after).toEqual(before);
      expect(terminalState(app)).toEqual({screen: 'alternate', lineMode: false, mouse: 'vt200', paste: true});
      // Taken again, the cursor is hidden again (tmux and screen showed it over the frame): with the
      // modes, before the frame is drawn, not only by a redraw that may come later or not at all.
      const resumed = app.raw.slice(stoppedAt);
      expect(finalDecModes(resumed).get(25), 'the cursor hidden after SIGCONT (the last ?25 is l)').toBe(false);
      const hidden = resumed.indexOf(HIDE_CURSOR);
      expect(hidden, 'no ?25l after SIGCONT').toBeGreaterThan(-1);
      expect(hidden, 'the cursor hidden with the modes, before the first frame after SIGCONT').toBeLessThan(resumed.indexOf(SYNC_START));
      app.press('k');
      await app.waitFor((rows) => / 0%\s*$/.test(statusRow(rows) ?? ''));
      app.press('q');
      expect((await app.exited()).exitCode).toBe(0);
    });
  }
});
