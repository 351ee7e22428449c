// @ts-check
// The package ships dist/chunks/ brotli-compressed: the tarball is held to 300 kB, and brotli
// at quality 11 makes the chunks smaller than the gzip of npm's tarball does. Each large chunk
// (the Ink app's, the server's) is a file of its own, `<file>.br`, decompressed only when that
// chunk is loaded; the many small ones share one archive, `common.br` (compressed together they
// take 105 kB against 119 kB one by one, and the tarball ~30 headers less). Measured with
// `npm pack --dry-run`: 330.8 kB as plain files, 304.5 kB with each chunk compressed alone,
// ~288 kB as here. The loader (src/boot/loader.ts, readSource) reads them: ~1.7 ms to
// decompress the archive, ~1.7 ms the Ink app's chunk (zlib.brotliDecompressSync,
// https://nodejs.org/docs/latest-v20.x/api/zlib.html#zlibbrotlidecompresssyncbuffer-options).
// dist/main.js and dist/boot.cjs stay plain: the first files anyone reading the package opens.
import {brotliCompressSync, constants} from 'node:zlib';

/** The archive of the small chunks, in dist/chunks/ (src/boot/archive.ts reads it). */
export const ARCHIVE = 'common.br';
/** The suffix of a chunk compressed alone: `run-….js.br`. */
export const SINGLE_SUFFIX = '.br';

/** A chunk this large (bytes, as built) is compressed alone; a smaller one goes into the archive. */
export const SINGLE_FROM = 100_000;

/** Brotli at its best, told the size (a build runs once; decompressing costs the same). */
export const pack = (/** @type {Buffer} */ bytes, /** @type {'text' | 'generic'} */ mode) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: mode === 'text' ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });

/**
 * The archive of these files ([name, bytes]), compressed: a first line, the JSON list of
 * [name, byte length], then the files' bytes one after the other.
 */
export const packArchive = (/** @type {[string, Buffer][]} */ files) =>
  pack(Buffer.concat([Buffer.from(JSON.stringify(files.map(([name, bytes]) => [name, bytes.length])) + '\n'), ...files.map(([, bytes]) => bytes)]), 'text');
