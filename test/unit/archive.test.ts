/**
 * The package's compressed chunks (src/boot/archive.ts reads what scripts/build/packed.mjs
 * writes): a chunk alone as `<file>.br`, the small ones in two archives, anything else as it is.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {brotliCompressSync, brotliDecompressSync} from 'node:zlib';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ARCHIVES, createBundleReader, parseArchive, SINGLE_SUFFIX} from '../../src/boot/archive';
import {ARCHIVES as WRITTEN_ARCHIVES, pack, packArchive, SINGLE_SUFFIX as WRITTEN_SUFFIX} from '../../scripts/build/packed.mjs';

const [START, MORE] = ARCHIVES;
const files: [string, Buffer][] = [
  ['a.js', Buffer.from('exports.a = "가나다";\n')],
  ['empty.js', Buffer.alloc(0)],
  ['b.js', Buffer.from('exports.b = 2; // \n inside\n')],
];

describe('the archive format', () => {
  it('is named and suffixed alike by the build and the loader', () => {
    expect([WRITTEN_ARCHIVES, WRITTEN_SUFFIX]).toEqual([ARCHIVES, SINGLE_SUFFIX]);
  });

  it('gives back each file the build put in, byte for byte (newlines and empty files too)', () => {
    const archive = parseArchive(brotliDecompressSync(packArchive(files)), 'x/common.br');
    expect([...archive].map(([name, bytes]) => [name, bytes.toString('utf8')])).toEqual(files.map(([name, bytes]) => [name, bytes.toString('utf8')]));
  });

  it('refuses bytes that are not an archive, or whose files do not add up, naming the file', () => {
    expect(() => parseArchive(Buffer.from('no index here'), 'x/common.br')).toThrow('x/common.br: not an archive of the bundle');
    const whole = brotliDecompressSync(packArchive(files));
    expect(() => parseArchive(whole.subarray(0, whole.length - 3), 'x/common.br')).toThrow(/^x\/common\.br: its files end at byte \d+ of \d+$/);
  });
});

describe('createBundleReader', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kim-archive-'));
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'main.js'), 'plain main');
    writeFileSync(join(dir, 'chunks', START), packArchive(files));
    writeFileSync(join(dir, 'chunks', MORE), packArchive([['late.js', Buffer.from('the late one')]]));
    writeFileSync(join(dir, 'chunks', `big.js${SINGLE_SUFFIX}`), pack(Buffer.from('the big one'), 'text'));
  });
  afterEach(() => rmSync(dir, {recursive: true, force: true}));

  it('reads a plain file, a chunk compressed alone, and a chunk of either archive', () => {
    const read = createBundleReader();
    expect(read(join(dir, 'main.js')).toString()).toBe('plain main');
    expect(read(join(dir, 'chunks', 'big.js')).toString()).toBe('the big one');
    expect(read(join(dir, 'chunks', 'a.js')).toString()).toBe('exports.a = "가나다";\n');
    expect(read(join(dir, 'chunks', 'b.js')).toString()).toBe(files[2]![1].toString());
    expect(read(join(dir, 'chunks', 'late.js')).toString()).toBe('the late one');
  });

  it('opens the second archive only for a file the first does not hold (a chunk alone needs neither)', () => {
    writeFileSync(join(dir, 'chunks', MORE), 'not brotli at all');
    const read = createBundleReader();
    expect(read(join(dir, 'chunks', 'a.js')).toString()).toContain('가나다');
    expect(read(join(dir, 'chunks', 'big.js')).toString()).toBe('the big one');
    // Now it is opened, and what is in it is not brotli.
    expect(() => read(join(dir, 'chunks', 'late.js'))).toThrow();
  });

  it('opens the archive once: a file read after it is gone still comes from memory', () => {
    const read = createBundleReader();
    read(join(dir, 'chunks', 'a.js'));
    rmSync(join(dir, 'chunks', START));
    expect(read(join(dir, 'chunks', 'b.js')).toString()).toContain('exports.b');
  });

  it("answers a file that is nowhere with Node's ENOENT, naming it as asked", () => {
    const read = createBundleReader();
    expect(() => read(join(dir, 'chunks', 'nowhere.js'))).toThrow(expect.objectContaining({code: 'ENOENT', path: join(dir, 'chunks', 'nowhere.js')}));
  });

  it('does not hide a damaged archive behind a missing file', () => {
    writeFileSync(join(dir, 'chunks', START), brotliCompressSync(Buffer.from('garbage')));
    expect(() => createBundleReader()(join(dir, 'chunks', 'a.js'))).toThrow(`${join(dir, 'chunks', START)}: not an archive of the bundle`);
  });
});
