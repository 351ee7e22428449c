import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import * as zlib from 'node:zlib';

/**
 * One code cache file: a header (magic, checksum, length) and V8's data. V8 checks its own header
 * (its version, the flags, the script's length) and rejects a cache that does not match, but it
 * does not check the data itself: a cache damaged on disk aborts the process while V8 reads it.
 * So the data carries a checksum, checked before V8 sees it. Every failure here costs only speed:
 * a file that cannot be read or written is treated as missing, never reported.
 */
const MAGIC = 0x3143524b; // "KRC1", little-endian
const HEADER = 12;

/**
 * CRC-32 of the data: zlib's, native (Node 20.15 and 22.2 have it), ~0.3 ms a MB, plus ~0.7-1 ms
 * to load node:zlib; the FNV-1a it replaced, hand-written WebAssembly, took ~1.9 ms over the app's
 * and the text's caches (~1 MB) with its instantiation. A Node without it (21, 22.0-22.1, outside
 * "engines") runs with no code cache.
 */
const crc32: ((data: Uint8Array) => number) | undefined = zlib.crc32;

/** The data's checksum (CRC-32), as kept in a cache file's header. */
export function checksum(data: Uint8Array): number {
  return crc32!(data);
}

/** The V8 data of a cache file, or undefined when it is missing, unreadable, truncated or damaged. */
export function readCache(file: string): Buffer | undefined {
  if (crc32 === undefined) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.byteLength < HEADER || bytes.readUInt32LE(0) !== MAGIC || bytes.readUInt32LE(8) !== bytes.byteLength - HEADER) return undefined;
  const data = bytes.subarray(HEADER);
  return checksum(data) === bytes.readUInt32LE(4) ? data : undefined;
}

/** The file's bytes for V8's `data`. */
export function encodeCache(data: Buffer): Buffer {
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(checksum(data), 4);
  header.writeUInt32LE(data.byteLength, 8);
  return Buffer.concat([header, data]);
}

/**
 * Writes a cache file whole or not at all: into a temporary file beside it, then renamed over it
 * (a rename within one folder is atomic), so a reader never sees half a file. Returns false on
 * any failure, leaving no temporary file behind.
 */
export function writeCacheAtomically(file: string, data: Buffer): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, encodeCache(data), {mode: 0o644});
    renameSync(temporary, file);
    return true;
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Never written.
    }
    return false;
  }
}

/**
 * Makes the build's cache folder. When it is new, the caches of other builds for the same
 * runtime (an older version, an earlier build) are removed: they can never be used again.
 * Returns false when the folder cannot be made.
 */
export function makeCacheFolder(folders: {runtime: string; build: string}): boolean {
  try {
    const made = mkdirSync(folders.build, {recursive: true});
    if (made !== undefined) {
      const own = basename(folders.build);
      for (const entry of readdirSync(dirname(folders.build))) {
        if (entry !== own) rmSync(join(folders.runtime, entry), {recursive: true, force: true});
      }
    }
    return true;
  } catch {
    return false;
  }
}
