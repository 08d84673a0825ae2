// Consequence: what the simulation shows about the things a decision was about, by its horizon.
//
// Definition (the same for answered and expired decisions — the world shows what happened either way):
// 1. The incidents a decision refers to are those its options and its expected answer name:
//    `dispatch` to an incident id, or to a place — then the incidents at that place the team can
//    handle (its capabilities against the incident's `needs`, as a team on scene does); `contain` /
//    `worsen` incident ids; an allocation's places (incident ids, or places as for dispatch, with
//    the capabilities of every team the allocation offers) and the expected allocations.
// 2. Each of those incidents that appeared scores: people trapped → expected number freed alive /
//    trapped (unrounded); otherwise 1 if contained (or resolved) and none of its cascades fired, 0.5
//    if contained but a cascade fired first (an incident it spawns appeared, or a worsen-cascade fell
//    due before it was contained), 0 if never contained. The consequence is their mean.
// 3. A decision whose incidents never appeared, or that refers to none (set-level, activate-group,
//    open-shelter, notify, restore …), scores the share of its expected answer's effects that this
//    decision's own answer brought about and that still hold at its horizon: the response level in
//    force then, the group active, the shelter open, the team it sent … An expired decision brought
//    nothing about, so another seat's action is never credited to it.
// 4. When the expected answer has no effects either, the consequence is the correctness.
// The horizon is the end of the node after the one the decision opened in (the drill's end for the
// last two): until the drill reaches it, or while its teams are still on their way, the score is
// provisional (暂定).
import type { World } from '../core/index.ts';
import type { Decision, Effect } from '../scenario/schema.ts';
import { expectedPeople } from './people.ts';
import { needsOf, type ScenarioIndex } from './scenario-index.ts';
import type { ConsequenceBasis, EffectConsequence, IncidentConsequence } from './types.ts';

const HOUR = 3_600_000;

/** The incidents a decision's options, expected answer and allocation refer to, in first-mention order. */
export function referredIncidents(ix: ScenarioIndex, d: Decision): string[] {
  let list = ix.referred.get(d.id);
  if (!list) ix.referred.set(d.id, (list = referredBy(ix, d)));
  return [...list];
}

function referredBy(ix: ScenarioIndex, d: Decision): string[] {
  const out = new Set<string>();
  const at = (place: string, capabilities: ReadonlySet<string>) => {
    if (ix.incidents.has(place)) return void out.add(place);
    for (const id of ix.incidentsAt.get(place) ?? []) if (needsOf(ix, id).some((n) => capabilities.has(n))) out.add(id);
  };
  const capabilitiesOf = (team: string) => ix.teamCapabilities.get(team) ?? new Set<string>();
  for (const e of d.options.flatMap((o) => o.effects)) {
    if (e.do === 'dispatch') at(e.to, capabilitiesOf(e.team));
    else if (e.do === 'contain' || e.do === 'worsen') out.add(e.incident);
  }
  for (const a of d.expected.allocations ?? []) at(a.to, capabilitiesOf(a.team));
  if (d.allocate) {
    const all = new Set(d.allocate.teams.flatMap((t) => [...capabilitiesOf(t)]));
    for (const place of d.allocate.places) at(place, all);
  }
  return [...out];
}

const isContained = (status: string) => status === 'contained' || status === 'resolved';

export function incidentConsequence(ix: ScenarioIndex, world: Readonly<World>, id: string): IncidentConsequence | undefined {
  const s = world.incidents[id];
  if (!s || s.status === 'latent' || s.appearedMs === undefined) return undefined;
  const contained = isContained(s.status);
  const containedMs = contained ? (s.containedMs ?? null) : null;
  const fired = [
    ...(ix.spawns.get(id) ?? []).filter((x) => world.incidents[x] && world.incidents[x]!.status !== 'latent'),
    ...(ix.worsens.get(id) ?? []).filter((c) => containedMs !== null && containedMs > s.appearedMs! + c.afterMs).map((c) => c.id),
  ];
  let value: number;
  let why: string;
  if (s.trapped > 0) {
    value = Math.min(1, s.rescuedAlive / s.trapped);
    why = s.rescuedMs === undefined
      ? `0 of ${s.trapped} trapped freed${s.firstTeamMs !== undefined ? ` yet (a team on scene since ${hours(s.firstTeamMs - s.appearedMs)} after it appeared)` : ''}`
      : `${expectedPeople(s.rescuedAlive)} of ${s.trapped} trapped freed alive (expected), ${hours(s.rescuedMs - s.appearedMs)} after they were trapped`;
  } else if (!contained) {
    value = 0;
    why = 'never contained';
  } else if (fired.length) {
    value = 0.5; // half credit [E]: the incident was handled, but too late to stop what followed
    why = `contained ${hours(containedMs! - s.appearedMs)} after it appeared, but ${fired.join(', ')} came first`;
  } else {
    value = 1;
    why = containedMs === null ? 'contained' : `contained ${hours(containedMs - s.appearedMs)} after it appeared, before any cascade`;
  }
  return { incident: id, kind: s.kind, place: s.place, trapped: s.trapped, rescuedAlive: s.rescuedAlive, appearedMs: s.appearedMs, containedMs, cascadesFired: fired, value, why };
}

const hours = (ms: number) => (ms < HOUR ? `${Math.round(ms / 60_000)} min` : `${(ms / HOUR).toFixed(1)} h`);

/** What a decision's own answer did, as recorded by the engine (effects, messages and teams it sent). */
export interface OwnDoing {
  effects: Set<string>;
  notified: Set<string>;
  teams: { type: string; target: string | undefined; status: string }[];
}

/**
 * What each source (a decision, its expiry, an order) did, read from the world in one pass: a score
 * looks every decision up here instead of rescanning the effects, messages and teams per decision.
 */
export function doingsBySource(world: Readonly<World>): ReadonlyMap<string, OwnDoing> {
  const by = new Map<string, OwnDoing>();
  const of = (source: string) => {
    let doing = by.get(source);
    if (!doing) by.set(source, (doing = { effects: new Set(), notified: new Set(), teams: [] }));
    return doing;
  };
  for (const x of world.effects) of(x.source).effects.add(x.effect);
  for (const m of world.messages) if (m.kind === 'notify') of(m.from).notified.add(m.to);
  for (const t of Object.values(world.teams)) if (t.source !== undefined) of(t.source).teams.push({ type: t.type, target: t.target, status: t.status });
  return by;
}

/**
 * Whether a working group stands activated in the command hierarchy: the states its statechart tags
 * `commands:<group>` (src/core/machines/hierarchy.machine.ts, ACTIVE_GROUP_STATES; scoring takes
 * only types from the engine, so the two names are written here).
 */
const groupActive = (world: Readonly<World>, group: string) => {
  const state = world.hierarchy.groups[group];
  return state === 'activated' || state === 'deployed';
};

/** A source that did nothing. */
export const NOTHING_DONE: OwnDoing = { effects: new Set(), notified: new Set(), teams: [] };

/** The response level in force at scenario time `ms`. */
export function levelAt(world: Readonly<World>, ms: number): string {
  let level = 'none';
  for (const c of world.levelChanges) if (c.scenarioMs <= ms) level = c.level;
  return level;
}

/**
 * How far one expected effect, brought about by the decision's own answer (`own`), holds at the
 * horizon (0–1), or undefined when it cannot be judged.
 */
export function effectHolds(world: Readonly<World>, e: Effect, own: OwnDoing, horizonMs: number, ix?: ScenarioIndex): EffectConsequence | undefined {
  const yes = (b: boolean) => (b ? 1 : 0);
  switch (e.do) {
    case 'set-level':
      return { effect: `set-level ${e.level}`, holds: yes(own.effects.has(`level ${e.level}`) && levelAt(world, horizonMs) === e.level) };
    case 'activate-group':
      return { effect: `activate-group ${e.group}`, holds: yes(own.effects.has(`activate ${e.group}`) && groupActive(world, e.group)) };
    case 'stand-down-group':
      return { effect: `stand-down-group ${e.group}`, holds: yes(own.effects.has(`stand down ${e.group}`) && !groupActive(world, e.group)) };
    case 'dispatch':
      return { effect: `dispatch ${e.team} → ${e.to}`, holds: yes(own.teams.some((t) => t.type === e.team && t.target === e.to && t.status !== 'available')) };
    case 'contain': {
      const s = world.incidents[e.incident];
      return !s || s.status === 'latent' ? undefined : { effect: `contain ${e.incident}`, holds: yes(isContained(s.status)) };
    }
    case 'worsen':
      return undefined;
    case 'restore':
      return { effect: `restore ${e.facility}`, holds: yes(own.effects.has(`restore ${e.facility}`)) };
    case 'open-shelter':
      return { effect: `open-shelter ${e.facility}`, holds: yes(own.effects.has(`open shelter ${e.facility}`) && world.sheltersOpen[e.facility] !== undefined) };
    case 'evacuate':
      return { effect: `evacuate ${e.place}`, holds: yes([...own.effects].some((x) => new RegExp(`^evacuate \\d+ from ${escape(e.place)}$`).test(x))) };
    case 'close-route':
      return { effect: `close-route ${e.route}`, holds: yes(own.effects.has(`close ${e.route}`) && world.routesClosed.includes(e.route)) };
    case 'open-route': {
      // The incidents on the road: from the scenario's index when given, else every incident.
      const on = ix ? (ix.incidentsAt.get(e.route) ?? []).map((id) => world.incidents[id]) : Object.values(world.incidents);
      const blocked = on.some((i) => i !== undefined && i.place === e.route && (i.status === 'reported' || i.status === 'escalating'));
      return { effect: `open-route ${e.route}`, holds: yes(own.effects.has(`open ${e.route}`) && !world.routesClosed.includes(e.route) && !blocked) };
    }
    case 'notify':
      return { effect: `notify ${e.to.join(', ')}`, holds: e.to.filter((to) => own.notified.has(to)).length / e.to.length };
    case 'fire-inject':
      return { effect: `fire-inject ${e.inject}`, holds: yes(world.injects[e.inject]?.status === 'delivered') };
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The effects of the answer the plan expects: its options' effects, or its allocations as dispatches. */
export function expectedEffects(d: Decision): Effect[] {
  if (d.kind === 'allocation') return (d.expected.allocations ?? []).map((a) => ({ do: 'dispatch', team: a.team, to: a.to, count: 1 }));
  const chosen = new Set(d.expected.options ?? []);
  return d.options.filter((o) => chosen.has(o.id)).flatMap((o) => o.effects);
}

/** What a consequence is judged on: the decision's horizon, the incidents it refers to, what its own answer did. */
export interface Judged {
  horizonMs: number;
  referred: readonly string[];
  own: OwnDoing;
}

export function consequenceOf(ix: ScenarioIndex, world: Readonly<World>, d: Decision, correctness: number, { horizonMs, referred, own }: Judged): { value: number; basis: ConsequenceBasis } {
  const incidents = referred.flatMap((id) => incidentConsequence(ix, world, id) ?? []);
  if (incidents.length) return { value: mean(incidents.map((i) => i.value)), basis: { method: 'incidents', incidents, effects: [] } };
  const effects = expectedEffects(d).flatMap((e) => effectHolds(world, e, own, horizonMs, ix) ?? []);
  if (effects.length) return { value: mean(effects.map((e) => e.holds)), basis: { method: 'effects', incidents: [], effects } };
  return { value: correctness, basis: { method: 'correctness', incidents: [], effects: [] } };
}

/** Scenario ms by which a decision's consequence is judged: the end of the node after the one it opened in. */
export function horizonOf(ix: ScenarioIndex, world: Readonly<World>, d: Decision): number {
  const nodes = ix.scenario.nodes;
  const opened = world.decisions[d.id]?.openNode ?? 0;
  return nodes[Math.min(opened + 1, nodes.length - 1)]!.span.to;
}

/**
 * Whether the consequence may still change: the drill has not reached the horizon, or the teams the
 * decision sent are still on their way, or people it is about still wait to be freed.
 */
export function isProvisional(world: Readonly<World>, { horizonMs, referred, own }: Judged): boolean {
  if (world.mode === 'debrief') return false;
  if (world.scenarioMs < horizonMs) return true;
  if (own.teams.some((t) => t.status === 'tasked' || t.status === 'en-route')) return true;
  return referred.some((id) => {
    const s = world.incidents[id];
    return s !== undefined && s.status !== 'latent' && s.trapped > 0 && s.rescuedMs === undefined;
  });
}

const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
