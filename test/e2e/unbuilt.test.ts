/**
 * A fresh clone run before its first build: bin/kim-resume.js finds no dist/ and says so in one
 * line (what to run), exit 1, never Node's 15-line "Cannot find module" stack. Run on a copy of
 * bin/ with no dist/ beside it, so the repository's own build is left alone.
 */
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {cleanEnv} from '../helpers/cli';
import {REPO_ROOT} from '../helpers/fixtures';

const clone = mkdtempSync(join(tmpdir(), 'kim-unbuilt-'));
afterAll(() => rmSync(clone, {recursive: true, force: true}));

describe('before the first build', () => {
  it('one line says to build, exit 1', () => {
    cpSync(join(REPO_ROOT, 'bin'), join(clone, 'bin'), {recursive: true});
    const run = spawnSync(process.execPath, [join(clone, 'bin', 'kim-resume.js')], {encoding: 'utf8', env: cleanEnv()});
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('kim-resume: not built yet: run `npm run build` first (or `npm start`, which builds and runs)\n');
  });

  it('once built, the same file runs the program', () => {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'kim-resume.js'), '--version'], {encoding: 'utf8', env: cleanEnv()});
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
