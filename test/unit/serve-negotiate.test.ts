/**
 * `serve --http` speaking to browsers, its pure parts: Accept and Accept-Encoding with q-values,
 * If-None-Match, the forms each client gets, the bodies kept per coding with their tags, the icon.
 */
import {readFileSync} from 'node:fs';
import {brotliDecompressSync, gunzipSync, inflateSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {createContent} from '../../src/serve/content';
import {accentRgb, faviconIco} from '../../src/serve/favicon';
import {reply, SECURITY_HEADERS, type Served} from '../../src/serve/http';
import {chooseCoding, mediaQuality, noneMatch, parseWeighted, prefersHtml} from '../../src/serve/negotiate';
import {etagOf, representation, representations} from '../../src/serve/representation';
import {fixturePath} from '../helpers/fixtures';
import {fixtureDocument} from '../helpers/resume';

/** The Accept each client sends: a browser's for a page it navigates to; HTTPie's with --json or data (else `*\/*`). */
const ACCEPT = {
  chromium: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7',
  firefox: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  safari: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  curl: '*/*',
  wget: '*/*',
  httpie: '*/*',
  httpieJson: 'application/json, */*;q=0.5',
};

describe('weighted lists (Accept, Accept-Encoding)', () => {
  it('reads names in lower case with their q, 1 by default; drops bad weights and empty elements', () => {
    expect(parseWeighted('Text/HTML, text/plain;q=0.5 , */*;level=1;q=0.1,,')).toEqual([
      {name: 'text/html', q: 1},
      {name: 'text/plain', q: 0.5},
      {name: '*/*', q: 0.1},
    ]);
    expect(parseWeighted('a;q=1.5, b;q=-1, c;q=x, d;q=0.1234, e;q=0, f;Q=0.5')).toEqual([
      {name: 'e', q: 0},
      {name: 'f', q: 0.5},
    ]);
    expect(parseWeighted(undefined)).toEqual([]);
    expect(parseWeighted('')).toEqual([]);
  });

  it('weighs a media type by its most specific range, in any order', () => {
    expect(mediaQuality('*/*;q=0.1, text/*;q=0.5, text/html;q=0.9', 'text/html')).toBe(0.9);
    expect(mediaQuality('text/html;q=0.9, text/*;q=0.5, */*;q=0.1', 'text/plain')).toBe(0.5);
    expect(mediaQuality('text/html;q=0.9, text/*;q=0.5, */*;q=0.1', 'image/png')).toBe(0.1);
    expect(mediaQuality('text/html', 'text/plain')).toBe(0);
    // text/html;q=0 refuses HTML even though */* accepts everything.
    expect(mediaQuality('text/html;q=0, */*', 'text/html')).toBe(0);
    expect(mediaQuality(undefined, 'text/html')).toBe(1);
  });
});

describe('who gets the page at /', () => {
  it.each([
    ['Chromium', ACCEPT.chromium, true],
    ['Firefox', ACCEPT.firefox, true],
    ['Safari', ACCEPT.safari, true],
    ['only text/html', 'text/html', true],
    ['HTML above text', 'text/plain;q=0.5, text/html', true],
    ['curl', ACCEPT.curl, false],
    ['wget', ACCEPT.wget, false],
    ['HTTPie', ACCEPT.httpie, false],
    ['HTTPie --json', ACCEPT.httpieJson, false],
    ['no Accept', undefined, false],
    ['text/*', 'text/*', false],
    ['a tie', 'text/html, text/plain', false],
    ['text above HTML', 'text/html;q=0.5, text/plain', false],
    ['HTML refused', 'text/html;q=0, */*', false],
  ] as const)('%s: %s → page %s', (_who, accept, page) => {
    expect(prefersHtml(accept)).toBe(page);
  });
});

describe('the content coding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['GZIP, deflate', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.5', 'br'],
    ['*', 'br'],
    ['gzip;q=0.2, *;q=0.1', 'gzip'],
    ['br;q=0, *', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['identity', 'identity'],
    ['identity;q=1, gzip;q=0.5', 'identity'],
    ['deflate, zstd', 'identity'],
    // Nothing acceptable at all: sent without a coding all the same.
    ['identity;q=0', 'identity'],
    ['*;q=0', 'identity'],
  ] as const)('Accept-Encoding %j → %s', (header, coding) => {
    expect(chooseCoding(header)).toBe(coding);
  });
});

describe('If-None-Match', () => {
  const tag = '"abc"';
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['"x",W/"abc" ,"y"', true],
    ['*', true],
    [' * ', true],
    ['"abcd"', false],
    ['abc', false],
    ['"x", "y"', false],
    ['', false],
    [undefined, false],
  ] as const)('%j against "abc" → %s', (header, matches) => {
    expect(noneMatch(header, tag)).toBe(matches);
  });
});

describe('the replies for browsers', () => {
  const source = JSON.parse(readFileSync(fixturePath('minimal'), 'utf8'));
  const content = createContent(fixtureDocument('minimal'), source);
  const served = (answer: ReturnType<typeof reply>): Served => {
    if (!('key' in answer)) throw new Error(`not served: ${answer.status} ${answer.body}`);
    return answer;
  };

  it('/ is the page for a browser and the text for curl, wget and HTTPie, and says it varies by both', () => {
    const page = served(reply({method: 'GET', url: '/', agent: 'Mozilla/5.0 (X11; Linux x86_64)', accept: ACCEPT.chromium}, content));
    expect([page.type, page.format, page.key]).toEqual(['text/html; charset=utf-8', 'html', 'html']);
    expect(page.body).toBe(content.html());
    expect(page.body).toMatch(/^<!doctype html>/i);
    expect(page.vary).toEqual(['Accept', 'User-Agent']);
    for (const [agent, accept] of [['curl/8.5.0', ACCEPT.curl], ['Wget/1.21.4', ACCEPT.wget], ['HTTPie/3.2.2', ACCEPT.httpie], ['HTTPie/3.2.2', ACCEPT.httpieJson]] as const) {
      const text = served(reply({method: 'GET', url: '/', agent, accept}, content));
      expect([text.type, text.format, text.key]).toEqual(['text/plain; charset=utf-8', 'colored-text', 'colored:80']);
      expect(text.vary).toEqual(['Accept', 'User-Agent']);
    }
    const other = served(reply({method: 'GET', url: '/?width=60', agent: 'python-requests/2.31', accept: '*/*'}, content));
    expect([other.format, other.key, other.body]).toEqual(['text', 'plain:60', content.plain(60)]);
  });

  it('/resume.html and ?format=html give the page to anyone, with no Vary on Accept', () => {
    for (const url of ['/resume.html', '/?format=html', '/resume.html?width=40']) {
      const page = served(reply({method: 'GET', url, agent: 'curl/8.5.0', accept: '*/*'}, content));
      expect([page.status, page.type, page.body, page.vary]).toEqual([200, 'text/html; charset=utf-8', content.html(), []]);
    }
  });

  it('a form asked for by name wins over Accept: a browser gets the text, Markdown or JSON it names', () => {
    const asks = {agent: 'Mozilla/5.0', accept: ACCEPT.firefox};
    expect(served(reply({method: 'GET', url: '/?format=text', ...asks}, content)).format).toBe('text');
    expect(served(reply({method: 'GET', url: '/resume.txt', ...asks}, content)).format).toBe('text');
    expect(served(reply({method: 'GET', url: '/resume.md', ...asks}, content)).format).toBe('markdown');
    expect(served(reply({method: 'GET', url: '/?format=json', ...asks}, content)).format).toBe('json');
  });

  it('a form not offered is 400, in a line that names html among the forms', () => {
    const wrong = reply({method: 'GET', url: '/?format=pdf'}, content);
    expect([wrong.status, wrong.body]).toEqual([400, 'format must be text, markdown, json or html\n']);
  });

  it('compresses the forms made once per file at the best effort, text at a chosen width fast', () => {
    const effort = (url: string, agent = 'curl/8.5.0') => served(reply({method: 'GET', url, agent}, content)).effort;
    expect(['/', '/resume.txt', '/?width=80', '/resume.md', '/resume.json', '/resume.html?width=40'].map((url) => effort(url))).toEqual(Array(6).fill('best'));
    expect(['/?width=60', '/resume.txt?width=200', '/?width=3'].map((url) => effort(url))).toEqual(Array(3).fill('fast'));
  });

  it('/favicon.ico is the icon, for GET and HEAD, kept a day; other methods 405', () => {
    const icon = served(reply({method: 'HEAD', url: '/favicon.ico?v=2'}, content));
    expect([icon.type, icon.format, icon.compressible, icon.cacheControl]).toEqual(['image/x-icon', 'icon', false, 'max-age=86400']);
    expect(Buffer.compare(icon.body as Buffer, faviconIco())).toBe(0);
    expect(reply({method: 'POST', url: '/favicon.ico'}, content).status).toBe(405);
  });

  it('the policy allows no script and no source outside the page and this server', () => {
    const policy = SECURITY_HEADERS['Content-Security-Policy']!;
    const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.has('script-src')).toBe(false);
    expect(directives.get('style-src')).toEqual(["'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    for (const name of ['base-uri', 'form-action', 'frame-ancestors']) expect(directives.get(name)).toEqual(["'none'"]);
    expect(policy).not.toMatch(/https?:|\*/);
  });
});

describe('bodies kept per coding', () => {
  const text = 'kim-resume '.repeat(500);

  it('compresses once per coding, each with its own strong tag, and decompresses to the body', async () => {
    const made = representation(text, 'text/plain; charset=utf-8', 'text', true);
    const [plain, br, gzip] = await Promise.all([made.encoded('identity'), made.encoded('br'), made.encoded('gzip')]);
    expect([plain.coding, br.coding, gzip.coding]).toEqual(['identity', 'br', 'gzip']);
    expect(brotliDecompressSync(br.body).toString()).toBe(text);
    expect(gunzipSync(gzip.body).toString()).toBe(text);
    expect(br.body.length).toBeLessThan(gzip.body.length);
    expect(new Set([plain.etag, br.etag, gzip.etag]).size).toBe(3);
    expect(plain.etag).toBe(etagOf(Buffer.from(text)));
    expect(plain.etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    // The same bytes, not made again: the very Buffer kept the first time.
    expect((await made.encoded('br')).body).toBe(br.body);
  });

  it('compresses fast when told: larger than the best effort, the same text', async () => {
    const words = Array.from({length: 2000}, (_, i) => `word${(i * 7919) % 1000}`).join(' ');
    const best = await representation(words, 'text/plain', 'text', true, 'best').encoded('br');
    const fast = await representation(words, 'text/plain', 'text', true, 'fast').encoded('br');
    expect(brotliDecompressSync(fast.body).toString()).toBe(words);
    expect(fast.body.length).toBeGreaterThan(best.body.length);
  });

  it('sends a body as it is when compressing would not make it smaller, or when it is not compressible', async () => {
    const tiny = representation('x', 'text/plain; charset=utf-8', 'text', true);
    expect((await tiny.encoded('br')).coding).toBe('identity');
    const icon = representation(faviconIco(), 'image/x-icon', 'icon', false);
    expect((await icon.encoded('gzip')).coding).toBe('identity');
  });

  it('keeps one representation per name, a bounded number of them', () => {
    const kept = representations(3);
    let made = 0;
    const make = () => (made++, representation('x', 'text/plain', 'text', true));
    const first = kept.get('a', make);
    expect(kept.get('a', make)).toBe(first);
    for (const key of ['b', 'c', 'd', 'e']) kept.get(key, make);
    expect([made, kept.size]).toEqual([5, 3]);
  });
});

describe('the favicon', () => {
  it('is an ICO of one 32×32 PNG in the theme accent, white prompt, transparent corners', () => {
    const ico = faviconIco();
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 1]);
    expect([ico[6], ico[7], ico.readUInt16LE(12), ico.readUInt32LE(14), ico.readUInt32LE(18)]).toEqual([32, 32, 32, ico.length - 22, 22]);
    const png = ico.subarray(22);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([32, 32, 8, 6]);
    // The pixels: the IDAT's rows, each a filter byte (0) and 32 RGBA pixels.
    const idat = png.indexOf('IDAT');
    const rows = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    const at = (x: number, y: number) => [...rows.subarray(y * 129 + 1 + x * 4, y * 129 + 1 + x * 4 + 4)];
    expect(at(0, 0)).toEqual([0, 0, 0, 0]);
    expect(at(16, 16)).toEqual([...accentRgb(), 255]);
    expect(accentRgb()).toEqual([0x5f, 0x5f, 0xff]);
    expect(at(6, 6)).toEqual([255, 255, 255, 255]);
    expect(ico.length).toBeLessThan(400);
  });
});
