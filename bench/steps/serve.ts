/**
 * 7. `kim-resume serve` under load, on loopback. Bounded: every session and attempt has its own
 * timeout, every connection is ended after it, every server is stopped (SIGKILL if SIGTERM is
 * not enough), so the step ends within a few minutes however the server behaves.
 * - Mixed load: 50 concurrent SSH sessions (half interactive, pressing keys, half plain text)
 *   and 200 HTTP requests (20 at a time): first frame (median, p95), peak RSS, failures.
 * - Many at once: one app session alone, 5 times (the baseline), then 100 and 200 app sessions
 *   at once from 8 loopback addresses, each to its first frame (serve-concurrent.ts).
 * - A client that never reads, against one that does (serve-non-reader.ts).
 * - A key flood beside a normal reader (serve-flood.ts).
 * - A lockout attempt from one address beside a normal reader (serve-lockout.ts).
 */
import {readdirSync, statSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {statusKiB} from '../../test/helpers/process-memory';
import {connect, request, shell, startServer, type Server, type ShellScreen} from '../../test/helpers/serve';
import {log, ROOT} from '../config';
import {step, type Results, type Run} from '../results';
import {MiB, sampled} from '../stats';
import {drop, p95, reason, stopServer, within} from './serve-client';
import {aloneApps, concurrentApps} from './serve-concurrent';
import {floodBesideReader} from './serve-flood';
import {lockoutAttempt} from './serve-lockout';
import {nonReaderCost} from './serve-non-reader';

const SSH_SESSIONS = 50;
const HTTP_REQUESTS = 200;
const HTTP_CONCURRENCY = 20;
const KEYS = ['j', 'j', '\t', 'j', '\t', 'k'];
/** Sessions at once (the target applies to 100), spread over these source addresses. */
const AT_ONCE = [100, 200];
const ADDRESSES = Array.from({length: 8}, (_, i) => `127.0.0.${11 + i}`);
const ALONE = 5;
/** Bounds, so that the step ends within a few minutes however the server behaves. */
const OPEN_TIMEOUT_MS = 20_000;
const SESSION_LIMIT_MS = 40_000;
const HTTP_LIMIT_MS = 30_000;

export async function measureServe(run: Run): Promise<void> {
  const {results} = run;
  step(`serve: ${SSH_SESSIONS} concurrent SSH sessions, ${HTTP_REQUESTS} HTTP requests; ${AT_ONCE.join(' and ')} app sessions at once; a client that never reads; a key flood; a lockout attempt`);
  const started = performance.now();
  const holds: NonNullable<Results['serveHolds']> = (results.serveHolds = {});
  // Room for the largest wave, from any one of its addresses.
  const server = await startServer(['--max-sessions', '512', '--max-per-address', '512']);
  try {
    await part(run, 'mixed load', async () => {
      const mixed = (results.serve = await mixedLoad(server));
      log(`  first frame median ${mixed.firstFrameMs.median.toFixed(0)} ms, p95 ${mixed.firstFrameMs.p95.toFixed(0)} ms; peak RSS ${mixed.peakRssMiB.toFixed(0)} MiB; ${mixed.failed.length} failed`);
      return mixed.failed;
    });
    await part(run, 'one session alone', async () => {
      const alone = await aloneApps(server.ssh, ALONE, 10_000);
      holds.alone = {firstFrameMs: alone.firstFrameMs};
      log(`  one app session alone: first frame median ${alone.firstFrameMs.median.toFixed(0)} ms`);
      return alone.failed;
    });
    holds.atOnce = [];
    for (const sessions of AT_ONCE) {
      if (!holds.alone?.firstFrameMs.n) {
        run.failures.push(`serve, ${sessions} at once: not tried, no session alone reached its first frame`);
        continue;
      }
      await part(run, `${sessions} at once`, async () => {
        const wave = await concurrentApps(server.ssh, sessions, ADDRESSES, OPEN_TIMEOUT_MS);
        holds.atOnce!.push(wave);
        log(`  ${sessions} app sessions at once: first frame median ${wave.firstFrameMs.median.toFixed(0)} ms, p95 ${wave.firstFrameMs.p95.toFixed(0)} ms; ${wave.failed.length} failed`);
        return wave.failed;
      });
    }
  } finally {
    const problem = await stopServer(server);
    if (problem) run.failures.push(`serve: ${problem}`);
  }
  await part(run, 'a client that never reads', async () => {
    const n = (holds.nonReader = await nonReaderCost());
    log(
      `  not reading at ${n.cols}×${n.rows}: RSS +${n.notReading.lastThirdGrowthMiB.median.toFixed(1)} MiB over idle (reading: +${n.reading.lastThirdGrowthMiB.median.toFixed(1)} MiB), cost ${n.costMiB.toFixed(1)} MiB, ${n.excessMiBPerS.toFixed(2)} MiB/s faster${n.rising ? ', still rising' : ''}`,
    );
    return n.failed;
  });
  await part(run, 'a key flood', async () => {
    const fl = (holds.flood = await floodBesideReader());
    log(`  the reader's key → frame: quiet ${fl.quietMs.median.toFixed(1)} ms, during the flood ${fl.duringMs.median.toFixed(1)} ms (${fl.duringMs.n} keys, ${fl.missed.during} past ${fl.keyTimeoutMs} ms)`);
    return fl.failed;
  });
  await part(run, 'a lockout attempt', async () => {
    const lo = (holds.lockout = await lockoutAttempt());
    const attempts = lo.underAttack.ssh.attempts + lo.underAttack.http.attempts;
    log(`  lockouts: ${lo.lockouts.length} of ${attempts} attempts (attacker held up to ${lo.attacker.sshHeldPeak} SSH connections, ${lo.attacker.httpHeldPeak} HTTP sockets)`);
    return lo.failed;
  });
  holds.seconds = (performance.now() - started) / 1000;
  log(`  serve step: ${holds.seconds.toFixed(0)} s`);
}

/** 50 SSH sessions at once (half the app with keys, half plain text), then 200 HTTP requests, 20 at a time. */
async function mixedLoad(server: Server): Promise<NonNullable<Results['serve']>> {
  const pid = server.process.pid!;
  const firstFrameMs: number[] = [];
  const textMs: number[] = [];
  const problems: string[] = [];
  const sessions = Array.from({length: SSH_SESSIONS}, async (_, i) => {
    const t0 = performance.now();
    const client = await connect(server.ssh, {readyTimeout: OPEN_TIMEOUT_MS});
    let screen: ShellScreen | undefined;
    const session = async () => {
      if (i % 2 === 0) {
        screen = await within(shell(client, 100, 30), OPEN_TIMEOUT_MS, 'no channel');
        await screen.waitFor((rows) => rows.some((r) => r.includes('q quit')), OPEN_TIMEOUT_MS);
        firstFrameMs.push(performance.now() - t0);
        for (const key of KEYS) {
          const before = screen.screen().join('\n');
          screen.channel.write(key);
          await screen.waitFor((rows) => rows.join('\n') !== before, 10_000).catch(() => undefined);
        }
        screen.channel.write('q');
        const {code} = await within(screen.closed, 10_000, 'still open 10 s after q');
        if (code !== 0) problems.push(`app session ${i} exited ${code}`);
      } else {
        const {out, code} = await within(request(client, undefined), OPEN_TIMEOUT_MS, `no text within ${OPEN_TIMEOUT_MS} ms`);
        textMs.push(performance.now() - t0);
        if (code !== 0 || out.length === 0) problems.push(`text session ${i} exited ${code} with ${out.length} characters`);
      }
    };
    try {
      await within(session(), SESSION_LIMIT_MS, `session ${i} not over within ${SESSION_LIMIT_MS / 1000} s`);
    } finally {
      drop(client, screen);
    }
  });
  const settled = await Promise.allSettled(sessions);
  for (const s of settled) if (s.status === 'rejected') problems.push(`ssh: ${reason(s.reason)}`);

  const httpMs: number[] = [];
  let next = 0;
  const httpEnd = performance.now() + HTTP_LIMIT_MS;
  const worker = async () => {
    while (next < HTTP_REQUESTS) {
      if (performance.now() > httpEnd) {
        problems.push(`http: ${HTTP_REQUESTS - next} requests not sent, ${HTTP_LIMIT_MS / 1000} s were up`);
        next = HTTP_REQUESTS;
        break;
      }
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
  return {
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
}

/** Runs one part; a part that throws is a problem of the run, and the next part still runs. */
async function part({failures}: Run, name: string, measure: () => Promise<string[]>): Promise<void> {
  try {
    for (const problem of await measure()) failures.push(`serve, ${name}: ${problem}`);
  } catch (error) {
    failures.push(`serve, ${name}: ${reason(error)}`);
    log(`  ${name} failed: ${reason(error)}`);
  }
}
