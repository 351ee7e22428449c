import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {validate} from '@jsonresume/schema';
import {REPO_ROOT} from '../helpers/fixtures';
import {startApp} from '../helpers/pty';

/**
 * The package as people get it: packed, installed offline into an empty folder, run with npx.
 * `npm test` has built dist/ already; packing skips the build (--ignore-scripts) so it never
 * rebuilds dist/ under the other end-to-end tests.
 */
const npmEnv = {PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), LANG: 'C.UTF-8'};
const npm = (args: string[], cwd: string) => execFileSync('npm', args, {cwd, env: npmEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});

let dir: string;
let app: string;
let tarball: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kim-resume-pack-'));
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], REPO_ROOT)) as Array<{filename: string}>;
  tarball = join(dir, packed[0]!.filename);
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({name: 'try-kim-resume', private: true}));
  npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], app);
}, 120_000);

afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('the packed package', () => {
  it('has no dependencies and ships only what runs', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules', 'kim-resume', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['kim-resume']);
    const files = readdirSync(join(app, 'node_modules', 'kim-resume')).sort();
    expect(files).toEqual(['LICENSE', 'README.md', 'bin', 'data', 'dist', 'package.json']);
  });

  it('runs with npx --offline, piped: the whole résumé as plain text', () => {
    const result = spawnSync('npx', ['--offline', 'kim-resume'], {cwd: app, env: npmEnv, encoding: 'utf8'});
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('김성호');
    expect(result.stdout).toContain('IOT 센서 데이터 파이프라인 구축');
    expect(result.stdout).not.toContain('\x1b');
  });

  it('prints --format json that validates against the official schema', () => {
    const result = spawnSync('npx', ['--offline', 'kim-resume', '--format', 'json'], {cwd: app, env: npmEnv, encoding: 'utf8'});
    expect(result.status).toBe(0);
    let valid = false;
    validate(JSON.parse(result.stdout), (_errors, ok) => (valid = ok));
    expect(valid).toBe(true);
  });

  it('opens the interactive app in a terminal and quits cleanly', async () => {
    const run = startApp({cols: 100, rows: 30, shell: true, command: {file: join(app, 'node_modules', '.bin', 'kim-resume'), cwd: app}});
    try {
      await run.ready();
      expect(run.screen().join('\n')).toContain('대시보드 API 서버 구축');
      run.press('q');
      const report = await run.report();
      expect(report.exitCode).toBe(0);
      expect(report.sttyAll).toMatch(/(^|\s)icanon(\s|$)/);
    } finally {
      await run.dispose();
    }
  });
});
