/**
 * A key flood beside a normal reader. Two app sessions at 100×30 on one server: the reader (from
 * 127.0.0.1) presses ↓/↑ (j, k) one at a time, at most every 100 ms, and times each key to the
 * frame that shows it; the flooder (from 127.0.0.2) reads and discards its output. First the
 * reader's keys are timed quiet (the baseline, same run), then the flooder writes 1 MB of keys in
 * one write and keeps writing 64 kB every 100 ms while the reader's keys are timed again. A key
 * whose frame has not come within the timeout counts as the timeout (a lower bound).
 */
import {performance} from 'node:perf_hooks';
import {startServer} from '../../test/helpers/serve';
import {sleep} from '../config';
import {sampled, type Sampled} from '../stats';
import {drop, keyToFrame, openApp, reason, settle, stopServer, type App} from './serve-client';

export const FLOOD = {firstWriteBytes: 1_000_000, moreBytes: 64_000, moreEveryMs: 100, floodMs: 5000, keyEveryMs: 100, quietKeys: 20, keyTimeoutMs: 3000};

export interface Flood {
  firstWriteBytes: number;
  floodMs: number;
  keyEveryMs: number;
  keyTimeoutMs: number;
  /** Bytes the flooder wrote in all. */
  floodBytes: number;
  quietMs: Sampled;
  duringMs: Sampled;
  /** Keys whose frame did not come within the timeout, quiet and during the flood. */
  missed: {quiet: number; during: number};
  failed: string[];
}

const KEYS = ['j', 'k'];
const pattern = (bytes: number) => Buffer.alloc(bytes, 'jk');

/** Times the reader's keys, one at a time and at most every keyEveryMs, until `count` keys or `untilMs`. */
async function timeKeys(reader: App, count: number, untilMs: number, start: number): Promise<{ms: number[]; missed: number}> {
  const ms: number[] = [];
  let missed = 0;
  for (let i = 0; i < count && performance.now() < untilMs; i++) {
    const pressed = performance.now();
    const t = await keyToFrame(reader.screen, KEYS[(start + i) % KEYS.length]!, FLOOD.keyTimeoutMs);
    if (t === undefined) missed++;
    ms.push(t ?? FLOOD.keyTimeoutMs);
    await sleep(Math.max(0, pressed + FLOOD.keyEveryMs - performance.now()));
  }
  return {ms, missed};
}

export async function floodBesideReader(): Promise<Flood> {
  const server = await startServer(['--max-sessions', '8', '--max-per-address', '8']);
  const failed: string[] = [];
  let reader: App | undefined;
  let flooder: App | undefined;
  try {
    const [openedReader, openedFlooder] = await Promise.allSettled([openApp(server.ssh, {timeoutMs: 15_000}), openApp(server.ssh, {localAddress: '127.0.0.2', timeoutMs: 15_000})]);
    if (openedReader.status === 'fulfilled') reader = openedReader.value;
    if (openedFlooder.status === 'fulfilled') flooder = openedFlooder.value;
    if (!reader) throw new Error(`the reader: ${reason((openedReader as PromiseRejectedResult).reason)}`);
    if (!flooder) throw new Error(`the flooder: ${reason((openedFlooder as PromiseRejectedResult).reason)}`);
    // The flooder reads and discards: its own screen is not what is measured.
    flooder.screen.channel.removeAllListeners('data');
    flooder.screen.channel.on('data', () => {});
    await settle(reader.screen);
    // Untimed warm-up of the reader's keys.
    await timeKeys(reader, 4, performance.now() + 5000, 0);
    await settle(reader.screen);
    const quiet = await timeKeys(reader, FLOOD.quietKeys, performance.now() + 10_000, 0);
    await settle(reader.screen);

    const channel = flooder.screen.channel;
    let floodBytes = FLOOD.firstWriteBytes;
    channel.write(pattern(FLOOD.firstWriteBytes));
    const floodEnd = performance.now() + FLOOD.floodMs;
    const more = setInterval(() => {
      if (performance.now() >= floodEnd || channel.destroyed) return;
      channel.write(pattern(FLOOD.moreBytes));
      floodBytes += FLOOD.moreBytes;
    }, FLOOD.moreEveryMs);
    let during: {ms: number[]; missed: number};
    try {
      during = await timeKeys(reader, Number.MAX_SAFE_INTEGER, floodEnd, FLOOD.quietKeys);
    } finally {
      clearInterval(more);
    }
    return {
      firstWriteBytes: FLOOD.firstWriteBytes,
      floodMs: FLOOD.floodMs,
      keyEveryMs: FLOOD.keyEveryMs,
      keyTimeoutMs: FLOOD.keyTimeoutMs,
      floodBytes,
      quietMs: sampled(quiet.ms),
      duringMs: sampled(during.ms),
      missed: {quiet: quiet.missed, during: during.missed},
      failed,
    };
  } finally {
    // Both cut off: the flood's keys may keep the server busy for a while after it, and what the
    // reader's quit would then take is not what is measured here.
    for (const app of [flooder, reader]) if (app) drop(app.client, app.screen, 0);
    const problem = await stopServer(server);
    if (problem) failed.push(problem);
  }
}
