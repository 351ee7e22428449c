import {describe, expect, it} from 'vitest';
import {cacheFolders, runtimeKey, type CacheFacts} from '../../src/boot/cache-key';
import {checksum, encodeCache} from '../../src/boot/cache-file';
import {programVar} from '../helpers/program';
import {PROGRAM} from '../helpers/program';

const facts = (over: Partial<CacheFacts> = {}): CacheFacts => ({
  platform: 'linux',
  env: {},
  home: () => '/home/ada',
  nodeVersion: 'v20.20.2',
  arch: 'x64',
  execArgv: [],
  version: '1.2.3',
  build: '0123456789abcdef',
  ...over,
});

describe('where the code cache lives', () => {
  it('is under $XDG_CACHE_HOME/kim-resume/, one folder per runtime, then per build', () => {
    const folders = cacheFolders(facts({env: {XDG_CACHE_HOME: '/var/cache/ada'}}))!;
    expect(folders.runtime).toMatch(new RegExp(`^/var/cache/ada/${PROGRAM}/nodev20\\.20\\.2-x64-[0-9a-f]{8}$`));
    expect(folders.build).toBe(`${folders.runtime}/1.2.3-0123456789abcdef`);
  });

  it('falls back to ~/.cache when XDG_CACHE_HOME is unset, empty or relative (the base directory specification ignores a relative one)', () => {
    for (const XDG_CACHE_HOME of [undefined, '', 'relative/cache']) {
      expect(cacheFolders(facts({env: {XDG_CACHE_HOME}}))!.runtime.startsWith(`/home/ada/.cache/${PROGRAM}/nodev20.20.2-x64-`)).toBe(true);
    }
  });

  it('is off without a usable home, and with KIM_RESUME_NO_CACHE set to anything but "" or "0"', () => {
    expect(cacheFolders(facts({home: () => ''}))).toBeUndefined();
    expect(
      cacheFolders(
        facts({
          home: () => {
            throw new Error('no home');
          },
        }),
      ),
    ).toBeUndefined();
    for (const value of ['1', 'yes']) expect(cacheFolders(facts({env: {[programVar('NO_CACHE')]: value, XDG_CACHE_HOME: '/c'}}))).toBeUndefined();
    for (const value of ['', '0']) expect(cacheFolders(facts({env: {[programVar('NO_CACHE')]: value, XDG_CACHE_HOME: '/c'}}))).toBeDefined();
  });

  it('separates runtimes whose caches V8 would reject: Node version, architecture, options and NODE_OPTIONS', () => {
    const base = runtimeKey(facts());
    const others = [
      runtimeKey(facts({nodeVersion: 'v20.19.0'})),
      runtimeKey(facts({arch: 'arm64'})),
      runtimeKey(facts({execArgv: ['--max-old-space-size=100']})),
      runtimeKey(facts({env: {NODE_OPTIONS: '--no-opt'}})),
    ];
    expect(new Set([base, ...others]).size).toBe(5);
    expect(runtimeKey(facts({env: {NODE_OPTIONS: ''}}))).toBe(base);
  });
});

describe('a cache file', () => {
  it('has a CRC-32 checksum (zlib\'s): the standard check value, and a bitwise reference around odd lengths and offsets', () => {
    expect(checksum(Buffer.from('123456789'))).toBe(0xcbf43926);
    /** CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) as its definition says, bit by bit. */
    const reference = (data: Uint8Array) => {
      let crc = 0xffffffff;
      for (const byte of data) {
        crc ^= byte;
        for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
      }
      return (crc ^ 0xffffffff) >>> 0;
    };
    let seed = 7;
    const random = () => (seed = Math.imul(seed, 1103515245) + 12345) >>> 16;
    for (const length of [0, 1, 3, 4, 5, 4096, 65537, 200_003]) {
      const backing = Buffer.alloc(length + 3);
      for (let i = 0; i < backing.length; i++) backing[i] = random() & 0xff;
      for (const offset of [0, 1, 3]) {
        const data = backing.subarray(offset, offset + length);
        expect(checksum(data), `${length} at ${offset}`).toBe(reference(data));
      }
    }
  });

  it('carries a checksum that any changed byte changes, in whole words and in the tail', () => {
    const data = Buffer.from(Array.from({length: 103}, (_, i) => (i * 37) & 0xff));
    const sum = checksum(data);
    for (const at of [0, 50, 100, 102]) {
      const changed = Buffer.from(data);
      changed[at] = changed[at]! ^ 1;
      expect(checksum(changed), `byte ${at}`).not.toBe(sum);
    }
    const file = encodeCache(data);
    expect(file.subarray(0, 4).toString('latin1')).toBe('KRC1');
    expect(file.readUInt32LE(4)).toBe(sum);
    expect(file.readUInt32LE(8)).toBe(103);
    expect(file.subarray(12).equals(data)).toBe(true);
  });
});
