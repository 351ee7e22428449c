/**
 * The V8 code cache (src/boot/): written after a first run, used by the next, and never more
 * than a speed-up: a cache that is corrupt, truncated, made under other V8 flags, or cannot be
 * written, or `KIM_RESUME_NO_CACHE=1`, changes nothing the user sees. Every run has its own
 * XDG_CACHE_HOME. "Used" is read from the files: the loader rewrites every cache that is missing
 * or that V8 rejects, and leaves an accepted one alone.
 */
import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BIN, NODE, cleanEnv} from '../helpers/cli';
import {fixturePath, REPO_ROOT} from '../helpers/fixtures';
import {ptyApps, waitFor} from '../helpers/pty';
import {PROGRAM, programVar} from '../helpers/program';

const ARGS = ['--format', 'text', '--width', '72', fixturePath('ada')];
let root: string;
let reference: string;

const run = (cacheHome: string, {args = ARGS, node = [] as string[], env = {} as NodeJS.ProcessEnv} = {}) => {
  const result = spawnSync(NODE, [...node, BIN, ...args], {cwd: REPO_ROOT, env: cleanEnv({XDG_CACHE_HOME: cacheHome, ...env}), encoding: 'utf8', timeout: 20_000});
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
};
let homes = 0;
const newHome = () => join(root, `home-${++homes}`);

/**
 * The cache files under a cache home, by name: path and identity (a rewrite is a new file, renamed
 * in). `whileWriting`: a program may be writing its caches right now, each into a temporary file
 * beside it (`<name>.<pid>.tmp`, src/boot/cache-file.ts) that is renamed over `<name>` once whole,
 * and may be gone by the time it is looked at: only whole files are listed. Otherwise, with every
 * program finished, every file is listed, so a temporary file left behind shows.
 */
function cacheFiles(cacheHome: string, {whileWriting = false} = {}): Map<string, {path: string; id: string}> {
  const found = new Map<string, {path: string; id: string}>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!(whileWriting && entry.name.endsWith('.tmp'))) {
        const s = statSync(path);
        found.set(entry.name, {path, id: `${s.ino}:${s.mtimeMs}:${s.size}`});
      }
    }
  };
  walk(join(cacheHome, PROGRAM));
  return found;
}
const ids = (files: Map<string, {id: string}>) => Object.fromEntries([...files].map(([name, f]) => [name, f.id]));

/** A run that must look exactly like the reference: same output, exit 0, nothing on stderr. */
function expectQuietSameOutput(result: ReturnType<typeof run>) {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toBe(reference);
}

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'dist', 'boot.cjs'))) throw new Error('dist/boot.cjs is missing: run `npm run build` first (npm test does)');
  root = mkdtempSync(join(tmpdir(), 'kim-resume-cache-'));
  const off = run(newHome(), {env: {[programVar('NO_CACHE')]: '1'}});
  expect(off.status, off.stderr).toBe(0);
  reference = off.stdout;
  expect(reference).toContain('Ada Whitfield');
});
afterAll(() => rmSync(root, {recursive: true, force: true}));

describe('the code cache', () => {
  it('is written by a first run, in one folder per runtime and build, and used unchanged by the second', () => {
    const home = newHome();
    expectQuietSameOutput(run(home));
    const first = cacheFiles(home);
    // Printed text has cache files of its own (the app's hold other functions).
    expect([...first.keys()]).toContain('main.js.print.cache');
    // And the archive of the chunks every start loads, as decompressed (src/boot/archive.ts): the
    // next start reads it as it is.
    expect([...first.keys()].filter((name) => !name.endsWith('.js.print.cache'))).toEqual(['chunks~start.br.plain']);
    const folder = first.get('main.js.print.cache')!.path.slice(home.length + 1).split('/');
    expect(folder[0]).toBe(PROGRAM);
    // The Node that ran the program (NODE: another line's under scripts/node-lines.mjs).
    const version = spawnSync(NODE, ['-p', 'process.version'], {encoding: 'utf8'}).stdout.trim();
    expect(folder[1]).toContain(`node${version}-${process.arch}-`);
    expect(folder[2]).toMatch(/^\d+\.\d+\.\d+-[0-9a-f]{16}$/);

    expectQuietSameOutput(run(home));
    expect(ids(cacheFiles(home))).toEqual(ids(first));
  });

  it('is off with KIM_RESUME_NO_CACHE=1: nothing is written', () => {
    const home = newHome();
    expectQuietSameOutput(run(home, {env: {[programVar('NO_CACHE')]: '1'}}));
    expect(existsSync(home)).toBe(false);
  });

  it('costs nothing when it cannot be written (its folder would be under a regular file)', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a folder');
    expectQuietSameOutput(run(join(file, 'cache')));
    expectQuietSameOutput(run(join(file, 'cache')));
  });

  /**
   * Damages every cache file of a warm cache home (or those `which` names), checks a quiet run,
   * and that the run replaced each with one the next run uses.
   */
  function damaged(damage: (path: string) => void, which: (name: string) => boolean = () => true) {
    const home = newHome();
    run(home);
    const before = cacheFiles(home);
    expect(before.size).toBeGreaterThan(0);
    const hit = [...before].filter(([name]) => which(name));
    expect(hit.length).toBeGreaterThan(0);
    for (const [, {path}] of hit) damage(path);
    const damagedIds = ids(cacheFiles(home));
    expectQuietSameOutput(run(home));
    const rewritten = cacheFiles(home);
    expect([...rewritten.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name] of hit) expect(rewritten.get(name)?.id, name).not.toBe(damagedIds[name]);
    expectQuietSameOutput(run(home));
    expect(ids(cacheFiles(home))).toEqual(ids(rewritten));
  }

  it('falls back quietly on a corrupt cache (bytes changed inside V8 data, which V8 itself would not notice)', () => {
    damaged((path) => {
      const bytes = readFileSync(path);
      for (let i = 64; i < bytes.length; i += 101) bytes[i] = bytes[i]! ^ 0x5a;
      writeFileSync(path, bytes);
    });
  });

  it('falls back quietly on a truncated cache', () => {
    damaged((path) => truncateSync(path, Math.floor(statSync(path).size / 2)));
  });

  it('falls back quietly on a cache that is not one at all', () => {
    damaged((path) => writeFileSync(path, 'hello'));
  });

  it('falls back quietly on a foreign cache: made under other V8 flags, as by another Node version, in this runtime\'s folder', () => {
    const foreignHome = newHome();
    expectQuietSameOutput(run(foreignHome, {node: ['--no-opt']}));
    const foreign = cacheFiles(foreignHome);
    // V8's caches only: a decompressed archive (`.plain`) is the same bytes under any flags.
    damaged(
      (path) => {
        const name = path.slice(path.lastIndexOf('/') + 1);
        copyFileSync(foreign.get(name)!.path, path);
      },
      (name) => name.endsWith('.cache'),
    );
  });
});

describe('the code cache of the app', () => {
  const launch = ptyApps();

  it('is written after the first frame, then used unchanged by the next start', async () => {
    const home = newHome();
    const first = launch({cols: 80, rows: 24, args: [fixturePath('ada')], env: {XDG_CACHE_HOME: home}});
    await first.ready('Ada Whitfield');
    // Written after the first frame, while the app runs: one of the app's own chunks (run-*) shows.
    await waitFor(() => [...cacheFiles(home, {whileWriting: true}).keys()].some((name) => name.startsWith('run-')), {
      what: 'a cache file of the app\'s run-* chunk',
      show: () => [...cacheFiles(home, {whileWriting: true}).keys()].join(', '),
    });
    first.press('q');
    expect((await first.exited()).exitCode).toBe(0);
    // The program has ended, and its writing with it (all in one synchronous run, which a key
    // cannot cut): every file is whole, and there is no other.
    const afterFirst = cacheFiles(home);
    expect([...afterFirst.keys()].some((name) => name.startsWith('run-')), [...afterFirst.keys()].join(', ')).toBe(true);
    // And what it decompressed: the archives and the app's own chunk.
    const plain = [...afterFirst.keys()].filter((name) => !name.endsWith('.js.app.cache')).sort();
    expect(plain).toEqual([
      'chunks~more.br.plain',
      expect.stringMatching(/^chunks~run-\w+\.js\.br\.plain$/),
      'chunks~start.br.plain',
    ]);

    const second = launch({cols: 80, rows: 24, args: [fixturePath('ada')], env: {XDG_CACHE_HOME: home}});
    await second.ready('Ada Whitfield');
    second.press('q');
    expect((await second.exited()).exitCode).toBe(0);
    expect(ids(cacheFiles(home))).toEqual(ids(afterFirst));

    // Printing beside it adds its own files and leaves the app's alone, and the app then still uses them.
    expectQuietSameOutput(run(home));
    const both = cacheFiles(home);
    expect([...both.keys()]).toContain('main.js.print.cache');
    for (const [name, f] of afterFirst) expect(both.get(name)?.id, name).toBe(f.id);
    const third = launch({cols: 80, rows: 24, args: [fixturePath('ada')], env: {XDG_CACHE_HOME: home}});
    await third.ready('Ada Whitfield');
    third.press('q');
    expect((await third.exited()).exitCode).toBe(0);
    expect(ids(cacheFiles(home))).toEqual(ids(both));
  });
});
