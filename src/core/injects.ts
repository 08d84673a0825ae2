// Injects (注入信息) are delivered on time, or skipped when their contingency does not hold.
import type { Condition } from '../scenario/schema.ts';
import { bathLargestAftershock } from '../hazard/index.ts';
import { FACILITATOR } from './actors.ts';
import type { Ctx } from './context.ts';
import type { CheckedEvent } from './events.ts';
import { aftershock, isActive, reportIncident } from './incidents.ts';
import { injectDelivered } from './indexes.ts';
import type { Model } from './model.ts';
import type { InjectEdit, Message, World } from './world.ts';

export function holds(ctx: Ctx, c: Condition): boolean {
  const w = ctx.world;
  if ('expired' in c) return w.decisions[c.expired]?.outcome === 'expired';
  if ('chose' in c) return w.decisions[c.chose.decision]?.answer?.options?.includes(c.chose.option) ?? false;
  if ('uncontained' in c) return isActive(w.incidents[c.uncontained]);
  if ('occurred' in c) return w.injects[c.occurred]?.status === 'delivered';
  if ('all' in c) return c.all.every((x) => holds(ctx, x));
  if ('any' in c) return c.any.some((x) => holds(ctx, x));
  return !holds(ctx, c.not);
}

/**
 * Delivers an inject now. `force` (the facilitator, or a choice's effect) skips its condition. An
 * `edit` (the facilitator's, before sending) changes what the seats are told and who is told, never
 * what the inject does in the simulation: its incident and the decisions waiting for it are the script's.
 */
export function deliverInject(ctx: Ctx, id: string, force = false, edit?: InjectEdit): boolean {
  const w = ctx.world;
  const state = w.injects[id];
  const def = ctx.model.injects.get(id);
  if (!state || !def || state.status === 'delivered') return false;
  if (!force && def.when && !holds(ctx, def.when)) {
    state.status = 'skipped';
    return false;
  }
  state.status = 'delivered';
  state.clock = w.clock;
  state.scenarioMs = w.scenarioMs;
  injectDelivered(ctx, id);
  if (edit) {
    state.edit = { ...edit, ...(edit.to ? { to: [...edit.to] } : {}) };
    const text = { title: edit.title ?? def.title.zh, text: edit.narrative ?? def.narrative.zh, inject: id, question: def.question?.zh, expected: def.expected?.zh };
    for (const to of edit.to ?? def.to) sendInject(ctx, to, text);
  }
  if (def.incident) {
    reportIncident(ctx, def.incident.id);
    if (def.incident.kind === 'aftershock') aftershock(ctx, def.incident.magnitude ?? bathLargestAftershock(ctx.model.scenario.earthquake.magnitude));
  }
  return true;
}

/** Who receives an inject: the facilitator's edit if it named seats, else the script's. */
export function injectRecipients(model: Model, world: Readonly<World>, id: string): readonly string[] {
  return world.injects[id]?.edit?.to ?? model.injects.get(id)?.to ?? [];
}

/**
 * Whether an inject reaches a seat: addressed to it, or, for a unit, to one of its working groups
 * (what the seat's inbox shows, and what a server lets it read).
 */
export function injectReaches(model: Model, world: Readonly<World>, id: string, seat: string): boolean {
  const to = injectRecipients(model, world, id);
  return to.includes(seat) || (model.groupsOf.get(seat) ?? []).some((g) => to.includes(g));
}

type InjectText = Required<Pick<Message, 'title' | 'text' | 'inject'>> & Partial<Pick<Message, 'question' | 'expected'>>;

/** One seat's copy of an inject, in its inbox. */
function sendInject(ctx: Ctx, to: string, x: InjectText): void {
  const w = ctx.world;
  w.messages.push({
    seq: w.seq, clock: w.clock, kind: 'inject', from: FACILITATOR, to, title: x.title, text: x.text, inject: x.inject,
    ...(x.question !== undefined ? { question: x.question } : {}),
    ...(x.expected !== undefined ? { expected: x.expected } : {}),
  });
}

/** An inject the facilitator wrote during the drill: at once, to each seat named, as `live-<seq>`. */
export function deliverLiveInject(ctx: Ctx, e: CheckedEvent<'live-inject'>): void {
  const text = { title: e.title, text: e.text, inject: `live-${ctx.world.seq}`, question: e.question, expected: e.expected };
  for (const to of e.to) sendInject(ctx, to, text);
}

/** The first of `seats` the scenario does not have, worded, if any. */
export function unknownSeat(model: Model, seats: readonly string[] | undefined): string | undefined {
  const stranger = seats?.find((x) => !model.seats.has(x));
  return stranger === undefined ? undefined : `there is no seat '${stranger}'`;
}
