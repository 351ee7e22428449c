/** What every step of the bench shares: where things are, the terminal size, the programs compared. */
import {join} from 'node:path';
import {REPO_ROOT} from '../test/helpers/fixtures';

export const ROOT = REPO_ROOT;
export const OUT = join(ROOT, 'bench/.out');
export const NODE = process.execPath;
export const COLS = 100;
export const ROWS = 30;

/** A private copy of the package (dist/ may be rebuilt by others while the bench runs). */
export const PKG = join(OUT, 'pkg');
/** Node's arguments for each program compared, from the repository root. */
export const OURS = ['bench/.out/pkg/bin/kim-resume.js'];
export const ONE_BOX = ['bench/.out/one-box/one-box.js'];
export const BARE_READY = ['-e', "process.stdout.write('ready')"];

export const log = (line: string) => process.stderr.write(line + '\n');
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * kim-resume keeps a V8 code cache under $XDG_CACHE_HOME (src/boot/). Every program the bench
 * starts inherits WARM_CACHE (bench/main.ts sets it), written by the first run and used by the
 * rest: "warm". A cold run gets a new, empty folder of its own (coldCache()): a first start.
 */
export const WARM_CACHE = join(OUT, 'cache-warm');
let colds = 0;
export const coldCache = (): Record<string, string> => ({XDG_CACHE_HOME: join(OUT, 'cache-cold', String(++colds))});
