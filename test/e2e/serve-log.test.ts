/**
 * `kim-resume serve` whose log goes nowhere: stderr a pipe closed after the first line, as in
 * `kim-resume serve … 2>&1 >/dev/null | head -1`. Every later line fails (EPIPE); the server must
 * stay responsive, not spin, and still end on SIGTERM.
 */
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {request} from 'node:http';
import {afterAll, describe, expect, it} from 'vitest';
import {BIN, cleanEnv, NODE} from '../helpers/cli';
import {fixturePath, REPO_ROOT} from '../helpers/fixtures';
import {connect, shell, startServer} from '../helpers/serve';

/** CPU seconds (user + system) the process has used, from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ", field 3 (state) is index 0: utime (14) is index 11, stime (15) index 12.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function get(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const asking = request({host: '127.0.0.1', port, path: '/resume.md', agent: false, timeout: 10_000}, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    asking.on('timeout', () => asking.destroy(new Error('no answer in 10 s')));
    asking.on('error', reject);
    asking.end();
  });
}

let started: ReturnType<typeof spawn> | undefined;
// Also when the test times out (a spinning server never answers): never left running.
afterAll(() => {
  if (started && started.exitCode === null && started.signalCode === null) started.kill('SIGKILL');
});

describe.runIf(process.platform === 'linux')('serve with its log pipe closed', () => {
  it('goes on answering without spinning, and SIGTERM ends it', async () => {
    const child = (started = spawn(NODE, [BIN, 'serve', fixturePath('jiwoo'), '--http', '0'], {cwd: REPO_ROOT, env: cleanEnv(), stdio: ['ignore', 'ignore', 'pipe']}));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const first = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('\n')) resolve(text.split('\n')[0]!);
        });
        child.once('exit', () => reject(new Error(`exited before its first line: ${text}`)));
      });
      const port = Number(/port (\d+)/.exec(first)![1]);
      // As `head -1` does: the reading end is closed after the first line.
      child.stderr!.destroy();
      // Each request writes a log line, which now fails.
      for (let i = 0; i < 5; i++) expect(await get(port)).toBe(200);
      const cpuBefore = cpuSeconds(child.pid!);
      const wallBefore = Date.now();
      for (let i = 0; i < 20; i++) expect(await get(port)).toBe(200);
      const cpu = cpuSeconds(child.pid!) - cpuBefore;
      const wall = (Date.now() - wallBefore) / 1000;
      // A spinning process uses about one CPU second per second; 20 requests cost a small part of that.
      expect(cpu).toBeLessThan(Math.max(1, wall * 0.5) + 0.5);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

describe('serve: its stderr is a log', () => {
  it('after an SSH app session and a stop, it holds only log lines: no escape code (restore-cursor 5 writes only to a terminal)', async () => {
    const server = await startServer([fixturePath('jiwoo')]);
    try {
      const client = await connect(server.ssh);
      const screen = await shell(client, 80, 24);
      await screen.waitFor('한지우');
      screen.channel.write('q');
      expect((await screen.closed).code).toBe(0);
      client.end();
      screen.dispose();
      await server.waitForLine(/ ssh-app [\d.]+s in=\d+B out=\d+B ok$/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const log = server.stderr();
    expect(log.endsWith('\n')).toBe(true);
    expect(log).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });
});
