import {join} from 'node:path';
import {isatty} from 'node:tty';
import {cacheFolders} from './cache-key';
import {BOOT_HOOKS, type BootHooks} from './hooks';
import {createLoader} from './loader';

/**
 * The entry bin/kim-resume.js requires (built as dist/boot.cjs, CommonJS): runs dist/main.js and
 * the files it needs through the code-cache loader. The package version and the bundle's hash
 * come from the build (scripts/build.mjs). Both are CommonJS so that Node never starts its ES
 * module loader (~2 ms of every start, measured: its resolver, translators and module jobs).
 */
declare const __KIM_VERSION__: string;
declare const __KIM_BUILD__: string;

// With a terminal on both ends the app runs; otherwise the text is printed. The two run different
// functions, and a code cache holds only the functions compiled by the time it was made, so each
// start keeps its own cache files.
const inTerminal = isatty(0) && isatty(1);

// node:os and node:v8 are required where they are used, not at the top: each costs every printed
// run its load (the home folder is needed only without $XDG_CACHE_HOME).
const folders = cacheFolders({
  platform: process.platform,
  env: process.env,
  home: () => (require('node:os') as typeof import('node:os')).homedir(),
  nodeVersion: process.version,
  arch: process.arch,
  execArgv: process.execArgv,
  version: __KIM_VERSION__,
  build: __KIM_BUILD__,
});
const loader = createLoader(folders, inTerminal ? 'app' : 'print');

/**
 * The app is long-lived and allocates a frame per key. V8 doubles its young generation whenever
 * enough objects survive it (to 16 MiB per semi-space), and a grown one stays resident: measured
 * in bench/ as peak RSS after 50 keys, ~89 MiB, against ~81 MiB with growth stopped once the first
 * frame is drawn (the one-box Ink app: ~77). The flag is set only then, after the code cache is
 * written, never at the start: V8 rejects code caches made under other flags, its own and Node's
 * embedded one for the built-in modules, so any flag set before the code runs compiled Node's
 * modules again (~25 ms of first paint with --optimize-for-size, which this replaces).
 */
function keepYoungGenerationSmall(): void {
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--semi-space-growth-factor=1');
}

const hooks: BootHooks = {
  startupDone() {
    loader.writeCaches();
    if (inTerminal) keepYoungGenerationSmall();
  },
};
(globalThis as {[BOOT_HOOKS]?: BootHooks})[BOOT_HOOKS] = hooks;
loader.load(join(__dirname, 'main.js'));
