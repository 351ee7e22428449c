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

export const MiB = (kib: number) => kib / 1024;
