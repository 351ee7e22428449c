// Benchmark for kim-resume: `npm run bench [-- --runs N | --quick]`.
//
// Builds the CLI (scripts/build.mjs) and a baseline (bench/one-box.tsx, bundled the same way), then
// measures first paint, piped output, key-to-screen latency, peak memory, the package and a large
// résumé. Commands being compared are interleaved round-robin (2 noisy shared cores); every figure
// is min/median/max over the runs, and a ratio is the ratio of two medians measured in this run.
// Prints a table against the targets and writes every figure to bench/results.json.
import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';
import {build} from 'esbuild';
import pty from 'node-pty';
import xtermHeadless from '@xterm/headless';
import {validate as validateResume} from '@jsonresume/schema';

const {Terminal} = xtermHeadless;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench/.out');
const NODE = process.execPath;
const COLS = 100;
const ROWS = 30;

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  let runs = 15;
  let only;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') runs = 5;
    else if (a === '--runs') runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) runs = Number(a.slice('--runs='.length));
    else if (a === '--only') only = argv[++i].split(',');
    else if (a === '--help' || a === '-h') {
      console.log('usage: node bench/run.mjs [--runs N] [--quick]\n  --runs N  runs per measured command (default 15)\n  --quick   5 runs, for trying it\n  --only S  only these steps (comma-separated): firstPaint,piped,latency,memory,package,scale');
      process.exit(0);
    } else {
      console.error(`bench: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('bench: --runs must be a whole number ≥ 1');
    process.exit(2);
  }
  return {runs, only};
}
const {runs: RUNS, only: ONLY} = parseArgs(process.argv.slice(2));

// The terminal a person would have: no CI variables (Ink and kim-resume both look at them).
const PTY_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CI' && !k.startsWith('CI_')));
PTY_ENV.TERM = 'xterm-256color';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => process.stderr.write(line + '\n');

// ---------------------------------------------------------------------------------------------
// Statistics

function stats(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return {n: 0, min: NaN, median: NaN, max: NaN};
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return {n: v.length, min: v[0], median, max: v[v.length - 1]};
}
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
/** The median of per-round ratios (a[i] / b[i], measured next to each other). */
function pairedRatio(a, b) {
  const r = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (Number.isFinite(a[i]) && Number.isFinite(b[i]) && b[i] > 0) r.push(a[i] / b[i]);
  return stats(r).median;
}

// ---------------------------------------------------------------------------------------------
// A program in a pseudo-terminal, its output fed to a headless xterm.

const BSU = '\x1b[?2026h';
const ESU = '\x1b[?2026l';

class PtyScreen {
  constructor(args, {cols = COLS, rows = ROWS} = {}) {
    this.cols = cols;
    this.rows = rows;
    this.term = new Terminal({cols, rows, scrollback: 0, allowProposedApi: true});
    this.waiters = new Set();
    this.tail = '';
    this.inSync = false;
    // A frame counts only when the terminal is not inside a synchronized-output block (Ink wraps
    // each frame in BSU…ESU), so a half-written frame is never taken for the new screen.
    this.frameComplete = true;
    this.lastData = 0;
    this.lastWrite = 0;
    this.bytes = 0;
    this.exit = undefined;
    this.t0 = performance.now();
    this.proc = pty.spawn(NODE, args, {name: 'xterm-256color', cols, rows, cwd: ROOT, env: PTY_ENV});
    this.pid = this.proc.pid;
    this.exited = new Promise((resolve) => {
      this.proc.onExit((e) => {
        this.exit = {...e, t: performance.now()};
        resolve(this.exit);
      });
    });
    this.proc.onData((data) => {
      const t = performance.now();
      this.lastData = t;
      this.bytes += data.length;
      const seen = this.tail + data;
      const b = seen.lastIndexOf(BSU);
      const e = seen.lastIndexOf(ESU);
      if (b > e) this.inSync = true;
      else if (e > b) this.inSync = false;
      this.tail = seen.slice(-(BSU.length - 1));
      const complete = !this.inSync;
      this.term.write(data, () => {
        this.frameComplete = complete;
        this.check(t);
      });
    });
  }

  /** The screen as text, one line per row (wide characters once). */
  text() {
    const buffer = this.term.buffer.active;
    const lines = [];
    for (let i = 0; i < this.rows; i++) lines.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** The last row with text on it (Ink leaves the cursor on the row below its frame). */
  lastLine() {
    const lines = this.text().split('\n');
    for (let i = lines.length - 1; i >= 0; i--) if (lines[i].trim()) return lines[i];
    return '';
  }

  check(t) {
    for (const w of this.waiters) {
      if (this.frameComplete && w.pred(this)) {
        this.waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(t);
      }
    }
  }

  /** Resolves with the arrival time of the output that made `pred` true (undefined on timeout). */
  waitFor(pred, timeoutMs) {
    if (this.frameComplete && pred(this)) return Promise.resolve(this.lastData || performance.now());
    return new Promise((resolve) => {
      const w = {pred, resolve};
      w.timer = setTimeout(() => {
        this.waiters.delete(w);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.add(w);
    });
  }

  /** Waits until nothing was written or has arrived for `quietMs` (and no frame is half written). */
  async settle(quietMs = 80, limitMs = 3000) {
    const end = performance.now() + limitMs;
    for (;;) {
      const idle = performance.now() - Math.max(this.lastData, this.lastWrite);
      if (idle >= quietMs && this.frameComplete) return;
      if (performance.now() > end) return;
      await sleep(Math.max(5, quietMs - idle));
    }
  }

  write(data) {
    this.lastWrite = performance.now();
    this.proc.write(data);
  }

  /** Sends a key; resolves with the ms until the screen showed a change (undefined: none). */
  async key(data, timeoutMs = 1000) {
    const before = this.text();
    const sent = performance.now();
    this.lastSent = sent;
    this.write(data);
    const t = await this.waitFor((s) => s.text() !== before, timeoutMs);
    return t === undefined ? undefined : t - sent;
  }

  async quit(data = 'q', timeoutMs = 5000) {
    if (!this.exit && data) this.write(data);
    const done = await Promise.race([this.exited, sleep(timeoutMs).then(() => undefined)]);
    if (!done) {
      try {
        this.proc.kill();
      } catch {}
      await Promise.race([this.exited, sleep(1000)]);
    }
    this.term.dispose();
    return done;
  }
}

/** VmHWM and VmRSS of a live process, in KiB (from /proc/<pid>/status). */
function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return {hwmKiB: field('VmHWM'), rssKiB: field('VmRSS')};
  } catch {
    return {hwmKiB: NaN, rssKiB: NaN};
  }
}
const MiB = (kib) => kib / 1024;

// ---------------------------------------------------------------------------------------------
// Commands compared

const PKG = join(OUT, 'pkg');
const OURS = ['bench/.out/pkg/bin/kim-resume.js'];
const ONE_BOX = ['bench/.out/one-box/one-box.js'];
const BARE_READY = ['-e', "process.stdout.write('ready')"];

// The first frame: the header and the status bar drawn. Its position reads "…" while the rest
// of a long résumé is still being measured (the first screen is already whole), then "42%".
const oursPainted = (s) => {
  const text = s.text();
  return text.includes('김성호') && /\s(\d{1,3}%|…)\s*$/.test(s.lastLine());
};
const oneBoxPainted = (s) => s.text().includes('hello');
const bareReady = (s) => s.text().includes('ready');

/** Spawns in a pty, waits for the first paint; returns {ms, hwmKiB, screen} and quits. */
async function firstPaint(args, painted, quitKey, {timeoutMs = 30000, keep = false} = {}) {
  const s = new PtyScreen(args);
  const t = await s.waitFor(painted, timeoutMs);
  const mem = procMemory(s.pid);
  const result = {ms: t === undefined ? NaN : t - s.t0, ...mem};
  if (t === undefined) result.error = `no first paint within ${timeoutMs} ms; screen: ${s.text().split('\n').filter((l) => l.trim()).slice(0, 3).join(' / ')}`;
  if (keep) return {result, screen: s};
  const exit = await s.quit(quitKey);
  if (!exit) result.error = (result.error ?? '') + ' did not exit after quit';
  return {result};
}

// ---------------------------------------------------------------------------------------------
// Steps

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  runs: RUNS,
  loadAverageAtStart: loadavg(),
  terminal: `${COLS}x${ROWS} xterm-256color (node-pty + @xterm/headless)`,
};
const failures = [];

function step(name) {
  log(`\n== ${name}`);
  return performance.now();
}

function dirBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return total;
}

/**
 * Builds dist/ and measures a private copy of the package (bench/.out/pkg): other people rebuild
 * dist/ in this working tree while the bench runs, and a half-written dist/ is not a figure.
 */
function buildOurs() {
  for (let attempt = 1; ; attempt++) {
    execFileSync(NODE, ['scripts/build.mjs'], {cwd: ROOT, stdio: 'inherit'});
    rmSync(PKG, {recursive: true, force: true});
    mkdirSync(PKG, {recursive: true});
    for (const entry of ['bin', 'dist', 'data', 'package.json']) cpSync(join(ROOT, entry), join(PKG, entry), {recursive: true});
    const check = spawnSync(NODE, OURS, {cwd: ROOT, encoding: 'utf8', env: PTY_ENV});
    if (check.status === 0 && check.stdout.includes('김성호')) return;
    if (attempt === 3) throw new Error(`the built CLI does not print the résumé: exit ${check.status}: ${check.stderr.trim()}`);
    log(`  the copied build did not run (exit ${check.status}); building again`);
  }
}

async function buildAll() {
  const t = step('build');
  buildOurs();
  rmSync(join(OUT, 'one-box'), {recursive: true, force: true});
  mkdirSync(OUT, {recursive: true});
  // The options scripts/build.mjs had when this baseline was set (ESM, node20, the banner, the
  // define, the two stubs): an ordinary bundled Ink app. The product's own later size work
  // (minify, yoga's wasm as a file, fewer dependencies) is deliberately not copied here.
  await build({
    absWorkingDir: ROOT,
    entryPoints: {'one-box': 'bench/one-box.tsx'},
    outdir: 'bench/.out/one-box',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    banner: {js: "import {createRequire as __kimCreateRequire} from 'node:module'; const require = __kimCreateRequire(import.meta.url);"},
    define: {'process.env.NODE_ENV': '"production"'},
    alias: {
      'cli-highlight': './src/stubs/cli-highlight.ts',
      'react-devtools-core': './src/stubs/empty.ts',
      'is-in-ci': './src/stubs/false.ts',
    },
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    logLevel: 'warning',
  });
  writeFileSync(join(OUT, 'one-box/package.json'), '{"type":"module"}\n');
  const git = (...args) => spawnSync('git', args, {cwd: ROOT, encoding: 'utf8'}).stdout.trim();
  results.build = {
    commit: git('rev-parse', '--short', 'HEAD'),
    // Other people's uncommitted changes that went into this build, if any.
    uncommitted: git('status', '--porcelain', '--', 'src', 'scripts', 'bin', 'data', 'package.json').split('\n').filter(Boolean),
    distKB: dirBytes(join(PKG, 'dist')) / 1000,
    oneBoxKB: dirBytes(join(OUT, 'one-box')) / 1000,
    oneBoxBuild: 'esbuild: ESM, platform node, target node20, bundle + splitting, createRequire banner, NODE_ENV=production, react-devtools-core and is-in-ci stubbed; not minified',
  };
  log(`built dist/ (measured as its copy bench/.out/pkg/, ${results.build.distKB.toFixed(0)} KB) and bench/.out/one-box/ (${results.build.oneBoxKB.toFixed(0)} KB) in ${(performance.now() - t).toFixed(0)} ms at ${results.build.commit}${results.build.uncommitted.length ? ` plus uncommitted changes: ${results.build.uncommitted.join(', ')}` : ''}`);
}

// ---- 1. first paint

async function measureFirstPaint() {
  step(`first paint (${COLS}x${ROWS} pty, ${RUNS} runs each, interleaved)`);
  const cmds = [
    {key: 'ours', args: OURS, painted: oursPainted, quit: 'q'},
    {key: 'oneBox', args: ONE_BOX, painted: oneBoxPainted, quit: 'q'},
    {key: 'bareNode', args: BARE_READY, painted: bareReady, quit: ''},
  ];
  const samples = Object.fromEntries(cmds.map((c) => [c.key, []]));
  const hwm = {ours: [], oneBox: []};
  for (let round = -1; round < RUNS; round++) {
    // Rotate the order each round, so none always goes first after a pause.
    for (let i = 0; i < cmds.length; i++) {
      const c = cmds[(i + Math.max(round, 0)) % cmds.length];
      const {result} = await firstPaint(c.args, c.painted, c.quit);
      if (result.error) failures.push(`first paint ${c.key}: ${result.error}`);
      if (round < 0) continue; // warm-up (file cache)
      samples[c.key].push(result.ms);
      if (hwm[c.key]) hwm[c.key].push(result.hwmKiB);
    }
    if (round >= 0) log(`  round ${round + 1}: ours ${samples.ours.at(-1).toFixed(0)} ms, one-box ${samples.oneBox.at(-1).toFixed(0)} ms, node ${samples.bareNode.at(-1).toFixed(0)} ms`);
  }
  results.firstPaint = {
    ms: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, {...stats(v), samples: v}])),
    ratioOursToOneBox: ratio(stats(samples.ours).median, stats(samples.oneBox).median),
    pairedRatioOursToOneBox: pairedRatio(samples.ours, samples.oneBox),
    ratioOursToBareNode: ratio(stats(samples.ours).median, stats(samples.bareNode).median),
    pairedRatioOursToBareNode: pairedRatio(samples.ours, samples.bareNode),
    vmHwmAtFirstPaintMiB: Object.fromEntries(Object.entries(hwm).map(([k, v]) => [k, stats(v.map(MiB))])),
  };
}

// ---- 2. piped full text

function runPiped(args) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(NODE, args, {cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: PTY_ENV});
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ms: performance.now() - t0, code, out, err}));
  });
}

async function measurePiped() {
  step(`piped full text (${RUNS} runs each, interleaved)`);
  const probe = await runPiped(OURS);
  if (probe.code !== 0) failures.push(`piped ours exited ${probe.code}: ${probe.err.trim()}`);
  const lines = probe.out.split('\n').length - (probe.out.endsWith('\n') ? 1 : 0);
  const bytes = Buffer.byteLength(probe.out);
  const perLine = Math.max(0, Math.round(bytes / Math.max(lines, 1)) - 1);
  // The same number of lines (and about the same bytes), in one write, as ours does.
  const sameLines = ['-e', `process.stdout.write(('x'.repeat(${perLine}) + '\\n').repeat(${lines}))`];
  const cmds = {ours: OURS, bareSameLines: sameLines, bareEmpty: ['-e', '']};
  const samples = {ours: [], bareSameLines: [], bareEmpty: []};
  const keys = Object.keys(cmds);
  for (let round = -1; round < RUNS; round++) {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[(i + Math.max(round, 0)) % keys.length];
      const r = await runPiped(cmds[k]);
      if (r.code !== 0) failures.push(`piped ${k} exited ${r.code}`);
      if (round >= 0) samples[k].push(r.ms);
    }
  }
  results.piped = {
    lines,
    bytes,
    ms: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, {...stats(v), samples: v}])),
    ratioOursToBareSameLines: ratio(stats(samples.ours).median, stats(samples.bareSameLines).median),
    pairedRatioOursToBareSameLines: pairedRatio(samples.ours, samples.bareSameLines),
    ratioOursToBareEmpty: ratio(stats(samples.ours).median, stats(samples.bareEmpty).median),
  };
  log(`  ours prints ${lines} lines (${bytes} bytes); medians: ours ${results.piped.ms.ours.median.toFixed(0)} ms, node same lines ${results.piped.ms.bareSameLines.median.toFixed(0)} ms, node -e "" ${results.piped.ms.bareEmpty.median.toFixed(0)} ms`);
}

// ---- 3. key-to-screen latency

const KEYS = {down: '\x1b[B', tab: '\t', pageDown: '\x1b[6~'};
const KEY_LABEL = {down: '↓', tab: 'Tab', pageDown: 'PgDn'};
const PAUSE_MS = 150;
const BURST = 5;
const NO_CHANGE_MS = 600;

/** An app under test in one long-lived pty session, with what resets it between rounds. */
async function openApp(name, args, painted, reset) {
  const {result, screen} = await firstPaint(args, painted, 'q', {keep: true});
  if (result.error) throw new Error(`${name}: ${result.error}`);
  await screen.settle();
  return {name, screen, reset, initial: screen.text(), room: {}, capacity: {}};
}

async function resetApp(app) {
  if (!app.reset.length) return;
  for (let attempt = 0; attempt < 5; attempt++) {
    // One key per write, each after a quiet spell: Ink reads a chunk like "1g" as one typed
    // string, not two keys.
    for (const k of app.reset) {
      app.screen.write(k);
      await app.screen.settle(150);
    }
    if (app.screen.text() === app.initial) return;
  }
  throw new Error(`${app.name}: keys ${JSON.stringify(app.reset.join(''))} did not bring back the first screen`);
}

/** How many presses of a key in a row change the screen from the reset state (capped). */
async function probeCapacity(app, kind, cap) {
  await resetApp(app);
  let n = 0;
  while (n < cap) {
    const ms = await app.screen.key(KEYS[kind], NO_CHANGE_MS);
    if (process.env.BENCH_DEBUG) log(`probe ${app.name} ${kind} ${n}: ${ms}`);
    if (ms === undefined) break;
    n++;
    await app.screen.settle(40);
  }
  await resetApp(app);
  return n;
}

/** Makes sure the next `count` presses of `kind` will change the screen. */
async function ensureRoom(app, kind, count) {
  if (app.room[kind] >= count) return;
  await resetApp(app);
  app.room[kind] = app.capacity[kind];
}

async function measureLatency() {
  step(`key-to-screen latency (${COLS}x${ROWS} pty; ${RUNS} spaced presses and ${RUNS} back-to-back presses per key, per app)`);
  // Ours: `1` jumps to the first section, `g` to its top. The one-box counter never runs out.
  const apps = [
    await openApp('ours', OURS, oursPainted, ['1', 'g']),
    await openApp('oneBox', ONE_BOX, oneBoxPainted, []),
  ];
  // Warm-up, untimed: a few presses of each key, so neither app is measured while its key
  // handling code is still cold.
  for (const app of apps) {
    for (const kind of Object.keys(KEYS)) {
      await resetApp(app);
      for (let i = 0; i < 3; i++) {
        await app.screen.key(KEYS[kind], 300);
        await app.screen.settle(30);
      }
    }
  }
  const cap = Math.max(RUNS, BURST) + 1;
  for (const app of apps) {
    for (const kind of Object.keys(KEYS)) {
      app.capacity[kind] = app.reset.length ? await probeCapacity(app, kind, cap) : Infinity;
      app.room[kind] = app.capacity[kind];
    }
    log(`  ${app.name}: presses that change the screen from the top of section 1: ${Object.entries(app.capacity).map(([k, n]) => `${KEY_LABEL[k]} ${n === Infinity || n >= cap ? `≥${cap} (does not run out)` : n}`).join(', ')}`);
  }
  const spaced = {};
  const spacedLast = {};
  const burst = {};
  const misses = {};
  for (const app of apps) {
    spaced[app.name] = {};
    spacedLast[app.name] = {};
    burst[app.name] = {};
    misses[app.name] = {};
  }
  for (const kind of Object.keys(KEYS)) {
    for (const app of apps) {
      if (app.capacity[kind] === 0) failures.push(`${app.name}: ${KEY_LABEL[kind]} never changes the screen`);
      spaced[app.name][kind] = [];
      spacedLast[app.name][kind] = [];
      burst[app.name][kind] = [];
      misses[app.name][kind] = 0;
      await resetApp(app);
      app.room[kind] = app.capacity[kind];
    }
    // Spaced: one press, wait for the screen to change, pause; the two apps take turns.
    for (let i = 0; i < RUNS; i++) {
      for (const app of apps) {
        if (app.capacity[kind] === 0) continue;
        await ensureRoom(app, kind, 1);
        const ms = await app.screen.key(KEYS[kind], NO_CHANGE_MS);
        app.room[kind]--;
        if (ms === undefined) misses[app.name][kind]++;
        else spaced[app.name][kind].push(ms);
        await app.screen.settle(50);
        // Until the last output caused by the key (a later frame, the cursor), for results.json.
        if (ms !== undefined) spacedLast[app.name][kind].push(app.screen.lastData - app.screen.lastSent);
        await sleep(PAUSE_MS);
      }
    }
    // Back-to-back: each press sent as soon as the previous one's change reached the screen.
    const burstLength = (app) => Math.max(1, Math.min(BURST, app.capacity[kind]));
    for (let done = 0; done < RUNS; ) {
      let took = 0;
      for (const app of apps) {
        if (app.capacity[kind] === 0) continue;
        const n = Math.min(burstLength(app), RUNS - done);
        await ensureRoom(app, kind, n);
        await app.screen.settle(60);
        for (let j = 0; j < n; j++) {
          const ms = await app.screen.key(KEYS[kind], NO_CHANGE_MS);
          app.room[kind]--;
          if (ms === undefined) misses[app.name][kind]++;
          else burst[app.name][kind].push(ms);
        }
        took = Math.max(took, n);
        await app.screen.settle(60);
        await sleep(PAUSE_MS);
      }
      done += Math.max(took, 1);
    }
    log(`  ${KEY_LABEL[kind]}: ${apps.map((a) => `${a.name} spaced ${stats(spaced[a.name][kind]).median.toFixed(1)} ms, back-to-back ${stats(burst[a.name][kind]).median.toFixed(1)} ms`).join('; ')}`);
  }
  for (const app of apps) await app.screen.quit('q');
  const summarize = (table) =>
    Object.fromEntries(Object.entries(table).map(([app, kinds]) => [app, Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, {...stats(v), samples: v}]))]));
  results.latency = {
    pauseMs: PAUSE_MS,
    burstLength: BURST,
    noChangeTimeoutMs: NO_CHANGE_MS,
    capacity: Object.fromEntries(apps.map((a) => [a.name, Object.fromEntries(Object.entries(a.capacity).map(([k, n]) => [k, n === Infinity ? null : n]))])),
    spacedMs: summarize(spaced),
    spacedUntilLastOutputMs: summarize(spacedLast),
    backToBackMs: summarize(burst),
    noChange: misses,
  };
  for (const [app, kinds] of Object.entries(misses)) {
    for (const [kind, n] of Object.entries(kinds)) if (n) failures.push(`latency ${app} ${KEY_LABEL[kind]}: ${n} press(es) did not change the screen within ${NO_CHANGE_MS} ms`);
  }
}

// ---- 4. peak memory

const KEY_TOUR = ['\x1b[B', '\x1b[B', '\x1b[6~', '\t', '\x1b[B', '\x1b[6~', '\t', 'g', '\x1b[B', '\t'];

async function measureMemory() {
  const memRuns = Math.max(3, Math.ceil(RUNS / 3));
  step(`peak memory (interactive: ${memRuns} pty sessions with 50 keys; piped: ${RUNS} runs)`);
  const afterPaint = [];
  const afterKeys = [];
  const oneBoxAfterKeys = [];
  for (let r = 0; r < memRuns; r++) {
    for (const which of r % 2 ? ['oneBox', 'ours'] : ['ours', 'oneBox']) {
      const {result, screen} = await firstPaint(which === 'ours' ? OURS : ONE_BOX, which === 'ours' ? oursPainted : oneBoxPainted, 'q', {keep: true});
      if (result.error) {
        failures.push(`memory ${which}: ${result.error}`);
        await screen.quit('q');
        continue;
      }
      if (which === 'ours') afterPaint.push(result.hwmKiB);
      for (let i = 0; i < 50; i++) {
        await screen.key(KEY_TOUR[i % KEY_TOUR.length], 250);
      }
      await screen.settle(50);
      const mem = procMemory(screen.pid);
      (which === 'ours' ? afterKeys : oneBoxAfterKeys).push(mem.hwmKiB);
      await screen.quit('q');
    }
  }
  // Piped: the kernel's own peak (ru_maxrss of the waited-for child) via GNU time, else polling.
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const peakOf = (args) =>
    timeBin
      ? new Promise((resolve) => {
          const child = spawn(timeBin, ['-f', 'MAXRSS_KB=%M', NODE, ...args], {cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: PTY_ENV});
          let err = '';
          child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
          child.on('close', () => resolve(Number(/MAXRSS_KB=(\d+)/.exec(err)?.[1])));
        })
      : new Promise((resolve) => {
          const child = spawn(NODE, args, {cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'], env: PTY_ENV});
          let peak = NaN;
          const poll = setInterval(() => {
            const m = procMemory(child.pid).hwmKiB;
            if (Number.isFinite(m)) peak = Number.isFinite(peak) ? Math.max(peak, m) : m;
          }, 2);
          child.on('exit', () => {
            clearInterval(poll);
            resolve(peak);
          });
        });
  const piped = {ours: [], bareEmpty: []};
  for (let r = 0; r < RUNS; r++) {
    for (const k of r % 2 ? ['bareEmpty', 'ours'] : ['ours', 'bareEmpty']) piped[k].push(await peakOf(k === 'ours' ? OURS : ['-e', '']));
  }
  results.memory = {
    interactiveMethod: 'VmHWM from /proc/<pid>/status of the node process in the pty: at first paint, then after 50 keys (↓, PgDn, Tab, g; each awaited), before q',
    pipedMethod: timeBin ? 'GNU time %M (ru_maxrss of the child, from wait4): node bin/kim-resume.js with stdout piped to /dev/null' : 'polling VmHWM of the child every 2 ms until exit (a lower bound)',
    interactiveMiB: {
      afterFirstPaint: {...stats(afterPaint.map(MiB)), samples: afterPaint.map(MiB)},
      after50Keys: {...stats(afterKeys.map(MiB)), samples: afterKeys.map(MiB)},
      oneBoxAfter50Keys: {...stats(oneBoxAfterKeys.map(MiB)), samples: oneBoxAfterKeys.map(MiB)},
    },
    pipedMiB: {
      ours: {...stats(piped.ours.map(MiB)), samples: piped.ours.map(MiB)},
      bareEmpty: {...stats(piped.bareEmpty.map(MiB)), samples: piped.bareEmpty.map(MiB)},
    },
  };
  log(`  interactive after 50 keys: median ${results.memory.interactiveMiB.after50Keys.median.toFixed(1)} MiB; piped: median ${results.memory.pipedMiB.ours.median.toFixed(1)} MiB (node -e "": ${results.memory.pipedMiB.bareEmpty.median.toFixed(1)} MiB)`);
}

// ---- 5. package

async function measurePackage() {
  step('package (npm pack, then npm install --offline of the tarball, 3 runs)');
  const dir = mkdtempSync(join(tmpdir(), 'kim-bench-pack-'));
  try {
    const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], {cwd: ROOT, encoding: 'utf8', env: {...process.env, npm_config_loglevel: 'warn'}});
    if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
    // Lifecycle output (prepare → build) may precede the JSON on stdout.
    const json = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
    const info = json[0];
    const tarball = join(dir, info.filename);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const deps = Object.keys(pkg.dependencies ?? {});
    results.package = {
      tarball: info.filename,
      tarballKB: info.size / 1000,
      unpackedKB: info.unpackedSize / 1000,
      files: info.entryCount,
      dependencies: deps.length,
      largestFiles: [...info.files].sort((a, b) => b.size - a.size).slice(0, 5).map((f) => ({path: f.path, KB: f.size / 1000})),
    };
    const times = [];
    let failure;
    for (let i = 0; i < 3; i++) {
      const app = mkdtempSync(join(tmpdir(), 'kim-bench-install-'));
      try {
        spawnSync('npm', ['init', '-y'], {cwd: app, encoding: 'utf8'});
        const t0 = performance.now();
        const r = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], {cwd: app, encoding: 'utf8'});
        const ms = performance.now() - t0;
        if (r.status !== 0) {
          failure = `fails: needs ${deps.length} dependencies (${(r.stderr.split('\n').find((l) => /ERR/.test(l)) ?? '').trim()})`;
          break;
        }
        times.push(ms);
        if (i === 0) {
          // Does the installed command run? (Its dependencies must all be inside the tarball.)
          const bin = join(app, 'node_modules/.bin/kim-resume');
          const ran = spawnSync(bin, ['--format', 'text'], {cwd: app, encoding: 'utf8', env: PTY_ENV});
          results.package.installedRuns = ran.status === 0 ? `yes (${ran.stdout.split('\n').length - 1} lines)` : `no: exit ${ran.status}: ${ran.stderr.trim().split('\n')[0]}`;
        }
      } finally {
        rmSync(app, {recursive: true, force: true});
      }
    }
    results.package.installMs = failure ? {failure} : {...stats(times), samples: times};
    log(`  tarball ${results.package.tarballKB.toFixed(1)} KB, unpacked ${results.package.unpackedKB.toFixed(1)} KB, ${info.entryCount} files; install ${failure ?? `${stats(times).median.toFixed(0)} ms (median)`}; installed command runs: ${results.package.installedRuns}`);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

// ---- 6. scale

const LARGE = join(OUT, 'large.json');

function makeLargeResume() {
  const real = JSON.parse(readFileSync(join(ROOT, 'data/resume.json'), 'utf8'));
  const employer = 'Scale Test Corp.';
  const pad = (n) => String(n).padStart(2, '0');
  // Months from 2000-01 on, cycling every 24 years (the end is 3 months after the start).
  const month = (m) => `${2000 + Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
  const projects = Array.from({length: 1000}, (_, i) => ({
    name: `프로젝트 ${i + 1}: 데이터 파이프라인 구축 ${i + 1}`,
    description: `${i + 1}번째 프로젝트입니다. 400개 이상의 고객사를 대상으로 커머스 데이터를 처리하는 ETL 파이프라인을 설계하고 운영하였습니다.`,
    highlights: Array.from({length: 10}, (_, h) => `하이라이트 ${h + 1}: 캐싱과 쿼리 최적화로 대시보드 조회 성능을 ${10 + h}% 개선하고 장애 대응 시간을 줄였습니다`),
    keywords: ['FastAPI', 'Trino', 'Redis', 'Kubernetes', 'Python'],
    startDate: month(i % 288),
    endDate: month((i % 288) + 3),
    entity: employer,
  }));
  const resume = {
    basics: real.basics,
    work: [{name: employer, position: 'Backend Engineer', startDate: '2000-01', endDate: '2025-06'}],
    projects,
  };
  // Shape checks: ISO dates, one entity, the official schema, and kim-resume's own loader.
  for (const p of projects) if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(p.startDate) || !/^\d{4}-(0[1-9]|1[0-2])$/.test(p.endDate) || p.endDate < p.startDate) throw new Error(`bad date in ${p.name}`);
  let schemaErrors = ['validator never called back'];
  validateResume(resume, (errors) => (schemaErrors = (errors ?? []).map((e) => `${e.property}: ${e.message}`)));
  if (schemaErrors.length) throw new Error(`large.json fails the JSON Resume schema: ${schemaErrors.slice(0, 3).join('; ')}`);
  mkdirSync(OUT, {recursive: true});
  writeFileSync(LARGE, JSON.stringify(resume, null, 2) + '\n');
  const loaded = spawnSync(NODE, [...OURS, LARGE, '--format', 'text'], {cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28});
  if (loaded.status !== 0) throw new Error(`kim-resume rejects large.json: ${loaded.stderr.trim()}`);
  return {projects: projects.length, bytes: Buffer.byteLength(readFileSync(LARGE)), textLines: loaded.stdout.split('\n').length - 1};
}

async function measureScale() {
  step(`scale (1,000 projects; first paint in the pty, ${RUNS} runs each, interleaved)`);
  const made = makeLargeResume();
  log(`  bench/.out/large.json: ${made.projects} projects, ${(made.bytes / 1000).toFixed(0)} KB, ${made.textLines} lines as text`);
  const samples = {large: [], real: []};
  const hwm = {large: [], real: []};
  for (let round = -1; round < RUNS; round++) {
    for (const k of round % 2 ? ['real', 'large'] : ['large', 'real']) {
      const {result} = await firstPaint(k === 'large' ? [...OURS, LARGE] : OURS, oursPainted, 'q');
      if (result.error) failures.push(`scale ${k}: ${result.error}`);
      if (round < 0) continue;
      samples[k].push(result.ms);
      hwm[k].push(result.hwmKiB);
    }
  }
  results.scale = {
    file: {...made, path: 'bench/.out/large.json'},
    firstPaintMs: {large: {...stats(samples.large), samples: samples.large}, real: {...stats(samples.real), samples: samples.real}},
    ratioLargeToReal: ratio(stats(samples.large).median, stats(samples.real).median),
    pairedRatioLargeToReal: pairedRatio(samples.large, samples.real),
    vmHwmAtFirstPaintMiB: {large: stats(hwm.large.map(MiB)), real: stats(hwm.real.map(MiB))},
  };
  log(`  medians: large ${results.scale.firstPaintMs.large.median.toFixed(0)} ms, real ${results.scale.firstPaintMs.real.median.toFixed(0)} ms`);
}

// ---------------------------------------------------------------------------------------------
// Report

function table() {
  const rows = [];
  const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  const r = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '');
  const verdict = (ok) => (ok === undefined ? '' : ok ? 'met' : 'MISSED');
  const add = (what, s, unit, ratioText, target, ok) =>
    rows.push([what, s ? `${f(s.min)} / ${f(s.median)} / ${f(s.max)} ${unit}` : unit, ratioText ?? '', target ?? '', verdict(ok)]);

  const fp = results.firstPaint;
  if (fp) {
    add('first paint: kim-resume', fp.ms.ours, 'ms', `${r(fp.ratioOursToOneBox)} one-box`, '≤ 1.10× one-box', fp.ratioOursToOneBox <= 1.1);
    add('first paint: one-box Ink app', fp.ms.oneBox, 'ms');
    add('first paint: bare node', fp.ms.bareNode, 'ms', `kim-resume ${r(fp.ratioOursToBareNode)}`);
  }
  const p = results.piped;
  if (p) {
    add(`piped text (${p.lines} lines): kim-resume`, p.ms.ours, 'ms', `${r(p.ratioOursToBareSameLines)} node`, '≤ 1.5× node, same lines', p.ratioOursToBareSameLines <= 1.5);
    add('piped: node printing same lines', p.ms.bareSameLines, 'ms');
    add('piped: node -e ""', p.ms.bareEmpty, 'ms', `kim-resume ${r(p.ratioOursToBareEmpty)}`);
  }
  const l = results.latency;
  if (l) {
    for (const mode of ['spaced', 'backToBack']) {
      const data = mode === 'spaced' ? l.spacedMs : l.backToBackMs;
      const limit = mode === 'spaced' ? 16 : 33;
      for (const kind of Object.keys(KEYS)) {
        const ours = data.ours[kind];
        const box = data.oneBox[kind];
        const label = mode === 'spaced' ? 'spaced' : 'back-to-back';
        add(`latency ${label} ${KEY_LABEL[kind]}: kim-resume`, ours, 'ms', `${r(ratio(ours.median, box.median))} one-box`, `median ≤ ${limit} ms`, ours.n > 0 && ours.median <= limit);
        add(`latency ${label} ${KEY_LABEL[kind]}: one-box`, box, 'ms');
      }
    }
  }
  const m = results.memory;
  if (m) {
    add('RSS interactive, first paint', m.interactiveMiB.afterFirstPaint, 'MiB');
    add('RSS interactive, after 50 keys', m.interactiveMiB.after50Keys, 'MiB', `${r(ratio(m.interactiveMiB.after50Keys.median, m.interactiveMiB.oneBoxAfter50Keys.median))} one-box`, '≤ 85 MiB (max)', m.interactiveMiB.after50Keys.max <= 85);
    add('RSS one-box, after 50 keys', m.interactiveMiB.oneBoxAfter50Keys, 'MiB');
    add('RSS piped: kim-resume', m.pipedMiB.ours, 'MiB', `${r(ratio(m.pipedMiB.ours.median, m.pipedMiB.bareEmpty.median))} node -e ""`, '≤ 55 MiB (max)', m.pipedMiB.ours.max <= 55);
    add('RSS piped: node -e ""', m.pipedMiB.bareEmpty, 'MiB');
  }
  const pk = results.package;
  if (pk) {
    add('package: tarball', undefined, `${f(pk.tarballKB)} KB`, '', '≤ 200 KB', pk.tarballKB <= 200);
    add('package: unpacked', undefined, `${f(pk.unpackedKB)} KB, ${pk.files} files`);
    add('package: npm install --offline (3 runs)', pk.installMs.failure ? undefined : pk.installMs, pk.installMs.failure ?? 'ms');
  }
  const s = results.scale;
  if (s) {
    add('scale: first paint, 1,000 projects', s.firstPaintMs.large, 'ms', `${r(s.ratioLargeToReal)} real`, '≤ 2× real résumé', s.ratioLargeToReal <= 2);
    add('scale: first paint, real résumé', s.firstPaintMs.real, 'ms');
  }
  const head = ['what', 'min / median / max', 'ratio (of medians)', 'target', ''];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((row) => [...row[i]].length)));
  const line = (row) => row.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join(' | ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------

const started = performance.now();
await buildAll();
const stepsToRun = [measureFirstPaint, measurePiped, measureLatency, measureMemory, measurePackage, measureScale];
for (const s of stepsToRun) {
  if (ONLY && !ONLY.some((name) => s.name.toLowerCase() === `measure${name}`.toLowerCase())) continue;
  try {
    await s();
  } catch (error) {
    failures.push(`${s.name}: ${error.stack ?? error}`);
    log(`  failed: ${error.message}`);
  }
}
results.totalSeconds = (performance.now() - started) / 1000;
results.loadAverageAtEnd = loadavg();
results.failures = failures;
writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');

const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`\nkim-resume bench — ${results.date}, node ${process.version}, ${results.cpus} CPUs, ${RUNS} runs, ${results.totalSeconds.toFixed(0)} s, load average ${load(results.loadAverageAtStart)} → ${load(results.loadAverageAtEnd)}`);
console.log(table());
if (failures.length) {
  console.log('\nProblems:');
  for (const f of failures) console.log(`- ${f}`);
}
console.log('\nAll figures: bench/results.json');
process.exit(0);
