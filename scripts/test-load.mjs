// @ts-check
/**
 * `npm run test:load [-- --runs N --loops N]`: the whole test suite under load, to catch
 * tests that pass only on an idle machine.
 *
 * Starts one busy loop per core (child processes spinning `for (;;)`, 2 on the project's
 * 2-core machines; `--loops N` to choose), runs `npm test` (typecheck, build, every vitest test)
 * `--runs` times in a row (3 by default), and stops the loops by their pids whatever happens: at
 * the end, on an error, on Ctrl-C or SIGTERM. A loop whose parent has gone (this script killed
 * with SIGKILL) notices within a fraction of a second and ends itself.
 *
 * Prints each run's duration and its passed/failed/skipped test counts (from vitest's JSON
 * report), the name of every test that failed, and the load average. Each run's whole output is
 * kept in .scratch/test-load/run-N.log (JSON beside it). Exits 0 only when every run passed.
 */
import {spawn} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, writeFileSync, createWriteStream} from 'node:fs';
import {availableParallelism, loadavg} from 'node:os';
import {dirname, join, relative} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.scratch', 'test-load');

/** @param {string[]} argv */
function parseArgs(argv) {
  const options = {runs: 3, loops: availableParallelism()};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2);
    const value = () => Number(inline ?? argv[++i]);
    if (flag === '--runs') options.runs = value();
    else if (flag === '--loops') options.loops = value();
    else {
      console.error(`test:load: unknown argument ${argv[i]}\nusage: npm run test:load [-- --runs N --loops N]`);
      process.exit(2);
    }
  }
  for (const [name, n] of Object.entries(options)) {
    if (!Number.isInteger(n) || n < 0 || (name === 'runs' && n < 1)) {
      console.error(`test:load: --${name} must be a whole number${name === 'runs' ? ' ≥ 1' : ''}`);
      process.exit(2);
    }
  }
  return options;
}

// A busy loop that checks, every few million turns, that its parent is still this script.
const BUSY = `const parent = ${process.pid}; for (let i = 0; ; i++) if ((i & 0x3fffff) === 0 && process.ppid !== parent) process.exit(0);`;

/** @type {import('node:child_process').ChildProcess[]} */
const loops = [];

function stopLoops() {
  for (const child of loops.splice(0)) {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** The running `npm test`, ended with the loops on a signal. */
/** @type {import('node:child_process').ChildProcess | undefined} */
let current;

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => {
    stopLoops();
    // npm test runs in a process group of its own: end the whole group (vitest and its workers).
    if (current?.pid) {
      try {
        process.kill(-current.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    console.error(`\ntest:load: ${signal}, busy loops stopped`);
    process.exit(130);
  });
}
process.on('exit', stopLoops);

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/**
 * @typedef {{name: string; status: string; message?: string; assertionResults: {ancestorTitles: string[]; title: string; status: string; failureMessages?: string[]}[]}} FileReport
 * @typedef {{numTotalTests: number; numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: FileReport[]}} VitestReport
 * @typedef {{n: number; code: number; seconds: number; report: VitestReport | undefined; log: string}} RunResult
 */

/**
 * One `npm test`, its output shown and kept; resolves with its exit code, duration and the
 * counts from vitest's JSON report (undefined when vitest never ran: typecheck or build failed).
 * @param {number} n
 * @returns {Promise<RunResult>}
 */
function runSuite(n) {
  const log = join(OUT, `run-${n}.log`);
  const json = join(OUT, `run-${n}.json`);
  rmSync(json, {force: true});
  const file = createWriteStream(log);
  const started = performance.now();
  return new Promise((resolve) => {
    // The default reporter for people, the JSON one for the counts and the names of failures.
    const child = spawn('npm', ['test', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    current = child;
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        process.stdout.write(chunk);
        file.write(chunk);
      });
    }
    child.on('close', (code, signal) => {
      current = undefined;
      file.end();
      const seconds = (performance.now() - started) / 1000;
      let report;
      try {
        report = JSON.parse(readFileSync(json, 'utf8'));
      } catch {
        report = undefined;
      }
      resolve({n, code: code ?? (signal ? 128 : 1), seconds, report, log});
    });
  });
}

/** @param {RunResult} result */
function summary(result) {
  const {report} = result;
  const head = `run ${result.n}: ${result.code === 0 ? 'PASS' : 'FAIL'} in ${result.seconds.toFixed(0)} s`;
  if (!report) return `${head}, vitest did not report (typecheck or build failed?): see ${relative(ROOT, result.log)}`;
  const skipped = report.numPendingTests + report.numTodoTests;
  const failedFiles = report.testResults.filter((file) => file.status === 'failed').length;
  const lines = [`${head}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped of ${report.numTotalTests} tests; ${failedFiles} of ${report.testResults.length} files failed`];
  for (const file of report.testResults) {
    const failed = file.assertionResults.filter((t) => t.status === 'failed');
    if (failed.length === 0 && file.status === 'failed') lines.push(`  FAIL ${relative(ROOT, file.name)}: ${String(file.message).split('\n')[0]}`);
    for (const t of failed) lines.push(`  FAIL ${relative(ROOT, file.name)} > ${[...t.ancestorTitles, t.title].join(' > ')}: ${String(t.failureMessages?.[0] ?? '').split('\n')[0]}`);
  }
  return lines.join('\n');
}

const {runs, loops: loopCount} = parseArgs(process.argv.slice(2));
mkdirSync(OUT, {recursive: true});
/** @type {RunResult[]} */
const results = [];
try {
  for (let i = 0; i < loopCount; i++) loops.push(spawn(process.execPath, ['-e', BUSY], {stdio: 'ignore'}));
  console.log(`test:load: ${loopCount} busy loop(s) (pids ${loops.map((c) => c.pid).join(', ')}), ${runs} run(s) of npm test; load average ${load()}`);
  for (let n = 1; n <= runs; n++) {
    console.log(`\n== test:load run ${n} of ${runs} (load average ${load()})`);
    const result = await runSuite(n);
    results.push(result);
    console.log(`\n== ${summary(result)}\n   load average ${load()}`);
  }
} finally {
  stopLoops();
}

const passed = results.filter((r) => r.code === 0).length;
const text = [`test:load: ${passed} of ${runs} run(s) passed with ${loopCount} busy loop(s)`, ...results.map(summary)].join('\n');
writeFileSync(join(OUT, 'summary.txt'), text + '\n');
console.log(`\n${text}`);
process.exit(passed === runs ? 0 : 1);
