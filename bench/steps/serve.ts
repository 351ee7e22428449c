/**
 * 7. `kim-resume serve` under load, on loopback: 50 concurrent SSH sessions (half interactive,
 * pressing keys, half plain text) and 200 HTTP requests (20 at a time). Reports the time to the
 * first frame (median, p95), the server's peak RSS, and every session that failed. Bounded: a
 * fixed number of sessions, each with its own timeout.
 */
import {readdirSync, statSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {statusKiB} from '../../test/helpers/process-memory';
import {connect, request, shell, startServer} from '../../test/helpers/serve';
import {log, ROOT} from '../config';
import {step, type Run} from '../results';
import {MiB, sampled} from '../stats';

const SSH_SESSIONS = 50;
const HTTP_REQUESTS = 200;
const HTTP_CONCURRENCY = 20;
const KEYS = ['j', 'j', '\t', 'j', '\t', 'k'];

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)] ?? NaN;

export async function measureServe({results, failures}: Run): Promise<void> {
  step(`serve: ${SSH_SESSIONS} concurrent SSH sessions, ${HTTP_REQUESTS} HTTP requests`);
  const server = await startServer(['--max-sessions', '128', '--max-per-address', '128']);
  const pid = server.process.pid!;
  const firstFrameMs: number[] = [];
  const textMs: number[] = [];
  const problems: string[] = [];
  try {
    const sessions = Array.from({length: SSH_SESSIONS}, async (_, i) => {
      const t0 = performance.now();
      const client = await connect(server.ssh);
      try {
        if (i % 2 === 0) {
          const screen = await shell(client, 100, 30);
          await screen.waitFor((rows) => rows.some((r) => r.includes('q quit')), 30_000);
          firstFrameMs.push(performance.now() - t0);
          for (const key of KEYS) {
            const before = screen.screen().join('\n');
            screen.channel.write(key);
            await screen.waitFor((rows) => rows.join('\n') !== before, 10_000).catch(() => undefined);
          }
          screen.channel.write('q');
          const {code} = await screen.closed;
          if (code !== 0) problems.push(`app session ${i} exited ${code}`);
          screen.dispose();
        } else {
          const {out, code} = await request(client, undefined);
          textMs.push(performance.now() - t0);
          if (code !== 0 || out.length === 0) problems.push(`text session ${i} exited ${code} with ${out.length} characters`);
        }
      } finally {
        client.end();
      }
    });
    const settled = await Promise.allSettled(sessions);
    for (const s of settled) if (s.status === 'rejected') problems.push(`ssh: ${String(s.reason).split('\n')[0]}`);

    const httpMs: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < HTTP_REQUESTS) {
        const i = next++;
        const t0 = performance.now();
        try {
          const answer = await fetch(`http://127.0.0.1:${server.http}/${i % 3 === 0 ? 'resume.json' : i % 3 === 1 ? 'resume.md' : ''}`, {signal: AbortSignal.timeout(10_000)});
          await answer.text();
          if (answer.status !== 200) problems.push(`http ${i}: ${answer.status}`);
          httpMs.push(performance.now() - t0);
        } catch (error) {
          problems.push(`http ${i}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({length: HTTP_CONCURRENCY}, worker));

    const peakKiB = statusKiB(pid, 'VmHWM') ?? NaN;
    const chunk = readdirSync(join(ROOT, 'dist/chunks')).find((f) => f.startsWith('serve-'));
    const chunkPath = chunk ? join(ROOT, 'dist/chunks', chunk) : undefined;
    results.serve = {
      sshSessions: SSH_SESSIONS,
      httpRequests: HTTP_REQUESTS,
      firstFrameMs: {...sampled(firstFrameMs), p95: p95(firstFrameMs)},
      textSessionMs: {...sampled(textMs), p95: p95(textMs)},
      httpMs: {...sampled(httpMs), p95: p95(httpMs)},
      peakRssMiB: MiB(peakKiB),
      chunkKB: chunkPath ? statSync(chunkPath).size / 1000 : NaN,
      chunkGzipKB: chunkPath ? gzipSync(readFileSync(chunkPath), {level: 9}).length / 1000 : NaN,
      failed: problems,
    };
    log(`  first frame median ${results.serve.firstFrameMs.median.toFixed(0)} ms, p95 ${results.serve.firstFrameMs.p95.toFixed(0)} ms; peak RSS ${results.serve.peakRssMiB.toFixed(0)} MiB; ${problems.length} failed`);
    failures.push(...problems.map((p) => `serve: ${p}`));
  } finally {
    await server.stop();
  }
}
