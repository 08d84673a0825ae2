// Incidents: appear when reported, worsen by cascades and aftershocks, are contained by teams or
// the facilitator; people trapped are freed by a capable team that has worked the rubble, alive by
// the survival curve from the moment they were trapped.
import { aliveWhenFreed } from '../hazard/index.ts';
import { capabilitiesFor, HANDLED_BY } from '../scenario/incident-kinds.ts';
import { kindsThat } from '../scenario/kinds.ts';
import { schedule, type Ctx } from './context.ts';
import { survivalScale } from './conditions.ts';
import { teamsOnSceneAt } from './indexes.ts';
import { incidentMachine } from './machines/incident.machine.ts';
import { moved, step } from './statechart.ts';
import { HOUR } from './time.ts';
import type { Model } from './model.ts';
import type { IncidentState } from './world.ts';

/** A contained incident is worked for this long before it counts as resolved [E: a site made safe is cleared and handed over within a shift]. */
export const RESOLVE_AFTER_MS = 6 * HOUR;
/** A search-and-rescue team on scene frees the trapped after this long working the rubble [E: shoring and breaching a low-rise brick collapse takes hours, not minutes]. */
export const EXTRICATION_MS = 2 * HOUR;
/** Who can free the trapped: those the format gives people trapped to (HANDLED_BY.trapped). */
const EXTRICATE: readonly string[] = HANDLED_BY.trapped;
/** Outages a repair team on scene ends: the facility counts as restored (the kinds whose behaviour is `outage`). */
const OUTAGES = kindsThat('outage');
/** Fires and leaks nobody attends to get one step worse this often [E: a drill pace, one severity step per 2 h unattended]. */
export const GROWTH_EVERY_MS = 2 * HOUR;
const GROWS = kindsThat('grows');
/** Collapses and people trapped: an aftershock shakes them worse (the kinds whose behaviour is `rubble`). */
const RUBBLE = kindsThat('rubble');

export const isActive = (i: IncidentState | undefined) => i?.status === 'reported' || i?.status === 'escalating';

export const needsOf = (ctx: Ctx, id: string): readonly string[] => capabilitiesFor(ctx.model.incidents.get(id));

/** The incident appears (or, if it is already there, gets worse) and its cascades are scheduled. */
export function reportIncident(ctx: Ctx, id: string): void {
  const w = ctx.world;
  const incident = w.incidents[id];
  if (!incident) return;
  if (incident.status !== 'latent') return worsen(ctx, id, 1);
  incident.status = moved(incidentMachine, incident.status, 'report');
  incident.appearedMs = w.scenarioMs;
  for (const c of ctx.model.cascadesFrom.get(id) ?? []) schedule(w, { atMs: w.scenarioMs + c.after, kind: 'cascade', id: c.id });
  if (GROWS.has(incident.kind)) schedule(w, { atMs: w.scenarioMs + GROWTH_EVERY_MS, kind: 'grow', id });
  // A team already working there takes on what it can handle.
  for (const teamId of teamsOnSceneAt(ctx.model, w, incident.place)) takeOn(ctx, id, teamId);
}

/**
 * A team on scene takes on an incident at its place that its capabilities can handle: contains it,
 * starts freeing whoever is trapped, and brings an outage's facility back.
 */
export function takeOn(ctx: Ctx, id: string, teamId: string): void {
  const w = ctx.world;
  const incident = w.incidents[id];
  const team = w.teams[teamId];
  if (!incident || !team || team.status !== 'on-scene' || incident.status === 'latent') return;
  const here = id === team.target || incident.place === team.target || ctx.model.incidents.get(team.target ?? '')?.place === incident.place;
  const capabilities: readonly string[] = ctx.model.teamTypes.get(team.type)?.team.capabilities ?? [];
  const needs = needsOf(ctx, id);
  if (!here || !needs.some((n) => capabilities.includes(n))) return;
  if (isActive(incident)) {
    contain(ctx, id, teamId);
    if (OUTAGES.has(incident.kind) && ctx.model.facilities.has(incident.place) && w.restored[incident.place] === undefined) w.restored[incident.place] = w.scenarioMs;
  }
  // Only a team that can dig frees the trapped (an ambulance at a collapse treats, it does not extricate),
  // unless the incident asks for nothing that digs.
  const digs = !needs.some((n) => EXTRICATE.includes(n)) || capabilities.some((c) => EXTRICATE.includes(c));
  if (incident.trapped > 0 && incident.firstTeamMs === undefined && digs) {
    incident.firstTeamMs = w.scenarioMs;
    schedule(w, { atMs: w.scenarioMs + EXTRICATION_MS, kind: 'rescue', id });
  }
}

/** The trapped are out: each alive with the chance of someone trapped that long (SCIENCE.md §7.3). */
export function free(ctx: Ctx, id: string): void {
  const incident = ctx.world.incidents[id];
  if (!incident || incident.rescuedMs !== undefined || incident.appearedMs === undefined) return;
  incident.rescuedMs = ctx.world.scenarioMs;
  // Unrounded: an expected number alive; a rounded count would hide hours of delay when few are trapped.
  incident.rescuedAlive = incident.trapped * aliveWhenFreed((ctx.world.scenarioMs - incident.appearedMs) / HOUR, survivalScale(ctx.model.scenario));
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
  incident.status = moved(incidentMachine, incident.status, 'worsen');
  incident.severity = Math.min(5, incident.severity + by);
  incident.containedMs = undefined;
  incident.containedBy = undefined;
  // Out of control again: the resolve timer of the earlier containment no longer holds.
  const w = ctx.world;
  w.queue = w.queue.filter((q) => !(q.kind === 'resolve' && q.id === id));
}

export function contain(ctx: Ctx, id: string, by: string): void {
  const w = ctx.world;
  const incident = w.incidents[id];
  const next = incident && step(incidentMachine, incident.status, 'contain');
  if (!incident || !next) return;
  incident.status = next as IncidentState['status'];
  incident.containedMs = w.scenarioMs;
  incident.containedBy = by;
  schedule(w, { atMs: w.scenarioMs + RESOLVE_AFTER_MS, kind: 'resolve', id });
}

export function resolve(ctx: Ctx, id: string): void {
  const incident = ctx.world.incidents[id];
  const next = incident && step(incidentMachine, incident.status, 'resolve');
  if (incident && next) incident.status = next as IncidentState['status'];
}

/** A cascade fires unless its cause was handled in time. */
export function fireCascade(ctx: Ctx, cascadeId: string): void {
  const c = ctx.model.cascades.get(cascadeId);
  const cause = c && ctx.world.incidents[c.from];
  if (!c || !cause) return;
  const handled = c.unless === 'resolved' ? cause.status === 'resolved' : cause.status === 'contained' || cause.status === 'resolved';
  if (handled) return;
  if ('spawn' in c.then) reportIncident(ctx, c.then.spawn.id);
  else worsen(ctx, c.then.worsen.incident, c.then.worsen.by);
}

const shakenOf = new WeakMap<Model, string[]>();
/** The incidents an aftershock can worsen (collapses, people trapped), in world order: a kind never changes. */
function shakenKinds(model: Model): string[] {
  let list = shakenOf.get(model);
  if (!list) shakenOf.set(model, (list = [...model.incidents].filter(([, i]) => RUBBLE.has(i.kind)).map(([id]) => id)));
  return list;
}

/** An aftershock shakes damaged buildings again: every uncontained collapse gets worse. */
export function aftershock(ctx: Ctx, magnitude: number): void {
  ctx.world.aftershocks.push({ atMs: ctx.world.scenarioMs, magnitude });
  for (const id of shakenKinds(ctx.model)) if (isActive(ctx.world.incidents[id])) worsen(ctx, id, 1);
}
