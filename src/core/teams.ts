// Teams travel from their unit's base at their speed; a road blocked near the target doubles the trip.
import { schedule, recordEffect, type Ctx } from './context.ts';
import { distanceKm } from './geo.ts';
import { contain, isActive, needsOf } from './incidents.ts';
import { teamMachine } from './machines/team.machine.ts';
import { step } from './statechart.ts';
import { HOUR } from './time.ts';
import type { TeamState } from './world.ts';

/** Roads are longer than the straight line between two places [E]. */
export const DETOUR_FACTOR = 1.4;
/** A blocked road within this distance of the target forces a long way round [E]. */
const BLOCKED_NEAR_KM = 8;
const BLOCKED_FACTOR = 2;
const BLOCKING = new Set(['road-blocked', 'landslide', 'bridge-damage']);

const move = (team: TeamState, event: string) => {
  team.status = step(teamMachine, team.status, event) as TeamState['status'];
};

export function travelMs(ctx: Ctx, unit: string, speedKmh: number, target: string): number {
  const from = ctx.model.places.get(unit);
  const to = ctx.model.places.get(target);
  if (!from || !to) return HOUR;
  const blocked = Object.values(ctx.world.incidents).some((i) => {
    if (!isActive(i) || !BLOCKING.has(i.kind)) return false;
    const route = ctx.model.routes.get(i.place);
    const near = route ? route.path.some(([lat, lon]) => distanceKm({ lat, lon }, to) <= BLOCKED_NEAR_KM) : false;
    return near || distanceKm(ctx.model.places.get(i.place) ?? from, to) <= BLOCKED_NEAR_KM;
  });
  return Math.round((distanceKm(from, to) * DETOUR_FACTOR * (blocked ? BLOCKED_FACTOR : 1) / speedKmh) * HOUR);
}

/** Sends up to `count` available teams of a type; says how many went. */
export function dispatch(ctx: Ctx, type: string, target: string, count: number, source: string): number {
  const def = ctx.model.teamTypes.get(type);
  if (!def) return 0;
  const free = Object.entries(ctx.world.teams).filter(([, t]) => t.type === type && t.status === 'available').slice(0, count);
  const trip = travelMs(ctx, def.unit, def.team.speedKmh, target);
  for (const [id, team] of free) {
    move(team, 'task');
    move(team, 'depart');
    team.target = target;
    team.departMs = ctx.world.scenarioMs;
    team.arriveMs = ctx.world.scenarioMs + trip;
    team.source = source;
    schedule(ctx.world, { atMs: team.arriveMs, kind: 'arrival', id });
  }
  recordEffect(ctx, source, `dispatch ${free.length}/${count} ${type} → ${target}`);
  return free.length;
}

/** On scene, a team contains the incidents there that its capabilities can handle. */
export function arrive(ctx: Ctx, teamId: string): void {
  const team = ctx.world.teams[teamId];
  if (!team || team.status !== 'en-route') return;
  move(team, 'arrive');
  const capabilities = new Set<string>(ctx.model.teamTypes.get(team.type)?.team.capabilities ?? []);
  const here = (id: string) => id === team.target || ctx.model.incidents.get(id)?.place === team.target;
  for (const [id, incident] of Object.entries(ctx.world.incidents)) {
    if (isActive(incident) && here(id) && needsOf(ctx, id).some((n) => capabilities.has(n))) contain(ctx, id, teamId);
  }
}
