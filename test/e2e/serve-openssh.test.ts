/**
 * `kim-resume serve --ssh` with the real OpenSSH client in a pseudo-terminal, as a reader runs
 * it: the app appears, j and Tab work, a resize redraws, q ends the session, and the reader's
 * own terminal is left as it was found (the wrapper's stty report, the screen modes).
 */
import {spawnSync} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {fixturePath, REPO_ROOT} from '../helpers/fixtures';
import {KEYS, startApp, type PtyApp} from '../helpers/pty';
import {startServer, type Server} from '../helpers/serve';
import {restoredProblems, textAfterLeaving} from '../helpers/terminal-state';

const FILE = fixturePath('jiwoo');
const NAME = '한지우';
const hasSsh = spawnSync('ssh', ['-V']).status === 0;

let server: Server;
beforeAll(async () => {
  if (hasSsh) server = await startServer([FILE]);
});
afterAll(async () => {
  await server?.stop();
});

function openSsh(cols: number, rows: number, extra: string[] = []): PtyApp {
  const args = ['-p', String(server.ssh), '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'BatchMode=yes', ...extra, '127.0.0.1'];
  return startApp({cols, rows, shell: true, command: {file: 'ssh', args, cwd: REPO_ROOT}});
}

describe.runIf(hasSsh)('serve over SSH, with the OpenSSH client', () => {
  it('the app appears; j and Tab work; a resize redraws; q ends the session with exit 0 and the terminal restored', async () => {
    const app = openSsh(100, 30);
    try {
      const first = await app.ready(NAME);
      expect(app.bufferType).toBe('alternate');
      app.press('j');
      const moved = await app.waitForChange(first);
      app.press(KEYS.tab);
      const tabbed = await app.waitForChange(moved);
      expect(tabbed.join('\n')).not.toBe(moved.join('\n'));
      await app.resize(70, 20);
      // Redrawn at the new width: the panel's right border ends in the last column.
      await app.waitFor((rows) => rows.some((r) => r.length === 70 && /[┃│┓┐╮]$/.test(r)));
      app.press('q');
      const report = await app.report();
      expect(report.exitCode).toBe(0);
      expect(restoredProblems(app, report), app.dump()).toEqual([]);
      // Nothing after leaving: no "Received disconnect", no "Connection closed".
      expect(textAfterLeaving(app.raw).trim()).toBe('');
    } finally {
      await app.dispose();
    }
  });

  it('ssh -T (no pty) prints the plain text and exits 0', async () => {
    const result = spawnSync('ssh', ['-T', '-p', String(server.ssh), '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'BatchMode=yes', '127.0.0.1'], {encoding: 'utf8', timeout: 15_000});
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(NAME);
  });

  it('offers AES-GCM and AES-CTR, each of which OpenSSH takes, and not chacha20-poly1305 (src/serve/ciphers.ts)', () => {
    const common = ['-T', '-p', String(server.ssh), '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'BatchMode=yes'];
    for (const cipher of ['aes128-gcm@openssh.com', 'aes256-ctr']) {
      const result = spawnSync('ssh', [...common, '-o', 'LogLevel=ERROR', '-c', cipher, '127.0.0.1'], {encoding: 'utf8', timeout: 15_000});
      expect(result.status, `${cipher}: ${result.stderr}`).toBe(0);
      expect(result.stdout.split('\n')[0]).toBe(NAME);
    }
    const chacha = spawnSync('ssh', [...common, '-c', 'chacha20-poly1305@openssh.com', '127.0.0.1'], {encoding: 'utf8', timeout: 15_000});
    expect(chacha.status).toBe(255);
    expect(chacha.stderr).toMatch(/no matching cipher/i);
  });

  it('sftp and ssh -W (stdio forwarding) are refused with exit 255', () => {
    const common = ['-p', String(server.ssh), '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'BatchMode=yes'];
    expect(spawnSync('ssh', [...common, '-s', '127.0.0.1', 'sftp'], {input: '', timeout: 15_000}).status).toBe(255);
    expect(spawnSync('ssh', [...common, '-W', `127.0.0.1:${server.http}`, '127.0.0.1'], {input: '', timeout: 15_000}).status).toBe(255);
  });
});
