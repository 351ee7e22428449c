/**
 * What a program left its terminal in, judged from outside: the bytes it wrote (DEC private modes
 * set and reset, in order) and the line discipline the bash wrapper of test/helpers/pty.ts read
 * with `stty` after it exited. Shared by the exit-path, odd-terminal and scale suites.
 */
import stringWidth from 'string-width';
import type {PtyApp, ShellReport} from './pty';

export const ENTER_ALT = '\x1b[?1049h';
export const LEAVE_ALT = '\x1b[?1049l';
export const SHOW_CURSOR = '\x1b[?25h';
export const HIDE_CURSOR = '\x1b[?25l';

/** Mouse reporting modes (X10, normal, highlight, button, any-motion; UTF-8, SGR, urxvt, SGR-pixels encodings). */
export const MOUSE_MODES = [9, 1000, 1001, 1002, 1003, 1005, 1006, 1015, 1016] as const;
/** Other input modes a program may turn on that must not outlive it: focus events, bracketed paste. */
export const INPUT_MODES = [1004, 2004] as const;

/** Every DEC private mode set (`CSI ? Pm h`) or reset (`CSI ? Pm l`) in `raw`, in order. */
export function decModeChanges(raw: string): Array<{mode: number; on: boolean; at: number}> {
  const changes: Array<{mode: number; on: boolean; at: number}> = [];
  for (const m of raw.matchAll(/\x1b\[\?([\d;]+)([hl])/g)) {
    for (const p of m[1]!.split(';')) if (p !== '') changes.push({mode: Number(p), on: m[2] === 'h', at: m.index});
  }
  return changes;
}

/** The last state each mode was put in (modes never mentioned are absent). */
export function finalDecModes(raw: string): Map<number, boolean> {
  const state = new Map<number, boolean>();
  for (const c of decModeChanges(raw)) state.set(c.mode, c.on);
  return state;
}

/**
 * What is wrong with the terminal state `raw` leaves behind, as readable problems (empty when all
 * is well): the alternate screen entered and left after its last entry, the cursor shown last,
 * and every mouse or input mode that was ever turned on turned off again afterwards.
 */
export function screenStateProblems(raw: string, {enteredAlt = true}: {enteredAlt?: boolean} = {}): string[] {
  const problems: string[] = [];
  const modes = finalDecModes(raw);
  if (enteredAlt) {
    if (!raw.includes(ENTER_ALT)) problems.push('never entered the alternate screen');
    if (raw.lastIndexOf(LEAVE_ALT) < raw.lastIndexOf(ENTER_ALT)) problems.push('did not leave the alternate screen after entering it last');
  } else if (raw.includes(ENTER_ALT)) {
    problems.push('entered the alternate screen');
  }
  if (modes.get(1049) === true || modes.get(1047) === true || modes.get(47) === true) problems.push('an alternate screen mode is still on');
  if (modes.get(25) === false) problems.push('the cursor is left hidden (the last ?25 is l)');
  if (raw.lastIndexOf(HIDE_CURSOR) > raw.lastIndexOf(SHOW_CURSOR)) problems.push('the cursor was hidden after it was last shown');
  for (const mode of [...MOUSE_MODES, ...INPUT_MODES]) {
    if (modes.get(mode) === true) problems.push(`mode ?${mode} (${mode === 1004 ? 'focus events' : mode === 2004 ? 'bracketed paste' : 'mouse reporting'}) was turned on and never off`);
  }
  if (modes.get(2026) === true) problems.push('synchronized output (?2026) is left on');
  return problems;
}

/** Words of `stty -a`: `icanon`, `-echo`, … */
export const sttyWords = (all: string): Set<string> => new Set(all.split(/[\s;]+/).filter(Boolean));

/** What is wrong with the line discipline after the program: line mode, echo, signals back, and `stty -g` as before. */
export function sttyProblems(report: ShellReport): string[] {
  const problems: string[] = [];
  const words = sttyWords(report.sttyAll);
  for (const word of ['icanon', 'echo', 'isig', 'icrnl', 'opost']) if (!words.has(word)) problems.push(`stty -a does not show ${word}`);
  for (const word of ['-icanon', '-echo', '-isig']) if (words.has(word)) problems.push(`stty -a shows ${word}`);
  if (report.sttyAfter !== report.sttyBefore) problems.push(`stty -g changed: before ${report.sttyBefore}, after ${report.sttyAfter}`);
  return problems;
}

/** The emulated terminal's own view: the normal screen and no mouse tracking. */
export function emulatorProblems(app: PtyApp): string[] {
  const problems: string[] = [];
  if (app.bufferType !== 'normal') problems.push('the emulator still shows the alternate screen');
  if (app.term.modes.mouseTrackingMode !== 'none') problems.push(`the emulator still reports the mouse (${app.term.modes.mouseTrackingMode})`);
  if (app.term.modes.bracketedPasteMode) problems.push('the emulator is still in bracketed paste mode');
  return problems;
}

/** Everything above, for a program run under the bash wrapper (`shell: true`). */
export function restoredProblems(app: PtyApp, report: ShellReport): string[] {
  return [...screenStateProblems(app.raw), ...emulatorProblems(app), ...sttyProblems(report)];
}

/** The text the program printed after leaving the alternate screen and before the wrapper's report, escapes removed. */
export function textAfterLeaving(raw: string): string {
  const leave = raw.lastIndexOf(LEAVE_ALT);
  const from = leave === -1 ? 0 : leave + LEAVE_ALT.length;
  const end = raw.indexOf('__EXIT=', from);
  return raw
    .slice(from, end === -1 ? undefined : end)
    .replace(/\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]/g, '')
    .replace(/\r/g, '');
}

/** Escape sequences (CSI, OSC, DCS/APC, other ESC x) and the bytes that start them, as found in `raw`. */
export const ANY_ESCAPE = /\x1b|[\x80-\x9f]/;

/**
 * Rows of the emulated screen wider than the terminal, or continued by the terminal from the row
 * above (the program wrote past the right edge and xterm wrapped it): both mean a row overflowed.
 */
export function screenWidthProblems(app: PtyApp): string[] {
  const problems: string[] = [];
  const wrapped = app.wrapped();
  app.screen().forEach((row, i) => {
    const width = stringWidth(row);
    if (width > app.cols) problems.push(`row ${i} is ${width} cells wide, the terminal ${app.cols}: ${row}`);
    if (wrapped[i]) problems.push(`row ${i} was wrapped onto from row ${i - 1}`);
  });
  return problems;
}

/** SGR foreground or background color parameters (30–38, 40–48, 90–97, 100–107) in `raw`; bold, inverse and resets are fine. */
export function sgrColors(raw: string): string[] {
  return [...raw.matchAll(/\x1b\[([0-9;:]*)m/g)].flatMap((m) => m[1]!.split(/[;:]/)).filter((p) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(p));
}

/** What the program wrote under the bash wrapper: everything between the wrapper's first line and its `__EXIT=` line. */
export function programOutput(raw: string): string {
  const before = raw.indexOf('__STTY_BEFORE=');
  const from = before === -1 ? 0 : raw.indexOf('\n', before) + 1;
  const end = raw.indexOf('__EXIT=', from);
  return raw.slice(from, end === -1 ? undefined : end);
}

/** Lines of printed (not full-screen) output wider than `cols` once SGR codes are removed. */
export function printedWidthProblems(output: string, cols: number): string[] {
  return output
    .replace(/\x1b\[[0-9;:]*m/g, '')
    .split(/\r?\n/)
    .filter((line) => stringWidth(line) > cols)
    .map((line) => `${stringWidth(line)} cells (the terminal has ${cols}): ${line}`);
}
