// A drill being played in this browser: the one authority for it. Every click becomes a log entry
// stamped with the room clock; the bots answer for the seats assigned to them; views subscribe.
import { createBots, createExercise, FACILITATOR, playUntil, type DrillEvent, type Exercise, type LogEntry, type Outcome, type Policy } from '../../core/index.ts';
import type { Scenario } from '../../scenario/index.ts';
import type { LogOrigin, ParentRef, Trust } from '../../review/log-file.ts';

/** Milliseconds from some fixed origin (performance.now in the browser; a test's own clock). */
export type ClockSource = () => number;

export interface SessionOptions {
  scenario: Scenario;
  /** Where the scenario came from, to name it in exports. */
  file: string;
  seed: number;
  clock: ClockSource;
  /** Drill time runs this many times faster than the room (a facilitator's fast-forward). */
  speed?: number;
  /** An earlier log to continue (a reload, an import): it is replayed, then the drill is paused. */
  log?: readonly LogEntry[];
  /** The room time the earlier session last saw, if later than its last entry. */
  lastSeenT?: number;
  /**
   * A read-only copy of a drill another tab writes (src/app/persist/connect.ts follows it): nothing is sent,
   * no bot plays and the clock does not run here; the other tab's entries come in through follow().
   */
  readOnly?: boolean;
  /** The drill's id, kept through reloads, takeovers and exports; default a new one (newDrillId). */
  drill?: string;
  /** The drill this one branched from. */
  parent?: ParentRef;
  /** When the drill was first created (ISO wall time); default now. */
  created?: string;
  /** How far its record can be trusted: a drill continued from a broken or unchained record stays marked so; default 'verified'. */
  trust?: Trust['kind'];
  /** The record that did not verify this drill continues (an untrusted import); its export carries it, sealed. */
  origin?: LogOrigin;
}

export interface Session {
  readonly scenario: Scenario;
  readonly file: string;
  readonly seed: number;
  readonly drill: string;
  readonly parent?: ParentRef;
  readonly created: string;
  readonly trust: Trust['kind'];
  readonly origin?: LogOrigin;
  readonly exercise: Exercise;
  /** Room time now, ms since the drill was created. */
  now(): number;
  /** Sends an input at the current time; the outcome says whether the authority accepted it. */
  send(actor: string, event: DrillEvent): Outcome;
  facilitator(event: DrillEvent): Outcome;
  /** Moves the clock to now and lets the bots act; call it from the animation loop. */
  tick(): void;
  /** Seats played by bots, and their policy. */
  policyOf(seat: string): Policy | undefined;
  setSpeed(speed: number): void;
  readonly speed: number;
  subscribe(listener: (entry?: LogEntry) => void): () => void;
  /** A read-only session (SessionOptions.readOnly): sending is refused. */
  readonly readOnly: boolean;
  /**
   * A read-only session's only way forward: the writer's entries after those it has, folded exactly as
   * they were logged there, then its clock at `t`. A writable session refuses (it has its own clock and bots).
   * False, with nothing applied, when an entry is stamped before the time this copy already shows (the
   * writer reloaded and resumed from its last heartbeat): a clock cannot go back, so the caller
   * rebuilds its copy from the writer's log.
   */
  follow(entries: readonly LogEntry[], t: number): boolean;
}

export function createSession(options: SessionOptions): Session {
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

  // A drill that was running when the tab closed comes back paused: nobody was there to play it.
  if (exercise.world.mode === 'running' && !readOnly) {
    exercise.apply({ t: base, actor: FACILITATOR, event: { type: 'pause' } });
  }

  return {
    scenario: options.scenario,
    file: options.file,
    seed: options.seed,
    drill: options.drill ?? newDrillId(options.scenario.meta.id),
    ...(options.parent ? { parent: options.parent } : {}),
    created: options.created ?? new Date().toISOString(),
    trust: options.origin?.trust ?? options.trust ?? 'verified',
    ...(options.origin ? { origin: options.origin } : {}),
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
      if (!readOnly) throw new Error('only a read-only session follows another tab');
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

/** Everything that names the drill beyond its scenario and seed: a copy of a session (a follower's, a reload's) passes it on. */
export const identityOf = (s: Session): Pick<SessionOptions, 'drill' | 'parent' | 'created' | 'trust' | 'origin'> => ({
  drill: s.drill,
  ...(s.parent ? { parent: s.parent } : {}),
  created: s.created,
  trust: s.trust,
  ...(s.origin ? { origin: s.origin } : {}),
});

/**
 * A new drill's id: the scenario's id and 12 random hex digits (48 bits), so two drills of one
 * scenario never share an id, and the id alone says which scenario it was.
 */
function newDrillId(scenarioId: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `${scenarioId}-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Why a read-only session refuses an input (the reason in its Outcome). */
export const READ_ONLY = 'read-only';
