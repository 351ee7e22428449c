/**
 * The BUILT program in a real pseudo-terminal (node-pty), its output fed to a headless xterm.js
 * so tests read the screen cell by cell, as a person would see it. Waits end as soon as their
 * condition holds on a whole frame; nothing sleeps and hopes. Build first (`npm run build`;
 * `npm test` does). No test-runner imports here: bench/ drives programs with this too.
 */
import {execFile} from 'node:child_process';
import {closeSync, constants, openSync, writeSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {spawn, type IPty} from 'node-pty';
import xterm from '@xterm/headless';
import type {IBufferLine, Terminal} from '@xterm/headless';
import {BIN, cleanEnv, NODE} from './cli';
import {REPO_ROOT} from './fixtures';
import {onlyChild, processState, statusKiB} from './process-memory';
import {parseShellReport, reportReceived, shellWrapped, type ShellReport} from './shell-report';
import {useWidths, type UnicodeWidths} from './term-widths';
import {DEFAULT_TIMEOUT_MS, waitFor} from './wait';
import {programVar} from './program';

export interface PtyOptions {
  cols: number;
  rows: number;
  /** Arguments after `bin/kim-resume.js`. */
  args?: string[];
  /** Added to (or, as `undefined`, removed from) the clean environment. */
  env?: Record<string, string | undefined>;
  /**
   * Run through bash so the program's exit code and the tty's line discipline after it can be
   * read: `stty -g` before and after, then `stty -a`, all printed after the program exits.
   */
  shell?: boolean;
  /** Run this program instead of `node bin/kim-resume.js` (an installed package's bin), from `cwd`. */
  command?: {file: string; args?: string[]; cwd: string};
  /**
   * Answer OSC 11 (the background colour query) as a terminal with a white (`light`) or black
   * (`dark`) background. Without it the emulator answers no OSC 11, as xterm.js does not.
   */
  background?: 'light' | 'dark';
  /**
   * Whether the emulator's own answers (DA1, cursor position reports) reach the program, as a
   * real terminal's do (default true). False: a terminal that answers nothing at all.
   */
  answers?: boolean;
  /** The widths the emulator draws with (term-widths.ts): the app's (default), or xterm.js's Unicode 6 or 11 tables. */
  unicode?: UnicodeWidths;
  /**
   * A terminal that answers as other terminals do, not as xterm.js: the harness answers the
   * queries itself, in the order they are parsed (xterm.js's own answers are dropped). See
   * FakeAnswers.
   */
  fake?: FakeAnswers;
}

/**
 * How a fake terminal answers: cursor position reports (CSI 6n) from `origin` (1 as xterm, 0 as
 * dvtm 0.15), DA1 (`CSI c`) or not (dvtm never does), and OSC 11 with `background` either in
 * order or, with `backgroundAfterMs`, only that long after the next DA1 answer, as GNU screen
 * passes OSC 11 on to the terminal it runs in and answers DA1 itself.
 */
export interface FakeAnswers {
  origin?: 0 | 1;
  da1?: boolean;
  background?: 'light' | 'dark';
  backgroundAfterMs?: number;
}

/** OSC 11's answer, as xterm gives it (`rgb:RRRR/GGGG/BBBB`, ST-terminated). */
const BACKGROUND_REPLY = {light: '\x1b]11;rgb:ffff/ffff/ffff\x1b\\', dark: '\x1b]11;rgb:0000/0000/0000\x1b\\'} as const;

export type ScreenPredicate = string | RegExp | ((rows: string[]) => boolean);

/**
 * The environment of a person's shell: none of the variables that switch colors or Node options
 * (cleanEnv), and none that say "CI". CI runs this suite with CI=true, and Ink (and is-in-ci)
 * change behaviour when they see it.
 */
export function ptyEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env = cleanEnv();
  for (const key of Object.keys(env)) {
    if (key === 'CI' || key.startsWith('CI_') || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('VITEST') || key === 'NODE_ENV') {
      delete env[key];
    }
  }
  env.TERM = 'xterm-256color';
  // The terminal's background is what a test says it is (PtyOptions.background, COLORFGBG in `extra`).
  delete env.COLORFGBG;
  delete env[programVar('THEME')];
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries({...env, ...extra})) if (value !== undefined) out[key] = value;
  return out;
}

/** `stty -a -F <pts>`: whether the program has put its terminal in raw mode yet. */
export function ttyIsRaw(pts: string): Promise<boolean | undefined> {
  return new Promise((resolve) => {
    execFile('stty', ['-a', '-F', pts], (error, stdout) => {
      if (error) resolve(undefined);
      else resolve(/(^|\s)-icanon(\s|;|$)/.test(stdout));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A ScreenPredicate as a function of the visible rows. */
function screenTest(predicate: ScreenPredicate): (rows: string[]) => boolean {
  if (typeof predicate === 'function') return predicate;
  return (rows) => (typeof predicate === 'string' ? rows.join('\n').includes(predicate) : predicate.test(rows.join('\n')));
}

/**
 * A row as the terminal shows it: its first `cols` cells, trailing blanks trimmed. Only those: in
 * the alternate screen xterm.js keeps a row's cells past a narrower width after a resize (it
 * shortens rows only where it reflows, the normal buffer: `Buffer.resize` in
 * https://github.com/xtermjs/xterm.js/blob/master/src/common/buffer/Buffer.ts), and
 * translateToString would read a wider frame's leftovers that no terminal draws.
 */
export function visibleText(line: IBufferLine | undefined, cols: number): string {
  return line?.translateToString(true, 0, cols) ?? '';
}

/** One run of the program in a pseudo-terminal, with its screen emulated. */
export class PtyApp {
  readonly term: Terminal;
  /** performance.now() just before the program was started. */
  readonly startedAt: number;
  private readonly pty: IPty;
  private readonly options: PtyOptions;
  private output = '';
  private pending: Promise<void> = Promise.resolve();
  private exit: {exitCode: number; signal?: number} | undefined;
  private readonly exitPromise: Promise<{exitCode: number; signal?: number}>;
  private disposed = false;
  private released = false;
  private outputAt = 0;
  private inputAt = 0;
  private drains = 0;
  /** What a fake terminal (PtyOptions.fake) has answered so far, in order. */
  readonly sentAnswers: string[] = [];
  /** Called with each chunk's arrival time once the emulator has parsed it (see whenScreen). */
  private readonly parsedListeners = new Set<(arrivedAt: number) => void>();

  constructor(options: PtyOptions) {
    this.options = options;
    const {cols, rows} = options;
    this.term = new xterm.Terminal({cols, rows, allowProposedApi: true, scrollback: 1000});
    useWidths(this.term, options.unicode ?? 'app');
    const env = ptyEnv(options.env);
    const [runFile, runArgs]: [string, string[]] = options.command
      ? [options.command.file, [...(options.command.args ?? []), ...(options.args ?? [])]]
      : [NODE, [BIN, ...(options.args ?? [])]];
    const [file, args] = options.shell ? shellWrapped(runFile, runArgs) : [runFile, runArgs];
    this.startedAt = performance.now();
    // node-pty sets TERM to `name`: pass the environment's own, so `env: {TERM: 'dumb'}` holds.
    this.pty = spawn(file, args, {name: env.TERM ?? 'xterm-256color', cols, rows, cwd: options.command?.cwd ?? REPO_ROOT, env});
    this.pty.onData((data) => {
      const arrivedAt = performance.now();
      this.outputAt = arrivedAt;
      this.output += data;
      if (this.options.shell && !this.released && reportReceived(this.output, data)) {
        // Every byte of the report is here: let the wrapper exit.
        this.released = true;
        this.pty.kill('SIGUSR1');
      }
      // xterm parses asynchronously: remember when the last chunk is in the buffer.
      this.pending = new Promise((resolve) =>
        this.term.write(data, () => {
          resolve();
          for (const listener of this.parsedListeners) listener(arrivedAt);
        }),
      );
    });
    // The emulator answers queries (DA1, CSI 6n) through onData, in the order they were asked;
    // an OSC 11 handler answers in that same order, before the queries after it.
    if (options.fake) this.answerAs(options.fake);
    else if (options.answers !== false) this.term.onData((reply) => this.pty.write(reply));
    const background = options.background;
    if (background) {
      this.term.parser.registerOscHandler(11, (data) => {
        if (data !== '?') return false;
        this.pty.write(BACKGROUND_REPLY[background]);
        return true;
      });
    }
    this.exitPromise = new Promise((resolve) => {
      this.pty.onExit((event) => {
        this.exit = event;
        resolve(event);
      });
    });
  }

  /** Answers the program's queries as `fake` says (see FakeAnswers), from the parser, in order. */
  private answerAs(fake: FakeAnswers): void {
    const origin = fake.origin ?? 1;
    let lateBackground = false;
    const reply = (text: string) => {
      if (this.exit) return;
      this.pty.write(text);
      this.sentAnswers.push(text);
    };
    this.term.parser.registerCsiHandler({final: 'n'}, (params) => {
      if (params[0] !== 6) return false;
      const buffer = this.term.buffer.active;
      reply(`\x1b[${buffer.cursorY + origin};${Math.min(buffer.cursorX, this.term.cols - 1) + origin}R`);
      return true;
    });
    this.term.parser.registerCsiHandler({final: 'c'}, (params) => {
      if ((params[0] ?? 0) !== 0) return false;
      if (fake.da1 === false) return true;
      reply('\x1b[?1;2c');
      if (lateBackground && fake.background) {
        lateBackground = false;
        const answer = BACKGROUND_REPLY[fake.background];
        setTimeout(() => reply(answer), fake.backgroundAfterMs);
      }
      return true;
    });
    this.term.parser.registerOscHandler(11, (data) => {
      if (data !== '?' || !fake.background) return data === '?';
      if (fake.backgroundAfterMs === undefined) reply(BACKGROUND_REPLY[fake.background]);
      else lateBackground = true;
      return true;
    });
  }

  /** The text of `row` drawn highlighted (inverse, or on a background color), e.g. the active tab. */
  highlighted(row: number): string {
    const buffer = this.term.buffer.active;
    const line = buffer.getLine(buffer.viewportY + row);
    const cell = buffer.getNullCell();
    let text = '';
    for (let x = 0; x < this.cols; x++) {
      const got = line?.getCell(x, cell);
      if (got && (got.isInverse() || !got.isBgDefault())) text += got.getChars() || ' ';
    }
    return text;
  }

  get cols(): number {
    return this.term.cols;
  }

  get rows(): number {
    return this.term.rows;
  }

  /** Every byte the program (and the wrapper) wrote, as received. */
  get raw(): string {
    return this.output;
  }

  get hasExited(): boolean {
    return this.exit !== undefined;
  }

  /** performance.now() when the last output arrived (0 before any). */
  get lastOutputAt(): number {
    return this.outputAt;
  }

  /** performance.now() when `press` last sent keys (0 before any). */
  get lastInputAt(): number {
    return this.inputAt;
  }

  /** False while the emulator is inside a synchronized update (a frame half written). */
  get frameComplete(): boolean {
    return !this.term.modes.synchronizedOutputMode;
  }

  /**
   * Resolves once every byte the program has written so far is in the emulated screen, received
   * or not: `flushed()` covers only what has been read from the pty, and a program that has just
   * stopped or exited may have written more that is still in the kernel's buffer. A marker (an
   * OSC that xterm.js ignores) is written into the terminal from outside, behind the program's
   * output, and awaited.
   */
  async drained(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    const pts = this.ptsName;
    if (!pts) throw new Error('drained() needs the pty\'s slave name');
    const marker = `\x1b]7777;kim-resume-test-drained-${++this.drains}\x07`;
    const from = this.output.length;
    const fd = openSync(pts, constants.O_WRONLY | constants.O_NOCTTY);
    try {
      writeSync(fd, marker);
    } finally {
      closeSync(fd);
    }
    await waitFor(() => this.output.includes(marker, from), {what: 'the program\'s output to be read (the marker behind it)', timeoutMs, show: () => this.dump()});
    await this.flushed();
  }

  /**
   * The program's state as the kernel reports it (/proc/PID/stat): 'T' stopped by job control,
   * 'S' sleeping, 'R' running; undefined once it has gone.
   */
  programState(): string | undefined {
    return processState(this.programPid());
  }

  /** Resolves once every chunk received so far has been parsed into the emulated screen. */
  async flushed(): Promise<void> {
    let last: Promise<void>;
    do {
      last = this.pending;
      await last;
    } while (last !== this.pending);
  }

  /** The visible rows, each as xterm renders it to text (trailing blanks trimmed). */
  screen(): string[] {
    const buffer = this.term.buffer.active;
    const rows: string[] = [];
    for (let i = 0; i < this.term.rows; i++) rows.push(visibleText(buffer.getLine(buffer.viewportY + i), this.term.cols));
    return rows;
  }

  /**
   * The visible screen cell by cell: `cells()[row][column]` is the character drawn there, ' ' for
   * an empty cell and '' for the right half of a wide character (so columns line up).
   */
  cells(): string[][] {
    const buffer = this.term.buffer.active;
    const cell = buffer.getNullCell();
    const grid: string[][] = [];
    for (let i = 0; i < this.term.rows; i++) {
      const line = buffer.getLine(buffer.viewportY + i);
      const row: string[] = [];
      for (let x = 0; x < this.term.cols; x++) {
        const got = line?.getCell(x, cell);
        if (!got) row.push(' ');
        else if (got.getWidth() === 0) row.push('');
        else row.push(got.getChars() || ' ');
      }
      grid.push(row);
    }
    return grid;
  }

  /** For each visible row, whether xterm wrapped it from the row above (the app overflowed it). */
  wrapped(): boolean[] {
    const buffer = this.term.buffer.active;
    const out: boolean[] = [];
    for (let i = 0; i < this.term.rows; i++) out.push(buffer.getLine(buffer.viewportY + i)?.isWrapped ?? false);
    return out;
  }

  /** 'alternate' while the app runs full screen, 'normal' once it has left. */
  get bufferType(): 'normal' | 'alternate' {
    return this.term.buffer.active.type;
  }

  /** The screen as text, for failure messages. */
  dump(): string {
    return this.screen()
      .map((row, i) => `${String(i).padStart(2)}|${row}`)
      .join('\n');
  }

  /**
   * Polls the emulated screen until `predicate` holds (text or pattern anywhere on it, or a
   * function of the rows), and returns those rows. Only a whole frame is judged: never in the
   * middle of a synchronized update. Throws with the screen on timeout or if the program exits.
   */
  async waitFor(predicate: ScreenPredicate, timeoutMs = DEFAULT_TIMEOUT_MS, what?: string): Promise<string[]> {
    const test = screenTest(predicate);
    return waitFor(
      async () => {
        await this.flushed();
        if (!this.frameComplete) return undefined;
        const rows = this.screen();
        return test(rows) ? rows : undefined;
      },
      {
        what: what ?? (typeof predicate === 'function' ? 'a screen condition' : JSON.stringify(String(predicate))),
        timeoutMs,
        show: () => this.dump(),
        hopeless: () => this.exitedWith(),
      },
    );
  }

  /** "the program exited (code N)" once it has, for a wait that can no longer succeed. */
  private exitedWith(): string | undefined {
    return this.exit ? `the program exited (code ${this.exit.exitCode})` : undefined;
  }

  /**
   * For timing (bench/): resolves with the arrival time (performance.now()) of the output after
   * which the screen, a whole frame, satisfies `predicate`, judged as each chunk is parsed rather
   * than by polling; with undefined after `timeoutMs` (nothing thrown).
   */
  whenScreen(predicate: ScreenPredicate, timeoutMs: number): Promise<number | undefined> {
    const test = screenTest(predicate);
    if (this.frameComplete && test(this.screen())) return Promise.resolve(this.outputAt || performance.now());
    return new Promise((resolve) => {
      const listener = (arrivedAt: number) => {
        if (!this.frameComplete || !test(this.screen())) return;
        done();
        resolve(arrivedAt);
      };
      const timer = setTimeout(() => {
        done();
        resolve(undefined);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.parsedListeners.delete(listener);
      };
      this.parsedListeners.add(listener);
    });
  }

  /** Waits until the screen differs from `before` (the rows of an earlier `screen()`). */
  waitForChange(before: string[], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string[]> {
    const was = before.join('\n');
    return this.waitFor((rows) => rows.join('\n') !== was, timeoutMs, 'the screen to change');
  }

  /**
   * Waits for the first frame (`text` on screen) and for the program to have put the terminal in
   * raw mode, so keys pressed next reach it as key presses, not as a line being typed.
   */
  async ready(text: ScreenPredicate, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string[]> {
    const rows = await this.waitFor(text, timeoutMs);
    const pts = this.ptsName;
    if (!pts) return rows;
    await waitFor(async () => (await ttyIsRaw(pts)) === true, {what: 'raw mode', timeoutMs, show: () => this.dump(), hopeless: () => this.exitedWith()});
    return this.screen();
  }

  /** The pseudo-terminal's slave device (`/dev/pts/N`), as the program sees it. */
  get ptsName(): string | undefined {
    return (this.pty as IPty & {ptsName?: string}).ptsName;
  }

  /**
   * The terminal goes away, as when its window is closed: the master side is closed (the kernel
   * hangs up the slave: reads on it end, the session gets SIGHUP) and node-pty sends the first
   * process SIGHUP. Nothing can be read from the terminal afterwards. node-pty does not mark the
   * master close-on-exec: a pty program started after this one holds it open too, and then the
   * hangup does not happen until that program ends.
   */
  hangUp(): void {
    // UnixTerminal.destroy() closes the master and sends SIGHUP; IPty's typings leave it out.
    if (!this.exit) (this.pty as IPty & {destroy(): void}).destroy();
  }

  /**
   * A field of the program's `/proc/<pid>/status` in KiB (`VmRSS`, `VmHWM`), or undefined once it
   * has gone. With `shell: false` the program is the pty's own process.
   */
  memoryKiB(field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | undefined {
    try {
      return statusKiB(this.programPid(), field);
    } catch {
      return undefined;
    }
  }

  /** Types keys: real bytes, e.g. `KEYS.tab`, `'j'`, `KEYS.ctrlC`. One key per call is safest. */
  press(...keys: string[]): void {
    this.inputAt = performance.now();
    for (const key of keys) this.pty.write(key);
  }

  /**
   * Resizes the terminal as a window manager would: the emulator's grid first (after the output
   * it already has), then the pty, whose size change sends the program SIGWINCH.
   */
  async resize(cols: number, rows: number): Promise<void> {
    await this.flushed();
    this.term.resize(cols, rows);
    this.pty.resize(cols, rows);
  }

  /** Resolves with the pty's exit (with `shell`, bash's; see `report()` for the program's). */
  exited(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<{exitCode: number; signal?: number}> {
    if (this.exit) return Promise.resolve(this.exit);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the program did not exit within ${timeoutMs} ms\n${this.dump()}`)), timeoutMs);
      void this.exitPromise.then((event) => {
        clearTimeout(timer);
        resolve(event);
      });
    });
  }

  /**
   * After exit (with `shell: true`): the program's exit code and the tty modes around it, with the
   * emulator caught up on every byte.
   */
  async report(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ShellReport> {
    if (!this.options.shell) throw new Error('report() needs {shell: true}');
    await this.exited(timeoutMs);
    await this.flushed();
    return parseShellReport(this.output);
  }

  /** The program's process id: the pty's process, or under the bash wrapper its child. */
  programPid(): number {
    return this.options.shell ? onlyChild(this.pty.pid) : this.pty.pid;
  }

  /** Sends a signal to the program (not to the bash wrapper), as `kill PID` from elsewhere would. */
  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (this.exit) return;
    if (this.options.shell) process.kill(this.programPid(), signal);
    else this.pty.kill(signal);
  }

  /** Ends the program if it still runs and frees the emulator. Safe to call twice. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    if (!this.exit) {
      // The pty's first process leads its own process group (node-pty calls setsid): end the
      // whole group, so the program under a bash wrapper goes too.
      try {
        process.kill(-this.pty.pid, 'SIGKILL');
      } catch {
        this.pty.kill('SIGKILL');
      }
      await Promise.race([this.exitPromise, sleep(2_000)]);
    }
    this.term.dispose();
  }
}

/** Starts `node bin/kim-resume.js` in a pty of `cols`×`rows` from the repository root. */
export function startApp(options: PtyOptions): PtyApp {
  return new PtyApp(options);
}
