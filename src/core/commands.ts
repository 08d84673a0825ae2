// One registry entry per command: who may send it, when it is refused (with the reason the seat
// sees), and what it does. The authority checks, then applies; a refusal is recorded too.
import type { Effect } from '../scenario/schema.ts';
import type { Ctx } from './context.ts';
import { applyEffect, setLevel } from './effects.ts';
import { deliverInject } from './injects.ts';
import { decisionMachine } from './machines/decision.machine.ts';
import { step } from './statechart.ts';
import { FACILITATOR, type DrillEvent } from './events.ts';
import type { DecisionState, Level } from './world.ts';

type EventOf<T extends DrillEvent['type']> = Extract<DrillEvent, { type: T }>;

export interface Command<T extends DrillEvent['type']> {
  /** Why `actor` may not send this now, or undefined when it may. */
  refuse(ctx: Ctx, actor: string, event: EventOf<T>): string | undefined;
  apply(ctx: Ctx, actor: string, event: EventOf<T>): void;
}

/** Exercise-flow commands are handled by the statechart; the registry only checks who sends them. */
export const FLOW = new Set(['brief', 'start', 'pause', 'resume', 'next-node', 'end']);

const facilitatorOnly = (actor: string) => (actor === FACILITATOR ? undefined : 'only the facilitator (导调) controls the drill');
const notRunning = (ctx: Ctx) => (ctx.world.mode === 'running' || ctx.world.mode === 'paused' ? undefined : `the drill is not under way (${ctx.world.mode})`);

/** Whom a seat may give orders to: the HQ its groups and counties, a group its own member units. */
export function mayOrder(ctx: Ctx, from: string, to: string): boolean {
  const m = ctx.model;
  if (from === m.hq) return m.membersOf.has(to) || m.counties.has(to);
  return m.membersOf.get(from)?.has(to) ?? false;
}

/** Reports flow up: a unit to its groups or the HQ, a group or county to the HQ. */
export function mayReport(ctx: Ctx, from: string, to: string): boolean {
  const m = ctx.model;
  if (m.units.has(from)) return to === m.hq || (m.groupsOf.get(from)?.includes(to) ?? false);
  return (m.membersOf.has(from) || m.counties.has(from)) && to === m.hq;
}

/**
 * What is wrong with an order's effect, if anything. Orders come from seats and from log files, so
 * the payload is checked like any input: the right fields, naming things the scenario has.
 */
export function effectProblem(ctx: Ctx, effect: unknown): string | undefined {
  if (!effect || typeof effect !== 'object') return 'an order needs an effect';
  const e = effect as Record<string, unknown>;
  const m = ctx.model;
  const id = (key: string, known: (x: string) => boolean, what: string) =>
    typeof e[key] !== 'string' ? `the effect needs "${key}": ${what}` : known(e[key] as string) ? undefined : `there is no ${what} '${e[key] as string}'`;
  const whole = (key: string, min: number, optional = false) =>
    optional && e[key] === undefined ? undefined : Number.isInteger(e[key]) && (e[key] as number) >= min ? undefined : `"${key}" must be a whole number ≥ ${min}`;
  switch (e.do) {
    case 'activate-group': return id('group', (x) => m.membersOf.has(x), 'working group');
    case 'dispatch': return id('team', (x) => m.teamTypes.has(x), 'team') ?? id('to', (x) => m.places.has(x), 'place or incident') ?? whole('count', 1, true);
    case 'contain': return id('incident', (x) => m.incidents.has(x), 'incident');
    case 'worsen': return id('incident', (x) => m.incidents.has(x), 'incident') ?? whole('by', 1);
    case 'restore': case 'open-shelter': return id('facility', (x) => m.facilities.has(x), 'facility');
    case 'evacuate': return id('place', (x) => m.places.has(x), 'place') ?? whole('people', 0);
    case 'close-route': case 'open-route': return id('route', (x) => m.routes.has(x), 'route');
    case 'notify': return Array.isArray(e.to) && e.to.length > 0 && e.to.every((x) => typeof x === 'string' && m.seats.has(x)) ? undefined : 'notify needs "to": a list of seats';
    case 'fire-inject': return id('inject', (x) => m.injects.has(x), 'inject');
    case 'set-level': return 'the response level is set with set-level, not by order';
    default: return `'${String(e.do)}' is not an effect an order can carry`;
  }
}

/** The units whose teams an order to `to` may move: the unit itself, or a group's members. */
function teamsReachable(ctx: Ctx, to: string, team: string): boolean {
  const owner = ctx.model.teamTypes.get(team)?.unit;
  return owner !== undefined && (owner === to || (ctx.model.membersOf.get(to)?.has(owner) ?? false));
}

function refuseAnswer(ctx: Ctx, actor: string, e: EventOf<'answer'>): string | undefined {
  const d = ctx.model.decisions.get(e.decision);
  const state = ctx.world.decisions[e.decision];
  if (!d || !state) return `there is no decision '${e.decision}'`;
  if (actor !== d.owner) return `decision '${e.decision}' belongs to ${d.owner}, not ${actor}`;
  if (state.status !== 'open') return `decision '${e.decision}' is not open (${state.status})`;
  const known = new Set(d.options.map((o) => o.id));
  const chosen = e.options ?? [];
  const unknown = chosen.find((o) => !known.has(o));
  if (unknown) return `decision '${e.decision}' has no option '${unknown}'`;
  if (d.kind === 'single' && chosen.length !== 1) return 'choose exactly one option';
  if (d.kind === 'multiple' && chosen.length === 0) return 'choose at least one option';
  if (d.kind === 'allocation') {
    const teams = new Set(d.allocate?.teams);
    const places = new Set(d.allocate?.places);
    const bad = (e.allocations ?? []).find((a) => !teams.has(a.team) || !places.has(a.to));
    if (bad) return `${bad.team} → ${bad.to} is not an allocation this decision offers`;
    if (!e.allocations?.length) return 'allocate at least one team';
  }
  return undefined;
}

function applyAnswer(ctx: Ctx, _actor: string, e: EventOf<'answer'>): void {
  const d = ctx.model.decisions.get(e.decision)!;
  const state = ctx.world.decisions[e.decision]!;
  state.status = step(decisionMachine, state.status, 'answer') as DecisionState['status'];
  state.answerClock = ctx.world.clock;
  state.answer = { ...(e.options ? { options: [...e.options] } : {}), ...(e.allocations ? { allocations: e.allocations.map((a) => ({ ...a })) } : {}) };
  state.outcome = 'answered';
  for (const o of d.options) if (e.options?.includes(o.id)) for (const effect of o.effects) applyEffect(ctx, effect, d.id);
  for (const a of e.allocations ?? []) applyEffect(ctx, { do: 'dispatch', team: a.team, to: a.to, count: 1 }, d.id);
  state.status = step(decisionMachine, state.status, 'score') as DecisionState['status'];
}

function refuseLevel(ctx: Ctx, actor: string, level: Level): string | undefined {
  const m = ctx.model;
  if (level === 'none') return actor === m.hq ? undefined : 'only the HQ ends the response';
  const def = m.scenario.responseLevels.find((l) => l.level === level);
  if (!def) return `the plan has no level ${level}`;
  const lead = def.lead;
  if (lead === 'province' || lead === 'state') return `level ${level} is led by the ${lead}; the city HQ reports and requests it`;
  if (actor !== lead) return `level ${level} is led by ${lead}, not ${actor}`;
  const c = def.criteria;
  const magnitude = m.scenario.earthquake.magnitude;
  const byMagnitude = (c.magnitudeMin === undefined || magnitude >= c.magnitudeMin) && (c.magnitudeMax === undefined || magnitude < c.magnitudeMax);
  return byMagnitude || c.magnitudeMin === undefined ? undefined : `level ${level} criteria not met: ${c.text.zh} (M${magnitude})`;
}

export const COMMANDS: { [T in DrillEvent['type']]?: Command<T> } = {
  'fire-inject': {
    refuse: (ctx, actor, e) => facilitatorOnly(actor) ?? notRunning(ctx) ?? (ctx.world.injects[e.inject] ? (ctx.world.injects[e.inject]!.status === 'delivered' ? `inject '${e.inject}' was already delivered` : undefined) : `there is no inject '${e.inject}'`),
    apply: (ctx, _actor, e) => void deliverInject(ctx, e.inject, true),
  },
  'extend-deadline': {
    refuse: (ctx, actor, e) =>
      facilitatorOnly(actor) ??
      (ctx.world.decisions[e.decision]?.status !== 'open' ? `decision '${e.decision}' is not open` : !(e.byMs > 0) ? 'extend by a positive time' : undefined),
    apply: (ctx, _actor, e) => {
      ctx.world.decisions[e.decision]!.deadlineClock! += e.byMs;
    },
  },
  'assign-seat': {
    refuse: (ctx, actor, e) => facilitatorOnly(actor) ?? (ctx.model.seats.has(e.seat) ? undefined : `there is no seat '${e.seat}'`),
    apply: (ctx, _actor, e) => {
      if (e.policy) ctx.world.seats[e.seat] = e.policy;
      else delete ctx.world.seats[e.seat];
    },
  },
  answer: { refuse: (ctx, actor, e) => notRunning(ctx) ?? refuseAnswer(ctx, actor, e), apply: applyAnswer },
  order: {
    refuse: (ctx, actor, e) => {
      if (!ctx.model.seats.has(actor)) return `'${actor}' is not a seat`;
      if (ctx.model.units.has(actor)) return 'a member unit cannot order other units; report to your working group or the HQ';
      if (!mayOrder(ctx, actor, e.to)) return `${actor} cannot give orders to ${e.to}: orders flow down the hierarchy`;
      const wrong = effectProblem(ctx, e.effect);
      if (wrong) return wrong;
      const effect = e.effect as Effect;
      if (effect.do === 'dispatch' && !teamsReachable(ctx, e.to, effect.team)) return `${e.to} has no team '${effect.team}' to send`;
      return notRunning(ctx);
    },
    apply: (ctx, actor, e) => {
      ctx.world.messages.push({ seq: ctx.world.seq, clock: ctx.world.clock, kind: 'order', from: actor, to: e.to, text: e.effect.do });
      applyEffect(ctx, e.effect.do === 'dispatch' ? { ...e.effect, count: e.effect.count ?? 1 } : e.effect, `order#${ctx.world.seq}`);
    },
  },
  report: {
    refuse: (ctx, actor, e) =>
      notRunning(ctx) ??
      (mayReport(ctx, actor, e.to) ? undefined
        : ctx.model.units.has(actor) ? `${actor} reports to its working group or the HQ, not to ${e.to}: reports flow up`
        : ctx.model.seats.has(actor) ? `${actor} reports to the HQ, not to ${e.to}: reports flow up`
        : `'${actor}' is not a seat`),
    apply: (ctx, actor, e) => void ctx.world.messages.push({ seq: ctx.world.seq, clock: ctx.world.clock, kind: 'report', from: actor, to: e.to, text: e.text }),
  },
  'set-level': {
    refuse: (ctx, actor, e) => notRunning(ctx) ?? refuseLevel(ctx, actor, e.level),
    apply: (ctx, actor, e) => setLevel(ctx, e.level, actor),
  },
};

export const refuseFlow = facilitatorOnly;
