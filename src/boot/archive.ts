import {readFileSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {brotliDecompressSync} from 'node:zlib';

/**
 * How the package ships dist/chunks/ (scripts/build/packed.mjs writes it, and says why): a large
 * chunk as `<file>.br`, brotli-compressed alone; the small ones together in `common.br`, a
 * brotli-compressed archive whose first line is the JSON list of [name, byte length] and whose
 * files follow, one after the other. Any other file (dist/main.js) is read as it is.
 */
export const ARCHIVE = 'common.br';
export const SINGLE_SUFFIX = '.br';

/** The files of one archive: name → its bytes (decompressed once, sliced on demand). */
export type Archive = Map<string, Buffer>;

/** Reads an archive's decompressed bytes into its files; a malformed one throws, naming it. */
export function parseArchive(bytes: Buffer, where: string): Archive {
  const end = bytes.indexOf(0x0a);
  const files: Archive = new Map();
  let index: unknown;
  try {
    index = end < 0 ? undefined : JSON.parse(bytes.subarray(0, end).toString('utf8'));
  } catch {
    // Not JSON: said below, naming the file.
  }
  if (!Array.isArray(index)) throw new Error(`${where}: not an archive of the bundle`);
  let at = end + 1;
  for (const entry of index as [string, number][]) {
    files.set(entry[0], bytes.subarray(at, (at += entry[1])));
  }
  if (at !== bytes.length) throw new Error(`${where}: its files end at byte ${at} of ${bytes.length}`);
  return files;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Reads the files of a folder of the bundle, remembering each archive it opens. */
export function createBundleReader(): (file: string) => Buffer {
  const archives = new Map<string, Archive | undefined>();
  const archiveOf = (dir: string): Archive | undefined => {
    if (archives.has(dir)) return archives.get(dir);
    const path = join(dir, ARCHIVE);
    let archive: Archive | undefined;
    try {
      archive = parseArchive(brotliDecompressSync(readFileSync(path)), path);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    archives.set(dir, archive);
    return archive;
  };
  // The archive first: once it is open, finding a file in it costs no system call.
  return (file) => {
    const archived = archiveOf(dirname(file))?.get(basename(file));
    if (archived) return archived;
    try {
      return brotliDecompressSync(readFileSync(file + SINGLE_SUFFIX));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    return readFileSync(file);
  };
}
