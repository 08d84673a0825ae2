// Injects (注入信息) are delivered on time, or skipped when their contingency does not hold.
import type { Condition } from '../scenario/schema.ts';
import { bathLargestAftershock } from '../hazard/index.ts';
import type { Ctx } from './context.ts';
import { aftershock, isActive, reportIncident } from './incidents.ts';
import { injectDelivered } from './indexes.ts';

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

/** Delivers an inject now. `force` (the facilitator, or a choice's effect) skips its condition. */
export function deliverInject(ctx: Ctx, id: string, force = false): boolean {
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
  if (def.incident) {
    reportIncident(ctx, def.incident.id);
    if (def.incident.kind === 'aftershock') aftershock(ctx, def.incident.magnitude ?? bathLargestAftershock(ctx.model.scenario.earthquake.magnitude));
  }
  return true;
}
