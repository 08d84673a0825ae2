// Timeliness (响应时效): full credit up to the target, falling linearly to nothing at the deadline.
import type { Decision } from '../scenario/schema.ts';

/** Share of the deadline window that counts as on time when the scenario gives no target [E: the default scenario's targets are ≈ 0.4–0.6 of theirs; a quarter is strict]. */
export const DEFAULT_TARGET_SHARE = 0.25;

/** Drill ms after opening within which an answer earns full credit (the scenario's, capped at the window). */
export function targetOf(d: Decision, windowMs: number): number {
  return Math.min(d.target ?? DEFAULT_TARGET_SHARE * d.deadline, windowMs);
}

/**
 * 1 when answered within the target; then linear down to 0 at the deadline — the deadline as it
 * stood, extended or not, when the answer came.
 */
export function timelinessOf(d: Decision, openClock: number, answerClock: number, deadlineClock: number): number {
  const window = deadlineClock - openClock;
  const target = targetOf(d, window);
  const elapsed = answerClock - openClock;
  if (elapsed <= target) return 1;
  if (window <= target) return 0;
  return Math.min(1, Math.max(0, 1 - (elapsed - target) / (window - target)));
}
