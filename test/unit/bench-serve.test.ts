/**
 * The bench's serve step, its pure parts: the slope that says whether memory is still rising, and
 * the targets the report holds the step's figures to (issue 23), met and missed.
 */
import {describe, expect, it} from 'vitest';
import {rows} from '../../bench/report';
import {newResults, type Results} from '../../bench/results';
import {sampled} from '../../bench/stats';
import type {Concurrent} from '../../bench/steps/serve-concurrent';
import type {Flood} from '../../bench/steps/serve-flood';
import type {Lockout} from '../../bench/steps/serve-lockout';
import {slope, type MemoryRun, type NonReader} from '../../bench/steps/serve-non-reader';

const MiB = 1024;

describe('the slope of RSS samples', () => {
  it('is the growth per second of a straight line, and about 0 for a sawtooth around a level', () => {
    const line = Array.from({length: 50}, (_, i) => ({ms: i * 100, kib: 100 * MiB + i * 0.2 * MiB}));
    expect(slope(line)).toBeCloseTo(2, 6);
    // A collector's teeth: up 1 MiB a sample, back down every 10, about a flat level.
    const teeth = Array.from({length: 100}, (_, i) => ({ms: i * 100, kib: 100 * MiB + (i % 10) * MiB}));
    expect(Math.abs(slope(teeth))).toBeLessThan(0.25);
    expect(slope(line.slice(0, 1))).toBeNaN();
  });
});

const wave = (sessions: number, p95: number, failed: string[] = []): Concurrent => ({
  sessions,
  addresses: 8,
  cols: 100,
  rows: 30,
  firstFrameMs: {...sampled([p95 / 2, p95]), p95},
  failed,
});
const memory = (growth: number, slopeMiBPerS: number): MemoryRun => ({
  idleMiB: sampled([90]),
  lastThirdGrowthMiB: sampled([growth]),
  peakGrowthMiB: growth,
  secondHalfMiBPerS: slopeMiBPerS,
  bytesRead: 0,
  trace: [],
});
const nonReader = (cost: number, rising: boolean): NonReader => ({
  cols: 500,
  rows: 200,
  iterations: 600,
  everyMs: 50,
  idleMs: 3000,
  seconds: 40,
  notReading: memory(30 + cost, rising ? 1.5 : 0),
  reading: memory(30, 0),
  costMiB: cost,
  excessMiBPerS: rising ? 1.5 : 0,
  rising,
  failed: [],
});
const flood = (quiet: number[], during: number[]): Flood => ({
  firstWriteBytes: 1_000_000,
  floodMs: 5000,
  keyEveryMs: 100,
  keyTimeoutMs: 3000,
  floodBytes: 4_000_000,
  quietMs: sampled(quiet),
  duringMs: sampled(during),
  missed: {quiet: 0, during: 0},
  failed: [],
});
const lockout = (attempts: number, lockouts: string[]): Lockout => {
  const tally = {attempts, failed: 0, ms: sampled([300])};
  return {
    attackMs: 15_000,
    sshTimeoutMs: 10_000,
    httpTimeoutMs: 5000,
    quiet: {ssh: tally, http: tally},
    underAttack: {ssh: {...tally, failed: lockouts.length}, http: tally},
    attacker: {sshOpened: 1000, sshReady: 128, sshHeldPeak: 144, httpOpened: 500, httpHeldPeak: 100},
    lockouts,
    failed: [],
  };
};

/** The verdict of the one row whose label starts with `label`. */
function verdict(holds: Results['serveHolds'], label: string): boolean | undefined {
  const found = rows({...newResults(1), serveHolds: holds}).filter((row) => row.what.startsWith(label));
  expect(found).toHaveLength(1);
  return found[0]!.ok;
}

describe('the serve targets in the report', () => {
  it('holds the first frame at 100 at once to p95 ≤ 1.5 s with none failed, and 200 at once to none failed', () => {
    const alone = {firstFrameMs: sampled([300])};
    expect(verdict({alone, atOnce: [wave(100, 1500)]}, 'serve: first frame, 100')).toBe(true);
    expect(verdict({alone, atOnce: [wave(100, 1501)]}, 'serve: first frame, 100')).toBe(false);
    expect(verdict({alone, atOnce: [wave(100, 900, ['session 3 of 100: refused'])]}, 'serve: first frame, 100')).toBe(false);
    expect(verdict({alone, atOnce: [wave(200, 9000)]}, 'serve: first frame, 200')).toBe(true);
    expect(verdict({alone, atOnce: [wave(200, 900, ['late'])]}, 'serve: first frame, 200')).toBe(false);
  });

  it('holds a non-reading session to ≤ 4 MiB over a reading one, and not still rising', () => {
    expect(verdict({nonReader: nonReader(4, false)}, 'serve: RSS growth, a session')).toBe(true);
    expect(verdict({nonReader: nonReader(4.1, false)}, 'serve: RSS growth, a session')).toBe(false);
    expect(verdict({nonReader: nonReader(1, true)}, 'serve: RSS growth, a session')).toBe(false);
  });

  it('holds the reader beside a flood to ≤ 2× its quiet median, and fails a flood with no key timed', () => {
    expect(verdict({flood: flood([10, 10, 10], [15, 20, 25])}, 'serve: key → frame beside')).toBe(true);
    expect(verdict({flood: flood([10, 10, 10], [15, 21, 25])}, 'serve: key → frame beside')).toBe(false);
    expect(verdict({flood: flood([10], [])}, 'serve: key → frame beside')).toBe(false);
  });

  it('holds a lockout attempt to 0 of the reader’s attempts failed, and fails one where nothing was tried', () => {
    expect(verdict({lockout: lockout(20, [])}, 'serve: lockout attempt')).toBe(true);
    expect(verdict({lockout: lockout(20, ['ssh: timed out'])}, 'serve: lockout attempt')).toBe(false);
    expect(verdict({lockout: lockout(0, [])}, 'serve: lockout attempt')).toBe(false);
  });
});

describe('the page target in the report', () => {
  const page = (br: number[], identity: number[]): Results['servePage'] => ({
    requests: br.length,
    ms: {br: {...sampled(br), p95: Math.max(...br)}, identity: {...sampled(identity), p95: Math.max(...identity)}},
    bytes: {br: 2200, identity: 16800},
  });
  const verdicts = (servePage: Results['servePage']) => rows({...newResults(1), servePage}).filter((row) => row.what.startsWith('serve: GET / for a browser')).map((row) => [row.target, row.ok]);
  it('holds GET / for a browser to a median ≤ 5 ms, with brotli and without', () => {
    expect(verdicts(page([0.8, 0.9, 30], [1, 1.2, 2]))).toEqual([['median ≤ 5 ms', true], ['median ≤ 5 ms', true]]);
    expect(verdicts(page([0.8, 6, 7], [1, 1.2, 2]))).toEqual([['median ≤ 5 ms', false], ['median ≤ 5 ms', true]]);
    expect(verdicts(page([], []))).toEqual([['median ≤ 5 ms', false], ['median ≤ 5 ms', false]]);
  });
});
