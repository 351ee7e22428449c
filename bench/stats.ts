/** Statistics over runs: min / median / max, and ratios of medians measured in the same run. */
export interface Stats {
  n: number;
  min: number;
  median: number;
  max: number;
}
export type Sampled = Stats & {samples: number[]};

export function stats(values: number[]): Stats {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return {n: 0, min: NaN, median: NaN, max: NaN};
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return {n: v.length, min: v[0]!, median, max: v[v.length - 1]!};
}

/** The statistics with the samples they came from, as results.json keeps them. */
export const sampled = (values: number[]): Sampled => ({...stats(values), samples: values});

export const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);

/** The median of per-round ratios (a[i] / b[i], measured next to each other). */
export function pairedRatio(a: number[], b: number[]): number {
  const r: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (Number.isFinite(a[i]) && Number.isFinite(b[i]) && b[i]! > 0) r.push(a[i]! / b[i]!);
  return stats(r).median;
}

/**
 * How far the ratio of two medians can be trusted: a bootstrap interval (each sample set drawn
 * again with replacement, `resamples` times, the ratio of medians taken each time; the central
 * `level` of those ratios). The draws come from a fixed seed, so one results.json always gives
 * the same interval. A target is met on the ratio itself; the interval says whether another run
 * of the same build could have said otherwise.
 */
export function ratioInterval(a: number[], b: number[], {level = 0.9, resamples = 2000, seed = 1} = {}): [number, number] {
  const x = a.filter(Number.isFinite);
  const y = b.filter(Number.isFinite);
  if (x.length === 0 || y.length === 0) return [NaN, NaN];
  // mulberry32: a small seeded generator (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c).
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const draw = (v: number[]) => stats(Array.from(v, () => v[Math.floor(random() * v.length)]!)).median;
  const ratios = Array.from({length: resamples}, () => ratio(draw(x), draw(y))).sort((p, q) => p - q);
  const tail = (1 - level) / 2;
  return [ratios[Math.floor(tail * (resamples - 1))]!, ratios[Math.ceil((1 - tail) * (resamples - 1))]!];
}

export const MiB = (kib: number) => kib / 1024;
