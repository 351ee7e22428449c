/**
 * 10. The web page (`--format html`, issue 21): its size for data/resume.json (≤ 40 kB before
 * compression; gzipped beside it) and its first contentful paint in headless Chromium (Debian's,
 * through playwright-core), loaded from loopback: a bare node:http server that holds the page's
 * bytes, so the time is the browser's (the server's own time is the serve step's). A new page
 * each try, after an untimed one. Beside it, interleaved, the same for two baseline pages from
 * the same server: one short paragraph and no style, what a new page costs this browser on this
 * machine before any of the résumé's own; and the page's own text (every tag and the stylesheet
 * taken out) as plain paragraphs with no style, what laying out and painting these words costs
 * before any of the app's look. Chromium lays out the whole document before its first paint
 * (content-visibility: auto did not move it: measured 164 against 168 ms), so that second
 * baseline is the floor of any page that shows the whole résumé.
 */
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {gzipSync} from 'node:zlib';
import {chromium} from 'playwright-core';
import {log, NODE, OURS, ROOT} from '../config';
import {step, type Run} from '../results';
import {sampled} from '../stats';

export const PAGE_TARGETS = {bytes: 40_000, fcpMs: 100};

const chromiumPath = () => process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export async function measurePage({runs, results, failures}: Run): Promise<void> {
  step(`page (--format html of data/resume.json): its size, and first contentful paint in headless Chromium from loopback; ${runs} tries after an untimed one`);
  const printed = spawnSync(NODE, [...OURS, '--format', 'html'], {cwd: ROOT});
  if (printed.status !== 0) throw new Error(`--format html failed: ${printed.stderr.toString().trim()}`);
  const html = printed.stdout;
  const executablePath = chromiumPath();
  if (!executablePath) {
    failures.push('page: Chromium is missing (apt-get install chromium), no first contentful paint');
    results.page = {bytes: html.length, gzipBytes: gzipSync(html).length};
    return;
  }
  const baseline = Buffer.from('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>baseline</title></head><body><p>A baseline page.</p></body></html>');
  const text = Buffer.from(
    `<!doctype html><html lang="${/<html lang="([^"]+)"/.exec(html.toString())?.[1] ?? 'en'}"><head><meta charset="utf-8"><title>text</title></head><body>` +
      html
        .toString()
        .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>|<head>[\s\S]*?<\/head>/g, '')
        .split(/<\/(?:p|li|h[1-6]|header|section|nav)>/)
        .map((part) => part.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .map((part) => `<p>${part}</p>`)
        .join('') +
      '</body></html>',
  );
  const bodies: Record<string, Buffer> = {'/baseline': baseline, '/text': text};
  const server = createServer((req, res) => {
    const body = bodies[req.url ?? ''] ?? html;
    res.writeHead(200, {'content-type': 'text/html; charset=utf-8', 'content-length': body.length}).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({executablePath});
  const samples: number[] = [];
  const baselineSamples: number[] = [];
  const textSamples: number[] = [];
  const order: [string, number[]][] = [
    [url, samples],
    [`${url}baseline`, baselineSamples],
    [`${url}text`, textSamples],
  ];
  try {
    // Round-robin, each round starting one further along, so that no page is always first.
    for (let i = -1; i < runs; i++) for (let k = 0; k < order.length; k++) {
      const [target, into] = order[(k + i + 1) % order.length]!;
      const page = await browser.newPage({viewport: {width: 1280, height: 900}});
      await page.goto(target, {waitUntil: 'load'});
      // The paint entry is queued after the frame that painted: wait for it, not for a time.
      const fcp = (await page.evaluate(`new Promise((resolve) => {
        const found = () => performance.getEntriesByName('first-contentful-paint')[0];
        if (found()) return resolve(found().startTime);
        new PerformanceObserver(() => found() && resolve(found().startTime)).observe({type: 'paint', buffered: true});
      })`)) as number;
      if (i >= 0) into.push(fcp);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  results.page = {bytes: html.length, gzipBytes: gzipSync(html).length, fcpMs: sampled(samples), baselineFcpMs: sampled(baselineSamples), textFcpMs: sampled(textSamples)};
  log(`  ${html.length} bytes (${results.page.gzipBytes} gzipped); first contentful paint median ${results.page.fcpMs!.median.toFixed(1)} ms`);
}
