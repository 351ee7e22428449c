import {onExit} from 'signal-exit';
import {supportsHyperlink} from 'supports-hyperlinks';
import type {JobControl, Session} from './session';

/**
 * The local terminal as a session: the process's own stdin and stdout, its size, and the
 * process signals that only it has: a signal that ends the process restores the screen
 * (signal-exit, because process 'exit' does not run on SIGINT/SIGTERM/SIGHUP), and Ctrl-Z or
 * SIGTSTP gives the terminal back and stops, `fg` (SIGCONT) takes it again.
 */

/** Job control exists where these signals do (not on Windows). */
export const CAN_SUSPEND = process.platform !== 'win32';

export function localSession(stdin: NodeJS.ReadStream = process.stdin, stdout: NodeJS.WriteStream = process.stdout): Session {
  const setRaw = (raw: boolean) => {
    if (stdin.isTTY) stdin.setRawMode(raw);
  };
  const jobControl: JobControl = (hooks) => {
    let stopped = false;
    // While stopped, the app reads nothing (Ink unrefs the terminal's input when it gives the
    // terminal back), and a loop with nothing left to wait for ends the process as soon as
    // SIGCONT runs it: this timer is what it waits for until the SIGCONT handler has run.
    let waiting: NodeJS.Timeout | undefined;
    const suspend = () => {
      stopped = true;
      waiting ??= setInterval(() => {}, 1 << 30);
      hooks.stopping();
      setRaw(false);
      // SIGSTOP, not SIGTSTP: a handler is installed for SIGTSTP (this one), and SIGSTOP cannot be
      // caught; the shell sees the job stopped either way.
      process.kill(process.pid, 'SIGSTOP');
    };
    const onContinue = () => {
      if (!stopped) return;
      stopped = false;
      setRaw(true);
      hooks.continued();
      clearInterval(waiting);
      waiting = undefined;
    };
    process.on('SIGTSTP', suspend);
    process.on('SIGCONT', onContinue);
    return {
      suspend,
      dispose() {
        clearInterval(waiting);
        process.off('SIGTSTP', suspend);
        process.off('SIGCONT', onContinue);
      },
    };
  };
  return {
    input: stdin,
    output: stdout,
    hyperlinks: supportsHyperlink(stdout),
    onEnd: (restore) => onExit(restore, {alwaysLast: true}),
    jobControl: CAN_SUSPEND ? jobControl : undefined,
  };
}
