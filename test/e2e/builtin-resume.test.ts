/**
 * The built-in résumé (data/resume.json) is held to the schema: a mistake in it stops the program
 * (exit 2), and the person editing it is told every problem at once, as --check lists them, not
 * the first. `--check` without FILE says it checked the built-in résumé. Run on a copy of the
 * built program (bin/, dist/, data/) whose data/resume.json has two mistakes; the repository's
 * own data/ is left alone.
 */
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BIN, cleanEnv} from '../helpers/cli';
import {REPO_ROOT} from '../helpers/fixtures';
import {PROGRAM} from '../helpers/program';

const copy = mkdtempSync(join(tmpdir(), 'kim-builtin-'));
afterAll(() => rmSync(copy, {recursive: true, force: true}));
beforeAll(() => {
  for (const folder of ['bin', 'dist', 'data']) cpSync(join(REPO_ROOT, folder), join(copy, folder), {recursive: true});
  const broken = {basics: {name: 'Ada Lovelace', email: 42}, work: [{name: 'Analytical Engines', startDate: 'soon'}]};
  writeFileSync(join(copy, 'data', 'resume.json'), JSON.stringify(broken, null, 2) + '\n');
});

const run = (bin: string, args: string[], cwd = REPO_ROOT) => spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: cleanEnv()});

describe('the built-in résumé', () => {
  it('with mistakes: every problem, one line each, then one line saying why it stops; exit 2', () => {
    const result = run(join(copy, 'bin', 'kim-resume.js'), [], copy);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^data\/resume\.json:\d+:\d+: basics\.email: /);
    expect(lines[1]).toMatch(/^data\/resume\.json:\d+:\d+: work\[0\]\.startDate: /);
    expect(lines[2]).toBe(`${PROGRAM}: 2 problems in data/resume.json; the built-in résumé must have none`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    // The same problems --check lists.
    const check = run(join(copy, 'bin', 'kim-resume.js'), ['--check'], copy);
    expect(check.status).toBe(2);
    const checked = check.stdout.trimEnd().split('\n');
    expect(checked.slice(0, 2)).toEqual(lines.slice(0, 2));
    // Then the language it settled on.
    expect(checked.slice(2)).toEqual([expect.stringMatching(/^data\/resume\.json: language en /)]);
  });

  it('--check without FILE says the built-in résumé was checked, and how to check another', () => {
    const result = run(BIN, ['--check']);
    expect(result.status).toBe(0);
    const [first, ...rest] = result.stdout.trimEnd().split('\n');
    expect(first).toBe(`data/resume.json: no problems (the built-in résumé; to check yours: ${PROGRAM} --check FILE)`);
    expect(rest).toEqual([expect.stringMatching(/^data\/resume\.json: language /)]);
  });
});
