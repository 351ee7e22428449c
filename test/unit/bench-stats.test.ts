/**
 * The bench's statistics, its pure parts: the bootstrap interval the report prints beside a
 * spaced-key ratio, whose target (≤ 0.90× the one-box app) sits inside the run-to-run drift.
 */
import {describe, expect, it} from 'vitest';
import {rows} from '../../bench/report';
import {newResults} from '../../bench/results';
import {ratioInterval, sampled} from '../../bench/stats';

/** Samples around `centre` with a fixed spread (a seeded sequence, not Math.random). */
function around(centre: number, n: number, seed: number): number[] {
  let s = seed;
  return Array.from({length: n}, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return centre * (0.7 + 0.6 * (s / 2 ** 31));
  });
}

describe('ratioInterval', () => {
  it('holds the ratio of medians, and is one point when neither set varies', () => {
    expect(ratioInterval([2, 2, 2], [1, 1, 1, 1])).toEqual([2, 2]);
    const a = around(3, 60, 7);
    const b = around(4, 60, 11);
    const [low, high] = ratioInterval(a, b);
    const point = sampled(a).median / sampled(b).median;
    expect(low).toBeLessThanOrEqual(point);
    expect(high).toBeGreaterThanOrEqual(point);
    expect(low).toBeLessThan(high);
  });

  it('narrows as the samples grow', () => {
    const width = (n: number) => {
      const [low, high] = ratioInterval(around(3, n, 3), around(3, n, 5));
      return high - low;
    };
    expect(width(600)).toBeLessThan(width(60) / 2);
  });

  it('is the same for the same samples (a seeded draw), and wider at a higher level', () => {
    const a = around(3, 40, 1);
    const b = around(3, 40, 2);
    expect(ratioInterval(a, b)).toEqual(ratioInterval(a, b));
    const [low90, high90] = ratioInterval(a, b, {level: 0.9});
    const [low99, high99] = ratioInterval(a, b, {level: 0.99});
    expect(low99).toBeLessThanOrEqual(low90);
    expect(high99).toBeGreaterThanOrEqual(high90);
  });

  it('is NaN when a side has no finite sample', () => {
    expect(ratioInterval([], [1])).toEqual([NaN, NaN]);
    expect(ratioInterval([1], [NaN])).toEqual([NaN, NaN]);
  });
});

describe('the report of spaced keys', () => {
  it('prints the interval beside the ratio, and holds the target to the ratio itself', () => {
    const results = newResults(15);
    const ours = sampled(around(2.7, 150, 21));
    const box = sampled(around(3.2, 150, 22));
    results.latency = {
      pauseMs: 150,
      burstLength: 5,
      noChangeTimeoutMs: 600,
      capacity: {},
      spacedMs: {ours: {down: ours}, oneBox: {down: box}},
      spacedUntilLastOutputMs: {},
      backToBackMs: {},
      noChange: {},
    };
    const row = rows(results).find((r) => r.what === 'latency spaced ↓: kim-resume')!;
    const [low, high] = ratioInterval(ours.samples, box.samples);
    expect(row.ratio).toBe(`${(ours.median / box.median).toFixed(2)}× one-box (90%: ${low.toFixed(2)}–${high.toFixed(2)})`);
    expect(row.ok).toBe(ours.median / box.median <= 0.9);
  });
});
