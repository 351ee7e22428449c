/**
 * End-to-end harness: the BUILT program in a real pseudo-terminal (node-pty), its output fed to
 * a headless xterm.js so tests read the screen cell by cell, as a person would see it
 * (DESIGN habit 9, FIELD-NOTES "Testing"). Waits poll the emulated screen and end as soon as
 * their condition holds; nothing sleeps and hopes. Build first (`npm run build`; `npm test` does).
 */
import {execFile} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeAll} from 'vitest';
import {spawn, type IPty} from 'node-pty';
import xterm from '@xterm/headless';
import type {IUnicodeVersionProvider, Terminal} from '@xterm/headless';
import stringWidth from 'string-width';
import {BIN, cleanEnv} from './cli';
import {REPO_ROOT} from './fixtures';

/** Real key sequences, as xterm sends them (normal cursor-key mode). */
export const KEYS = {
  tab: '\t',
  shiftTab: '\x1b[Z',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  enter: '\r',
  escape: '\x1b',
  space: ' ',
  ctrlC: '\x03',
} as const;

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
}

/** What the bash wrapper printed after the program exited (only with `shell: true`). */
export interface ShellReport {
  /** The program's own exit code. */
  exitCode: number;
  /** `stty -g` before the program started and after it exited. */
  sttyBefore: string;
  sttyAfter: string;
  /** `stty -a` after it exited. */
  sttyAll: string;
}

export type ScreenPredicate = string | RegExp | ((rows: string[]) => boolean);

const DEFAULT_TIMEOUT = 15_000;
const POLL_MS = 15;

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
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries({...env, ...extra})) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * Character widths as the app measures them (string-width), so the emulator lays a row out in
 * the same cells the app planned. xterm.js alone knows only Unicode 6, where the section bar's
 * emoji are one cell wide: a row the app overflowed by a cell per emoji would then still fit.
 */
const widthCache = new Map<number, 0 | 1 | 2>();
const appWidths: IUnicodeVersionProvider = {
  version: 'string-width',
  wcwidth(codepoint: number): 0 | 1 | 2 {
    let width = widthCache.get(codepoint);
    if (width === undefined) {
      width = Math.min(2, Math.max(0, stringWidth(String.fromCodePoint(codepoint)))) as 0 | 1 | 2;
      widthCache.set(codepoint, width);
    }
    return width;
  },
  // The same joining rule as xterm's built-in provider: a zero-width character after a printed
  // one joins it. The value packs (kind << 3) | (width << 1) | shouldJoin. Beyond it, emoji
  // sequences stay one cluster as string-width (and the app) measure them: an emoji after
  // emoji + ZWJ (👩‍👩‍👧 is 2 cells, not 6) and a skin-tone modifier after an emoji. `kind` carries
  // what those rules need to know about the cluster so far.
  charProperties(codepoint: number, preceding: number): number {
    const before = (preceding >> 1) & 3;
    const kindBefore = preceding >> 3;
    const pictographic = EMOJI.test(String.fromCodePoint(codepoint));
    if (kindBefore !== PLAIN && before > 0) {
      if (kindBefore === AFTER_ZWJ && pictographic) return pack(before, true, EMOJI_CLUSTER);
      if (kindBefore === EMOJI_CLUSTER && codepoint >= 0x1f3fb && codepoint <= 0x1f3ff) return pack(before, true, EMOJI_CLUSTER);
    }
    let width: number = this.wcwidth(codepoint);
    let join = width === 0 && preceding !== 0;
    if (join) {
      if (before === 0) join = false;
      else if (before > width) width = before;
    }
    if (join) return pack(width, true, codepoint === 0x200d && kindBefore === EMOJI_CLUSTER ? AFTER_ZWJ : kindBefore === AFTER_ZWJ ? PLAIN : kindBefore);
    return pack(width, false, pictographic ? EMOJI_CLUSTER : PLAIN);
  },
};

const EMOJI = /^\p{Extended_Pictographic}$/u;
/** Cluster kinds for appWidths.charProperties: plain text, an emoji cluster, an emoji cluster ending in ZWJ. */
const PLAIN = 0;
const EMOJI_CLUSTER = 1;
const AFTER_ZWJ = 2;
const pack = (width: number, join: boolean, kind: number) => (kind << 3) | ((width & 3) << 1) | (join ? 1 : 0);

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

/** One run of the program in a pseudo-terminal, with its screen emulated. */
export class PtyApp {
  readonly term: Terminal;
  private readonly pty: IPty;
  private readonly options: PtyOptions;
  private output = '';
  private pending: Promise<void> = Promise.resolve();
  private exit: {exitCode: number; signal?: number} | undefined;
  private readonly exitPromise: Promise<{exitCode: number; signal?: number}>;
  private disposed = false;
  private released = false;

  constructor(options: PtyOptions) {
    this.options = options;
    const {cols, rows} = options;
    this.term = new xterm.Terminal({cols, rows, allowProposedApi: true, scrollback: 1000});
    this.term.unicode.register(appWidths);
    this.term.unicode.activeVersion = appWidths.version;
    const env = ptyEnv(options.env);
    const [runFile, runArgs] = options.command
      ? [options.command.file, [...(options.command.args ?? []), ...(options.args ?? [])]]
      : [process.execPath, [BIN, ...(options.args ?? [])]];
    const [file, args] = options.shell
      ? [
          'bash',
          [
            '-c',
            // After __END bash waits until the harness has read it (SIGUSR1, see onData): node-pty
            // destroys its socket 200 ms after the pty's process exits, and output not yet read by
            // then (a slow first run, a busy machine) is lost with the report in it.
            'trap \'kill $! 2>/dev/null; exit 0\' USR1; echo "__STTY_BEFORE=$(stty -g)"; "$0" "$@"; code=$?; echo "__EXIT=$code"; echo "__STTY_AFTER=$(stty -g)"; echo "__STTY_ALL"; stty -a; echo "__END"; sleep 30 & wait $!',
            runFile,
            ...runArgs,
          ],
        ]
      : [runFile, runArgs];
    // node-pty sets TERM to `name`: pass the environment's own, so `env: {TERM: 'dumb'}` holds.
    this.pty = spawn(file, args, {name: env.TERM ?? 'xterm-256color', cols, rows, cwd: options.command?.cwd ?? REPO_ROOT, env});
    this.pty.onData((data) => {
      this.output += data;
      if (this.options.shell && !this.released && this.output.slice(-data.length - 8).includes('__END')) {
        // Every byte of the report is here: let the wrapper exit.
        this.released = true;
        this.pty.kill('SIGUSR1');
      }
      // xterm parses asynchronously: remember when the last chunk is in the buffer.
      this.pending = new Promise((resolve) => this.term.write(data, resolve));
    });
    this.exitPromise = new Promise((resolve) => {
      this.pty.onExit((event) => {
        this.exit = event;
        resolve(event);
      });
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
    for (let i = 0; i < this.term.rows; i++) rows.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
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
  async waitFor(predicate: ScreenPredicate, timeoutMs = DEFAULT_TIMEOUT, what?: string): Promise<string[]> {
    const test =
      typeof predicate === 'function'
        ? predicate
        : (rows: string[]) => (typeof predicate === 'string' ? rows.join('\n').includes(predicate) : predicate.test(rows.join('\n')));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.flushed();
      if (!this.term.modes.synchronizedOutputMode) {
        const rows = this.screen();
        if (test(rows)) return rows;
      }
      const label = what ?? (typeof predicate === 'function' ? 'a screen condition' : JSON.stringify(String(predicate)));
      if (this.exit) {
        throw new Error(`the program exited (code ${this.exit.exitCode}) while waiting for ${label}\n${this.dump()}`);
      }
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}\n${this.dump()}`);
      await sleep(POLL_MS);
    }
  }

  /** Waits until the screen differs from `before` (the rows of an earlier `screen()`). */
  waitForChange(before: string[], timeoutMs = DEFAULT_TIMEOUT): Promise<string[]> {
    const was = before.join('\n');
    return this.waitFor((rows) => rows.join('\n') !== was, timeoutMs, 'the screen to change');
  }

  /**
   * Waits for the first frame (`text` on screen) and for the program to have put the terminal in
   * raw mode, so keys pressed next reach it as key presses, not as a line being typed.
   */
  async ready(text: ScreenPredicate = '김성호', timeoutMs = DEFAULT_TIMEOUT): Promise<string[]> {
    const rows = await this.waitFor(text, timeoutMs);
    const pts = (this.pty as IPty & {ptsName?: string}).ptsName;
    if (!pts) return rows;
    const deadline = Date.now() + timeoutMs;
    while ((await ttyIsRaw(pts)) !== true) {
      if (this.exit) throw new Error(`the program exited (code ${this.exit.exitCode}) before entering raw mode\n${this.dump()}`);
      if (Date.now() > deadline) throw new Error(`the terminal never entered raw mode\n${this.dump()}`);
      await sleep(POLL_MS);
    }
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
      const status = readFileSync(`/proc/${this.programPid()}/status`, 'utf8');
      const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Number(m[1]) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Types keys: real bytes, e.g. `KEYS.tab`, `'j'`, `KEYS.ctrlC`. One key per call is safest. */
  press(...keys: string[]): void {
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
  exited(timeoutMs = DEFAULT_TIMEOUT): Promise<{exitCode: number; signal?: number}> {
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
  async report(timeoutMs = DEFAULT_TIMEOUT): Promise<ShellReport> {
    if (!this.options.shell) throw new Error('report() needs {shell: true}');
    await this.exited(timeoutMs);
    await this.flushed();
    const text = this.output;
    const exit = /__EXIT=(\d+)/.exec(text);
    const before = /__STTY_BEFORE=(\S+)/.exec(text);
    const after = /__STTY_AFTER=(\S+)/.exec(text);
    const all = /__STTY_ALL\r?\n([\s\S]*?)__END/.exec(text);
    if (!exit || !before || !after || !all) throw new Error(`the shell wrapper's report is incomplete:\n${JSON.stringify(text.slice(-2000))}`);
    return {exitCode: Number(exit[1]), sttyBefore: before[1]!, sttyAfter: after[1]!, sttyAll: all[1]!};
  }

  /** The program's process id: the pty's process, or under the bash wrapper its child. */
  programPid(): number {
    if (!this.options.shell) return this.pty.pid;
    const pid = this.pty.pid;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    if (children.length !== 1) throw new Error(`expected bash (${pid}) to run one program, found ${children.length}`);
    return children[0]!;
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

/**
 * For a test file: `launch` starts the built program like startApp; the file first checks that
 * dist/ is built, and every program launched is disposed after each test.
 */
export function ptyApps(): (options: PtyOptions) => PtyApp {
  const running: PtyApp[] = [];
  beforeAll(() => {
    if (!existsSync(join(REPO_ROOT, 'dist', 'main.js'))) throw new Error('dist/main.js is missing: run `npm run build` first (npm test does)');
  });
  afterEach(async () => {
    while (running.length > 0) await running.pop()!.dispose();
  });
  return (options) => {
    const app = startApp(options);
    running.push(app);
    return app;
  };
}
