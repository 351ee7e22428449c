/** The SSH host key of `kim-resume serve` (src/serve/hostkey.ts): made once, kept, read again. */
import {chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import ssh2 from 'ssh2';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {defaultHostKeyFile, loadHostKey, openModeWarning} from '../../src/serve/hostkey';
import {PROGRAM} from '../helpers/program';

const root = mkdtempSync(join(tmpdir(), 'kim-resume-hostkey-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));

describe('the host key', () => {
  it('is made on the first start (owner-only, linked into place whole: no temporary file left), then read as it is', () => {
    const env = {XDG_STATE_HOME: join(root, 'state')};
    const first = loadHostKey(undefined, env);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.hostKey.created).toBe(true);
    expect(first.hostKey.file).toBe(defaultHostKeyFile(env));
    // Windows keeps no mode bits (Node reports 0666): the profile folder's access list decides.
    if (process.platform !== 'win32') expect(statSync(first.hostKey.file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(root, 'state', PROGRAM))).toEqual(['ssh_host_ed25519_key']);
    const again = loadHostKey(undefined, env);
    expect(again.ok && again.hostKey.created).toBe(false);
    expect(again.ok && again.hostKey.fingerprint).toBe(first.hostKey.fingerprint);
  });

  // ssh2's generateKeyPairSync drops a public key's leading zero byte (mscdex/ssh2#1390): one key
  // in 256 cannot be read back. Seen as `serve` failing to start in 2 of 3 runs of npm test.
  it('is never kept unreadable: a key ssh2 made but cannot read is made again', () => {
    const malformed = {private: '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----', public: ''};
    const made = vi.spyOn(ssh2.utils, 'generateKeyPairSync').mockReturnValueOnce(malformed as unknown as ReturnType<typeof ssh2.utils.generateKeyPairSync>);
    try {
      const env = {XDG_STATE_HOME: join(root, 'state-remade')};
      const first = loadHostKey(undefined, env);
      expect(first.ok ? 'ok' : first.error).toBe('ok');
      expect(made).toHaveBeenCalledTimes(2);
      const again = loadHostKey(undefined, env);
      expect(again.ok ? again.hostKey.fingerprint : again.error).toBe(first.ok && first.hostKey.fingerprint);
    } finally {
      made.mockRestore();
    }
  });

  it('is not made from keys ssh2 cannot read: after 8 tries, one line and no file kept', () => {
    const malformed = {private: 'not a key', public: ''};
    const made = vi.spyOn(ssh2.utils, 'generateKeyPairSync').mockReturnValue(malformed as unknown as ReturnType<typeof ssh2.utils.generateKeyPairSync>);
    try {
      const env = {XDG_STATE_HOME: join(root, 'state-never')};
      const result = loadHostKey(undefined, env);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^cannot make a host key for .*ssh_host_ed25519_key: ssh2 made none it could read back$/);
      expect(made).toHaveBeenCalledTimes(8);
      expect(existsSync(defaultHostKeyFile(env)!)).toBe(false);
    } finally {
      made.mockRestore();
    }
  });

  it('that is not a key is one line naming the file', () => {
    const file = join(root, 'broken_key');
    writeFileSync(file, 'not a key');
    const result = loadHostKey(file, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not a private SSH key`));
  });

  it.skipIf(process.platform === 'win32')('readable by its group or others is used, with one line naming the file and its mode (OpenSSH would refuse it)', () => {
    const env = {XDG_STATE_HOME: join(root, 'state-open')};
    const made = loadHostKey(undefined, env);
    expect(made.ok && made.hostKey.warning).toBe(undefined);
    const file = defaultHostKeyFile(env)!;
    chmodSync(file, 0o644);
    const open = loadHostKey(file, {});
    expect(open.ok).toBe(true);
    if (!open.ok) return;
    expect(open.hostKey.warning).toBe(`warning: the host key ${file} can be read by others (mode 0644); make it owner-only: chmod 600 ${file}`);
    chmodSync(file, 0o600);
    const closed = loadHostKey(file, {});
    expect(closed.ok && closed.hostKey.warning).toBe(undefined);
    expect(openModeWarning('k', 0o100640)).toMatch(/\(mode 0640\)/);
    expect(openModeWarning('k', 0o100400)).toBeUndefined();
  });
});
