import {CURSOR_HIDE, ENTER_SCREEN, LEAVE_SCREEN, MOUSE_ON, PASTE_ON} from './modes';

/**
 * A terminal the app runs in: the local one (src/terminal/local.ts) or an SSH channel with a pty
 * (src/serve/ssh-session.ts). The app reads and writes only these streams and never the
 * process's own, so one process can run many apps at once, each in its own session.
 */
export interface Session {
  /**
   * What the reader types and the terminal answers. Ink reads it (`isTTY`, `setRawMode`,
   * `setEncoding`, `read` on 'readable', `ref`/`unref`); its 'end' ends the app as `q` does.
   */
  readonly input: NodeJS.ReadStream;
  /** Where frames go: `columns`, `rows` and `isTTY`, and a 'resize' event when the size changes. */
  readonly output: NodeJS.WriteStream;
  /** Whether the terminal shows OSC 8 links (else links are written as "text (url)"). */
  readonly hyperlinks: boolean;
  /**
   * Registers `restore`, run when the session is ended from outside while the app holds it
   * (locally a signal that ends the process; over SSH the server stopping). Returns the way
   * to unregister it.
   */
  onEnd(restore: () => void): () => void;
  /** Job control (Ctrl-Z, `fg`), where the session has it: only the local terminal. */
  readonly jobControl?: JobControl;
}

/** What the app does around a suspend: give the screen back before, take it again after. */
export interface SuspendHooks {
  stopping(): void;
  continued(): void;
}

/** Attaches the app's hooks; `suspend` stops now, and `dispose` stops listening. */
export type JobControl = (hooks: SuspendHooks) => {suspend(): void; dispose(): void};

/**
 * A session's screen as the app holds it: taken (alternate screen, mouse reports, bracketed
 * paste) and given back exactly as it was found, on exit and around a suspend.
 */
export interface HeldScreen {
  /** Switch the app's modes on, the cursor hidden (the first frame follows). */
  take(): void;
  /** Give the terminal back: main screen, cursor shown, mouse and paste off. Safe twice. */
  release(): void;
  /** Give the terminal back and stop, where the session can; when continued, take it again and redraw. */
  suspend?: () => void;
  /** Stop listening for job control. */
  dispose(): void;
}

/**
 * What the renderer does around a suspend, inside the screen the session holds: `give` before
 * the screen is released (the renderer erases its frame and stops reading), `take` after it is
 * taken again (the renderer reads again and draws its whole frame).
 */
export interface RendererHandover {
  give(): void;
  take(): void;
}

export function holdScreen(session: Session, options: {mouse: boolean; renderer: RendererHandover}): HeldScreen {
  let held = false;
  const {output} = session;
  const take = () => {
    if (held) return;
    held = true;
    output.write(ENTER_SCREEN + CURSOR_HIDE + (options.mouse ? MOUSE_ON : '') + PASTE_ON);
  };
  const release = () => {
    if (!held) return;
    held = false;
    output.write(LEAVE_SCREEN);
  };
  const jobs = session.jobControl?.({
    stopping() {
      options.renderer.give();
      release();
    },
    continued() {
      if (held) return;
      take();
      options.renderer.take();
    },
  });
  return {take, release, suspend: jobs?.suspend, dispose: () => jobs?.dispose()};
}
