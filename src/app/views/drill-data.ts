// What the drill screens read from the scenario and the world, as plain data: names of seats,
// teams and places, who was told what, the figures of the big screen, and when each log entry
// happened in drill time. Pure functions, no DOM, so they are cheap to test and to call per frame.
import type { Decision, Inject, Scenario, Text } from '../../scenario/index.ts';
import { FACILITATOR, injectReaches, type LogEntry, type Model, type World } from '../../core/index.ts';
import { kindsFigures, shows } from '../../scenario/outcomes.ts';
import { hoursWithout } from '../../scoring/outcomes.ts';

export type SeatKind = 'hq' | 'group' | 'unit' | 'county';

export interface SeatInfo {
  id: string;
  kind: SeatKind;
  name: Text;
  /** The seat at the table (参演席位), for units and counties. */
  seat?: Text;
}

/** Every playing seat, in the order of the organisation: the HQ, groups, units, counties. */
export function seatsOf(scenario: Scenario): SeatInfo[] {
  const org = scenario.organisation;
  return [
    { id: org.hq.id, kind: 'hq' as const, name: org.hq.name },
    ...org.groups.map((g) => ({ id: g.id, kind: 'group' as const, name: g.name })),
    ...org.units.map((u) => ({ id: u.id, kind: 'unit' as const, name: u.short ?? u.name, seat: u.seat })),
    ...org.counties.map((c) => ({ id: c.id, kind: 'county' as const, name: c.name, seat: c.seat })),
  ];
}

const seatCache = new WeakMap<Scenario, Map<string, SeatInfo>>();
export function seatInfo(scenario: Scenario, id: string): SeatInfo | undefined {
  let map = seatCache.get(scenario);
  if (!map) seatCache.set(scenario, (map = new Map(seatsOf(scenario).map((s) => [s.id, s]))));
  return map.get(id);
}

/** A seat's name as scenario text; undefined for the facilitator, the system or an unknown id. */
export const seatText = (scenario: Scenario, id: string): Text | undefined => seatInfo(scenario, id)?.name;

export const isFacilitator = (actor: string) => actor === FACILITATOR;

/** A settlement, facility, route or incident by id, as scenario text. */
export function placeText(model: Model, id: string): Text | undefined {
  const r = model.scenario.region;
  return (
    r.settlements.find((s) => s.id === id)?.name ??
    r.facilities.find((f) => f.id === id)?.name ??
    r.routes.find((x) => x.id === id)?.name ??
    model.incidents.get(id)?.name
  );
}

export const teamText = (model: Model, type: string): Text | undefined => model.teamTypes.get(type)?.team.name;

export const nodeText = (scenario: Scenario, index: number): Text | undefined => scenario.nodes[index]?.name;

/** Remaining drill time on an open decision (never below zero). */
export const remainingMs = (world: Readonly<World>, id: string): number => Math.max(0, (world.decisions[id]?.deadlineClock ?? 0) - world.clock);

/** Open and still answerable: once the drill has ended, a decision left open only waits for the debrief. */
export const isOpen = (world: Readonly<World>, id: string) => world.decisions[id]?.status === 'open' && world.mode !== 'debrief';

/** The decisions a seat owns, split the way its screen shows them. */
export function decisionsOf(scenario: Scenario, world: Readonly<World>, seat: string) {
  const mine = scenario.decisions.filter((d) => d.owner === seat);
  const status = (d: Decision) => world.decisions[d.id]?.status ?? 'pending';
  return {
    open: mine.filter((d) => isOpen(world, d.id)).sort((a, b) => remainingMs(world, a.id) - remainingMs(world, b.id)),
    done: mine
      .filter((d) => status(d) !== 'pending' && !isOpen(world, d.id))
      .sort((a, b) => (world.decisions[b.id]?.openClock ?? 0) - (world.decisions[a.id]?.openClock ?? 0)),
  };
}

/** Every open decision of the drill, soonest deadline first. */
export const openDecisions = (scenario: Scenario, world: Readonly<World>): Decision[] =>
  scenario.decisions.filter((d) => isOpen(world, d.id)).sort((a, b) => remainingMs(world, a.id) - remainingMs(world, b.id));

/** Whether an inject is addressed to a seat (the core's rule, shared with the server's views). */
export { injectReaches };

/** Injects delivered to a seat so far, latest first. */
export function injectsFor(model: Model, world: Readonly<World>, seat: string | null): Inject[] {
  return model.scenario.injects
    .filter((x) => world.injects[x.id]?.status === 'delivered' && (seat === null || injectReaches(model, world, x.id, seat)))
    .sort((a, b) => (world.injects[b.id]!.clock ?? 0) - (world.injects[a.id]!.clock ?? 0) || (a.id < b.id ? 1 : -1));
}

/** The teams a seat commands: a unit its own, a working group its member units', the HQ every team. */
export function teamTypesFor(model: Model, seat: string): { unit: string; type: string }[] {
  const units = model.units.has(seat) ? [seat] : model.membersOf.has(seat) ? [...model.membersOf.get(seat)!] : seat === model.hq ? [...model.units.keys()] : [];
  return units.flatMap((u) => (model.units.get(u)?.teams ?? []).map((team) => ({ unit: u, type: team.id })));
}

export const TEAM_STATUSES = ['available', 'tasked', 'en-route', 'on-scene', 'released'] as const;

/** The instances of a team type, by status, and where the busy ones are going. */
export function teamSummary(world: Readonly<World>, type: string) {
  const teams = Object.entries(world.teams).filter(([, t]) => t.type === type);
  const counts = Object.fromEntries(TEAM_STATUSES.map((s) => [s, teams.filter(([, t]) => t.status === s).length])) as Record<(typeof TEAM_STATUSES)[number], number>;
  // Tasked teams are mustering (mobilisation) before they leave: already bound for their target.
  const busy = teams.filter(([, t]) => t.target !== undefined && (t.status === 'tasked' || t.status === 'en-route' || t.status === 'on-scene'));
  return { total: teams.length, counts, busy: busy.map(([id, t]) => ({ id, status: t.status, target: t.target!, arriveMs: t.arriveMs })) };
}

/** The figures of the big screen and the scoreboard, read from the world as it is now. */
export interface Figures {
  /** Which of the scenario's outcome figures show (scenario/outcomes.ts); casualties, incidents and open decisions always do. */
  show: { trappedRescued: boolean; shelter: boolean };
  trapped: number;
  rescuedAlive: number;
  casualties: number;
  /** The scenario's hours-without figures so far, and how many places are without now. */
  hoursWithout: { label: Text; hours: number; withoutNow: number }[];
  shelterOpened: number;
  shelterNeeded: number;
  activeIncidents: number;
  openDecisions: number;
}

export function figuresOf(model: Model, world: Readonly<World>): Figures {
  const appeared = Object.entries(world.incidents).filter(([, i]) => i.status !== 'latent');
  const active = appeared.filter(([, i]) => i.status === 'reported' || i.status === 'escalating');
  const facility = (id: string) => model.scenario.region.facilities.find((f) => f.id === id);
  const facilityKind = (id: string) => facility(id)?.kind;
  return {
    show: { trappedRescued: shows(model.scenario, 'trapped-rescued'), shelter: shows(model.scenario, 'shelter') },
    trapped: appeared.reduce((a, [, i]) => a + i.trapped, 0),
    rescuedAlive: appeared.reduce((a, [, i]) => a + i.rescuedAlive, 0),
    casualties: appeared.reduce((a, [id]) => a + (model.incidents.get(id)?.casualties ?? 0), 0),
    hoursWithout: kindsFigures(model.scenario, 'hours-without').map((figure) => {
      const h = hoursWithout(figure, appeared, world.scenarioMs, facilityKind);
      return { label: figure.label, hours: h.hours, withoutNow: new Set(h.outages.filter((o) => !o.contained).map((o) => o.place)).size };
    }),
    shelterOpened: Object.keys(world.sheltersOpen).reduce((a, f) => a + (facility(f)?.capacity?.people ?? 0), 0),
    shelterNeeded: appeared.reduce((a, [, i]) => a + i.displaced, 0),
    activeIncidents: active.length,
    openDecisions: Object.keys(world.decisions).filter((id) => isOpen(world, id)).length,
  };
}

/** Where a log entry falls: the drill time it was made at, and the node current once it was applied. */
export interface EntryMark {
  clock: number;
  node: number;
  accepted: boolean;
  reason?: string;
}

/** Where the fold of entryMarks stands after an entry: what the next entry's mark follows from. */
interface MarkFold {
  running: boolean;
  clock: number;
  lastT: number;
  node: number;
  nodeStart: number;
}

const startFold = (): MarkFold => ({ running: false, clock: 0, lastT: 0, node: -1, nodeStart: 0 });

/**
 * Drill time and node of every log entry, from the log alone (so a loaded drill has them too): drill
 * time runs only between an accepted start/resume and the next pause/end; a node ends after its
 * length or at an accepted next-node — the same rules as the engine (src/core/exercise.ts, timers.ts).
 */
export function entryMarks(scenario: Scenario, log: readonly LogEntry[], rejections: World['rejections']): Map<number, EntryMark> {
  const marks = new Map<number, EntryMark>();
  foldMarks(scenario, log, 0, new Map(rejections.map((r) => [r.seq, r.reason])), startFold(), marks);
  return marks;
}

/** Marks log[from…] into `marks`, carrying `state` on. */
function foldMarks(scenario: Scenario, log: readonly LogEntry[], from: number, refused: ReadonlyMap<number, string>, state: MarkFold, marks: Map<number, EntryMark>): void {
  const nodes = scenario.nodes;
  const f = state;
  for (let i = from; i < log.length; i++) {
    const e = log[i]!;
    if (f.running) {
      f.clock += e.t - f.lastT;
      while (f.node >= 0 && f.node < nodes.length - 1 && f.clock >= f.nodeStart + nodes[f.node]!.length) {
        f.nodeStart += nodes[f.node]!.length;
        f.node++;
      }
    }
    f.lastT = e.t;
    const reason = refused.get(e.seq);
    if (reason === undefined) {
      const type = e.event?.type;
      if (type === 'start') {
        f.running = true;
        f.node = 0;
        f.nodeStart = f.clock;
      } else if (type === 'resume') f.running = true;
      else if (type === 'pause' || type === 'end') f.running = false;
      else if (type === 'next-node') {
        f.node++;
        f.nodeStart = f.clock;
      }
    }
    marks.set(e.seq, { clock: f.clock, node: f.node, accepted: reason === undefined, ...(reason !== undefined ? { reason } : {}) });
  }
}

/** The last marks made per scenario, with the log they were made for and its length then. */
const marked = new WeakMap<Scenario, { log: readonly LogEntry[]; length: number; state: MarkFold; marks: Map<number, EntryMark> }>();

/**
 * entryMarks for every render of a growing log or a replay's scrubbing, without refolding the whole
 * log each time: a log that extends the one marked last goes on from where it stopped, and a prefix of
 * it (a seek back) is answered by the same marks, which may then also hold marks of later entries. An
 * entry's mark depends only on the entries up to it and whether they were refused, and logs that
 * share entries share them as a prefix (a replay's seeks, a what-if's parent part), so whether the
 * last entry is the same object tells a prefix. `rejections` is read only when entries are folded:
 * a replayed world joins its history on the first read.
 */
export function logMarks(scenario: Scenario, log: readonly LogEntry[], rejections: () => World['rejections']): ReadonlyMap<number, EntryMark> {
  const n = log.length;
  const memo = marked.get(scenario);
  if (memo) {
    if (n <= memo.length && (n === 0 || log[n - 1] === memo.log[n - 1])) return memo.marks;
    if (memo.length > 0 && n > memo.length && log[memo.length - 1] === memo.log[memo.length - 1]) {
      const lastSeq = log[memo.length - 1]!.seq;
      const refused = new Map<number, string>();
      // Refusals are recorded in log order: only those of the new entries are read.
      const all = rejections();
      for (let i = all.length - 1; i >= 0 && all[i]!.seq > lastSeq; i--) refused.set(all[i]!.seq, all[i]!.reason);
      foldMarks(scenario, log, memo.length, refused, memo.state, memo.marks);
      marked.set(scenario, { ...memo, log, length: n });
      return memo.marks;
    }
  }
  const state = startFold();
  const marks = new Map<number, EntryMark>();
  foldMarks(scenario, log, 0, new Map(rejections().map((r) => [r.seq, r.reason])), state, marks);
  marked.set(scenario, { log, length: n, state, marks });
  return marks;
}

/** The seats an entry concerns: who sent it, whom it was sent to, whose decision or seat it is about. */
export function entryConcerns(model: Model, e: LogEntry): string[] {
  const ev = e.event as { type: string; to?: string; seat?: string; decision?: string };
  const who = [e.actor];
  if (typeof ev.to === 'string') who.push(ev.to);
  if (typeof ev.seat === 'string') who.push(ev.seat);
  if (typeof ev.decision === 'string') {
    const owner = model.decisions.get(ev.decision)?.owner;
    if (owner) who.push(owner);
  }
  return who;
}

export { LEVEL_NUMERAL } from '../../review/names.ts';

export { mediaUrl } from './media.ts';
