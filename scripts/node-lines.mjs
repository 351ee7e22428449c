// @ts-check
// Proves each supported Node line: fetches the newest node binary of each line from the npm
// registry (the node-<platform>-<arch> packages hold the whole binary, in package/bin/node) into a
// cache outside the clone, checks that it runs, then runs the end-to-end tests (test/e2e) with the
// program under test started by that binary (KIM_RESUME_TEST_NODE, read by test/helpers/cli.ts).
// The test runner stays on this Node: node-pty, which the tests drive, is built for it.
//
//   node scripts/node-lines.mjs                 20.19.0, 22, 24, 26 and latest (DEFAULT_LINES)
//   node scripts/node-lines.mjs 24 20.19.0      those lines or exact versions
//   node scripts/node-lines.mjs --fetch 18 16   fetch only; prints "<version> <path of node>" a line
//
// The cache: ${XDG_CACHE_HOME:-~/.cache}/kim-resume/node/<version>/bin/node, reused while it is
// the newest of its line; without the registry, the newest cached one of the line is used.
// Exit status: 0 every line passed; 1 a line failed (or had no tests); 3 a binary could not be
// fetched (no registry and nothing cached).
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync} from 'node:fs';
import {homedir, tmpdir} from 'node:os';
import {isAbsolute, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {programOf} from './build/program.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/**
 * What package.json's "engines" allows, as far as `npm test` (this machine's and CI's Node 20,
 * the newest 20) does not already run it: the lowest version it names, the newest of each later
 * line, and `latest`, the newest release of all (the line above 26, when there is one).
 */
const DEFAULT_LINES = ['20.19.0', '22', '24', '26', 'latest'];
const PACKAGE = `node-${process.platform}-${process.arch}`;
const CANNOT_FETCH = 3;

class FetchError extends Error {}

/** ${XDG_CACHE_HOME:-~/.cache}/kim-resume/node: the same home as the program's own code cache. */
function cacheRoot() {
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), programOf().name, 'node');
}

/** `[22, 23, 5]` from `22.23.5`; compares versions of node (no prereleases). */
const parts = (/** @type {string} */ version) => version.split('.').map(Number);
const newer = (/** @type {string} */ a, /** @type {string} */ b) => {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};
const newest = (/** @type {string[]} */ versions) => versions.reduce((best, v) => (newer(v, best) ? v : best));
/** Whether a cached version is one the spec asks for: its line (`22`), or itself (`20.19.0`). */
const matches = (/** @type {string} */ spec, /** @type {string} */ version) => (spec.includes('.') ? version === spec : version.split('.')[0] === spec);

/** npm, run outside the repository (so it never reads the project's .npmrc or lockfile). */
function npm(/** @type {string[]} */ args, /** @type {string} */ cwd) {
  return spawnSync('npm', args, {cwd, encoding: 'utf8', env: {...process.env, npm_config_loglevel: 'error', npm_config_update_notifier: 'false'}});
}

let registryDown = false;
/**
 * The newest version on the registry for a spec (`22`, `latest`, `20.19.0`), or undefined when it
 * cannot be asked (then not asked again this run; npm's retries are shortened to ~12 s).
 */
function newestOnRegistry(/** @type {string} */ spec) {
  if (registryDown) return undefined;
  const r = npm(['view', `${PACKAGE}@${spec}`, 'version', '--json', '--fetch-retry-mintimeout=2000', '--fetch-retry-maxtimeout=10000'], tmpdir());
  if (r.status !== 0 || !r.stdout.trim()) {
    registryDown = true;
    return undefined;
  }
  const found = /** @type {string | string[]} */ (JSON.parse(r.stdout));
  const versions = (Array.isArray(found) ? found : [found]).filter((v) => /^\d+\.\d+\.\d+$/.test(v));
  return versions.length ? newest(versions) : undefined;
}

/** The cached versions of the spec's line. */
function cachedVersions(/** @type {string} */ spec) {
  const root = cacheRoot();
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((v) => /^\d+\.\d+\.\d+$/.test(v) && existsSync(join(root, v, 'bin', 'node')) && (spec === 'latest' || matches(spec, v)));
}

/** The version a binary reports, or an error message. */
function reportedVersion(/** @type {string} */ node) {
  const r = spawnSync(node, ['-p', 'process.versions.node'], {encoding: 'utf8', timeout: 30_000});
  return r.status === 0 ? r.stdout.trim() : `exit ${r.status ?? r.signal}: ${(r.stderr || String(r.error ?? '')).trim()}`;
}

/**
 * The binary of a spec: the newest version on the registry, from the cache when it is there, else
 * packed from the registry into it (unpacked beside, then renamed in: a run that stops halfway
 * leaves no half binary). Without the registry, the newest cached version of the line.
 * @returns {{version: string, node: string, fetched: boolean}}
 */
function nodeBinary(/** @type {string} */ spec) {
  const root = cacheRoot();
  let version = newestOnRegistry(spec);
  if (version === undefined) {
    const cached = cachedVersions(spec);
    if (cached.length === 0) throw new FetchError(`cannot ask the npm registry for ${PACKAGE}@${spec}, and no node ${spec} is cached in ${root}`);
    version = newest(cached);
    process.stderr.write(`node-lines: the npm registry did not answer: using the cached node ${version}\n`);
  }
  const node = join(root, version, 'bin', 'node');
  let fetched = false;
  if (!existsSync(node)) {
    mkdirSync(root, {recursive: true});
    const work = mkdtempSync(join(root, '.fetch-'));
    try {
      const packed = npm(['pack', `${PACKAGE}@${version}`, '--json', '--pack-destination', work], work);
      if (packed.status !== 0) throw new FetchError(`npm pack ${PACKAGE}@${version} failed: ${packed.stderr.trim()}`);
      const {filename} = /** @type {{filename: string}[]} */ (JSON.parse(packed.stdout))[0] ?? {filename: ''};
      const tar = spawnSync('tar', ['-xzf', join(work, filename), '-C', work, 'package/bin/node', 'package/package.json'], {encoding: 'utf8'});
      if (tar.status !== 0) throw new Error(`tar could not unpack ${filename}: ${tar.stderr.trim()}`);
      try {
        renameSync(join(work, 'package'), join(root, version));
      } catch (error) {
        // Another run put it there first.
        if (!existsSync(node)) throw error;
      }
      fetched = true;
    } finally {
      rmSync(work, {recursive: true, force: true});
    }
  }
  const reported = reportedVersion(node);
  if (reported !== version) throw new Error(`${node} does not run as node ${version}: ${reported}`);
  return {version, node, fetched};
}

/**
 * The end-to-end tests with the program on `node`; vitest reports to a JSON file for the counts.
 * @returns {{passed: number, failed: number, skipped: number, seconds: number, status: number | null, ok: boolean}}
 */
function runE2e(/** @type {string} */ node) {
  const dir = mkdtempSync(join(tmpdir(), 'kim-resume-node-lines-'));
  const report = join(dir, 'report.json');
  const started = Date.now();
  try {
    const vitest = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/e2e', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`], {
      cwd: ROOT,
      stdio: 'inherit',
      env: {...process.env, KIM_RESUME_TEST_NODE: node},
    });
    const seconds = (Date.now() - started) / 1000;
    if (!existsSync(report)) return {passed: 0, failed: 0, skipped: 0, seconds, status: vitest.status, ok: false};
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const counts = {passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests};
    // A file that fails outside its tests (a hook, an import) fails the run with no test counted as failed.
    return {...counts, seconds, status: vitest.status, ok: vitest.status === 0 && counts.failed === 0 && counts.passed > 0};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

const args = process.argv.slice(2);
const fetchOnly = args[0] === '--fetch';
const specs = fetchOnly ? args.slice(1) : args.length ? args : DEFAULT_LINES;
if (specs.length === 0 || specs.some((s) => !/^(latest|\d+(\.\d+\.\d+)?)$/.test(s))) {
  process.stderr.write('usage: node scripts/node-lines.mjs [--fetch] [LINE | VERSION | latest]...  (LINE: 22; VERSION: 20.19.0)\n');
  process.exit(2);
}

/** @type {{version: string, node: string, specs: string[]}[]} */
const binaries = [];
for (const spec of specs) {
  try {
    const {version, node, fetched} = nodeBinary(spec);
    if (!fetchOnly) process.stderr.write(`node-lines: node ${spec}: ${version}, ${fetched ? 'fetched into' : 'cached in'} ${node}\n`);
    const same = binaries.find((b) => b.version === version);
    if (same) same.specs.push(spec);
    else binaries.push({version, node, specs: [spec]});
    if (fetchOnly) process.stdout.write(`${version} ${node}\n`);
  } catch (error) {
    process.stderr.write(`node-lines: ${error instanceof Error ? error.message : error}\n`);
    process.exit(error instanceof FetchError ? CANNOT_FETCH : 1);
  }
}
if (fetchOnly) process.exit(0);

const results = [];
for (const {version, node, specs} of binaries) {
  process.stderr.write(`\nnode-lines: test/e2e with the program on node ${version} (vitest on node ${process.versions.node})\n`);
  results.push({version, specs, ...runE2e(node)});
}
process.stdout.write(`\nEnd-to-end tests (test/e2e), the program on each Node line, the runner on node ${process.versions.node}:\n`);
for (const r of results) {
  const asked = r.specs.filter((spec) => spec !== r.version).join(', ');
  process.stdout.write(`  node ${r.version.padEnd(8)} ${`${asked ? `(${asked})` : ''}`.padEnd(12)} ${r.ok ? 'pass' : 'FAIL'}  ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.status === 0 ? '' : `, vitest exit ${r.status}`}  (${r.seconds.toFixed(0)} s)\n`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
