import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import {isatty} from 'node:tty';
import {fileURLToPath} from 'node:url';
import {setFlagsFromString} from 'node:v8';
import {cacheFolders} from './cache-key';
import {BOOT_HOOKS, type BootHooks} from './hooks';
import {createLoader} from './loader';

/**
 * The entry bin/kim-resume.js loads (built as dist/boot.js): runs dist/main.js and the files it
 * needs through the code-cache loader. The package version and the bundle's hash come from the
 * build (scripts/build.mjs).
 */
declare const __KIM_VERSION__: string;
declare const __KIM_BUILD__: string;

// The full-screen app is long-lived and allocates a frame per key: V8 is asked to keep the heap
// small (peak RSS after 50 keys in bench/: ~105 MiB without, ~85–92 with). The flag is set here,
// before any code is compiled, so that the code cache is made and read under the same flags (V8
// rejects a cache made under others; the flags are part of its key): set after the first frame
// it saved almost nothing. Only when both ends are terminals, as the app needs: printed output
// does not need it, and every built-in module Node loads after a flag change compiles without
// Node's embedded cache (~8 ms for the piped text).
const v8Flags = isatty(0) && isatty(1) ? ['--optimize-for-size'] : [];
for (const flag of v8Flags) setFlagsFromString(flag);

const folders = cacheFolders({
  env: process.env,
  home: homedir,
  nodeVersion: process.version,
  arch: process.arch,
  execArgv: process.execArgv,
  v8Flags,
  version: __KIM_VERSION__,
  build: __KIM_BUILD__,
});
const loader = createLoader(folders);
const hooks: BootHooks = {startupDone: loader.writeCaches};
(globalThis as {[BOOT_HOOKS]?: BootHooks})[BOOT_HOOKS] = hooks;
loader.load(join(dirname(fileURLToPath(import.meta.url)), 'main.js'));
