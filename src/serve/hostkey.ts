import {createHash} from 'node:crypto';
import {linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {pathFor, userFolder} from '../platform/folders';
import ssh2 from 'ssh2';
import {PROGRAM} from '../program';

/**
 * The SSH host key: the file given with --host-key, or one made on the first start and kept
 * (mode 0600) under the XDG state directory, so clients see the same key on every start
 * (https://specifications.freedesktop.org/basedir-spec/latest/: "$XDG_STATE_HOME … If … either
 * not set or empty, a default equal to $HOME/.local/state should be used").
 */

export interface HostKey {
  key: Buffer;
  /** Where it is kept. */
  file: string;
  /** As OpenSSH shows it: `SHA256:` and the unpadded base64 of the public key's SHA-256. */
  fingerprint: string;
  /** True when this start made it. */
  created: boolean;
  /** One line when the file may be read by its group or others (the key is still used). */
  warning?: string;
}

/**
 * A private key others may read is an identity others may take. OpenSSH's sshd refuses such a
 * host key ("UNPROTECTED PRIVATE KEY FILE!"); this server warns in one line and goes on, so that
 * a service whose key's mode was loosened by a copy or a volume keeps answering (decided in
 * issue 23: a refusal would take down a running server on its next restart).
 */
export function openModeWarning(file: string, mode: number, platform: NodeJS.Platform = process.platform): string | undefined {
  // Windows has no such mode bits: Node reports 0666 or 0444 for every file, and who may read
  // it is the folder's access list (the user's own profile, for the default file).
  if (platform === 'win32' || (mode & 0o077) === 0) return undefined;
  return `warning: the host key ${file} can be read by others (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); make it owner-only: chmod 600 ${file}`;
}

/**
 * The kept key's file, in the platform's state folder (src/platform/folders.ts:
 * `$XDG_STATE_HOME/kim-resume`, else `~/.local/state/kim-resume`; on Windows
 * `%LOCALAPPDATA%\kim-resume\State`). Undefined when there is no such folder (no home).
 */
export function defaultHostKeyFile(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const folder = userFolder('state', PROGRAM, {platform, env, home: homedir});
  return folder && pathFor(platform).join(folder, 'ssh_host_ed25519_key');
}

/** Whether ssh2 reads `key` as a private key (what the server will do with it). */
function readable(key: Buffer): boolean {
  const parsed = ssh2.utils.parseKey(key);
  return !(parsed instanceof Error) && !Array.isArray(parsed) && parsed.isPrivateKey();
}

/**
 * A new ed25519 key in OpenSSH's format, one that ssh2 can read back; undefined if ssh2 made none
 * in 8 tries. ssh2's generateKeyPairSync (1.17) strips every leading zero byte of the public key,
 * the first of its 32 bytes included (lib/keygen.js; mscdex/ssh2#1390, #1513), so one key in 256
 * comes out malformed and parseKey rejects it ("Malformed OpenSSH private key"). Such a key is
 * made again, never kept: kept, it would stop every later start too.
 */
function newKey(): Buffer | undefined {
  for (let tries = 0; tries < 8; tries++) {
    const key = Buffer.from(ssh2.utils.generateKeyPairSync('ed25519').private);
    if (readable(key)) return key;
  }
  return undefined;
}

/** Reads the key (or makes it, when no file was given and none is kept yet); an error is one line. */
export function loadHostKey(given: string | undefined, env: NodeJS.ProcessEnv): {ok: true; hostKey: HostKey} | {ok: false; error: string} {
  const file = given ?? defaultHostKeyFile(env);
  if (file === undefined) return {ok: false, error: 'no home folder to keep a host key in: give one with --host-key FILE'};
  let key: Buffer;
  let created = false;
  try {
    key = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (given !== undefined || code !== 'ENOENT') return {ok: false, error: `cannot read the host key ${file}: ${code ?? (error as Error).message}`};
    const made = newKey();
    if (!made) return {ok: false, error: `cannot make a host key for ${file}: ssh2 made none it could read back`};
    key = made;
    // Written whole beside it, then linked into place: a start reading the key meanwhile never
    // sees half a file, and a link never replaces a key another start made first (EEXIST).
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(join(file, '..'), {recursive: true, mode: 0o700});
      writeFileSync(temporary, key, {mode: 0o600});
      linkSync(temporary, file);
      created = true;
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') return {ok: false, error: `cannot keep the host key in ${file}: ${(writeError as NodeJS.ErrnoException).code}`};
      key = readFileSync(file);
    } finally {
      try {
        unlinkSync(temporary);
      } catch {
        // Never written.
      }
    }
  }
  const parsed = ssh2.utils.parseKey(key);
  if (parsed instanceof Error || Array.isArray(parsed) || parsed.isPrivateKey() === false) {
    return {ok: false, error: `${file} is not a private SSH key${parsed instanceof Error ? `: ${parsed.message}` : ''}`};
  }
  const fingerprint = `SHA256:${createHash('sha256').update(parsed.getPublicSSH()).digest('base64').replace(/=+$/, '')}`;
  let warning: string | undefined;
  try {
    warning = openModeWarning(file, statSync(file).mode);
  } catch {
    // Gone since it was read: the key read is the one used.
  }
  return {ok: true, hostKey: {key, file, fingerprint, created, ...(warning ? {warning} : {})}};
}
