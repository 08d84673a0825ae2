const round = (x: number) => Math.round(x * 100) / 100;

/** Median, p95 and extremes of a list of milliseconds. */
export function stats(samples: number[]): { medianMs: number; p50Ms: number; p95Ms: number; minMs: number; maxMs: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { medianMs: round(at(0.5)), p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), minMs: round(s[0]!), maxMs: round(s.at(-1)!), n: s.length };
}
