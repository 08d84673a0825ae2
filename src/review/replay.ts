// Replay and seek: the same fold as live play, from the start or from the nearest checkpoint.
import { createExercise, type Checkpoint, type Exercise, type LogEntry } from '../core/index.ts';
import type { Scenario } from '../scenario/schema.ts';

/** Folds a whole log, then lets the clock run to `until` (the record's end); the state equals the live one's then. */
export function replay(scenario: Scenario, seed: number, log: readonly LogEntry[], until?: number): Exercise {
  const ex = createExercise({ scenario, seed });
  for (const entry of log) ex.apply(entry);
  if (until !== undefined && until > ex.world.t) ex.advance(until);
  return ex;
}

/** Checkpoints every this much log time, built in one pass (DESIGN.md: FüSim's lesson). */
export const CHECKPOINT_EVERY_MS = 60_000;

/**
 * A recorded drill that can be scrubbed: eager checkpoints at fixed intervals of log time, so a
 * seek replays at most one interval's entries.
 */
export class Timeline {
  private readonly checkpoints: { t: number; index: number; checkpoint: Checkpoint }[] = [];

  constructor(
    private readonly scenario: Scenario,
    private readonly seed: number,
    private readonly log: readonly LogEntry[],
    every = CHECKPOINT_EVERY_MS,
  ) {
    const ex = createExercise({ scenario, seed });
    let next = 0;
    let index = 0;
    const end = log.at(-1)?.t ?? 0;
    while (next <= end) {
      for (; index < log.length && log[index]!.t <= next; index++) ex.apply(log[index]!);
      ex.advance(Math.max(next, ex.world.t));
      this.checkpoints.push({ t: next, index, checkpoint: ex.checkpoint() });
      next += every;
      // Nothing moves while the drill is not running (paused overnight, not started, ended): skip to
      // the next entry's slot instead of copying the same world every interval.
      if (ex.world.mode !== 'running' && index < log.length) next = Math.max(next, Math.floor(log[index]!.t / every) * every);
    }
  }

  get length(): number {
    return this.checkpoints.length;
  }

  /** The drill as it stood at log time `t`: every entry up to `t` applied, the clock at `t`. */
  seek(t: number): Exercise {
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.checkpoints[mid]!.t <= t) lo = mid;
      else hi = mid - 1;
    }
    const start = this.checkpoints[lo];
    const ex = start && start.t <= t
      ? createExercise({ scenario: this.scenario, seed: this.seed, from: start.checkpoint, log: this.log })
      : createExercise({ scenario: this.scenario, seed: this.seed });
    for (let i = start && start.t <= t ? start.index : 0; i < this.log.length && this.log[i]!.t <= t; i++) ex.apply(this.log[i]!);
    ex.advance(Math.max(t, ex.world.t));
    return ex;
  }
}
