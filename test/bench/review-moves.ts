// The scrubber moves the review bench makes, the same in Node (review.bench.ts) and in Chromium
// (review-page.ts), so the two sets of figures are of one workload: jumps to moments drawn by a fixed
// LCG over the whole record, then a drag — sequential small steps forward from a drawn moment.
// Every moment is a whole second, as the scrubber's own steps are (views/review.ts).
import type { ReviewView } from '../../src/app/store.ts';

/** The views the page scrubs, in this order. */
export const SCRUBBED_VIEWS: readonly ReviewView[] = ['console', 'scoreboard', 'seat', 'map'];
/** Where the page fetches the log the bench serves it. */
export const LOG_URL = '/__review-bench.jsonl';

export interface ScrubMove {
  kind: 'random' | 'step';
  t: number;
}

export interface ScrubPlan {
  /** Unrecorded moves first: the first seek, scoring and render of a view compile and build what the rest reuse. */
  warmup: ScrubMove[];
  moves: ScrubMove[];
  /** The drag's step (ms): about one pixel of a 1,000-pixel scrubber. */
  stepMs: number;
}

// 100 recorded moves per view: enough for a p95, and the Chromium part (a big page painted per move) stays within minutes.
export const SCRUB_DEFAULTS = { random: 50, steps: 50, warmup: 5 };

const SECOND = 1_000;

/** Moments in [from, to), whole seconds, from the LCG of seek.ts (glibc's constants). */
function lcgMoments(n: number, from: number, to: number, seed: number): number[] {
  const out: number[] = [];
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push(Math.floor((from + (x / 2 ** 31) * (to - from)) / SECOND) * SECOND);
  }
  return out;
}

export function scrubPlan(endMs: number, { random = SCRUB_DEFAULTS.random, steps = SCRUB_DEFAULTS.steps, warmup = SCRUB_DEFAULTS.warmup } = {}): ScrubPlan {
  const stepMs = Math.max(SECOND, Math.round(endMs / 1_000 / SECOND) * SECOND);
  // The drag starts early enough to stay inside the record.
  const dragFrom = lcgMoments(1, 0, Math.max(SECOND, endMs - steps * stepMs), 4242)[0]!;
  return {
    warmup: lcgMoments(warmup, 0, endMs, 777).map((t) => ({ kind: 'random', t })),
    moves: [
      ...lcgMoments(random, 0, endMs, 12345).map((t): ScrubMove => ({ kind: 'random', t })),
      ...Array.from({ length: steps }, (_, i): ScrubMove => ({ kind: 'step', t: dragFrom + (i + 1) * stepMs })),
    ],
    stepMs,
  };
}
