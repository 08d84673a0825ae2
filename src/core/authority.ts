// The one authority for a drill: every input becomes a log entry stamped with the room clock, the
// bots answer for the seats assigned to them, listeners hear each entry. The browser's session and
// the server's room both wrap it, so a drill plays the same in a tab and on a server. The clock is the
// driver's (performance.now in the page, the room's clock on the server): no wall time in here.
import type { Scenario } from '../scenario/index.ts';
import { FACILITATOR } from './actors.ts';
import type { DrillEvent, LogEntry } from './events.ts';
import { createExercise, type Exercise, type Outcome } from './exercise.ts';
import { createBots, playUntil } from './run.ts';
import type { Policy } from './world.ts';

/** Milliseconds from some fixed origin (performance.now in the browser; a test's own clock). */
export type ClockSource = () => number;

export interface AuthorityOptions {
  scenario: Scenario;
  seed: number;
  clock: ClockSource;
  /** Drill time runs this many times faster than the room (a facilitator's fast-forward). */
  speed?: number;
  /** An earlier log to continue (a reload, an import, a server restart): it is replayed, then the drill is paused. */
  log?: readonly LogEntry[];
  /** The room time the earlier authority last saw, if later than its last entry. */
  lastSeenT?: number;
  /**
   * A read-only copy of a drill another authority writes: nothing is sent, no bot plays and the clock
   * does not run here; the writer's entries come in through follow().
   */
  readOnly?: boolean;
}

export interface Authority {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly exercise: Exercise;
  /** Room time now, ms since the drill was created. */
  now(): number;
  /** Sends an input at the current time; the outcome says whether the authority accepted it. */
  send(actor: string, event: DrillEvent): Outcome;
  facilitator(event: DrillEvent): Outcome;
  /** Moves the clock to now and lets the bots act; call it from the animation loop or a timer. */
  tick(): void;
  /** Seats played by bots, and their policy. */
  policyOf(seat: string): Policy | undefined;
  setSpeed(speed: number): void;
  readonly speed: number;
  /** Hears each new entry, and `undefined` when only the clock moved. */
  subscribe(listener: (entry?: LogEntry) => void): () => void;
  /** A read-only authority (AuthorityOptions.readOnly): sending is refused. */
  readonly readOnly: boolean;
  /**
   * A read-only authority's only way forward: the writer's entries after those it has, folded exactly as
   * they were logged there, then its clock at `t`. A writable one refuses (it has its own clock and bots).
   * False, with nothing applied, when an entry is stamped before the time this copy already shows (the
   * writer reloaded and resumed from its last heartbeat): a clock cannot go back, so the caller
   * rebuilds its copy from the writer's log.
   */
  follow(entries: readonly LogEntry[], t: number): boolean;
}

/** Why a read-only authority refuses an input (the reason in its Outcome). */
export const READ_ONLY = 'read-only';

export function createAuthority(options: AuthorityOptions): Authority {
  const exercise = createExercise({ scenario: options.scenario, seed: options.seed });
  for (const entry of options.log ?? []) exercise.apply(entry);
  const listeners = new Set<(entry?: LogEntry) => void>();
  const bots = createBots(`bots:${options.seed}:${exercise.log.length}`, (seat) => exercise.world.seats[seat]);
  let speed = options.speed ?? 1;
  // Room time = base + (clock − origin) × speed; rebased whenever the speed changes.
  let base = Math.max(exercise.world.t, options.lastSeenT ?? 0);
  let origin = options.clock();
  const readOnly = options.readOnly ?? false;
  const now = () => (readOnly ? exercise.world.t : Math.max(exercise.world.t, Math.floor(base + (options.clock() - origin) * speed)));
  const notify = (entry?: LogEntry) => listeners.forEach((l) => l(entry));

  const send = (actor: string, event: DrillEvent): Outcome => {
    if (readOnly) return { ok: false, reason: READ_ONLY };
    const outcome = exercise.apply({ t: now(), actor, event });
    notify(exercise.log.at(-1));
    return outcome;
  };

  // A drill that was running when its authority stopped comes back paused: nobody was there to play it.
  if (exercise.world.mode === 'running' && !readOnly) {
    exercise.apply({ t: base, actor: FACILITATOR, event: { type: 'pause' } });
  }

  return {
    scenario: options.scenario,
    seed: options.seed,
    exercise,
    now,
    send,
    facilitator: (event) => send(FACILITATOR, event),
    tick() {
      if (readOnly) return;
      const before = exercise.world.t;
      for (const entry of playUntil(exercise, now(), bots)) notify(entry);
      if (exercise.world.t > before) notify();
    },
    policyOf: (seat) => exercise.world.seats[seat],
    setSpeed(next) {
      base = now();
      origin = options.clock();
      speed = next;
    },
    get speed() {
      return speed;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readOnly,
    follow(entries, t) {
      if (!readOnly) throw new Error('only a read-only authority follows another');
      const next = entries.find((e) => e.seq > exercise.world.seq);
      if (next && next.t < exercise.world.t) return false;
      for (const entry of entries) {
        if (entry.seq <= exercise.world.seq) continue; // already here
        if (entry.seq !== exercise.world.seq + 1) throw new RangeError(`entry ${entry.seq} follows entry ${exercise.world.seq}: entries are missing`);
        exercise.apply(entry);
        notify(entry);
      }
      if (t > exercise.world.t) {
        exercise.advance(t);
        notify();
      }
      return true;
    },
  };
}
