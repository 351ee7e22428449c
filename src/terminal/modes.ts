/**
 * The terminal modes the app switches on, and what switches them off again. Every way out of
 * the app writes LEAVE_SCREEN (src/ui/start.ts), so a terminal is always left as it was found.
 * Sequences: https://invisible-island.net/xterm/ctlseqs/ctlseqs.html
 */

/** Mouse reports: button presses and the wheel (1000), in SGR's extended form (1006). Ink reads no mouse (vadimdemedes/ink#632). */
export const MOUSE_ON = '\x1b[?1000h\x1b[?1006h';
export const MOUSE_OFF = '\x1b[?1006l\x1b[?1000l';

/** Bracketed paste: a paste arrives between ESC[200~ and ESC[201~, so it is never taken as keys. */
export const PASTE_ON = '\x1b[?2004h';
export const PASTE_OFF = '\x1b[?2004l';

/** The alternate screen, cleared, the cursor at its top left: the reader's shell and scrollback come back untouched on exit. */
export const ENTER_SCREEN = '\x1b[?1049h\x1b[H\x1b[2J';
/**
 * The cursor hidden (DECTCEM off). Written with the modes each time the screen is taken, at the
 * start and after `fg`: Ink hides the cursor only as part of drawing a frame, and tmux and GNU
 * screen showed it over the frame after a resume.
 */
export const CURSOR_HIDE = '\x1b[?25l';

/** Mouse reports and bracketed paste off, the main screen back, the cursor shown. */
export const LEAVE_SCREEN = `${MOUSE_OFF}${PASTE_OFF}\x1b[?1049l\x1b[?25h`;
