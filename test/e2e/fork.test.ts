/**
 * A fork made its own (issue 22): the repository's files copied to a temporary folder (its
 * node_modules linked), another person's résumé as data/resume.json, the package renamed to
 * `ada-cv` by `npm run rename` (scripts/rename.mjs), and built there. Nothing it prints, shows,
 * creates or reads may still name 김성호 or kim-resume: piped output, --help, --version, --check,
 * an error, its cache and state folders, its environment variables, the SSH banner, the app's
 * screen, and the whole of its dist/. Build nothing else: the repository's own dist/ is left alone.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync} from 'node:fs';
import {connect as tcpConnect} from 'node:net';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bundleFiles} from '../helpers/bundle-files';
import {cleanEnv, NODE} from '../helpers/cli';
import {fixturePath, REPO_ROOT} from '../helpers/fixtures';
import {KEYS, ptyApps} from '../helpers/pty';
import {startServer} from '../helpers/serve';

/** What a fork must never show: the person of this repository, or its program's name in any case. */
const FOREIGN = /김성호|Seongho|kim[-_ ]?resume/i;

const fork = mkdtempSync(join(tmpdir(), 'fork-'));
const home = mkdtempSync(join(tmpdir(), 'fork-home-'));
const bin = join(fork, 'bin', 'kim-resume.js');
const cache = join(home, 'cache');
const state = join(home, 'state');

/** Every path under `dir`, relative to it, folders included. */
const pathsUnder = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, {recursive: true, encoding: 'utf8'}).map((p) => p.split('\\').join('/')) : [];

/** The fork's program, piped, in a home of its own (its XDG folders under `home`), with `env` added. */
function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(NODE, [bin, ...args], {
    cwd: fork,
    env: cleanEnv({XDG_CACHE_HOME: cache, XDG_STATE_HOME: state, HOME: home, ...env}),
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (result.error) throw result.error;
  return result;
}

beforeAll(() => {
  // The repository's files as git knows them (new ones too), node_modules linked entry by entry
  // (not its .cache: the fork's build keeps its own record there).
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {cwd: REPO_ROOT, encoding: 'utf8'}).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(REPO_ROOT, file))) continue;
    mkdirSync(dirname(join(fork, file)), {recursive: true});
    copyFileSync(join(REPO_ROOT, file), join(fork, file));
  }
  mkdirSync(join(fork, 'node_modules'));
  for (const entry of readdirSync(join(REPO_ROOT, 'node_modules'))) {
    if (entry !== '.cache') symlinkSync(join(REPO_ROOT, 'node_modules', entry), join(fork, 'node_modules', entry));
  }
  cpSync(fixturePath('ada'), join(fork, 'data', 'resume.json'));
  const renamed = spawnSync(NODE, ['scripts/rename.mjs', 'ada-cv'], {cwd: fork, encoding: 'utf8', env: cleanEnv()});
  expect(renamed.status, renamed.stderr).toBe(0);
  const built = spawnSync(NODE, ['scripts/build.mjs'], {cwd: fork, encoding: 'utf8', env: cleanEnv()});
  expect(built.status, built.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  rmSync(fork, {recursive: true, force: true});
  rmSync(home, {recursive: true, force: true});
});

describe('a fork renamed ada-cv, with its own résumé', () => {
  it('rename set the package name and its command, and left the rest as it was', () => {
    const pkg = JSON.parse(readFileSync(join(fork, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('ada-cv');
    expect(pkg.bin).toEqual({'ada-cv': 'bin/kim-resume.js'});
    expect(pkg.description).not.toMatch(FOREIGN);
    const lock = JSON.parse(readFileSync(join(fork, 'package-lock.json'), 'utf8'));
    expect([lock.name, lock.packages[''].name]).toEqual(['ada-cv', 'ada-cv']);
    expect(pkg.devDependencies).toEqual(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).devDependencies);
  });

  it('prints its own résumé, and names itself in --help, --version, --check and errors', () => {
    const piped = run([]);
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stdout).toContain('Ada Whitfield');
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: ada-cv [FILE]');
    expect(help.stdout).toContain("Without FILE, it shows Ada Whitfield's résumé.");
    expect(help.stdout).toContain('ADA_CV_THEME');
    const serveHelp = run(['serve', '--help']);
    expect(serveHelp.stdout).toContain('Usage: ada-cv serve');
    expect(serveHelp.stdout).toContain('$XDG_STATE_HOME/ada-cv/');
    const version = run(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const check = run(['--check']);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('to check yours: ada-cv --check FILE');
    const checkFile = run(['--check', 'data/resume.json']);
    expect(checkFile.stdout).toContain('data/resume.json: no problems');
    const usage = run(['--width', 'abc']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^ada-cv: --width must be .* \(see ada-cv --help\)\n$/);
    const missing = run(['no-such-file.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no-such-file.json');
    const tech = run(['--tech', 'Cobol']);
    expect(tech.stderr).toMatch(/^ada-cv: no project uses/);
    for (const result of [piped, help, serveHelp, version, check, checkFile, usage, missing, tech]) {
      expect(result.stdout + result.stderr).not.toMatch(FOREIGN);
    }
  });

  it('says "not built yet" under its own name', () => {
    const bare = mkdtempSync(join(tmpdir(), 'fork-bare-'));
    try {
      cpSync(join(fork, 'bin'), join(bare, 'bin'), {recursive: true});
      copyFileSync(join(fork, 'package.json'), join(bare, 'package.json'));
      const result = spawnSync(NODE, [join(bare, 'bin', 'kim-resume.js')], {encoding: 'utf8', env: cleanEnv()});
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^ada-cv: not built yet/);
    } finally {
      rmSync(bare, {recursive: true, force: true});
    }
  });

  it('keeps its code cache in a folder of its own name', () => {
    run([]);
    const paths = pathsUnder(cache);
    expect(paths[0]).toBe('ada-cv');
    expect(paths.every((p) => p.startsWith('ada-cv'))).toBe(true);
    expect(paths.join('\n')).not.toMatch(FOREIGN);
  });

  it('reads ADA_CV_* variables, and not KIM_RESUME_*', () => {
    const colored = (env: NodeJS.ProcessEnv) => run(['--color'], {COLORTERM: 'truecolor', ...env}).stdout;
    const [light, dark] = [colored({ADA_CV_THEME: 'light'}), colored({ADA_CV_THEME: 'dark'})];
    expect(light).not.toBe(dark);
    expect(colored({KIM_RESUME_THEME: 'light'})).toBe(colored({KIM_RESUME_THEME: 'dark'}));
    expect(colored({KIM_RESUME_THEME: 'light'})).toBe(colored({}));
    // Caching off by ADA_CV_NO_CACHE: no folder made; KIM_RESUME_NO_CACHE does not turn it off.
    const elsewhere = join(home, 'cache-2');
    run([], {XDG_CACHE_HOME: elsewhere, ADA_CV_NO_CACHE: '1'});
    expect(pathsUnder(elsewhere)).toEqual([]);
    run([], {XDG_CACHE_HOME: elsewhere, KIM_RESUME_NO_CACHE: '1'});
    expect(pathsUnder(elsewhere)[0]).toBe('ada-cv');
  });

  it('serves under its own name: start lines, state folder, SSH banner', async () => {
    const server = await startServer([], {XDG_STATE_HOME: state, HOME: home}, {bin, cwd: fork});
    try {
      const banner = await new Promise<string>((resolve, reject) => {
        const socket = tcpConnect(server.ssh, '127.0.0.1');
        let got = '';
        socket.setEncoding('utf8').on('data', (chunk: string) => {
          got += chunk;
          if (got.includes('\n')) {
            socket.destroy();
            resolve(got.split('\n')[0]!.trim());
          }
        });
        socket.on('error', reject);
      });
      expect(banner).toBe('SSH-2.0-ada-cv');
      expect(server.lines.some((l) => l.startsWith('ada-cv: ssh on'))).toBe(true);
      expect(pathsUnder(state).some((p) => p.startsWith('ada-cv/'))).toBe(true);
      expect(pathsUnder(state).join('\n')).not.toMatch(FOREIGN);
    } finally {
      await server.stop();
    }
    expect(server.stderr()).not.toMatch(FOREIGN);
  });

  const launch = ptyApps();

  it('the app shows its own résumé and names itself in its help', async () => {
    // Tall enough for the whole help, down to its last line ("Piped or redirected, ada-cv …").
    const app = launch({cols: 100, rows: 60, command: {file: NODE, args: [bin], cwd: fork}, env: {XDG_CACHE_HOME: cache, XDG_STATE_HOME: state}});
    await app.ready('Ada Whitfield');
    app.press('?');
    const help = await app.waitFor('ada-cv | less');
    expect(help.join('\n')).not.toMatch(FOREIGN);
    app.press(KEYS.escape);
    const back = await app.waitFor((rows) => !rows.join('\n').includes('ada-cv | less'));
    expect(back.join('\n')).not.toMatch(FOREIGN);
    app.press('q');
    await app.exited();
    expect(app.raw).not.toMatch(FOREIGN);
  });

  it('no file of its dist/ holds the old name or person, escaped or not', () => {
    // Read as the program reads them: its chunks are compressed (src/boot/archive.ts).
    const files = bundleFiles(join(fork, 'dist'), fork);
    expect(files.size).toBeGreaterThan(10);
    // The bundle is ASCII with \u escapes (scripts/build/options.mjs): read them back as letters.
    const unescaped = (text: string) => text.replace(/\\u\{?([0-9a-fA-F]{4,5})\}?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    const hits = [...files].filter(([, bytes]) => FOREIGN.test(unescaped(bytes.toString('utf8')))).map(([file]) => file);
    expect(hits).toEqual([]);
  });
});
