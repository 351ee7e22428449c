import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
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

const folders = cacheFolders({
  env: process.env,
  home: homedir,
  nodeVersion: process.version,
  arch: process.arch,
  execArgv: process.execArgv,
  version: __KIM_VERSION__,
  build: __KIM_BUILD__,
});
const loader = createLoader(folders);
const hooks: BootHooks = {startupDone: loader.writeCaches, stopCaching: loader.stop};
(globalThis as {[BOOT_HOOKS]?: BootHooks})[BOOT_HOOKS] = hooks;
loader.load(join(dirname(fileURLToPath(import.meta.url)), 'main.js'));
