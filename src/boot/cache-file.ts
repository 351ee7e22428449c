import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';

/**
 * One code cache file: a header (magic, checksum, length) and V8's data. V8 checks its own header
 * (its version, the flags, the script's length) and rejects a cache that does not match, but it
 * does not check the data itself: a cache damaged on disk aborts the process while V8 reads it.
 * So the data carries a checksum, checked before V8 sees it. Every failure here costs only speed:
 * a file that cannot be read or written is treated as missing, never reported.
 */
const MAGIC = 0x3143524b; // "KRC1", little-endian
const HEADER = 12;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a over the data's little-endian 32-bit words, then its last bytes. This runs on every
 * start over every cache file (~0.8 MB once the app has run): as JavaScript, interpreted before
 * V8 has had time to optimize the loop, it took ~3.4 ms; the same loop as a tiny WebAssembly
 * function, ~1 ms with copying (measured on this project's caches). The JavaScript one is kept
 * for a Node without WebAssembly (`--jitless`), and test/unit/cache-key.test.ts holds both to
 * the same results.
 */
export function checksum(data: Uint8Array, {wasm = true} = {}): number {
  const words = data.byteLength & ~3;
  let hash = wasm && wasmChecksum() ? wasmWords(data, words) : jsWords(data, words);
  for (let i = words; i < data.byteLength; i++) hash = Math.imul(hash ^ data[i]!, FNV_PRIME);
  return hash >>> 0;
}

/** The words part in JavaScript. */
function jsWords(data: Uint8Array, words: number): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let hash = FNV_OFFSET;
  for (let i = 0; i < words; i += 4) hash = Math.imul(hash ^ view.getInt32(i, true), FNV_PRIME);
  return hash;
}

/**
 * The words part in WebAssembly, 64 KiB (one page, the module's whole memory) at a time. The
 * module, 85 bytes by hand (https://webassembly.github.io/spec/core/binary/), is
 *   (module (memory (export "m") 1)
 *     (func (export "h") (param $n i32) (param $h i32) (result i32) (local $i i32)
 *       (block (loop
 *         (br_if 1 (i32.ge_u (local.get $i) (local.get $n)))
 *         (local.set $h (i32.mul (i32.xor (local.get $h) (i32.load (local.get $i))) (i32.const 16777619)))
 *         (local.set $i (i32.add (local.get $i) (i32.const 4)))
 *         (br 0)))
 *       (local.get $h)))
 * (WebAssembly loads are little-endian on every machine.)
 */
const FNV_WASM = [
  [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // magic, version
  [0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f], // types: (i32, i32) → i32
  [0x03, 0x02, 0x01, 0x00], // functions: one, of type 0
  [0x05, 0x03, 0x01, 0x00, 0x01], // memory: one page
  [0x07, 0x09, 0x02, 0x01, 0x6d, 0x02, 0x00, 0x01, 0x68, 0x00, 0x00], // exports: "m" memory 0, "h" function 0
  [0x0a, 0x2e, 0x01, 0x2c, 0x01, 0x01, 0x7f], // code: one body of 44 bytes, one i32 local
  [0x02, 0x40, 0x03, 0x40], // block, loop
  [0x20, 0x02, 0x20, 0x00, 0x4f, 0x0d, 0x01], // br_if 1 (i >= n)
  [0x20, 0x01, 0x20, 0x02, 0x28, 0x02, 0x00, 0x73, 0x41, 0x93, 0x83, 0x80, 0x08, 0x6c, 0x21, 0x01], // h = (h ^ load(i)) * prime
  [0x20, 0x02, 0x41, 0x04, 0x6a, 0x21, 0x02], // i += 4
  [0x0c, 0x00, 0x0b, 0x0b], // br 0, end loop, end block
  [0x20, 0x01, 0x0b], // h, end
].flat();

const PAGE = 65536;
let fnv: {memory: Uint8Array; words: (n: number, hash: number) => number} | null | undefined;

/** What is used of the WebAssembly global (the project's TypeScript libraries do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => {exports: {m: {buffer: ArrayBuffer}; h: (n: number, hash: number) => number}};
}

/** Whether checksum() runs as WebAssembly here. */
export const checksumInWasm = () => wasmChecksum() !== null;

/** The WebAssembly function, made on first use; null where there is no WebAssembly. */
function wasmChecksum(): typeof fnv {
  if (fnv === undefined) {
    const api = (globalThis as {WebAssembly?: WebAssemblyApi}).WebAssembly;
    try {
      const {m, h} = new api!.Instance(new api!.Module(new Uint8Array(FNV_WASM))).exports;
      fnv = {memory: new Uint8Array(m.buffer), words: h};
    } catch {
      fnv = null;
    }
  }
  return fnv;
}

function wasmWords(data: Uint8Array, words: number): number {
  const {memory, words: run} = fnv!;
  let hash = FNV_OFFSET;
  for (let at = 0; at < words; at += PAGE) {
    const n = Math.min(PAGE, words - at);
    memory.set(data.subarray(at, at + n));
    hash = run(n, hash);
  }
  return hash;
}

/** The V8 data of a cache file, or undefined when it is missing, unreadable, truncated or damaged. */
export function readCache(file: string): Buffer | undefined {
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
