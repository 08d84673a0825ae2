// Incidents: appear when reported, worsen by cascades and aftershocks, are contained by teams or
// decisions; people trapped are rescued alive by the survival curve at the time help arrives.
import { survivalAfterHours } from '../hazard/index.ts';
import { capabilitiesFor } from '../scenario/incident-kinds.ts';
import { schedule, type Ctx } from './context.ts';
import { incidentMachine } from './machines/incident.machine.ts';
import { step } from './statechart.ts';
import { HOUR } from './time.ts';
import type { IncidentState } from './world.ts';

/** A contained incident is worked for this long before it counts as resolved [E]. */
export const RESOLVE_AFTER_MS = 6 * HOUR;
/** Fires and leaks nobody attends to get one step worse this often [E]. */
export const GROWTH_EVERY_MS = 2 * HOUR;
const GROWS = new Set(['fire', 'gas-leak', 'chemical-leak']);

export const isActive = (i: IncidentState | undefined) => i?.status === 'reported' || i?.status === 'escalating';

export const needsOf = (ctx: Ctx, id: string): readonly string[] => capabilitiesFor(ctx.model.incidents.get(id));

/** The incident appears (or, if it is already there, gets worse) and its cascades are scheduled. */
export function reportIncident(ctx: Ctx, id: string): void {
  const w = ctx.world;
  const incident = w.incidents[id];
  if (!incident) return;
  if (incident.status !== 'latent') return worsen(ctx, id, 1);
  incident.status = step(incidentMachine, incident.status, 'report') as IncidentState['status'];
  incident.appearedMs = w.scenarioMs;
  for (const c of ctx.model.cascadesFrom.get(id) ?? []) schedule(w, { atMs: w.scenarioMs + c.after, kind: 'cascade', id: c.id });
  if (GROWS.has(incident.kind)) schedule(w, { atMs: w.scenarioMs + GROWTH_EVERY_MS, kind: 'grow', id });
  // A team already working there takes on what it can handle.
  const needs = needsOf(ctx, id);
  const here = Object.entries(w.teams).find(
    ([, t]) => t.status === 'on-scene' && (t.target === incident.place || ctx.model.incidents.get(t.target ?? '')?.place === incident.place) &&
      ctx.model.teamTypes.get(t.type)?.team.capabilities.some((c) => needs.includes(c)),
  );
  if (here) contain(ctx, id, here[0]);
}

/** An unattended fire or leak spreads: one step worse, and again later while nobody comes. */
export function grow(ctx: Ctx, id: string): void {
  const incident = ctx.world.incidents[id];
  if (!isActive(incident) || incident!.severity >= 5) return;
  worsen(ctx, id, 1);
  schedule(ctx.world, { atMs: ctx.world.scenarioMs + GROWTH_EVERY_MS, kind: 'grow', id });
}

export function worsen(ctx: Ctx, id: string, by: number): void {
  const incident = ctx.world.incidents[id];
  if (!incident || incident.status === 'latent' || incident.status === 'resolved') return;
  incident.status = step(incidentMachine, incident.status, 'worsen') as IncidentState['status'];
  incident.severity = Math.min(5, incident.severity + by);
  incident.containedMs = undefined;
  incident.containedBy = undefined;
}

export function contain(ctx: Ctx, id: string, by: string): void {
  const w = ctx.world;
  const incident = w.incidents[id];
  const next = incident && step(incidentMachine, incident.status, 'contain');
  if (!incident || !next) return;
  incident.status = next as IncidentState['status'];
  incident.containedMs = w.scenarioMs;
  incident.containedBy = by;
  if (incident.trapped > 0 && incident.firstTeamMs === undefined) {
    incident.firstTeamMs = w.scenarioMs;
    incident.rescuedAlive = Math.round(incident.trapped * survivalAfterHours(w.scenarioMs / HOUR));
  }
  schedule(w, { atMs: w.scenarioMs + RESOLVE_AFTER_MS, kind: 'resolve', id });
}

export function resolve(ctx: Ctx, id: string): void {
  const incident = ctx.world.incidents[id];
  const next = incident && step(incidentMachine, incident.status, 'resolve');
  if (incident && next) incident.status = next as IncidentState['status'];
}

/** A cascade fires unless its cause was handled in time. */
export function fireCascade(ctx: Ctx, cascadeId: string): void {
  const c = ctx.model.scenario.cascades.find((x) => x.id === cascadeId);
  const cause = c && ctx.world.incidents[c.from];
  if (!c || !cause) return;
  const handled = c.unless === 'resolved' ? cause.status === 'resolved' : cause.status === 'contained' || cause.status === 'resolved';
  if (handled) return;
  if ('spawn' in c.then) reportIncident(ctx, c.then.spawn.id);
  else worsen(ctx, c.then.worsen.incident, c.then.worsen.by);
}

/** An aftershock shakes damaged buildings again: every uncontained collapse gets worse. */
export function aftershock(ctx: Ctx, magnitude: number): void {
  ctx.world.aftershocks.push({ atMs: ctx.world.scenarioMs, magnitude });
  for (const [id, incident] of Object.entries(ctx.world.incidents)) {
    if (isActive(incident) && (incident.kind === 'collapse' || incident.kind === 'trapped')) worsen(ctx, id, 1);
  }
}
