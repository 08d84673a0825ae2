// The spread of scores over many runs: percentiles, shared by `quake-drill run --runs` and the dry run.

/** p-th percentile (0–100) by linear interpolation between the closest ranks (Hyndman–Fan type 7). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * (p / 100);
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface Distribution {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
  /** Overall score per seed, in seed order. */
  overall: number[];
}

export function distribution(scores: readonly number[]): Distribution {
  const sorted = [...scores].sort((x, y) => x - y);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    p5: r(percentile(sorted, 5)),
    p50: r(percentile(sorted, 50)),
    p95: r(percentile(sorted, 95)),
    mean: r(scores.reduce((s, x) => s + x, 0) / scores.length),
    min: sorted[0]!,
    max: sorted.at(-1)!,
    overall: [...scores],
  };
}
