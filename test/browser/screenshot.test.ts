/**
 * The README's picture of the page, docs/page.png: data/resume.json's page as the built program
 * prints it (`--format html`), in Chromium at 1280×900, light. Like docs/screenshot.svg
 * (test/e2e/screenshot.test.ts), `npm run capture` makes it again (this test with `-u` writes the
 * file). Pixels differ between Chromium and font versions, so what is compared is what the picture
 * was made from: the PNG carries the SHA-256 of the page's HTML in a tEXt chunk, and a change to
 * the page fails here until the picture is made again.
 */
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {crc32} from 'node:zlib';
import {afterAll, describe, expect, it} from 'vitest';
import {REPO_ROOT} from '../helpers/fixtures';
import {launchChromium, pageFiles} from './browser';

const PICTURE = join(REPO_ROOT, 'docs', 'page.png');
const KEY = 'kim-resume-page-sha256';
const files = pageFiles();
afterAll(() => files.cleanup());

/** A PNG with a tEXt chunk `key\0value` after its IHDR (https://www.w3.org/TR/png-3/#11tEXt). */
function withText(png: Buffer, key: string, value: string): Buffer {
  const data = Buffer.from(`${key}\0${value}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

/** The value of a PNG's tEXt chunk `key`, if any. */
function textOf(png: Buffer, key: string): string | undefined {
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'tEXt') {
      const [k, v] = png.toString('latin1', at + 8, at + 8 + length).split('\0');
      if (k === key) return v;
    }
    at += 12 + length;
  }
  return undefined;
}

const updating = () => (expect.getState().snapshotState as unknown as {_updateSnapshot: string})._updateSnapshot === 'all';

describe("the README's picture of the page", () => {
  it('docs/page.png is data/resume.json\'s page at 1280×900, light, made from the page as it is', async () => {
    const html = execFileSync(process.execPath, [join(REPO_ROOT, 'bin', 'kim-resume.js'), '--format', 'html'], {encoding: 'utf8'});
    const hash = createHash('sha256').update(html).digest('hex');
    if (updating()) {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({viewport: {width: 1280, height: 900}, colorScheme: 'light'});
        await page.goto(files.write(html));
        writeFileSync(PICTURE, withText(await page.screenshot(), KEY, hash));
      } finally {
        await browser.close();
      }
    }
    expect(existsSync(PICTURE), 'docs/page.png is missing: npm run capture').toBe(true);
    const png = readFileSync(PICTURE);
    expect(png.length).toBeLessThanOrEqual(150_000);
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(png.readUInt32BE(20)).toBe(900);
    expect(textOf(png, KEY), 'docs/page.png was made from another page: npm run capture').toBe(hash);
  });
});
