/**
 * `serve --http` answering a browser: GET / for the built-in résumé with Chromium's headers,
 * with brotli asked for and without, on one keep-alive connection each as a browser holds one,
 * interleaved, after a warm-up. From the request written to the last byte of the body read, on
 * loopback. Target (issue 21): median ≤ 5 ms, since the page is rendered once per file and
 * compressed once per coding.
 */
import {Agent, request} from 'node:http';
import {performance} from 'node:perf_hooks';
import {startServer} from '../../test/helpers/serve';
import {log} from '../config';
import {step, type Run} from '../results';
import {sampled} from '../stats';
import {p95, reason, stopServer} from './serve-client';

const REQUESTS = 300;
const WARM_UP = 20;
export const PAGE_TARGET_MS = 5;
const BROWSER = {
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7',
};
const CODINGS = {br: 'gzip, deflate, br, zstd', identity: 'identity'} as const;

function get(port: number, agent: Agent, encoding: string): Promise<{status: number; type: string; coding: string; bytes: number}> {
  return new Promise((resolve, reject) => {
    const asking = request({host: '127.0.0.1', port, path: '/', agent, headers: {...BROWSER, 'Accept-Encoding': encoding}, timeout: 10_000}, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({status: response.statusCode ?? 0, type: String(response.headers['content-type']), coding: String(response.headers['content-encoding'] ?? 'identity'), bytes}));
    });
    asking.on('timeout', () => asking.destroy(new Error('no answer in 10 s')));
    asking.on('error', reject);
    asking.end();
  });
}

export async function measureServePage({results, failures}: Run): Promise<void> {
  step(`serve: GET / for a browser, ${REQUESTS} times with brotli and without, keep-alive`);
  const server = await startServer([]);
  const agents = {br: new Agent({keepAlive: true, maxSockets: 1}), identity: new Agent({keepAlive: true, maxSockets: 1})};
  const ms: Record<keyof typeof CODINGS, number[]> = {br: [], identity: []};
  const bytes: Record<keyof typeof CODINGS, number> = {br: NaN, identity: NaN};
  try {
    for (let i = 0; i < WARM_UP + REQUESTS; i++) {
      for (const coding of Object.keys(CODINGS) as (keyof typeof CODINGS)[]) {
        const t0 = performance.now();
        const answer = await get(server.http, agents[coding], CODINGS[coding]);
        const took = performance.now() - t0;
        if (answer.status !== 200 || !answer.type.startsWith('text/html') || answer.coding !== coding) {
          failures.push(`serve page: ${coding} answered ${answer.status} ${answer.type} ${answer.coding}`);
          return;
        }
        bytes[coding] = answer.bytes;
        if (i >= WARM_UP) ms[coding].push(took);
      }
    }
  } catch (error) {
    failures.push(`serve page: ${reason(error)}`);
  } finally {
    agents.br.destroy();
    agents.identity.destroy();
    const problem = await stopServer(server);
    if (problem) failures.push(`serve page: ${problem}`);
  }
  results.servePage = {
    requests: REQUESTS,
    ms: {br: {...sampled(ms.br), p95: p95(ms.br)}, identity: {...sampled(ms.identity), p95: p95(ms.identity)}},
    bytes,
  };
  const page = results.servePage;
  log(`  GET / for a browser: brotli median ${page.ms.br.median.toFixed(2)} ms (p95 ${page.ms.br.p95.toFixed(2)}, ${bytes.br} B), identity median ${page.ms.identity.median.toFixed(2)} ms (p95 ${page.ms.identity.p95.toFixed(2)}, ${bytes.identity} B)`);
}
