/**
 * Many SSH app sessions at once: all started together, each timed from its connection to its
 * first frame, all held open until the last has its frame (or has failed), then quit. The
 * baseline is the same session opened alone, one after another, on the same server.
 */
import {sampled, type Sampled} from '../stats';
import {closeApp, openApp, p95, reason, type App} from './serve-client';

export interface Concurrent {
  sessions: number;
  /** Source addresses the sessions came from, spread evenly. */
  addresses: number;
  cols: number;
  rows: number;
  firstFrameMs: Sampled & {p95: number};
  failed: string[];
}

const SIZE = {cols: 100, rows: 30};

export async function concurrentApps(port: number, sessions: number, addresses: string[], timeoutMs: number): Promise<Concurrent> {
  const settled = await Promise.allSettled(
    Array.from({length: sessions}, (_, i) => openApp(port, {...SIZE, localAddress: addresses[i % addresses.length], timeoutMs})),
  );
  const failed: string[] = [];
  const apps: App[] = [];
  settled.forEach((s, i) => (s.status === 'fulfilled' ? apps.push(s.value) : failed.push(`session ${i + 1} of ${sessions}: ${reason(s.reason)}`)));
  const firstFrames = apps.map((a) => a.firstFrameMs);
  const closed = await Promise.all(apps.map((a) => closeApp(a)));
  closed.forEach((problem) => problem && failed.push(`quitting one of ${sessions}: ${problem}`));
  return {sessions, addresses: addresses.length, ...SIZE, firstFrameMs: {...sampled(firstFrames), p95: p95(firstFrames)}, failed};
}

/** The same session opened alone, `count` times in a row: the baseline. */
export async function aloneApps(port: number, count: number, timeoutMs: number): Promise<{firstFrameMs: Sampled; failed: string[]}> {
  const ms: number[] = [];
  const failed: string[] = [];
  for (let i = 0; i < count; i++) {
    try {
      const app = await openApp(port, {...SIZE, timeoutMs});
      ms.push(app.firstFrameMs);
      const problem = await closeApp(app);
      if (problem) failed.push(`alone ${i + 1}: ${problem}`);
    } catch (error) {
      // A server that cannot serve one session alone will not serve the next: one is enough.
      failed.push(`alone ${i + 1}: ${reason(error)}`);
      break;
    }
  }
  return {firstFrameMs: sampled(ms), failed};
}
