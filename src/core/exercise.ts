// createExercise: the drill as a fold over its log. Every input goes through apply(): the clock is
// advanced to the entry's time (firing whatever is due), then the authority checks and applies it.
import { createActor, type Actor } from 'xstate';
import { AFTERSHOCK_PARAMETERS, drawAftershocks, randomStream, seedRandom } from '../hazard/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { COMMANDS, refuseRole, roleOf, type Command } from './commands.ts';
import { schedule, type Ctx } from './context.ts';
import { applyEffect } from './effects.ts';
import { FACILITATOR, parseCommand, timeProblem, typeName, type CheckedEvent, type CommandType, type DrillEvent, type LogEntry } from './events.ts';
import { aftershock, fireCascade, free, grow, resolve } from './incidents.ts';
import { opened } from './indexes.ts';
import { leftInNode } from './next-node.ts';
import { initialHierarchy, startHierarchy } from './hierarchy.ts';
import { deliverInject } from './injects.ts';
import { decisionMachine } from './machines/decision.machine.ts';
import { createExerciseMachine, type ExerciseEvent, type ExerciseMachine } from './machines/exercise.machine.ts';
import { buildModel, type Model } from './model.ts';
import { stateHash } from './hash.ts';
import { moved } from './statechart.ts';
import { arrive, depart } from './teams.ts';
import { nextDue, type Due } from './timers.ts';
import { scenarioAt } from './time.ts';
import type { Mode, Scheduled, World } from './world.ts';

const DAY = 86_400_000;
/** Aftershocks drawn from this magnitude up shake the simulation (M4 is felt widely and damages weak houses) [E]. */
const DRAWN_AFTERSHOCK_MIN = 4;
/** Drawn from T+1 h: earlier shocks are lost in the main shock's coda (SCIENCE.md §4 window). */
const AFTERSHOCKS_FROM_DAYS = 1 / 24;

/** The parts of the world that only ever grow: a checkpoint shares them and keeps their lengths. */
const HISTORY = ['rejections', 'messages', 'effects', 'levelChanges', 'aftershocks'] as const;
type History = Pick<World, (typeof HISTORY)[number]>;
type HistoryKey = keyof History;
/**
 * The histories that grow with the log (one message or effect per entry): a restored world joins
 * them to their shared prefix only when read, so a seek costs no copy of them. The fold only
 * appends to these, never reads them (it reads `levelChanges`, which is short and copied).
 */
const LAZY: ReadonlySet<HistoryKey> = new Set(['rejections', 'messages', 'effects']);
/** Shared history arrays and the length of each that belongs to a restored world. */
interface SharedHistory {
  arrays: History;
  lengths: Record<HistoryKey, number>;
}

export interface Checkpoint {
  seq: number;
  /** The world without its history, copied; records unchanged since the previous checkpoint are its copies, shared. */
  world: Omit<World, keyof History>;
  /** The history arrays, shared (their entries are never changed), and how long each was. */
  history: History;
  lengths: Record<keyof History, number>;
  exercise: unknown;
}

export interface Outcome {
  ok: boolean;
  reason?: string;
}

export interface Exercise {
  readonly model: Model;
  readonly world: Readonly<World>;
  readonly log: readonly LogEntry[];
  /** The exercise statechart's state path, e.g. 'running.node2' or 'paused'. */
  statePath(): string;
  hasTag(tag: string): boolean;
  /** Appends an input to the log and folds it in. A refusal is recorded, never thrown. */
  apply(input: Omit<LogEntry, 'seq'> & { seq?: number }): Outcome;
  /** Why `actor` may not send `event` now (what apply would answer at the world's time), appending and changing nothing. */
  refusal(actor: string, event: DrillEvent): string | undefined;
  /** Moves the clock to `t`, firing what is due, without an input (a live clock, or seeking). */
  advance(t: number): void;
  /** The log time of the next timer, while the drill runs. */
  nextDueT(): number | undefined;
  /** A checkpoint of the drill as it stands; records unchanged since `previous` share its copies. */
  checkpoint(previous?: Checkpoint): Checkpoint;
  hash(): string;
}

export interface ExerciseOptions {
  scenario: Scenario;
  seed: number;
  /** Start from a checkpoint (seek, restore) rather than from the beginning. */
  from?: Checkpoint;
  /**
   * The log the checkpoint was taken from (at least up to its seq), or without a checkpoint the log
   * about to be applied from the start. It is shared, not copied: the drill's log is its entries up
   * to the checkpoint, then the ones applied after it, copied only when an applied entry is not the
   * shared log's next one (a branch). Its owner must not change the entries already there.
   */
  log?: readonly LogEntry[];
}

export function createExercise(options: ExerciseOptions): Exercise {
  const model = buildModel(options.scenario);
  const machine = createExerciseMachine({ nodes: options.scenario.nodes });
  const restored = options.from ? restoreWorld(options.from) : undefined;
  const world = restored?.world ?? initialWorld(model, options.seed);
  const actor = createActor(machine, {
    systemId: 'exercise',
    ...(options.from ? { snapshot: options.from.exercise as never } : {}),
  }).start();
  // The log is shared up to the checkpoint, not copied: a seek replays from the same array.
  const log = options.log ?? [];
  return new Drill(model, world, actor, log, options.from ? indexAfter(log, options.from.seq) : 0, restored?.history);
}

/**
 * The world of a checkpoint, and its long histories still shared. The rest is copied (the fold
 * changes records in place); `levelChanges` and `aftershocks` are short and read by the fold, so
 * they are sliced; the long ones start empty in the world and are joined to their shared prefix
 * when the world is first read from outside the fold (Drill.world).
 */
function restoreWorld(cp: Checkpoint): { world: World; history: SharedHistory } {
  const world = copyData(cp.world) as World;
  for (const k of HISTORY) world[k] = LAZY.has(k) ? [] : (cp.history[k].slice(0, cp.lengths[k]) as never);
  return { world, history: { arrays: cp.history, lengths: cp.lengths } };
}

/** How many entries of `log` come up to and including `seq` (the log is in seq order: binary search). */
function indexAfter(log: readonly LogEntry[], seq: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log[mid]!.seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type Entities = Pick<World, 'injects' | 'decisions' | 'incidents' | 'teams'>;
const entityTemplates = new WeakMap<Model, Entities>();

/** A new drill's injects, decisions, incidents and teams: built once per scenario, copied per drill (entries are flat). */
function entitiesOf(model: Model): Entities {
  let template = entityTemplates.get(model);
  if (!template) {
    const s = model.scenario;
    template = {
      injects: Object.fromEntries(s.injects.map((x) => [x.id, { status: x.optional ? 'held' : 'scheduled' }])),
      decisions: Object.fromEntries(s.decisions.map((d) => [d.id, { status: 'pending' }])),
      incidents: Object.fromEntries(
        [...model.incidents].map(([id, i]) => [id, { status: 'latent', kind: i.kind, place: i.place, severity: i.severity, trapped: i.trapped ?? 0, displaced: i.displaced ?? 0, rescuedAlive: 0 }]),
      ),
      teams: Object.fromEntries(
        s.organisation.units.flatMap((u) => u.teams.flatMap((team) => Array.from({ length: team.count }, (_, k) => [`${team.id}#${k + 1}`, { unit: u.id, type: team.id, status: 'available' }]))),
      ),
    };
    entityTemplates.set(model, template);
  }
  return { injects: copyEntries(template.injects), decisions: copyEntries(template.decisions), incidents: copyEntries(template.incidents), teams: copyEntries(template.teams) };
}

function copyEntries<T extends object>(from: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  // Object.assign, not spread: V8 gives a spread copy a map outside the usual transitions, so every
  // field the fold adds later (a team's target, a decision's answer) took the slow path — half a run.
  for (const k of Object.keys(from)) out[k] = Object.assign({}, from[k]!);
  return out;
}

function initialWorld(model: Model, seed: number): World {
  const world: World = {
    t: 0, clock: 0, mode: 'setup', node: -1, nodeStartClock: 0, scenarioMs: 0,
    level: 'none', levelChanges: [], hierarchy: initialHierarchy(model),
    ...entitiesOf(model),
    sheltersOpen: {}, evacuated: 0, routesClosed: [], restored: {},
    queue: [], aftershocks: [], rng: seedRandom(seed), seats: {}, rejections: [], messages: [], effects: [], seq: 0,
    marks: {}, visibility: { scores: false, answers: false },
  };
  drawSequence(model, world);
  return world;
}

/** The seeded aftershock sequence of this drill, from T+1 h to the end of the last node. */
function drawSequence(model: Model, world: World): void {
  const eq = model.scenario.earthquake;
  const toDays = model.scenario.nodes.at(-1)!.span.to / DAY;
  if (toDays <= AFTERSHOCKS_FROM_DAYS) return;
  const rng = randomStream(world.rng);
  const drawn = drawAftershocks(
    { params: eq.aftershocks ?? AFTERSHOCK_PARAMETERS['rj1989-california'], mainMagnitude: eq.magnitude, minMagnitude: DRAWN_AFTERSHOCK_MIN, fromDays: AFTERSHOCKS_FROM_DAYS, toDays },
    rng.next,
  );
  world.rng = rng.state();
  drawn.forEach((a, i) => schedule(world, { atMs: Math.round(a.tDays * DAY), kind: 'aftershock', id: `aftershock-${i + 1}`, magnitude: Math.round(a.magnitude * 10) / 10 }));
}

/** A deep copy of plain data (the world is JSON-like: no cycles, no class instances); ~4× faster than structuredClone here. */
function copyData<T>(x: T): T {
  if (typeof x !== 'object' || x === null) return x;
  if (Array.isArray(x)) {
    const out = new Array<unknown>(x.length);
    for (let i = 0; i < x.length; i++) out[i] = copyData(x[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(x)) out[k] = copyData((x as Record<string, unknown>)[k]);
  return out as T;
}

/** Whether two pieces of plain data (JSON-like: no cycles, no class instances) hold the same. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.hasOwn(b, k) || !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/**
 * A copy of `value` that shares with `previous` (an earlier copy, never changed) every part that
 * still holds the same: a checkpoint after a few changes costs those changes, not a whole world.
 * Objects of records (teams, incidents, decisions…) are compared record by record.
 */
function copySharing<T>(value: T, previous: T): T {
  if (sameData(value, previous)) return previous;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof previous !== 'object' || previous === null || Array.isArray(previous)) return copyData(value);
  const out: Record<string, unknown> = {};
  const prev = previous as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) {
    const p = prev[k];
    out[k] = sameData(v, p) ? p : typeof v === 'object' && v !== null && !Array.isArray(v) && typeof p === 'object' && p !== null ? copySharing(v, p) : copyData(v);
  }
  return out as T;
}

/** What each kind of scenario-timed consequence does when it falls due. */
const SCHEDULED: Record<Scheduled['kind'], (ctx: Ctx, item: Scheduled) => void> = {
  cascade: (ctx, x) => fireCascade(ctx, x.id),
  depart: (ctx, x) => depart(ctx, x.id),
  arrival: (ctx, x) => arrive(ctx, x.id),
  rescue: (ctx, x) => free(ctx, x.id),
  aftershock: (ctx, x) => aftershock(ctx, x.magnitude ?? DRAWN_AFTERSHOCK_MIN),
  grow: (ctx, x) => grow(ctx, x.id),
  resolve: (ctx, x) => resolve(ctx, x.id),
};

class Drill implements Exercise {
  private readonly ctx: Ctx;
  /** The log's own entries, once it has any that are not the shared log's (or it was read past a shorter length). */
  private ownLog: LogEntry[] | undefined;
  /** Inside apply/advance: the fold sees the world as it is, its long histories holding only what it appended. */
  private folding = 0;
  /** The drill clock when the clock began to run towards a later t (null otherwise): a timer that ends the drill knows its log time from it. */
  private clockAtAdvance: number | null = null;
  constructor(
    readonly model: Model,
    readonly world: World,
    private readonly actor: Actor<ExerciseMachine>,
    private readonly sharedLog: readonly LogEntry[],
    private logLength: number,
    history?: SharedHistory,
  ) {
    this.ctx = { model, world };
    // A drill from the start owns its log from the start: the array it hands out is the one that grows.
    if (sharedLog.length === 0) this.ownLog = [];
    if (history) for (const k of LAZY) this.joinLater(k, history);
  }

  /**
   * A restored world's long history `k` stays its shared prefix until read: inside the fold the
   * property is what the fold appended since (the fold only appends to it); read from outside, it
   * becomes a plain array, prefix and appended entries, once.
   */
  private joinLater(k: HistoryKey, history: SharedHistory): void {
    const w = this.world;
    const tail = w[k] as unknown[];
    const plain = (value: unknown) => Object.defineProperty(w, k, { value, writable: true, enumerable: true, configurable: true });
    // Inside the fold it may only be appended to: a rule that read it would see the tail alone, so say so loudly.
    const push = (...xs: unknown[]) => tail.push(...xs);
    const appendOnly = new Proxy(tail, {
      get: (_, p) => {
        if (p === 'push') return push;
        throw new Error(`the fold read world.${k}.${String(p)} of a restored drill: the fold may only append to ${k} (exercise.ts, LAZY)`);
      },
    });
    Object.defineProperty(w, k, {
      enumerable: true,
      configurable: true,
      get: () => {
        if (this.folding) return appendOnly;
        const whole = history.arrays[k].slice(0, history.lengths[k]) as unknown[];
        for (const x of tail) whole.push(x);
        plain(whole);
        return whole;
      },
      set: plain,
    });
  }

  get log(): readonly LogEntry[] {
    if (this.ownLog) return this.ownLog;
    // The whole shared log is this drill's: hand it out as it is (a seek to its end, a replay).
    if (this.logLength === this.sharedLog.length) return this.sharedLog;
    return (this.ownLog = this.sharedLog.slice(0, this.logLength));
  }

  /** Records an applied entry: the shared log's next entry is taken as it is; anything else copies the log first. */
  private append(input: unknown, entry: LogEntry): void {
    if (!this.ownLog && this.sharedLog[this.logLength] === input) {
      this.logLength++;
      return;
    }
    (this.ownLog ??= this.sharedLog.slice(0, this.logLength)).push(entry);
  }

  apply(input: Omit<LogEntry, 'seq'> & { seq?: number }): Outcome {
    this.folding++;
    try {
      return this.applyEntry(input);
    } finally {
      this.folding--;
    }
  }

  advance(t: number): void {
    this.folding++;
    try {
      this.advanceClock(t);
    } finally {
      this.folding--;
    }
  }

  statePath(): string {
    const value = this.actor.getSnapshot().value;
    return typeof value === 'string' ? value : Object.entries(value).map(([k, v]) => `${k}.${String(v)}`)[0]!;
  }

  hasTag(tag: string): boolean {
    return this.actor.getSnapshot().hasTag(tag);
  }

  private applyEntry(input: Omit<LogEntry, 'seq'> & { seq?: number }): Outcome {
    const w = this.world;
    const seq = input.seq ?? w.seq + 1;
    const late = timeProblem(input.t);
    if (late) throw new RangeError(`log entry ${seq}: ${late}`);
    if (!Number.isSafeInteger(seq)) throw new RangeError(`log entry seq ${seq} is not a whole number`);
    if (seq <= w.seq) throw new RangeError(`log entry ${seq} comes after entry ${w.seq}: the log must be in order`);
    if (input.t < w.t) throw new RangeError(`log entry ${seq} is at t=${input.t}, before t=${w.t}: the log must be in time order`);
    const entry: LogEntry = { seq, t: input.t, actor: input.actor, event: input.event };
    this.append(input, entry);
    this.advance(entry.t);
    w.seq = seq;
    const reason = this.deliver(entry.actor, entry.event);
    if (reason) w.rejections.push({ seq, t: entry.t, actor: entry.actor, type: typeName(entry.event?.type), reason });
    // What the input made due at this very instant (a team on the spot, a decision after a jump).
    else this.fireDue(w.clock);
    return reason ? { ok: false, reason } : { ok: true };
  }

  refusal(actor: string, event: DrillEvent): string | undefined {
    this.folding++;
    try {
      const checked = this.check(actor, event);
      return 'reason' in checked ? checked.reason : undefined;
    } finally {
      this.folding--;
    }
  }

  /** The one check of an input (schema, sender's place, the command's rule, the statechart), changing nothing. */
  private check(actor: string, input: DrillEvent): { reason: string } | { event: CheckedEvent; command: Command<CommandType> } {
    const parsed = parseCommand(input);
    if (!parsed.ok) return { reason: parsed.reason };
    const event = parsed.event;
    const command = COMMANDS[event.type] as Command<CommandType>;
    const refused =
      refuseRole(event.type, roleOf(this.model, actor), actor) ??
      command.refuse(this.ctx, actor, event) ??
      (command.apply || this.actor.getSnapshot().can(event as ExerciseEvent) ? undefined : `cannot ${event.type} while ${this.statePath()}`);
    return refused ? { reason: refused } : { event, command };
  }

  private deliver(actor: string, input: DrillEvent): string | undefined {
    const checked = this.check(actor, input);
    if ('reason' in checked) return checked.reason;
    const { event, command } = checked;
    if (command.apply) command.apply(this.ctx, actor, event);
    else if (event.type === 'next-node') this.enterNextNode();
    else this.send(event as ExerciseEvent);
    return undefined;
  }

  /** Sends a flow event to the statechart and mirrors where it now is. */
  private send(event: ExerciseEvent): void {
    const before = this.world.mode;
    this.actor.send(event);
    const mode = this.statePath().split('.')[0] as Mode;
    this.world.mode = mode;
    // Ended by a timer on the way to a later t (the last node's end), the log time is where the clock stopped.
    if (mode === 'debrief' && before !== 'debrief') this.world.endT = this.world.t + (this.clockAtAdvance === null ? 0 : this.world.clock - this.clockAtAdvance);
    if (before !== 'running' && before !== 'paused' && mode === 'running') {
      startHierarchy(this.ctx);
      this.enterNode(0);
    }
  }

  private enterNode(index: number): void {
    const w = this.world;
    // What falls due between the nodes happens at its own time: a team that arrives in the gap
    // arrived then, not when the next node opens.
    const from = this.model.scenario.nodes[index]!.span.from;
    while (w.queue[0] && w.queue[0].atMs <= from) this.fireScheduled();
    w.node = index;
    w.nodeStartClock = w.clock;
    w.scenarioMs = Math.max(w.scenarioMs, from);
  }

  /** Leaving a node early plays out the rest of its script at once; then the next node opens. */
  private enterNextNode(): void {
    const rest = leftInNode(this.model, this.world);
    for (const id of rest.injects) deliverInject(this.ctx, id);
    for (const id of rest.decisions) {
      const d = this.model.decisions.get(id)!;
      if ('node' in d.opens && this.world.decisions[id]!.status === 'pending') this.open(id);
    }
    this.actor.send({ type: 'next-node' });
    this.enterNode(this.world.node + 1);
  }

  private advanceClock(t: number): void {
    const w = this.world;
    if (t < w.t) throw new RangeError(`cannot move the clock back from t=${w.t} to t=${t}`);
    if (w.mode === 'running') {
      const target = w.clock + (t - w.t);
      this.clockAtAdvance = w.clock;
      try {
        this.fireDue(target);
      } finally {
        this.clockAtAdvance = null;
      }
      // The drill may have ended itself on the way (the last node's end): its clock stopped there.
      if (w.mode === 'running') {
        w.clock = target;
        w.scenarioMs = scenarioAt(this.model, w, target);
      }
    }
    w.t = t;
  }

  /** Fires, in order, everything due up to drill time `target`. */
  private fireDue(target: number): void {
    const w = this.world;
    for (let due = nextDue(this.ctx); due && due.clock <= target; due = nextDue(this.ctx)) {
      w.clock = due.clock;
      // A scenario-timed item happens at its own time, not at the drill tick rounded up to reach it.
      w.scenarioMs = due.kind === 'scheduled' ? Math.max(w.scenarioMs, w.queue[0]!.atMs) : scenarioAt(this.model, w, due.clock);
      this.fire(due);
    }
  }

  nextDueT(): number | undefined {
    const due = nextDue(this.ctx);
    return due && this.world.t + (due.clock - this.world.clock);
  }

  private open(id: string): void {
    const d = this.model.decisions.get(id)!;
    const state = this.world.decisions[id]!;
    state.status = moved(decisionMachine, state.status, 'open');
    state.openClock = this.world.clock;
    state.openNode = this.world.node;
    state.deadlineClock = this.world.clock + d.deadline;
    opened(this.ctx, id);
  }

  private fire(due: Due): void {
    const ctx = this.ctx;
    switch (due.kind) {
      case 'deadline': {
        const state = this.world.decisions[due.id]!;
        state.status = moved(decisionMachine, state.status, 'expire');
        state.outcome = 'expired';
        for (const effect of this.model.decisions.get(due.id)!.expected.onExpiry) applyEffect(ctx, effect, `${due.id}:expired`);
        state.status = moved(decisionMachine, state.status, 'score');
        return;
      }
      case 'inject':
        deliverInject(ctx, due.id);
        return;
      case 'open':
        this.open(due.id);
        return;
      case 'scheduled':
        return this.fireScheduled();
      case 'node-end':
        // The last node's end is the drill's: it ends itself (推演结束) and goes to the debrief.
        if (this.world.node === this.model.scenario.nodes.length - 1) this.send({ type: 'end' });
        else this.enterNextNode();
        return;
    }
  }

  /** Fires the head of the scenario-time queue at its own time. */
  private fireScheduled(): void {
    const item = this.world.queue.shift()!;
    this.world.scenarioMs = Math.max(this.world.scenarioMs, item.atMs);
    SCHEDULED[item.kind](this.ctx, item);
  }

  checkpoint(previous?: Checkpoint): Checkpoint {
    const { rejections, messages, effects, levelChanges, aftershocks, ...rest } = this.world;
    const history: History = { rejections, messages, effects, levelChanges, aftershocks };
    const lengths = Object.fromEntries(HISTORY.map((k) => [k, history[k].length])) as Checkpoint['lengths'];
    const snapshot = this.actor.getPersistedSnapshot();
    const exercise = previous && sameData(snapshot, previous.exercise) ? previous.exercise : snapshot;
    return { seq: this.world.seq, world: previous ? copySharing(rest, previous.world) : copyData(rest), history, lengths, exercise };
  }

  hash(): string {
    return stateHash({ path: this.statePath(), world: this.world });
  }
}

export { FACILITATOR };
