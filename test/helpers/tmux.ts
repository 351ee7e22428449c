/**
 * The built program in tmux, a terminal with its own idea of widths (tmux 3.3 joins whatever
 * follows a ZWJ into the cell before it; xterm.js does not). Each TmuxApp has its own server
 * (`tmux -L <socket> -f /dev/null`), never the default one, and kills only that server.
 * tmux has no cell grid to read, so `cells()` rebuilds one from `capture-pane` with the widths
 * tmux itself reports for each grapheme on screen (printed at column 1, then CSI 6n).
 */
import {execFile, execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {BIN, NODE} from './cli';
import {REPO_ROOT} from './fixtures';
import {DEFAULT_TIMEOUT_MS, waitFor} from './wait';

const POLL_MS = 20;
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Whether tmux can be run here. */
export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], {stdio: 'ignore'});
    return true;
  } catch {
    return false;
  }
}

// Run inside tmux: prints each cluster of the JSON array in argv[2] at column 1 of row 1, asks
// for the cursor, and writes the widths (reported column - 1) as JSON to argv[3].
const MEASURE = `
const clusters = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
process.stdin.setRawMode(true);
const widths = {};
let i = 0, buffer = '';
const ask = () => process.stdout.write('\\x1b[1;1H\\x1b[2K' + clusters[i] + '\\x1b[6n');
process.stdin.on('data', (data) => {
  buffer += data.toString('latin1');
  const m = /\\x1b\\[(\\d+);(\\d+)R/.exec(buffer);
  if (!m) return;
  buffer = buffer.slice(m.index + m[0].length);
  widths[clusters[i]] = Number(m[2]) - 1;
  // Written beside, then renamed: the test waits for the file and must never read it half written.
  if (++i === clusters.length) { const fs = require('fs'); fs.writeFileSync(process.argv[3] + '.part', JSON.stringify(widths)); fs.renameSync(process.argv[3] + '.part', process.argv[3]); process.exit(0); }
  ask();
});
ask();
`;

// Run inside tmux: writes the text of the file argv[2] (queries with cursor requests), reads the
// cursor reports until there is one for each request, and writes them as JSON to argv[3].
const REPORT = `
const fs = require('fs');
const text = fs.readFileSync(process.argv[2], 'utf8');
const expected = text.split('\\x1b[6n').length - 1;
process.stdin.setRawMode(true);
let buffer = '';
process.stdin.on('data', (data) => {
  buffer += data.toString('utf8');
  const reports = [...buffer.matchAll(/\\x1b\\[(\\d+);(\\d+)R/g)].map((m) => ({row: Number(m[1]), col: Number(m[2])}));
  if (reports.length < expected) return;
  fs.writeFileSync(process.argv[3] + '.part', JSON.stringify(reports));
  fs.renameSync(process.argv[3] + '.part', process.argv[3]);
  process.exit(0);
});
process.stdout.write(text);
`;

export class TmuxApp {
  readonly socket = `kim-resume-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly dir = mkdtempSync(join(tmpdir(), 'kim-resume-tmux-'));
  private readonly widths = new Map<string, number>();
  private probes = 0;

  constructor(
    readonly cols: number,
    readonly rows: number,
    args: string[],
  ) {
    const command = [NODE, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    this.tmux('new-session', '-d', '-x', String(cols), '-y', String(rows), '-c', REPO_ROOT, command);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {encoding: 'utf8', env: {...process.env, TMUX: undefined}});
  }

  /** The visible rows as tmux captures them (one line per row). */
  screen(pane = ''): string[] {
    return this.tmux('capture-pane', '-p', ...(pane ? ['-t', pane] : [])).replace(/\n$/, '').split('\n');
  }

  /** Whether some row was wrapped onto the next (tmux joins them with -J). */
  anyWrapped(): boolean {
    return this.tmux('capture-pane', '-p', '-J').replace(/\n$/, '').split('\n').length < this.screen().length;
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }

  /** Polls the screen until `predicate` holds; throws with the screen on timeout. */
  waitFor(predicate: (rows: string[]) => boolean, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string[]> {
    let rows: string[] = [];
    return waitFor(
      () => {
        rows = this.screen();
        return predicate(rows) && rows;
      },
      {what: `tmux: ${what}`, timeoutMs, intervalMs: POLL_MS, show: () => rows.join('\n')},
    );
  }

  /** The cells tmux draws each cluster in, measured in a window of this server (cached). */
  async measure(clusters: readonly string[]): Promise<Map<string, number>> {
    const missing = [...new Set(clusters)].filter((c) => !this.widths.has(c));
    if (missing.length > 0) {
      const input = join(this.dir, 'clusters.json');
      const output = join(this.dir, `widths-${this.widths.size}.json`);
      writeFileSync(input, JSON.stringify(missing));
      writeFileSync(join(this.dir, 'measure.cjs'), MEASURE);
      this.tmux('new-window', '-d', '-n', 'measure', `'${process.execPath}' '${join(this.dir, 'measure.cjs')}' '${input}' '${output}'`);
      await waitFor(() => existsSync(output), {what: 'tmux: the width measurement', intervalMs: POLL_MS});
      for (const [cluster, width] of Object.entries(JSON.parse(readFileSync(output, 'utf8')) as Record<string, number>)) this.widths.set(cluster, width);
    }
    return new Map(clusters.map((c) => [c, this.widths.get(c)!]));
  }

  /**
   * What tmux answers to `text` (queries with cursor requests, e.g. the app's width probe),
   * written by a program in a window of its own: the cursor reports, in order.
   */
  async reports(text: string): Promise<{row: number; col: number}[]> {
    const input = join(this.dir, `queries-${this.probes}.txt`);
    const output = join(this.dir, `reports-${this.probes++}.json`);
    writeFileSync(input, text);
    writeFileSync(join(this.dir, 'report.cjs'), REPORT);
    this.tmux('new-window', '-d', '-n', 'report', `'${process.execPath}' '${join(this.dir, 'report.cjs')}' '${input}' '${output}'`);
    await waitFor(() => existsSync(output), {what: 'tmux: the cursor reports', intervalMs: POLL_MS});
    return JSON.parse(readFileSync(output, 'utf8')) as {row: number; col: number}[];
  }

  /**
   * The screen cell by cell as tmux draws it: `cells()[row][column]`, '' for the cells a wide
   * cluster covers after its first (as PtyApp.cells()).
   */
  async cells(): Promise<string[][]> {
    const rows = this.screen();
    const split = rows.map((row) => Array.from(segmenter.segment(row), (s) => s.segment));
    const widths = await this.measure(split.flat().filter((g) => !/^[\x20-\x7e]$/.test(g)));
    return split.map((graphemes) => {
      const cells: string[] = [];
      for (const g of graphemes) {
        const w = widths.get(g) ?? 1;
        if (w === 0 && cells.length > 0) cells[cells.length - 1] += g;
        else cells.push(g, ...Array<string>(Math.max(0, w - 1)).fill(''));
      }
      while (cells.length < this.cols) cells.push(' ');
      return cells;
    });
  }

  /** Kills this server only, and removes its files (tmux 3.3 leaves the socket behind). */
  dispose(): Promise<void> {
    return new Promise((resolve) => {
      execFile('tmux', ['-L', this.socket, 'kill-server'], () => {
        rmSync(this.dir, {recursive: true, force: true});
        rmSync(join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, this.socket), {force: true});
        resolve();
      });
    });
  }
}
