/**
 * The page in a real browser (Debian's Chromium through playwright-core): screenshots in light and
 * dark, no sideways scrolling from 360 to 1,920 pixels, an axe-core audit, the contrast of every
 * text element, and the PDF the browser prints (A4 and Letter): every string of the résumé in its text, no
 * panel split across pages where it fits on one, no more pages than the content needs.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {ResumeDocument} from '../../src/document/model';
import {renderHtml} from '../../src/html/page';
import {axeViolations, launchChromium, pageFiles, pdfPages, scrollsSideways, SKIP_BROWSER, textContrasts} from './browser';
import {documentStrings} from '../helpers/document-strings';
import {REPO_ROOT, RESUME_PATH, type FixtureName} from '../helpers/fixtures';
import {fixtureDocument} from '../helpers/resume';

/** A CJK résumé (jiwoo), a right-to-left one (he), a full English one (ada), the least one (minimal). */
const FIXTURES: FixtureName[] = ['ada', 'jiwoo', 'lang/he', 'minimal'];
const SCHEMES = ['light', 'dark'] as const;
/** Where the screenshots are left for a person to look at. */
const SHOTS = join(tmpdir(), 'kim-resume-screenshots');

let browser: Browser;
const files = pageFiles();
const urls = new Map<string, string>();
const docs = new Map<string, ResumeDocument>();

beforeAll(async () => {
  if (SKIP_BROWSER) return;
  browser = await launchChromium();
  mkdirSync(SHOTS, {recursive: true});
  for (const name of FIXTURES) {
    docs.set(name, fixtureDocument(name));
    urls.set(name, files.write(renderHtml(docs.get(name)!)));
  }
});
afterAll(async () => {
  await browser?.close();
  files.cleanup();
});

async function open(url: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{page: Page; context: BrowserContext; requests: string[]}> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return {page, context, requests};
}

(SKIP_BROWSER ? describe.skip : describe).each(FIXTURES)('the page of %s', (name) => {
  it('screenshots at 1280×900 and 390×844 in light and dark, from the file alone', async () => {
    const shots = new Map<string, Buffer>();
    for (const [width, height] of [[1280, 900], [390, 844]] as const) {
      for (const colorScheme of SCHEMES) {
        const {page, context, requests} = await open(urls.get(name)!, {viewport: {width, height}, colorScheme});
        // Nothing but the page itself is requested: no font, style, image or script from elsewhere.
        expect(requests).toEqual([urls.get(name)]);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(background).toBe(colorScheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(0, 0, 0)');
        expect(await scrollsSideways(page)).toBe(false);
        const shot = await page.screenshot();
        writeFileSync(join(SHOTS, `${name.replace('/', '-')}-${width}x${height}-${colorScheme}.png`), shot);
        shots.set(`${width}-${colorScheme}`, shot);
        await context.close();
      }
      expect(shots.get(`${width}-light`)!.equals(shots.get(`${width}-dark`)!)).toBe(false);
    }
  });

  it('no sideways scrolling at 360 and 1,920 pixels; the organization beside its projects when there is room', async () => {
    for (const width of [360, 1920]) {
      const {page, context} = await open(urls.get(name)!, {viewport: {width, height: 800}});
      expect(await scrollsSideways(page)).toBe(false);
      const beside = await page.evaluate(() => {
        const org = document.querySelector('.org');
        if (!org) return undefined;
        const [head, projects] = [org.querySelector(':scope>header')!.getBoundingClientRect(), org.querySelector(':scope>.entries')!.getBoundingClientRect()];
        return head.right <= projects.left || head.left >= projects.right;
      });
      if (beside !== undefined) expect(beside).toBe(width === 1920);
      await context.close();
    }
  });

  it.each(SCHEMES)('axe-core finds no WCAG 2.1 A or AA violation (%s)', async (colorScheme) => {
    // The page's own policy forbids scripts: the audit's context bypasses it to inject axe-core.
    const {page, context} = await open(urls.get(name)!, {viewport: {width: 1280, height: 900}, colorScheme, bypassCSP: true});
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(SCHEMES)('every text element has contrast of at least 4.5:1 (%s)', async (colorScheme) => {
    for (const width of [1280, 390]) {
      const {page, context} = await open(urls.get(name)!, {viewport: {width, height: 900}, colorScheme});
      const contrasts = await textContrasts(page);
      expect(contrasts.length).toBeGreaterThan(3);
      expect(contrasts.filter((c) => c.ratio < 4.5)).toEqual([]);
      await context.close();
    }
  });

  it.each(['A4', 'Letter'] as const)('prints to a %s PDF with every string, no panel split where it fits, as few pages as the content needs', async (format) => {
    const {page, context} = await open(urls.get(name)!);
    const pdf = await page.pdf({format});
    await checkPrint(page, pdf, docs.get(name)!, PAPER[format]);
    await context.close();
  });
});

/** Text for comparison with a PDF's: no whitespace (lines wrap anywhere), no pictographs (no colour emoji font is installed). */
const squeeze = (text: string) => text.replace(/[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '');
const wordsOf = (text: string) => text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

/**
 * Whether a page's text holds a piece of the résumé. Left to right: the piece's letters and digits
 * in order (punctuation and spaces aside: pdftotext joins a word cut at a hyphen). Right to left, pdftotext gives the words of a line in the order they are drawn (the
 * last first), so there: each of the piece's words.
 */
function holds(page: string, piece: string, rtl: boolean): boolean {
  if (!rtl) return wordsOf(page).join('').includes(wordsOf(piece).join(''));
  const words = new Set(wordsOf(page));
  return wordsOf(piece).every((w) => words.has(w));
}

/** A page's content box in CSS pixels: the paper less the page's @page margins (14 mm above and below, 12 mm at the sides). */
const MM = 96 / 25.4;
const PAPER = {
  A4: {width: (210 - 24) * MM, height: (297 - 28) * MM},
  Letter: {width: (215.9 - 24) * MM, height: (279.4 - 28) * MM},
};
type Paper = (typeof PAPER)['A4'];

async function checkPrint(page: Page, pdf: Buffer, doc: ResumeDocument, paper: Paper): Promise<void> {
  const pages = pdfPages(pdf);
  const rtl = await page.evaluate(() => getComputedStyle(document.body).direction === 'rtl');
  const whole = pages.join('\n');
  // Every string of the résumé is in the PDF's text.
  expect(documentStrings(doc).filter((s) => !holds(whole, s, rtl))).toEqual([]);
  // No blank page.
  expect(pages.filter((p) => squeeze(p) === '')).toEqual([]);

  // The print layout in one column at the page's content width: each panel's height and text.
  await page.emulateMedia({media: 'print'});
  await page.setViewportSize({width: Math.floor(paper.width), height: Math.floor(paper.height)});
  const layout = await page.evaluate(() => {
    const box = (el: Element) => el.getBoundingClientRect();
    const panels = Array.from(document.querySelectorAll('.panel')).map((el) => ({height: box(el).height, text: (el as HTMLElement).innerText}));
    // A section's heading stays with what follows it (break-after: avoid): it and the first panel are one unit.
    const headed = Array.from(document.querySelectorAll('section')).map((s) => {
      const first = s.querySelector('.panel');
      return first ? box(first).bottom - box(s.querySelector('h2')!).top : 0;
    });
    return {height: document.documentElement.scrollHeight, panels, headed};
  });
  // A panel that fits on a page is printed on one: its first and last words are on the same page.
  for (const panel of layout.panels.filter((p) => p.height <= paper.height)) {
    const words = wordsOf(panel.text);
    const [head, tail] = [words.slice(0, 3).join(' '), words.slice(-3).join(' ')];
    expect(pages.some((p) => holds(p, head, rtl) && holds(p, tail, rtl)), `panel "${panel.text.slice(0, 40)}" is split across pages`).toBe(true);
  }
  // As few pages as the content allows. Every page but the last ends only where the next unit (a
  // panel, or a heading with its first panel) does not fit, so it is filled to more than a page less
  // the tallest unit: the pages are at most ceil(height / (page − tallest unit)).
  const tallest = Math.max(0, ...layout.panels.map((p) => p.height), ...layout.headed.filter((h) => h <= paper.height));
  const bound = Math.ceil(layout.height / Math.max(1, paper.height - Math.min(tallest, paper.height)));
  expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(layout.height / paper.height));
  expect(pages.length).toBeLessThanOrEqual(bound);
}

describe.skipIf(SKIP_BROWSER)('Korean on the page breaks where Korean breaks', () => {
  it('at 390 and 1,280 pixels, no line of jiwoo\'s page is broken between two Hangul syllables (keep-all, as the app)', async () => {
    for (const width of [390, 1280]) {
      const {page, context} = await open(urls.get('jiwoo')!, {viewport: {width, height: 844}});
      const cuts = await page.evaluate(() => {
        const hangul = /[\uAC00-\uD7A3]/;
        const found: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          const range = document.createRange();
          let lastTop: number | undefined;
          for (let i = 0; i < text.length; i++) {
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect) continue;
            if (lastTop !== undefined && rect.top > lastTop + 2 && hangul.test(text[i - 1] ?? '') && hangul.test(text[i]!)) found.push(`${text.slice(Math.max(0, i - 6), i)}|${text.slice(i, i + 6)}`);
            lastTop = rect.top;
          }
        }
        return found;
      });
      expect(cuts, `width ${width}`).toEqual([]);
      await context.close();
    }
  });
});

describe.skipIf(SKIP_BROWSER)('the page of data/resume.json, from the built program (--format html)', () => {
  it('prints to an A4 PDF with every string of the résumé', async () => {
    const html = execFileSync(process.execPath, [join(REPO_ROOT, 'bin', 'kim-resume.js'), RESUME_PATH, '--format', 'html'], {encoding: 'utf8'});
    const {page, context, requests} = await open(files.write(html));
    expect(requests).toHaveLength(1);
    const {toDocument} = await import('../../src/document/build');
    const {loadResumeFile} = await import('../../src/resume/load');
    const loaded = loadResumeFile(RESUME_PATH);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const printed = pdfPages(await page.pdf({format: 'A4'})).join('\n');
    expect(documentStrings(toDocument(loaded.resume)).filter((s) => !holds(printed, s, false))).toEqual([]);
    await context.close();
  });
});
