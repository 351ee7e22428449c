import {posix, win32} from 'node:path';

/**
 * Where a program keeps its files for one user, by the platform's own rule (pure; tested with
 * `platform: 'win32'` on any machine):
 * - POSIX: the XDG base directories (https://specifications.freedesktop.org/basedir-spec/latest/):
 *   the cache in `$XDG_CACHE_HOME`, else `~/.cache`; the state in `$XDG_STATE_HOME`, else
 *   `~/.local/state`. A relative path in either variable is invalid and ignored.
 * - Windows: the user's local application data, `%LOCALAPPDATA%` (else `<home>\AppData\Local`),
 *   in `<name>\Cache` and `<name>\State`: the "Local" known folder is what Microsoft names for
 *   data that stays on one machine (https://learn.microsoft.com/windows/win32/shell/knownfolderid,
 *   FOLDERID_LocalAppData). An XDG variable set to an absolute path still wins there (some shells
 *   on Windows, such as MSYS2's, set them on purpose).
 */
export type FolderKind = 'cache' | 'state';

export interface FolderFacts {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The home folder (os.homedir); may throw or be empty where there is none. */
  home: () => string;
}

const XDG: Record<FolderKind, {variable: string; fallback: string[]}> = {
  cache: {variable: 'XDG_CACHE_HOME', fallback: ['.cache']},
  state: {variable: 'XDG_STATE_HOME', fallback: ['.local', 'state']},
};

const WINDOWS_SUBFOLDER: Record<FolderKind, string> = {cache: 'Cache', state: 'State'};

/** The path functions of the platform asked about, not of the machine the code runs on. */
export const pathFor = (platform: NodeJS.Platform) => (platform === 'win32' ? win32 : posix);

function homeOf(facts: FolderFacts, path: typeof posix): string | undefined {
  try {
    const home = facts.home();
    return home && path.isAbsolute(home) ? home : undefined;
  } catch {
    return undefined;
  }
}

/** `name`'s folder of `kind` for this user, or undefined when no base folder can be found. */
export function userFolder(kind: FolderKind, name: string, facts: FolderFacts): string | undefined {
  const path = pathFor(facts.platform);
  const xdg = facts.env[XDG[kind].variable];
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, name);
  if (facts.platform === 'win32') {
    const local = facts.env.LOCALAPPDATA;
    const base = local && path.isAbsolute(local) ? local : (home => home && path.join(home, 'AppData', 'Local'))(homeOf(facts, path));
    return base ? path.join(base, name, WINDOWS_SUBFOLDER[kind]) : undefined;
  }
  const home = homeOf(facts, path);
  return home ? path.join(home, ...XDG[kind].fallback, name) : undefined;
}
