/**
 * Every size threshold, named, in one place: the widths text is printed at, the smallest frame
 * the app draws, where the layout changes, and how far a key or the wheel moves. Pure constants;
 * anything that decides by a size imports it from here.
 */

/** Printed width when there is a terminal: wider lines are hard to read (glow caps at 120). */
export const MAX_READING_WIDTH = 100;
/** Printed width when there is no terminal to ask (piped, redirected). */
export const DEFAULT_WIDTH = 80;
/** Narrowest `--width` the renderers accept. */
export const MIN_WIDTH = 10;
/** Widest `--width` accepted. */
export const MAX_WIDTH = 1000;

/** Below this the app shows one line asking for a larger terminal instead of a broken frame. */
export const MIN_SIZE = {width: 40, rows: 10} as const;

/** From this width up, work is laid out as the source's page: organization left, projects right. */
export const WIDE_LAYOUT = 100;

/** The header grows with the terminal: the greeting from this many rows, the contacts from the next. */
export const HEADER_GREETING_ROWS = 16;
export const HEADER_CONTACTS_ROWS = 20;

/** Lines one ↓/↑ press scrolls inside a panel taller than the screen, and one wheel step scrolls. */
export const LINE_STEP = 3;
export const WHEEL_STEP = 3;

/** Sections with at most this many panels are measured whole before their first frame. */
export const EAGER_PANELS = 200;
/** Drawn panels kept: enough for several screens of the largest terminal, then the oldest go. */
export const DRAWN_PANELS = 256;
