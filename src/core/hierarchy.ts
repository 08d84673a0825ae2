// The command hierarchy (指挥体系) as the drill reads it: the world keeps the hierarchy statechart's
// state value as plain data (`world.hierarchy`); every move goes through the machine
// (src/core/machines/hierarchy.machine.ts), and the rules below read the machine's tags. The
// authority (commands.ts) and the interface ask the same functions: one rule, two readers.
//
// The rules, from the plan (《鞍山市地震应急预案》 and the scenario's responseLevels, whose `lead`
// says who leads each level):
//
// Who leads. Before any level, after the response ended, and at a level the province or the state
// leads (they are not seats at this table), the city HQ leads the drill's side of the response. At a
// level the plan gives to a county HQ (Level IV: 由县（市）区抗震救灾指挥部领导，市指挥部给予指导和
// 支持), that county HQ leads and the city HQ guides it.
//
// Orders (指令) go down, to those the sender commands:
// - the facilitator (导调) may address any seat;
// - the city HQ orders its working groups and the county HQs, except the county that leads: the
//   city HQ guides that one (指导, not 指挥), and coordinates with it instead;
// - a county HQ orders its own forces (township governments, militia, county services are not
//   seats: it addresses itself); while it leads, also the city's working groups, which the city HQ
//   sends to support it and which then work under its lead. Its region's state does not gate this:
//   the county government commands its own forces whether or not its HQ has convened;
// - a working group orders its own member units, and only once activated (activated or deployed):
//   a group on standby or stood down has no one at its desk;
// - a member unit orders no one.
//
// Reports (报告) and requests (请示) go up to whom the sender answers to:
// - a member unit to its working groups or the city HQ;
// - a working group to the city HQ, and to the county HQ that leads (it works under its lead);
// - a county HQ to the city HQ (the leading county too: it reports to and requests support from the
//   city HQ that guides it);
// - the city HQ reports to the province, which is not a seat: it has no one to report to here.
//
// Coordination (协调) goes sideways between peers, who command each other in nothing:
// - working groups and county HQs with each other (all stand directly under the city HQ; the
//   coordination group's own task is 协调各工作组和县（市）区指挥部);
// - member units that serve in a same working group;
// - the county HQ that leads and the city HQ that guides it.
import { getInitialSnapshot, getNextSnapshot } from 'xstate';
import type { Ctx } from './context.ts';
import { FACILITATOR } from './events.ts';
import { ACTIVE_GROUP_STATES, createHierarchyMachine, type HierarchyMachine } from './machines/hierarchy.machine.ts';
import type { Model } from './model.ts';
import type { GroupState, Hierarchy, HqMove, Level, ReportKind, World } from './world.ts';

interface Tables {
  machine: HierarchyMachine;
  initial: Hierarchy;
  /** Level state → the seat or body the plan names to lead it (`lead:` tag), and who guides it (`guide:` tag). */
  leads: Map<string, { lead: string; guide?: string }>;
}

const tables = new WeakMap<Model, Tables>();
/**
 * Moves already asked of the machine, by the very hierarchy object moved from: event → the next
 * hierarchy (frozen, shared), or null when the statechart has no such move. Every drill of a
 * scenario starts from one frozen initial hierarchy, so a replayed or re-run log finds each of its
 * moves here; a hierarchy restored from a checkpoint is a copy and asks again, once.
 */
const known = new WeakMap<Hierarchy, Map<string, Hierarchy | null>>();

function tablesOf(model: Model): Tables {
  let t = tables.get(model);
  if (!t) {
    const machine = createHierarchyMachine(model.scenario);
    const initial = deepFreeze(getInitialSnapshot(machine).value as unknown as Hierarchy);
    const at = (value: Hierarchy) => machine.resolveState({ value: value as never });
    const leads = new Map<string, { lead: string; guide?: string }>();
    for (const level of Object.keys(machine.config.states?.level?.states ?? {})) {
      const tags = [...at({ ...initial, level: level as Hierarchy['level'] }).tags];
      const tagged = (prefix: string) => tags.find((x) => x.startsWith(prefix))?.slice(prefix.length);
      const guide = tagged('guide:');
      leads.set(level, { lead: tagged('lead:') ?? model.hq, ...(guide ? { guide } : {}) });
    }
    tables.set(model, (t = { machine, initial, leads }));
  }
  return t;
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

/** A new drill's hierarchy: everything on standby, the HQ receiving the first report. Shared and frozen: moves replace it. */
export function initialHierarchy(model: Model): Hierarchy {
  return tablesOf(model).initial;
}

/**
 * The hierarchy after `event`, or undefined when the statechart has no such move from where it
 * stands: asked of XState (resolveState, can, getNextSnapshot) once per hierarchy and event.
 */
function next(model: Model, world: Readonly<World>, event: string): Hierarchy | undefined {
  const from = world.hierarchy;
  let moves = known.get(from);
  if (!moves) known.set(from, (moves = new Map()));
  let to = moves.get(event);
  if (to === undefined) {
    const machine = tablesOf(model).machine;
    const snapshot = machine.resolveState({ value: from as never });
    to = snapshot.can({ type: event }) ? deepFreeze(getNextSnapshot(machine, snapshot, { type: event }).value as unknown as Hierarchy) : null;
    moves.set(event, to);
  }
  return to ?? undefined;
}

/** Whether the statechart allows `event` from where the hierarchy stands. */
export function canMove(model: Model, world: Readonly<World>, event: string): boolean {
  return next(model, world, event) !== undefined;
}

/** Makes a move the authority has checked: the statechart not allowing it is a bug, said, never stored. */
export function move(ctx: Ctx, event: string): void {
  const to = next(ctx.model, ctx.world, event);
  if (!to) throw new Error(`the command hierarchy has no '${event}' from ${hierarchyPaths(ctx.world).join(', ')}`);
  ctx.world.hierarchy = to;
}

/** Makes a move if the statechart allows it (a scripted effect: activating a group already active is no move); says whether it moved. */
export function tryMove(ctx: Ctx, event: string): boolean {
  const to = next(ctx.model, ctx.world, event);
  if (to) ctx.world.hierarchy = to;
  return to !== undefined;
}

/** The drill has started: the county HQs activate (see the machine for why). */
export function startHierarchy(ctx: Ctx): void {
  tryMove(ctx, 'drill.start');
}

/** The state paths the hierarchy is in, e.g. ['hq.forwardPost', 'level.III', 'groups.g-rescue.deployed', 'counties.county-haicheng.activated']. */
export function hierarchyPaths(world: Readonly<World>): string[] {
  const h = world.hierarchy;
  return [
    `hq.${h.hq}`,
    `level.${h.level}`,
    ...Object.entries(h.groups).map(([id, s]) => `groups.${id}.${s}`),
    ...Object.entries(h.counties).map(([id, s]) => `counties.${id}.${s}`),
  ];
}

/** A working group's state, or undefined for an id that is no group. */
export function groupState(world: Readonly<World>, id: string): GroupState | undefined {
  return Object.hasOwn(world.hierarchy.groups, id) ? world.hierarchy.groups[id] : undefined;
}

/** Whether a working group stands activated (activated or deployed; the states the statechart tags `commands:<id>`): it commands its members, and its activation holds. */
export function groupActive(world: Readonly<World>, id: string): boolean {
  const state = groupState(world, id);
  return state !== undefined && ACTIVE_GROUP_STATES.has(state);
}

/** The seat that leads the response now (see the rules at the top). */
export function leadOf(model: Model, world: Readonly<World>): string {
  const lead = tablesOf(model).leads.get(world.hierarchy.level)?.lead;
  return lead !== undefined && model.seats.has(lead) ? lead : model.hq;
}

/** The seat that guides the one leading: the city HQ while a county HQ leads, else undefined. */
export function guideOf(model: Model, world: Readonly<World>): string | undefined {
  return tablesOf(model).leads.get(world.hierarchy.level)?.guide;
}

/** The county HQ leading now, if a county leads. */
function leadingCounty(model: Model, world: Readonly<World>): string | undefined {
  const lead = leadOf(model, world);
  return model.counties.has(lead) ? lead : undefined;
}

const levelWords = (world: Readonly<World>) => `level ${world.hierarchy.level}`;

const GROUP_WORDS: Record<GroupState, string> = { standby: 'on standby', activated: 'activated', deployed: 'deployed', stoodDown: 'stood down' };

/** Why `from` may not give an order to `to` now, or undefined when it may. */
export function refuseOrder(model: Model, world: Readonly<World>, from: string, to: string): string | undefined {
  if (!model.seats.has(to)) return `there is no seat '${to}'`;
  if (from === FACILITATOR) return undefined;
  const down = `${from} cannot give orders to ${to}: orders flow down the hierarchy`;
  const county = leadingCounty(model, world);
  if (from === model.hq) {
    if (to === county) return `at ${levelWords(world)} ${county} leads the response and the city HQ guides it: coordinate with it (协调) rather than order it`;
    return model.membersOf.has(to) || model.counties.has(to) ? undefined : down;
  }
  if (model.counties.has(from)) {
    if (to === from) return undefined;
    if (from === county && model.membersOf.has(to)) return undefined;
    return model.membersOf.has(to) ? `${from} orders the city's working groups only while it leads the response; now ${leadOf(model, world)} leads` : down;
  }
  const members = model.membersOf.get(from);
  if (members?.has(to) && !groupActive(world, from)) return `${from} is ${GROUP_WORDS[groupState(world, from)!]}: a working group commands its members once the HQ activates it`;
  return members?.has(to) ? undefined : down;
}

export function mayOrder(model: Model, world: Readonly<World>, from: string, to: string): boolean {
  return refuseOrder(model, world, from, to) === undefined;
}

/** Whom `from` may give orders to now, in the organisation's order. */
export function orderTargets(model: Model, world: Readonly<World>, from: string): string[] {
  return [...model.seats].filter((to) => mayOrder(model, world, from, to));
}

/** Whom `from` reports and makes requests to (上级). */
function superiorsOf(model: Model, world: Readonly<World>, from: string): string[] {
  if (model.units.has(from)) return [...(model.groupsOf.get(from) ?? []), model.hq];
  const county = leadingCounty(model, world);
  if (model.membersOf.has(from)) return county ? [model.hq, county] : [model.hq];
  if (model.counties.has(from)) return [model.hq];
  return [];
}

/** Whether `a` and `b` are peers who coordinate (协调) with each other. */
function peers(model: Model, world: Readonly<World>, a: string, b: string): boolean {
  if (a === b) return false;
  const top = (x: string) => model.membersOf.has(x) || model.counties.has(x);
  if (top(a) && top(b)) return true;
  if (model.units.has(a) && model.units.has(b)) return model.groupsOf.get(a)?.some((g) => model.membersOf.get(g)!.has(b)) ?? false;
  const county = leadingCounty(model, world);
  return county !== undefined && ((a === county && b === model.hq) || (a === model.hq && b === county));
}

/** Why `from` may not send a report of `kind` to `to` now, or undefined when it may. */
export function refuseReport(model: Model, world: Readonly<World>, from: string, to: string, kind: ReportKind = 'report'): string | undefined {
  if (!model.seats.has(to)) return `there is no seat '${to}'`;
  if (kind === 'coordinate') return peers(model, world, from, to) ? undefined : `${from} and ${to} are not peers: coordination (协调) goes sideways, between working groups and county HQs, between units of a same group, or between the county HQ that leads and the city HQ that guides it`;
  const up = superiorsOf(model, world, from);
  if (up.includes(to)) return undefined;
  if (from === model.hq) return `the city HQ reports to the province, which is not a seat in this drill`;
  if (model.units.has(from)) return `${from} reports to its working group or the HQ, not to ${to}: reports flow up`;
  return up.length > 1 ? `${from} reports to the HQ or to ${up[1]}, which leads at ${levelWords(world)}, not to ${to}: reports flow up` : `${from} reports to the HQ, not to ${to}: reports flow up`;
}

export function mayReport(model: Model, world: Readonly<World>, from: string, to: string, kind: ReportKind = 'report'): boolean {
  return refuseReport(model, world, from, to, kind) === undefined;
}

/** Whom `from` may send a report of `kind` to now, in the organisation's order. */
export function reportTargets(model: Model, world: Readonly<World>, from: string, kind: ReportKind = 'report'): string[] {
  return [...model.seats].filter((to) => mayReport(model, world, from, to, kind));
}

/** What the HQ may do from each of its states, for a refusal's words. */
const HQ_NEXT: Record<Hierarchy['hq'], string> = {
  receiving: 'it may consult or open',
  consulting: 'it may open',
  opened: 'it may set up a forward post or end',
  forwardPost: 'it may end',
  ended: 'a new response level reconvenes it',
};

/** Why the HQ may not make `move` now, or undefined when it may. */
export function refuseHqMove(model: Model, world: Readonly<World>, hqMove: HqMove): string | undefined {
  const h = world.hierarchy;
  if (hqMove === 'end' && h.level !== 'none' && h.level !== 'ended') return `the level ${h.level} response is still on: end it with set-level none (the one who leads it ends it)`;
  return canMove(model, world, `hq.${hqMove}`) ? undefined : `the HQ cannot ${hqMove} while ${h.hq}: ${HQ_NEXT[h.hq]}`;
}

/**
 * Why `actor` may not move the response to `level` now, or undefined when the statechart and the
 * plan allow it: the level the plan defines and the hierarchy can reach, set by the one the plan
 * names to lead it; a response ended by the seat leading it now (leadOf). (The criteria are the caller's.)
 */
export function refuseLevelMove(model: Model, world: Readonly<World>, actor: string, level: Level): string | undefined {
  const t = tablesOf(model);
  const now = world.hierarchy.level;
  if (level === 'none') {
    // The level region is asked, not the machine: other regions (the county HQs) take level.none too.
    if (now === 'none' || now === 'ended') return 'there is no response to end';
    // At a level the province or the state leads, the city HQ leads the drill's side and ends it here.
    const lead = leadOf(model, world);
    return actor === lead ? undefined : `${lead} leads the level ${now} response: it ends it, not ${actor}`;
  }
  if (!t.leads.has(level)) return `the plan has no level ${level}`;
  if (now === level) return `the response is already at level ${level}`;
  const lead = t.leads.get(level)!.lead;
  if (!model.seats.has(lead)) return `level ${level} is led by the ${lead}; the city HQ reports and requests it`;
  if (actor !== lead) return `level ${level} is led by ${lead}, not ${actor}`;
  return canMove(model, world, `level.${level}`) ? undefined : `the response cannot move to level ${level} from ${now}`;
}

/** Why the hierarchy refuses to activate or stand down `group` now (an order's effect), or undefined. */
export function refuseGroupMove(model: Model, world: Readonly<World>, group: string, to: 'activate' | 'standDown'): string | undefined {
  if (canMove(model, world, `${group}.${to}`)) return undefined;
  const state = GROUP_WORDS[groupState(world, group)!];
  return to === 'activate' ? `${group} is already ${state}` : `${group} is ${state}: only an activated group stands down`;
}

/** A group that sent its members out (its order or its decision dispatched them) is deployed, if it stood activated. */
export function deployGroup(ctx: Ctx, group: string): void {
  if (groupState(ctx.world, group) === 'activated') move(ctx, `${group}.deploy`);
}
