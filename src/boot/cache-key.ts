import {pathFor, userFolder} from '../platform/folders';
import {PROGRAM, programEnv} from '../program';

/**
 * Where the V8 code cache of one build lives. The cache is per user, in the platform's cache
 * folder (src/platform/folders.ts: `$XDG_CACHE_HOME/kim-resume`, else `~/.cache/kim-resume`;
 * on Windows `%LOCALAPPDATA%\kim-resume\Cache`), in `<runtime>/<build>/`:
 * - `<runtime>` is what V8 checks a cache against and silently rejects it for: the Node version
 *   (V8's own), the CPU architecture, and the options Node was started with
 *   (`process.execArgv`, `NODE_OPTIONS`);
 * - `<build>` is the package version and a hash of the bundle's files, fixed at build time: V8
 *   checks only a script's length, so a cache of another build of the same size would be taken.
 */
export interface CacheFacts {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: () => string;
  nodeVersion: string;
  arch: string;
  execArgv: readonly string[];
  version: string;
  build: string;
}

/** FNV-1a of a string, as 8 hex digits: a short, stable name for a set of options. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Keeps a name to characters that are safe in a file name everywhere. */
const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');

/** The runtime part of the key: one folder per Node version, architecture and set of options. */
export function runtimeKey(facts: Pick<CacheFacts, 'nodeVersion' | 'arch' | 'execArgv' | 'env'>): string {
  const options = `${facts.execArgv.join('\n')}\0${facts.env.NODE_OPTIONS ?? ''}`;
  return safe(`node${facts.nodeVersion}-${facts.arch}-${shortHash(options)}`);
}

/**
 * The folder of this build's cache, or undefined when caching is off (`KIM_RESUME_NO_CACHE` set
 * to anything but "" or "0") or no cache folder can be found (no usable variable, no home).
 */
export function cacheFolders(facts: CacheFacts): {runtime: string; build: string} | undefined {
  const off = programEnv(facts.env, 'NO_CACHE');
  if (off !== undefined && off !== '' && off !== '0') return undefined;
  const base = userFolder('cache', PROGRAM, facts);
  if (base === undefined) return undefined;
  const {join} = pathFor(facts.platform);
  const runtime = join(base, runtimeKey(facts));
  return {runtime, build: join(runtime, safe(`${facts.version}-${facts.build}`))};
}
