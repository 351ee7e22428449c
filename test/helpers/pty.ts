/**
 * End-to-end harness: the BUILT program in a real pseudo-terminal (node-pty), its output fed to a
 * headless xterm.js so tests read the screen cell by cell, as a person would see it. One module
 * per concern; this one gathers them for the tests:
 *
 * - pty-app.ts: the app driver (PtyApp, startApp, waits, keys, resize, exit), its environment
 * - pty-apps.ts: ptyApps(), the programs of a vitest file, disposed after each test
 * - keys.ts: the bytes real keys send
 * - term-widths.ts: character widths for the emulator, as the app measures them
 * - shell-report.ts: the bash wrapper that reports the tty's modes and the exit code
 * - process-memory.ts: a process's memory from /proc
 * - wait.ts: waitFor, the one poller every wait of the helpers and tests goes through
 */
export {KEYS} from './keys';
export {PtyApp, ptyEnv, startApp, ttyIsRaw, type PtyOptions, type ScreenPredicate} from './pty-app';
export {ptyApps} from './pty-apps';
export type {ShellReport} from './shell-report';
export {waitFor, WaitError} from './wait';
