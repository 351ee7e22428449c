// @ts-check
// The package ships dist/chunks/ brotli-compressed: the tarball is held to 300 kB, and brotli
// at quality 11 makes the chunks smaller than the gzip of npm's tarball does. Each large chunk
// (the Ink app's, the server's, yargs') is a file of its own, `<file>.br`, decompressed only when
// that chunk is loaded. The small ones are in two archives, since compressed together they take
// less than one by one, and the tarball holds fewer headers: `start.br`, the chunks dist/main.js
// imports statically, which every start loads (the piped text loads nothing else), and
// `more.br`, the rest, which the app opens. Measured with `npm pack --dry-run`: 330.8 kB as plain
// files, 304.5 kB with each chunk compressed alone, 291.6 kB as here. The loader
// (src/boot/archive.ts) reads them. Decompressing costs a first start ~3 ms for start.br (100 kB)
// and the app ~6 ms more (more.br and the Ink app's chunk), after its first frame
// (zlib.brotliDecompressSync, https://nodejs.org/docs/latest-v20.x/api/zlib.html#zlibbrotlidecompresssyncbuffer-options);
// the loader keeps what it decompressed beside its code caches, so later starts read it as it is.
// dist/main.js and dist/boot.cjs stay plain: the first files anyone reading the package opens.
import {brotliCompressSync, constants} from 'node:zlib';

/** The archives of the small chunks, in dist/chunks/, in the order the loader opens them (src/boot/archive.ts). */
export const ARCHIVES = /** @type {const} */ (['start.br', 'more.br']);
/** The suffix of a chunk compressed alone: `run-….js.br`. */
export const SINGLE_SUFFIX = '.br';

/** A chunk this large (bytes, as built) is compressed alone; a smaller one goes into the archive. */
export const SINGLE_FROM = 64_000;

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

/**
 * The output files `entry` needs before it runs: its static imports, theirs, and so on (from
 * esbuild's metafile of the ES module build, paths as it writes them).
 * @param {import('esbuild').Metafile} metafile
 * @param {string} entry
 */
export function staticClosure(metafile, entry) {
  const seen = new Set([entry]);
  for (const file of seen) for (const i of metafile.outputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) seen.add(i.path);
  seen.delete(entry);
  return seen;
}
