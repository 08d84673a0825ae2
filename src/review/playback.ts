// Moving a replay's playhead: playing (each animation frame moves it on) and stepping entry by
// entry. At 60× one 16 ms frame is about a second of log time, so playing by plain addition would
// pass over an inject and a decision a fraction of a second apart and show neither: the playhead
// stops on every marker instead, each for at least a frame.
import type { LogEntry } from '../core/index.ts';

/**
 * The playhead after one frame: `advanceMs` of log time on from `t` (room time × speed), no
 * further than `end`, and never past the first of `stops` (marker times) after `t`, which it lands
 * on. From a stop the next frame moves on, so stops any distance apart are each shown.
 */
export function playStep(t: number, advanceMs: number, end: number, stops: readonly number[]): number {
  if (!(advanceMs > 0) || t >= end) return Math.min(t, end);
  let next = Math.min(t + advanceMs, end);
  for (const s of stops) if (s > t && s < next) next = s;
  return next;
}

/** The log time of the next entry after `t` (dir 1) or the last before it (dir −1); `t` itself when there is none. */
export function entryStep(log: readonly LogEntry[], t: number, dir: 1 | -1): number {
  // The log is in time order: the first entry after t, by binary search.
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  if (dir === 1) return log[lo]?.t ?? t;
  // Before the entries at t itself (lo counts every entry at or before t).
  for (let i = lo - 1; i >= 0; i--) if (log[i]!.t < t) return log[i]!.t;
  return t;
}
