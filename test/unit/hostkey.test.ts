/** The SSH host key of `kim-resume serve` (src/serve/hostkey.ts): made once, kept, read again. */
import {mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {defaultHostKeyFile, loadHostKey} from '../../src/serve/hostkey';

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
    expect(statSync(first.hostKey.file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(root, 'state', 'kim-resume'))).toEqual(['ssh_host_ed25519_key']);
    const again = loadHostKey(undefined, env);
    expect(again.ok && again.hostKey.created).toBe(false);
    expect(again.ok && again.hostKey.fingerprint).toBe(first.hostKey.fingerprint);
  });

  it('that is not a key is one line naming the file', () => {
    const file = join(root, 'broken_key');
    writeFileSync(file, 'not a key');
    const result = loadHostKey(file, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not a private SSH key`));
  });
});
