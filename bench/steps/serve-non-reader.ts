/**
 * What a client that never reads costs the server. Two servers run side by side, each warmed by
 * one ordinary session at 500×200 and then sampled idle (its baseline). Then each gets one pty
 * session at 500×200 sent the same inputs, a resize and a key every 50 ms for a fixed count:
 * on one the client never reads its channel (its window is never reopened: the server can send
 * no more than ssh2's 2 MiB window, the rest is the server's to hold or drop), on the other the
 * client reads and discards everything (the reference). Each server's VmRSS is sampled through
 * the run and compared with its own idle baseline.
 *
 * A reading session at 500×200 redrawn 20 times a second grows the server's RSS by tens of MiB
 * by itself (V8's young generation grows to its limit; the garbage is collected in a sawtooth
 * of ±10 MiB, about 3 s a tooth), so the cost of not reading is the difference between the two
 * servers' growth over the last third of the run (medians, over several teeth), and "still
 * rising" is the difference between the two servers' slopes over the second half (a
 * least-squares fit). 600 steps of 50 ms: 30 s.
 */
import {performance} from 'node:perf_hooks';
import type ssh2 from 'ssh2';
import {startServer, type Server} from '../../test/helpers/serve';
import {sleep} from '../config';
import {MiB, sampled, stats, type Sampled} from '../stats';
import {closeApp, connectFrom, drop, openApp, reason, sampleRss, stopServer, within} from './serve-client';

export const NON_READER = {cols: 500, rows: 200, iterations: 600, everyMs: 50, idleMs: 3000};
/** Two sizes the resizes alternate between (both within the server's 500×200 clamp). */
const SIZES = [
  {cols: 500, rows: 200},
  {cols: 480, rows: 190},
];
const KEYS = ['j', 'k'];
/**
 * The non-reading server's slope over the second half, above the reading one's, beyond which its
 * memory counts as still rising: 15 MiB a minute. The unfixed server grew about 2 MiB/s.
 */
export const RISING_MIB_PER_S = 0.25;

export interface MemoryRun {
  idleMiB: Sampled;
  /** The growth over idle of each sample in the run's last third. */
  lastThirdGrowthMiB: Sampled;
  peakGrowthMiB: number;
  /** Least-squares slope of the second half's samples. */
  secondHalfMiBPerS: number;
  /** When the server closed the session, from the first input (undefined: it stayed open). */
  closedAfterMs?: number;
  bytesRead: number;
  /** Every sample of the run: [ms from the first input, MiB]. */
  trace: [number, number][];
}

export interface NonReader {
  cols: number;
  rows: number;
  iterations: number;
  everyMs: number;
  idleMs: number;
  seconds: number;
  notReading: MemoryRun;
  reading: MemoryRun;
  /** Not reading's last-third growth minus reading's (medians). */
  costMiB: number;
  /** Not reading's second-half slope minus reading's. */
  excessMiBPerS: number;
  rising: boolean;
  failed: string[];
}

/** Least-squares slope of RSS samples, in MiB per second. */
export function slope(points: {ms: number; kib: number}[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, p) => s + p.ms, 0) / n;
  const my = points.reduce((s, p) => s + p.kib, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.ms - mx) * (p.kib - my);
    den += (p.ms - mx) ** 2;
  }
  return den > 0 ? MiB(num / den) * 1000 : NaN;
}

interface Side {
  server: Server;
  reads: boolean;
  idle: number[];
  client?: ssh2.Client;
  channel?: ssh2.ClientChannel;
  bytesRead: number;
  closedAt?: number;
}

async function prepare(reads: boolean, failed: string[]): Promise<Side> {
  const server = await startServer(['--max-sessions', '8', '--max-per-address', '8']);
  const side: Side = {server, reads, idle: [], bytesRead: 0};
  // Warm-up: one ordinary session at the same size, so that loading and compiling the app's
  // code is not counted as the measured session's cost.
  try {
    const app = await openApp(server.ssh, {cols: NON_READER.cols, rows: NON_READER.rows, timeoutMs: 15_000});
    const problem = await closeApp(app);
    if (problem) failed.push(`warm-up: ${problem}`);
  } catch (error) {
    failed.push(`warm-up: ${reason(error)}`);
  }
  return side;
}

async function open(side: Side, t0: () => number): Promise<void> {
  const {client, ready} = connectFrom(side.server.ssh, undefined, 10_000);
  side.client = client;
  await ready;
  side.channel = await within(
    new Promise<ssh2.ClientChannel>((resolve, reject) =>
      client.shell({term: 'xterm-256color', cols: NON_READER.cols, rows: NON_READER.rows}, (error, channel) => (error ? reject(error) : resolve(channel))),
    ),
    10_000,
    'no channel within 10 s',
  );
  side.channel.on('error', () => {});
  side.channel.once('close', () => (side.closedAt = performance.now() - t0()));
  // Reading is resuming the stream (ssh2 reopens the window as it is consumed); not reading is
  // adding no 'data' listener at all, so the stream stays paused and the window stays shut.
  if (side.reads) side.channel.on('data', (chunk: Buffer) => (side.bytesRead += chunk.length));
}

function summarize(side: Side, samples: {ms: number; kib: number}[]): MemoryRun {
  const idle = stats(side.idle).median;
  const end = samples.at(-1)?.ms ?? 0;
  const lastThird = samples.filter((q) => q.ms >= (end * 2) / 3);
  return {
    idleMiB: sampled(side.idle.map(MiB)),
    lastThirdGrowthMiB: sampled(lastThird.map((q) => MiB(q.kib - idle))),
    peakGrowthMiB: MiB(Math.max(...samples.map((q) => q.kib)) - idle),
    secondHalfMiBPerS: slope(samples.filter((q) => q.ms >= end / 2)),
    closedAfterMs: side.closedAt,
    bytesRead: side.bytesRead,
    trace: samples.map((q) => [Math.round(q.ms), Number(MiB(q.kib).toFixed(2))]),
  };
}

export async function nonReaderCost(): Promise<NonReader> {
  const failed: string[] = [];
  const started = performance.now();
  const prepared = await Promise.allSettled([prepare(false, failed), prepare(true, failed)]);
  const sides = prepared.flatMap((p) => (p.status === 'fulfilled' ? [p.value] : []));
  try {
    for (const p of prepared) if (p.status === 'rejected') throw p.reason;
    // Idle baselines, both at once.
    await sleep(500);
    const idleSamplers = sides.map((side) => sampleRss(side.server.process.pid!));
    await sleep(NON_READER.idleMs);
    sides.forEach((side, i) => (side.idle = idleSamplers[i]!.stop().map((s) => s.kib)));

    let first = 0;
    const t0 = () => first;
    await Promise.all(sides.map((side) => open(side, t0)));
    first = performance.now();
    const samplers = sides.map((side) => sampleRss(side.server.process.pid!));
    for (let i = 0; i < NON_READER.iterations; i++) {
      const size = SIZES[i % SIZES.length]!;
      for (const side of sides) {
        const channel = side.channel!;
        if (side.closedAt !== undefined || channel.destroyed) continue;
        channel.setWindow(size.rows, size.cols, 0, 0);
        channel.write(KEYS[i % KEYS.length]!);
      }
      // On a fixed schedule, so a slow iteration does not stretch the run.
      await sleep(Math.max(0, first + (i + 1) * NON_READER.everyMs - performance.now()));
    }
    const runs = samplers.map((s) => s.stop());
    const [notReading, reading] = sides.map((side, i) => summarize(side, runs[i]!)) as [MemoryRun, MemoryRun];
    const excess = notReading.secondHalfMiBPerS - reading.secondHalfMiBPerS;
    return {
      ...NON_READER,
      seconds: (performance.now() - started) / 1000,
      notReading,
      reading,
      costMiB: notReading.lastThirdGrowthMiB.median - reading.lastThirdGrowthMiB.median,
      excessMiBPerS: excess,
      rising: !(excess <= RISING_MIB_PER_S),
      failed,
    };
  } finally {
    for (const side of sides) if (side.client) drop(side.client, undefined, 0);
    for (const side of sides) {
      const problem = await stopServer(side.server);
      if (problem) failed.push(problem);
    }
  }
}
