import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {validate} from '@jsonresume/schema';
import {BIN, NODE, TEST_PATH} from '../helpers/cli';
import {REPO_ROOT} from '../helpers/fixtures';
import {startApp, type PtyApp} from '../helpers/pty';
import {percentOf} from '../helpers/frame-rows';
import {PROGRAM} from '../helpers/program';

/**
 * The package as people get it: packed, installed offline into an empty folder, run with npx.
 * `npm test` has built dist/ already; packing skips the build (--ignore-scripts) so it never
 * rebuilds dist/ under the other end-to-end tests. Without FILE it shows the résumé shipped in
 * data/resume.json, whatever that holds: its output is compared with the repository build's own
 * for the same arguments, never with the résumé's content.
 */
const npmEnv = {PATH: TEST_PATH, HOME: process.env.HOME ?? tmpdir(), LANG: 'C.UTF-8'};
const npm = (args: string[], cwd: string, withStderr = false): string => {
  if (!withStderr) return execFileSync('npm', args, {cwd, env: npmEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
  const result = spawnSync('npm', args, {cwd, env: npmEnv, encoding: 'utf8'});
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout + result.stderr;
};
/** The package's name (a fork's own: docs/make-it-yours.md); its command is PROGRAM. */
const PACKAGE = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {name: string}).name;
/** `npx --offline kim-resume ...args` in the folder it is installed in. */
const npx = (args: string[]) => spawnSync('npx', ['--offline', PROGRAM, ...args], {cwd: app, env: npmEnv, encoding: 'utf8'});
/** The repository's own build with the same arguments and environment. */
const repo = (args: string[]) => spawnSync(NODE, [BIN, ...args], {cwd: REPO_ROOT, env: npmEnv, encoding: 'utf8'});

let dir: string;
let app: string;
let tarball: string;
/** What `npm install` of the tarball printed (stdout and stderr). */
let installOutput: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kim-resume-pack-'));
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], REPO_ROOT)) as Array<{filename: string}>;
  tarball = join(dir, packed[0]!.filename);
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({name: 'try-kim-resume', private: true}));
  installOutput = npm(['install', '--offline', '--no-audit', '--no-fund', tarball], app, true);
}, 120_000);

afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('the packed package', () => {
  it("docs/architecture.md's recipe (a new folder, install, run) works as written, twice", () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/architecture.md'), 'utf8');
    // As written, the command named as this package's (a fork that kept the doc runs its own).
    const line = doc.split('\n').find((l) => l.startsWith('try=$(mktemp -d)'))?.replace('npx --offline kim-resume', `npx --offline ${PROGRAM}`);
    expect(line).toBeDefined();
    const expected = repo([]).stdout;
    for (let run = 0; run < 2; run++) {
      const result = spawnSync('bash', ['-c', line!], {cwd: REPO_ROOT, env: {...npmEnv, tarball}, encoding: 'utf8'});
      expect(result.status, result.stderr).toBe(0);
      // npm's "added 1 package" first, then the résumé.
      expect(result.stdout.endsWith(expected)).toBe(true);
      expect(result.stdout.length - expected.length).toBeLessThan(100);
    }
  });

  it('installs with no script to run and no warning about one', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules', PACKAGE, 'package.json'), 'utf8')) as {scripts?: Record<string, string>};
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts?.[hook], hook).toBeUndefined();
    expect(installOutput).not.toMatch(/install-scripts|prepare/);
  });

  it('has no dependencies and ships only what runs', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules', PACKAGE, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual([PACKAGE.split('/')[0]]);
    const files = readdirSync(join(app, 'node_modules', PACKAGE)).sort();
    expect(files).toEqual(['LICENSE', 'README.md', 'bin', 'data', 'dist', 'package.json']);
  });

  it('runs with npx --offline, piped: the whole résumé as plain text, as the repository build prints it', () => {
    const result = npx([]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().length).toBeGreaterThan(0);
    expect(result.stdout).not.toContain('\x1b');
    const own = repo([]);
    expect(own.status, own.stderr).toBe(0);
    expect(result.stdout).toBe(own.stdout);
  });

  it('prints --format json that validates against the official schema, as the repository build prints it', () => {
    const result = npx(['--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    let valid = false;
    validate(JSON.parse(result.stdout), (_errors, ok) => (valid = ok));
    expect(valid).toBe(true);
    expect(result.stdout).toBe(repo(['--format', 'json']).stdout);
  });

  it('opens the interactive app in a terminal, draws the frame the repository build draws, and quits cleanly', async () => {
    // A whole frame: its status bar, with the scroll position, on the last row.
    const drawn = (rows: string[]) => rows[0] !== '' && !Number.isNaN(percentOf(rows));
    const runs: PtyApp[] = [];
    try {
      const own = startApp({cols: 100, rows: 30});
      runs.push(own);
      const expected = await own.ready(drawn);
      const run = startApp({cols: 100, rows: 30, shell: true, command: {file: join(app, 'node_modules', '.bin', PROGRAM), cwd: app}});
      runs.push(run);
      await run.ready(drawn);
      await run.waitFor((rows) => rows.join('\n') === expected.join('\n'), undefined, "the repository build's first frame");
      run.press('q');
      const report = await run.report();
      expect(report.exitCode).toBe(0);
      expect(report.sttyAll).toMatch(/(^|\s)icanon(\s|$)/);
    } finally {
      for (const r of runs) await r.dispose();
    }
  });
});
