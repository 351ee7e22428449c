/**
 * Benchmark for kim-resume: `npm run bench [-- --runs N | --quick | --only steps]` (run.mjs
 * starts this file).
 *
 * Builds the CLI (scripts/build.mjs) and a baseline (bench/one-box.tsx, bundled with the same
 * common options), then measures first paint, piped output, key-to-screen latency, peak memory,
 * the package, a large résumé, a search's Enter, the frame after a burst of 1,000 keys and the web
 * page (its size, its first contentful paint in headless Chromium).
 * Commands being compared are interleaved round-robin (2 noisy shared cores); every figure is
 * min/median/max over the runs, and a ratio is the ratio of two medians measured in this run.
 * Prints a table against the targets, writes every figure to bench/results.json and the same
 * table, with the run's date, Node, commit and load average, to docs/performance.md (not with
 * --only: a partial run leaves the page alone). Programs run in a pty driven by test/helpers'
 * PtyApp, as in the tests.
 */
import {rmSync, writeFileSync} from 'node:fs';
import {loadavg} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {parseArgs} from './args';
import {buildAll} from './build';
import {log, OUT, ROOT, WARM_CACHE} from './config';
import {benchCommand, markdownPage, table} from './report';
import {newResults, type Run} from './results';
import {measureFirstPaint} from './steps/first-paint';
import {measureLatency} from './steps/latency';
import {measureMemory} from './steps/memory';
import {measurePackage} from './steps/package';
import {measurePiped} from './steps/piped';
import {measureScale} from './steps/scale';
import {measureServe} from './steps/serve';
import {measureServePage} from './steps/serve-page';
import {measureSearch} from './steps/search';
import {measureBurst} from './steps/burst';
import {measurePage} from './steps/page';

const argv = process.argv.slice(2);
const {runs, only} = parseArgs(argv);
// Every program started inherits the warm code cache folder; cold runs get an empty one each.
rmSync(WARM_CACHE, {recursive: true, force: true});
rmSync(join(OUT, 'cache-cold'), {recursive: true, force: true});
process.env.XDG_CACHE_HOME = WARM_CACHE;
const run: Run = {runs, results: newResults(runs), failures: []};
const {results, failures} = run;

const steps: [name: string, measure: (run: Run) => Promise<void>][] = [
  ['firstPaint', measureFirstPaint],
  ['piped', measurePiped],
  ['latency', measureLatency],
  ['memory', measureMemory],
  ['package', measurePackage],
  ['scale', measureScale],
  ['serve', measureServe],
  ['servePage', measureServePage],
  ['search', measureSearch],
  ['burst', measureBurst],
  ['page', measurePage],
];

const started = performance.now();
await buildAll(run);
for (const [name, measure] of steps) {
  if (only && !only.some((wanted) => wanted.toLowerCase() === name.toLowerCase())) continue;
  try {
    await measure(run);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    failures.push(`${measure.name}: ${e.stack ?? e}`);
    log(`  failed: ${e.message}`);
  }
}
results.totalSeconds = (performance.now() - started) / 1000;
results.loadAverageAtEnd = loadavg();
results.failures = failures;
rmSync(join(OUT, 'cache-cold'), {recursive: true, force: true});
writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');

const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
console.log(
  `\nkim-resume bench — ${results.date}, node ${process.version}, ${results.cpus} CPUs, ${runs} runs, ${results.totalSeconds.toFixed(0)} s, load average ${load(results.loadAverageAtStart)} → ${load(results.loadAverageAtEnd)}`,
);
console.log(table(results));
if (failures.length) {
  console.log('\nProblems:');
  for (const f of failures) console.log(`- ${f}`);
}
if (only) {
  console.log('\nAll figures: bench/results.json (docs/performance.md not written: --only measured part of the bench)');
} else {
  writeFileSync(join(ROOT, 'docs/performance.md'), markdownPage(results, benchCommand(argv)));
  console.log('\nAll figures: bench/results.json; the page: docs/performance.md');
}
process.exit(0);
