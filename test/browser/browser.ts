/**
 * A real browser for the page's tests: Debian's Chromium (`apt-get install chromium`), driven by
 * playwright-core, which downloads no browser of its own. Where Chromium (or poppler's pdftotext)
 * is missing, in CI (`CI` set) the tests fail with one line saying so: CI installs them
 * (.ci/run), and a silent skip would hide a broken page. Elsewhere, on a fresh clone, they are
 * skipped with that line on stderr, so that the README's `npm test` works as written.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {chromium, type Browser, type Page} from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/** Chromium's path: $CHROMIUM_PATH, else Debian's; a one-line error when there is none. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || CANDIDATES.find((p) => existsSync(p));
  if (!path || !existsSync(path)) throw new Error('Chromium is missing: the browser tests need it (apt-get install chromium fonts-noto-cjk poppler-utils, or set CHROMIUM_PATH)');
  return path;
}

/** What the browser tests need and this machine lacks, as one line; undefined when nothing is missing. */
function missingTools(): string | undefined {
  const chromium = process.env.CHROMIUM_PATH || CANDIDATES.find((p) => existsSync(p));
  const missing = [...(chromium && existsSync(chromium) ? [] : ['Chromium']), ...(onPath('pdftotext') ? [] : ["poppler's pdftotext"])];
  return missing.length === 0 ? undefined : `${missing.join(' and ')} missing: the browser tests need ${missing.length === 1 ? 'it' : 'them'} (apt-get install chromium fonts-noto-cjk poppler-utils, or set CHROMIUM_PATH)`;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(join(dir, command)));
}

/** Whether to skip the browser tests: only outside CI, said in one line on stderr. */
export const SKIP_BROWSER: boolean = (() => {
  const missing = missingTools();
  if (missing === undefined) return false;
  if (process.env.CI) throw new Error(missing);
  process.stderr.write(`browser tests skipped: ${missing}\n`);
  return true;
})();

export const launchChromium = (): Promise<Browser> => chromium.launch({executablePath: chromiumPath()});

/** Pages written to files, opened from disk as a reader opens `--format html > cv.html`. */
export function pageFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'kim-resume-page-'));
  let n = 0;
  return {
    dir,
    write(html: string): string {
      const file = join(dir, `page-${++n}.html`);
      writeFileSync(file, html);
      return pathToFileURL(file).href;
    },
    cleanup: () => rmSync(dir, {recursive: true, force: true}),
  };
}

/** axe-core's source, injected into a page (its context must bypass the page's CSP, which forbids scripts). */
export const axeSource = (): string => readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{target: unknown[]}>;
}

/** axe-core's violations of WCAG 2.0 and 2.1, levels A and AA. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({content: axeSource()});
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as {axe: {run(ctx: unknown, opts: unknown): Promise<{violations: AxeViolation[]}>}}).axe;
    const result = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
    return result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({target: n.target}))}));
  });
}

export interface TextContrast {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

/**
 * Every element with text of its own, its computed colour against the background it is drawn on
 * (the nearest ancestor's opaque background; the canvas is the root's or body's), as WCAG 2.1
 * defines contrast (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
 */
export function textContrasts(page: Page): Promise<TextContrast[]> {
  return page.evaluate(() => {
    const parse = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * ch(r!) + 0.7152 * ch(g!) + 0.0722 * ch(b!);
    };
    const backgroundOf = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg.length === 3 || (bg.length === 4 && bg[3]! >= 1)) return bg.slice(0, 3);
      }
      // The canvas: body's background propagates to it; with none, the browser's default.
      const canvas = parse(getComputedStyle(document.body).backgroundColor);
      return canvas.length === 3 || canvas[3] === 1 ? canvas.slice(0, 3) : matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18] : [255, 255, 255];
    };
    const out: Array<{text: string; ratio: number; color: string; background: string}> = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (own.length === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const fg = parse(style.color);
      const bg = backgroundOf(el);
      // A translucent colour is drawn over its background.
      const a = fg[3] ?? 1;
      const drawn = fg.slice(0, 3).map((v, i) => v * a + bg[i]! * (1 - a));
      const [l1, l2] = [lum(drawn), lum(bg)].sort((x, y) => y - x);
      out.push({text: own.map((n) => n.textContent!.trim()).join(' ').slice(0, 40), ratio: (l1! + 0.05) / (l2! + 0.05), color: style.color, background: `rgb(${bg.join(',')})`});
    }
    return out;
  });
}

/** Whether the page scrolls sideways at its viewport's width. */
export const scrollsSideways = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/**
 * poppler's pdftotext, one page at a time: the printed text of each page, in the order it was drawn
 * (`-raw`: the layout analysis would reorder wrapped CJK lines), without bidi control characters.
 */
export function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kim-resume-pdf-'));
  try {
    const file = join(dir, 'page.pdf');
    writeFileSync(file, pdf);
    let info: string;
    try {
      info = execFileSync('pdfinfo', [file], {encoding: 'utf8'});
    } catch {
      throw new Error("poppler's pdfinfo and pdftotext are missing: the PDF tests need them (apt-get install poppler-utils)");
    }
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    return Array.from({length: pages}, (_, i) => execFileSync('pdftotext', ['-q', '-raw', '-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), file, '-'], {encoding: 'utf8'}).replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, ''));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
