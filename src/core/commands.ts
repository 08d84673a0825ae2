// One registry entry per command: its schema (events.ts), who may send it, when it is refused (with
// the reason the seat sees), and what it does. The authority parses, checks, then applies; a refusal
// is recorded too.
import type { Effect } from '../scenario/schema.ts';
import { recordEffect, type Ctx } from './context.ts';
import { applyEffect, setLevel } from './effects.ts';
import { estimateLosses, meetsLevelCriteria } from './estimate.ts';
import { opened } from './indexes.ts';
import { refuseReopen, refuseVoid, reopenDecision, voidDecision } from './decisions.ts';
import { deliverInject, deliverLiveInject, unknownSeat } from './injects.ts';
import { applyPlot, applyUnplot, refusePlot, refuseUnplot } from './marks.ts';
import { decisionMachine } from './machines/decision.machine.ts';
import { copyAnswer, refuseKindAnswer } from '../scenario/decision-kinds.ts';
import { moved } from './statechart.ts';
import { deployGroup, move, refuseGroupMove, refuseHqMove, refuseLevelMove, refuseOrder, refuseReport } from './hierarchy.ts';
import { FACILITATOR, type CheckedEvent, type CommandType } from './events.ts';
import type { Model } from './model.ts';
import type { Level, Policy } from './world.ts';

/** A sender's place in the hierarchy; `none` is an actor the scenario does not know. */
export type Role = 'facilitator' | 'hq' | 'group' | 'county' | 'unit' | 'none';
export const ROLES: readonly Role[] = ['facilitator', 'hq', 'group', 'county', 'unit', 'none'];

export function roleOf(model: Model, actor: string): Role {
  if (actor === FACILITATOR) return 'facilitator';
  if (actor === model.hq) return 'hq';
  if (model.membersOf.has(actor)) return 'group';
  if (model.counties.has(actor)) return 'county';
  if (model.units.has(actor)) return 'unit';
  return 'none';
}

export interface Command<T extends CommandType> {
  /** Who may send it at all. */
  who: readonly Role[];
  /** Why `actor` may not send this now, or undefined when it may. */
  refuse(ctx: Ctx, actor: string, event: CheckedEvent<T>): string | undefined;
  /** Exercise-flow commands are applied by the statechart, so they have no `apply`. */
  apply?(ctx: Ctx, actor: string, event: CheckedEvent<T>): void;
}

const SEATS: readonly Role[] = ['hq', 'group', 'county', 'unit'];
const COMMANDERS: readonly Role[] = ['hq', 'group', 'county'];

/**
 * What an order may carry, by the sender's place: seats move their own people (dispatch, evacuate,
 * shelter, traffic control) and pass word; the HQ alone activates its groups. Outcomes — containing,
 * worsening, restoring, reopening a road, firing an inject — come from the facilitator (控制人员) or
 * from the simulation (a capable team on scene), never from a seat's say-so.
 */
export const ORDER_EFFECT_RIGHTS: Record<Effect['do'], readonly Role[]> = {
  dispatch: [...COMMANDERS, 'facilitator'],
  evacuate: [...COMMANDERS, 'facilitator'],
  notify: [...COMMANDERS, 'facilitator'],
  'open-shelter': [...COMMANDERS, 'facilitator'],
  'close-route': [...COMMANDERS, 'facilitator'],
  'activate-group': ['hq', 'facilitator'],
  'stand-down-group': ['hq', 'facilitator'],
  contain: ['facilitator'],
  worsen: ['facilitator'],
  restore: ['facilitator'],
  'open-route': ['facilitator'],
  'fire-inject': ['facilitator'],
  'set-level': [],
};

const notRunning = (ctx: Ctx) => (ctx.world.mode === 'running' || ctx.world.mode === 'paused' ? undefined : `the drill is not under way (${ctx.world.mode})`);

/** The county HQ responsible for a settlement or the settlement a facility stands in. */
function countyOf(m: Model, place: string): string | undefined {
  const settlement = m.settlements.get(place) ?? m.settlements.get(m.facilities.get(place)?.settlement ?? '');
  return settlement?.county;
}

/** People who live at a place: a settlement's residents, or those of the settlement a facility serves. */
function populationOf(m: Model, place: string): number {
  return (m.settlements.get(place) ?? m.settlements.get(m.facilities.get(place)?.settlement ?? ''))?.population ?? 0;
}

/**
 * What is wrong with an order's effect in this scenario, if anything: the names it uses, and the
 * numbers against what the scenario has. Its shape was checked by the schema already.
 */
export function effectProblem(ctx: Ctx, actor: string, e: Effect): string | undefined {
  const m = ctx.model;
  const role = roleOf(m, actor);
  if (!ORDER_EFFECT_RIGHTS[e.do].includes(role)) {
    return e.do === 'set-level' ? 'the response level is set with set-level, not by order'
      : ORDER_EFFECT_RIGHTS[e.do].includes('facilitator') && ORDER_EFFECT_RIGHTS[e.do].length === 1
        ? `'${e.do}' is an outcome, not an order: it comes from the facilitator or from a team on scene`
        : `${actor} may not order '${e.do}'`;
  }
  const known = (ok: boolean, what: string, x: string) => (ok ? undefined : `there is no ${what} '${x}'`);
  switch (e.do) {
    case 'activate-group': return known(m.membersOf.has(e.group), 'working group', e.group) ?? refuseGroupMove(m, ctx.world, e.group, 'activate');
    case 'stand-down-group': return known(m.membersOf.has(e.group), 'working group', e.group) ?? refuseGroupMove(m, ctx.world, e.group, 'standDown');
    case 'dispatch': {
      const type = m.teamTypes.get(e.team);
      if (!type) return `there is no team '${e.team}'`;
      if (!(m.settlements.has(e.to) || m.facilities.has(e.to) || m.incidents.has(e.to))) return `a team goes to a place or an incident, and '${e.to}' is neither`;
      return e.count > type.team.count ? `${type.unit} has ${type.team.count} team(s) of '${e.team}', not ${e.count}` : undefined;
    }
    case 'contain': case 'worsen': return known(m.incidents.has(e.incident), 'incident', e.incident);
    case 'restore': case 'open-shelter': return known(m.facilities.has(e.facility), 'facility', e.facility);
    case 'evacuate': {
      if (!(m.settlements.has(e.place) || m.facilities.has(e.place))) return `there is no settlement or facility '${e.place}'`;
      if (role === 'county' && countyOf(m, e.place) !== actor) return `${e.place} is not in ${actor}'s area`;
      const people = populationOf(m, e.place);
      return e.people > people ? `${e.place} has ${people} residents, not ${e.people}` : undefined;
    }
    case 'close-route': case 'open-route': return known(m.routes.has(e.route), 'route', e.route);
    case 'notify': {
      const stranger = e.to.find((x) => !m.seats.has(x));
      return stranger === undefined ? undefined : `there is no seat '${stranger}'`;
    }
    case 'fire-inject': return known(m.injects.has(e.inject), 'inject', e.inject);
    case 'set-level': return undefined;
  }
}

/** The units whose teams an order to `to` may move: the unit itself, or a group's members. */
function teamsReachable(ctx: Ctx, actor: string, to: string, team: string): boolean {
  const owner = ctx.model.teamTypes.get(team)?.unit;
  if (actor === FACILITATOR) return owner !== undefined;
  return owner !== undefined && (owner === to || (ctx.model.membersOf.get(to)?.has(owner) ?? false));
}

function refuseAnswer(ctx: Ctx, actor: string, e: CheckedEvent<'answer'>): string | undefined {
  const d = ctx.model.decisions.get(e.decision);
  if (!d) return `there is no decision '${e.decision}'`;
  const state = ctx.world.decisions[e.decision]!;
  if (actor !== d.owner && actor !== FACILITATOR) return `decision '${e.decision}' belongs to ${d.owner}, not ${actor}`;
  if (state.status !== 'open') return `decision '${e.decision}' is not open (${state.status})`;
  return refuseKindAnswer(d, e, (team) => ctx.model.teamTypes.get(team)?.team.count ?? 0);
}

function applyAnswer(ctx: Ctx, actor: string, e: CheckedEvent<'answer'>): void {
  const d = ctx.model.decisions.get(e.decision)!;
  const state = ctx.world.decisions[e.decision]!;
  state.status = moved(decisionMachine, state.status, 'answer');
  state.answerClock = ctx.world.clock;
  state.answer = copyAnswer(e);
  state.outcome = 'answered';
  state.answeredBy = actor === FACILITATOR ? { kind: 'facilitator' } : e.bot ? { kind: 'bot', policy: e.bot } : { kind: 'seat' };
  for (const o of d.options) if (e.options?.includes(o.id)) for (const effect of o.effects) applyEffect(ctx, effect, d.id);
  for (const a of e.allocations ?? []) applyEffect(ctx, { do: 'dispatch', team: a.team, to: a.to, count: 1 }, d.id);
  // A group's decision is its order: its members sent out, the group is deployed.
  if (ctx.model.membersOf.has(d.owner) && (e.allocations?.length || d.options.some((o) => e.options?.includes(o.id) && o.effects.some((x) => x.do === 'dispatch')))) deployGroup(ctx, d.owner);
  state.status = moved(decisionMachine, state.status, 'score');
}

function refuseLevel(ctx: Ctx, actor: string, level: Level): string | undefined {
  const m = ctx.model;
  const refused = refuseLevelMove(m, ctx.world, actor, level);
  if (refused || level === 'none') return refused;
  const def = m.scenario.responseLevels.find((l) => l.level === level)!;
  // The plan grades by deaths or by magnitude: either band may hold, the deaths being the hazard model's first estimate.
  const deaths = estimatedDeaths(m);
  return meetsLevelCriteria(m.scenario, level, deaths) ? undefined : `level ${level} criteria not met: ${def.criteria.text.zh} (M${m.scenario.earthquake.magnitude}, ≈${Math.round(deaths)} deaths estimated)`;
}

const deathsOf = new WeakMap<Model, number>();
/** The median-field death estimate at the scenario's origin time, computed once per scenario. */
function estimatedDeaths(m: Model): number {
  let deaths = deathsOf.get(m);
  if (deaths === undefined) deathsOf.set(m, (deaths = estimateLosses(m.scenario).total.deaths));
  return deaths;
}

/** A bot plays the seat (with this policy), or nobody does: a person, or no one. */
function assignSeat(ctx: Ctx, seat: string, policy: Policy | null): void {
  if (policy) ctx.world.seats[seat] = policy;
  else delete ctx.world.seats[seat];
}

const facilitatorOnly: readonly Role[] = ['facilitator'];
/** The exercise flow's rule is the statechart's (`can`); the registry says only who sends it. */
const flow = { who: facilitatorOnly, refuse: () => undefined };

export const COMMANDS: { [T in CommandType]: Command<T> } = {
  brief: flow,
  start: flow,
  pause: flow,
  resume: flow,
  'next-node': flow,
  end: flow,
  'fire-inject': {
    who: facilitatorOnly,
    refuse: (ctx, _actor, e) =>
      notRunning(ctx) ??
      (!ctx.model.injects.has(e.inject) ? `there is no inject '${e.inject}'` : ctx.world.injects[e.inject]!.status === 'delivered' ? `inject '${e.inject}' was already delivered` : unknownSeat(ctx.model, e.edit?.to)),
    apply: (ctx, _actor, e) => void deliverInject(ctx, e.inject, true, e.edit),
  },
  // Only while the drill is under way (running or paused): an inject is news in the drill's time.
  'live-inject': { who: facilitatorOnly, refuse: (ctx, _actor, e) => notRunning(ctx) ?? unknownSeat(ctx.model, e.to), apply: (ctx, _actor, e) => deliverLiveInject(ctx, e) },
  'void-decision': { who: facilitatorOnly, refuse: (ctx, _actor, e) => refuseVoid(ctx, e), apply: (ctx, _actor, e) => voidDecision(ctx, e) },
  'reopen-decision': { who: facilitatorOnly, refuse: (ctx, _actor, e) => refuseReopen(ctx, e), apply: (ctx, _actor, e) => reopenDecision(ctx, e) },
  'extend-deadline': {
    who: facilitatorOnly,
    refuse: (ctx, _actor, e) => (ctx.model.decisions.has(e.decision) && ctx.world.decisions[e.decision]!.status === 'open' ? undefined : `decision '${e.decision}' is not open`),
    apply: (ctx, _actor, e) => {
      ctx.world.decisions[e.decision]!.deadlineClock! += e.byMs;
      opened(ctx, e.decision);
    },
  },
  'assign-seat': {
    who: facilitatorOnly,
    refuse: (ctx, _actor, e) => (ctx.model.seats.has(e.seat) ? undefined : `there is no seat '${e.seat}'`),
    apply: (ctx, _actor, e) => assignSeat(ctx, e.seat, e.policy),
  },
  'assign-seats': {
    who: facilitatorOnly,
    refuse: (ctx, _actor, e) => unknownSeat(ctx.model, e.seats),
    apply: (ctx, _actor, e) => {
      for (const seat of e.seats) assignSeat(ctx, seat, e.policy);
    },
  },
  'set-visibility': { who: facilitatorOnly, refuse: () => undefined, apply: (ctx, _actor, e) => void (ctx.world.visibility = { scores: e.scores, answers: e.answers }) },
  plot: { who: [...COMMANDERS, 'facilitator'], refuse: (ctx, _actor, e) => notRunning(ctx) ?? refusePlot(e), apply: applyPlot },
  unplot: { who: [...COMMANDERS, 'facilitator'], refuse: (ctx, actor, e) => notRunning(ctx) ?? refuseUnplot(ctx, actor, e), apply: applyUnplot },
  answer: { who: [...SEATS, 'facilitator'], refuse: (ctx, actor, e) => notRunning(ctx) ?? refuseAnswer(ctx, actor, e), apply: applyAnswer },
  order: {
    who: [...COMMANDERS, 'facilitator'],
    refuse: (ctx, actor, e) => {
      if (!e.effect && e.text === undefined) return 'an order says what to do: give it an effect, a text, or both';
      const wrong = refuseOrder(ctx.model, ctx.world, actor, e.to) ?? (e.effect && effectProblem(ctx, actor, e.effect));
      if (wrong) return wrong;
      if (e.effect?.do === 'dispatch' && !teamsReachable(ctx, actor, e.to, e.effect.team)) return `${e.to} has no team '${e.effect.team}' to send`;
      return notRunning(ctx);
    },
    apply: (ctx, actor, e) => {
      const w = ctx.world;
      w.messages.push({ seq: w.seq, clock: w.clock, kind: 'order', from: actor, to: e.to, ...(e.text !== undefined ? { text: e.text } : {}), ...(e.effect ? { effect: e.effect.do } : {}) });
      if (!e.effect) return;
      applyEffect(ctx, e.effect, `order#${w.seq}`);
      // A group that sends its members out is deployed (an order it passes on moves no one itself).
      if (e.effect.do === 'dispatch' && ctx.model.membersOf.has(actor)) deployGroup(ctx, actor);
    },
  },
  report: {
    who: SEATS,
    refuse: (ctx, actor, e) => notRunning(ctx) ?? refuseReport(ctx.model, ctx.world, actor, e.to, e.kind),
    apply: (ctx, actor, e) => void ctx.world.messages.push({ seq: ctx.world.seq, clock: ctx.world.clock, kind: e.kind ?? 'report', from: actor, to: e.to, text: e.text }),
  },
  hq: {
    who: ['hq', 'facilitator'],
    refuse: (ctx, _actor, e) => notRunning(ctx) ?? refuseHqMove(ctx.model, ctx.world, e.move),
    apply: (ctx, actor, e) => {
      move(ctx, `hq.${e.move}`);
      recordEffect(ctx, actor, `hq ${e.move}`);
    },
  },
  'set-level': {
    who: ['hq', 'county'],
    refuse: (ctx, actor, e) => notRunning(ctx) ?? refuseLevel(ctx, actor, e.level),
    apply: (ctx, actor, e) => setLevel(ctx, e.level, actor),
  },
};

/** Why `role` may never send `type`, in the words the seat sees. */
export function refuseRole(type: CommandType, role: Role, actor: string): string | undefined {
  if (COMMANDS[type].who.includes(role)) return undefined;
  if (role === 'none') return `'${actor}' is not a seat`;
  if (COMMANDS[type].who === facilitatorOnly) return 'only the facilitator (导调) controls the drill';
  if (type === 'order' && role === 'unit') return 'a member unit cannot order other units; report to your working group or the HQ';
  if (type === 'set-level') return 'the response level is set by the HQ or the county HQ that leads it';
  if ((type === 'plot' || type === 'unplot') && role === 'unit') return `${actor} is a member unit: it reports what it sees to its working group or the HQ, who mark the command's map`;
  return `${actor} may not send '${type}'`;
}
