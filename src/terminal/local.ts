import {ENTER_SCREEN, LEAVE_SCREEN, MOUSE_ON, PASTE_ON} from './modes';

/**
 * The local terminal as the app holds it: taken (alternate screen, mouse reports, bracketed
 * paste, raw mode) and given back exactly as it was found, on exit and around a suspend
 * (Ctrl-Z, SIGTSTP: job control gets the terminal back, and `fg` brings the app back whole).
 */
export interface HeldTerminal {
  /** Switch the app's modes on (the first frame follows). */
  take(): void;
  /** Give the terminal back: main screen, cursor shown, mouse and paste off, line mode. Safe twice. */
  release(): void;
  /** Give the terminal back and stop; when continued, take it again and call `redraw`. */
  suspend(): void;
  /** Stop listening for SIGTSTP and SIGCONT. */
  dispose(): void;
}

/** Job control exists where these signals do (not on Windows). */
export const CAN_SUSPEND = process.platform !== 'win32';

export function holdTerminal(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, options: {mouse: boolean; redraw: () => void}): HeldTerminal {
  let held = false;
  const setRaw = (raw: boolean) => {
    if (stdin.isTTY) stdin.setRawMode(raw);
  };
  const take = () => {
    if (held) return;
    held = true;
    stdout.write(ENTER_SCREEN + (options.mouse ? MOUSE_ON : '') + PASTE_ON);
  };
  const release = () => {
    if (!held) return;
    held = false;
    stdout.write(LEAVE_SCREEN);
  };
  const suspend = () => {
    if (!CAN_SUSPEND) return;
    release();
    setRaw(false);
    // SIGSTOP, not SIGTSTP: a handler is installed for SIGTSTP (this one), and SIGSTOP cannot be
    // caught; the shell sees the job stopped either way.
    process.kill(process.pid, 'SIGSTOP');
  };
  const onContinue = () => {
    if (held) return;
    setRaw(true);
    take();
    options.redraw();
  };
  if (CAN_SUSPEND) {
    process.on('SIGTSTP', suspend);
    process.on('SIGCONT', onContinue);
  }
  return {
    take,
    release,
    suspend,
    dispose() {
      process.off('SIGTSTP', suspend);
      process.off('SIGCONT', onContinue);
    },
  };
}
