// Replay and seek: the same fold as live play, from the start or from the nearest checkpoint.
import { createExercise, type Checkpoint, type Exercise, type LogEntry } from '../core/index.ts';
import type { Scenario } from '../scenario/schema.ts';

/** Folds a whole log, then lets the clock run to `until` (the record's end); the state equals the live one's then. */
export function replay(scenario: Scenario, seed: number, log: readonly LogEntry[], until?: number): Exercise {
  // The log is shared, not copied: the replay's log is the one given (until a branch appends to it).
  const ex = createExercise({ scenario, seed, log });
  for (const entry of log) ex.apply(entry);
  if (until !== undefined && until > ex.world.t) ex.advance(until);
  return ex;
}

/** Checkpoints every this much log time, built in one pass (DESIGN.md: FüSim's lesson). */
export const CHECKPOINT_EVERY_MS = 60_000;
/**
 * …and after this many entries, whatever their times: a burst in one minute (or a room reporting
 * through a pause) replays at most this many. A trade-off [E]: 250 honest entries fold in ≈ 2 ms of
 * CPU, and a 1M-entry log then needs ≈ 4,100 checkpoints, under 200 MB (test/bench/seek.ts).
 */
export const CHECKPOINT_EVERY_ENTRIES = 250;

interface Mark {
  t: number;
  /** How many log entries the checkpoint has applied. */
  index: number;
  checkpoint: Checkpoint;
}

/**
 * A recorded drill that can be scrubbed: a checkpoint every interval of log time in which the drill
 * clock moved or the drill changed mode, and after every `everyEntries` entries, so a seek replays
 * at most one interval of drill time and `everyEntries` entries, whatever the log's length. Each
 * checkpoint shares with the one before it what did not change; all share the log and the histories.
 */
export class Timeline {
  private readonly checkpoints: Mark[] = [];

  constructor(
    private readonly scenario: Scenario,
    private readonly seed: number,
    private readonly log: readonly LogEntry[],
    every = CHECKPOINT_EVERY_MS,
    everyEntries = CHECKPOINT_EVERY_ENTRIES,
  ) {
    const ex = createExercise({ scenario, seed, log });
    let last: Mark | undefined;
    let lastClock = 0;
    let lastMode = '';
    const take = (t: number, index: number) => {
      last = { t, index, checkpoint: ex.checkpoint(last?.checkpoint) };
      lastClock = ex.world.clock;
      lastMode = ex.world.mode;
      this.checkpoints.push(last);
    };
    let next = 0;
    let index = 0;
    const end = log.at(-1)?.t ?? 0;
    while (next <= end) {
      for (; index < log.length && log[index]!.t <= next; index++) {
        ex.apply(log[index]!);
        if (last && index + 1 - last.index >= everyEntries) take(ex.world.t, index + 1);
      }
      ex.advance(Math.max(next, ex.world.t));
      // Only when time did something since the last one: the drill's clock moved (timers may have
      // fired) or the drill started, paused, resumed or ended. Entries alone are bounded by count.
      if (!last || lastClock !== ex.world.clock || lastMode !== ex.world.mode) take(next, index);
      next += every;
      // Nothing moves while the drill is not running (paused overnight, not started, ended): skip to
      // the next entry's slot instead of visiting every interval.
      if (ex.world.mode !== 'running' && index < log.length) next = Math.max(next, Math.floor(log[index]!.t / every) * every);
    }
  }

  get length(): number {
    return this.checkpoints.length;
  }

  /** The drill as it stood at log time `t`: every entry up to `t` applied, the clock at `t`. */
  seek(t: number): Exercise {
    // The last checkpoint at or before t (of several at one time, the one with the most entries).
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.checkpoints[mid]!.t <= t) lo = mid;
      else hi = mid - 1;
    }
    const start = this.checkpoints[lo];
    const from = start && start.t <= t ? start : undefined;
    const ex = from
      ? createExercise({ scenario: this.scenario, seed: this.seed, from: from.checkpoint, log: this.log })
      : createExercise({ scenario: this.scenario, seed: this.seed });
    for (let i = from ? from.index : 0; i < this.log.length && this.log[i]!.t <= t; i++) ex.apply(this.log[i]!);
    // The checkpoint and every entry applied are at or before t (reading ex.world.t here would join its histories).
    ex.advance(Math.max(t, from?.t ?? 0));
    return ex;
  }
}
