import {readFileSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {brotliDecompressSync} from 'node:zlib';

/**
 * How the package ships dist/chunks/ (scripts/build/packed.mjs writes it, and says why): a large
 * chunk as `<file>.br`, brotli-compressed alone; the small ones in two archives, `start.br` (what
 * every start loads) and `more.br` (the rest): each brotli-compressed, its first line the JSON
 * list of [name, byte length], its files following one after the other. Any other file
 * (dist/main.js) is read as it is. The archives are opened in this order, so a start that needs
 * nothing of the second never opens it.
 */
export const ARCHIVES = ['start.br', 'more.br'] as const;
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

/**
 * Where decompressed files are kept between starts: the loader keeps them beside its code caches
 * (./loader.ts), so that a start after the first reads them as they are, with no decompressing
 * (~3 ms of the piped text's start, ~6 ms more of the app's).
 */
export interface Unpacked {
  /** The bytes kept for this compressed file (its path), or undefined. */
  get(packed: string): Buffer | undefined;
  /** Bytes just decompressed from this file, to keep. */
  keep(packed: string, bytes: Buffer): void;
}

/** Reads the files of the bundle, opening each archive when a file is first looked for in it. */
export function createBundleReader(unpacked?: Unpacked): (file: string) => Buffer {
  /** A compressed file's bytes: as kept, or decompressed (and then kept). */
  const unpack = (path: string): Buffer => {
    const kept = unpacked?.get(path);
    if (kept) return kept;
    const bytes = brotliDecompressSync(readFileSync(path));
    unpacked?.keep(path, bytes);
    return bytes;
  };
  /** Per folder and archive: its files, or undefined where there is no such archive. */
  const opened = new Map<string, Archive | undefined>();
  const open = (dir: string, name: string): Archive | undefined => {
    const path = join(dir, name);
    if (opened.has(path)) return opened.get(path);
    let archive: Archive | undefined;
    try {
      archive = parseArchive(unpack(path), path);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    opened.set(path, archive);
    return archive;
  };
  return (file) => {
    const dir = dirname(file);
    const name = basename(file);
    // The archives already open first: finding a file in one costs no system call.
    for (const archive of ARCHIVES) {
      const found = opened.get(join(dir, archive))?.get(name);
      if (found) return found;
    }
    try {
      return unpack(file + SINGLE_SUFFIX);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    for (const archive of ARCHIVES) {
      const found = open(dir, archive)?.get(name);
      if (found) return found;
    }
    return readFileSync(file);
  };
}
