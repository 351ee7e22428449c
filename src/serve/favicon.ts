import {crc32, deflateSync} from 'node:zlib';
import {paletteRgb, THEMES} from '../theme/theme';

/**
 * `/favicon.ico`: the app's prompt `>_` in white on a rounded square of the theme's accent (the
 * neutral theme's name colour, 63 #5f5fff, which holds on a light and a dark tab bar alike).
 * Every browser asks for /favicon.ico on its own; an icon, rather than a 204, gives the tab and
 * the bookmark something to show, for 168 bytes made once. An ICO holding one 32×32 PNG (the
 * 16×16 drawing below, doubled): every browser, and Windows since Vista, reads PNG inside ICO.
 */
const DRAWING = [
  ' aaaaaaaaaaaaaa ',
  'aaaaaaaaaaaaaaaa',
  'aaaaaaaaaaaaaaaa',
  'aaawaaaaaaaaaaaa',
  'aaawwaaaaaaaaaaa',
  'aaaawwaaaaaaaaaa',
  'aaaaawwaaaaaaaaa',
  'aaaaaawwaaaaaaaa',
  'aaaaawwaaaaaaaaa',
  'aaaawwaaaaaaaaaa',
  'aaawwaaaaaaaaaaa',
  'aaawaaaaaaaaaaaa',
  'aaaaaaaawwwwwaaa',
  'aaaaaaaawwwwwaaa',
  'aaaaaaaaaaaaaaaa',
  ' aaaaaaaaaaaaaa ',
];
const SCALE = 2;

/** The accent the icon is drawn in: the neutral theme's `name` colour, as RGB. */
export function accentRgb(): readonly [number, number, number] {
  const index = /^ansi256\((\d+)\)$/.exec(THEMES.neutral.name.color ?? '');
  return index ? paletteRgb(Number(index[1])) : [0x5f, 0x5f, 0xff];
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** The drawing as an RGBA PNG (PNG spec, ISO/IEC 15948: IHDR, one IDAT of filter-0 rows, IEND). */
export function faviconPng(rgb: readonly [number, number, number] = accentRgb()): Buffer {
  const size = DRAWING.length * SCALE;
  const pixel: Record<string, readonly number[]> = {' ': [0, 0, 0, 0], a: [...rgb, 255], w: [255, 255, 255, 255]};
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const line = DRAWING[Math.floor(y / SCALE)]!;
    for (let x = 0; x < size; x++) rows.set(pixel[line[Math.floor(x / SCALE)]!]!, y * (1 + size * 4) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, {level: 9})), chunk('IEND', Buffer.alloc(0))]);
}

/** The ICO file: an ICONDIR of one entry, then the PNG (PNG inside ICO: Windows Vista and every browser). */
export function faviconIco(png: Buffer = faviconPng()): Buffer {
  const size = DRAWING.length * SCALE;
  const dir = Buffer.alloc(22);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(1, 4);
  dir.set([size % 256, size % 256, 0, 0], 6);
  dir.writeUInt16LE(1, 10);
  dir.writeUInt16LE(32, 12);
  dir.writeUInt32LE(png.length, 14);
  dir.writeUInt32LE(22, 18);
  return Buffer.concat([dir, png]);
}
