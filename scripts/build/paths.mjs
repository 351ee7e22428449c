// @ts-check
import {fileURLToPath} from 'node:url';

/** The repository root (this file is scripts/build/paths.mjs). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** An absolute path from the repository root: `fromRoot('src/stubs/empty.ts')`. */
export const fromRoot = (/** @type {string} */ path) => fileURLToPath(new URL(path, new URL('../../', import.meta.url)));

/** A stand-in module of src/stubs/ by file name: `stub('empty.ts')`. */
export const stub = (/** @type {string} */ file) => fromRoot(`src/stubs/${file}`);

/**
 * Where the build records which source files went into which output file (from the repository
 * root): beside the package, not in it.
 */
export const BUILD_META = 'node_modules/.cache/kim-resume/build-meta.json';
