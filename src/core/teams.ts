// Teams mobilise, then travel from their station by the scenario's roads (a detour factor where there
// are none), work what they can handle on scene, and free the trapped after working the rubble.
import { schedule, recordEffect, type Ctx } from './context.ts';
import { distanceKm } from './geo.ts';
import { takeOn } from './incidents.ts';
import { teamMachine } from './machines/team.machine.ts';
import type { Model, Place, TeamType } from './model.ts';
import { step } from './statechart.ts';
import { HOUR } from './time.ts';
import type { TeamState } from './world.ts';

/** Off the road network, the way is longer than the straight line [E: Anshan → 岔沟 ≈ 70 km by road vs ≈ 47 km straight, ×1.5 (SCIENCE.md §7.3); plain roads are straighter]. */
export const DETOUR_FACTOR = 1.4;
/** From the order to leaving base (assemble, load, brief) when the scenario does not say [E: a city unit recalled from duty; stationed crews set their own]. */
export const MOBILISE_MS = HOUR / 2;
/** A blocked road within this distance of the target forces a long way round [E: about a township's radius]. */
const BLOCKED_NEAR_KM = 8;
// The long way round doubles the trip [E: mountain detours around a slide or a bridge]
const BLOCKED_FACTOR = 2;
const BLOCKING = new Set(['road-blocked', 'landslide', 'bridge-damage']);
const ROADS = new Set(['expressway', 'national', 'provincial', 'county', 'mountain']);

const move = (team: TeamState, event: string) => {
  const next = step(teamMachine, team.status, event);
  if (!next) throw new Error(`a team cannot ${event} while ${team.status}`);
  team.status = next as TeamState['status'];
};

interface Road {
  id: string;
  path: Place[];
  /** Distance along the road from its first point to each point, km. */
  km: number[];
}

const roadsOf = new WeakMap<Model, Road[]>();
function roads(model: Model): Road[] {
  let list = roadsOf.get(model);
  if (!list) {
    list = model.scenario.region.routes.filter((r) => ROADS.has(r.kind)).map((r) => {
      const path = r.path.map(([lat, lon]) => ({ lat, lon }));
      const km = [0];
      for (let i = 1; i < path.length; i++) km.push(km[i - 1]! + distanceKm(path[i - 1]!, path[i]!));
      return { id: r.id, path, km };
    });
    roadsOf.set(model, list);
  }
  return list;
}

const nearest = (path: Place[], p: Place) => path.reduce((best, q, i) => (distanceKm(q, p) < distanceKm(path[best]!, p) ? i : best), 0);

/**
 * Road distance: straight × detour factor, or — shorter where a road of the scenario serves both ends —
 * to the road, along it, and off it again (one road per trip; roads with an active blockage are out).
 */
export function roadKm(model: Model, blocked: ReadonlySet<string>, from: Place, to: Place): number {
  let best = distanceKm(from, to) * DETOUR_FACTOR;
  for (const road of roads(model)) {
    if (blocked.has(road.id)) continue;
    const i = nearest(road.path, from);
    const j = nearest(road.path, to);
    const km = (distanceKm(from, road.path[i]!) + distanceKm(road.path[j]!, to)) * DETOUR_FACTOR + Math.abs(road.km[j]! - road.km[i]!);
    best = Math.min(best, km);
  }
  return best;
}

const isBlocking = (i: { status: string; kind: string }) => (i.status === 'reported' || i.status === 'escalating') && BLOCKING.has(i.kind);

export function travelMs(ctx: Ctx, type: TeamType, target: string): number {
  const from = type.from;
  const to = ctx.model.places.get(target);
  if (!from || !to) return HOUR;
  // The places (roads among them) with an active blockage, found once per trip.
  const blocked = new Set(Object.values(ctx.world.incidents).filter(isBlocking).map((i) => i.place));
  const blockedNear = [...blocked].some((place) => {
    const route = ctx.model.routes.get(place);
    const near = route ? route.path.some(([lat, lon]) => distanceKm({ lat, lon }, to) <= BLOCKED_NEAR_KM) : false;
    return near || distanceKm(ctx.model.places.get(place) ?? from, to) <= BLOCKED_NEAR_KM;
  });
  return Math.round(((roadKm(ctx.model, blocked, from, to) * (blockedNear ? BLOCKED_FACTOR : 1)) / type.team.speedKmh) * HOUR);
}

/** Sends up to `count` available teams of a type; says how many went. */
export function dispatch(ctx: Ctx, type: string, target: string, count: number, source: string): number {
  const def = ctx.model.teamTypes.get(type);
  if (!def) return 0;
  const free = Object.entries(ctx.world.teams).filter(([, t]) => t.type === type && t.status === 'available').slice(0, count);
  const departMs = ctx.world.scenarioMs + (def.team.mobilise ?? MOBILISE_MS);
  const trip = travelMs(ctx, def, target);
  for (const [id, team] of free) {
    move(team, 'task');
    team.target = target;
    team.departMs = departMs;
    team.arriveMs = departMs + trip;
    team.source = source;
    schedule(ctx.world, { atMs: departMs, kind: 'depart', id });
    schedule(ctx.world, { atMs: team.arriveMs, kind: 'arrival', id });
  }
  recordEffect(ctx, source, `dispatch ${free.length}/${count} ${type} → ${target}`);
  return free.length;
}

export function depart(ctx: Ctx, teamId: string): void {
  const team = ctx.world.teams[teamId];
  if (team?.status === 'tasked') move(team, 'depart');
}

/** On scene, a team takes on the incidents there that its capabilities can handle. */
export function arrive(ctx: Ctx, teamId: string): void {
  const team = ctx.world.teams[teamId];
  if (!team || team.status !== 'en-route') return;
  move(team, 'arrive');
  for (const id of Object.keys(ctx.world.incidents)) takeOn(ctx, id, teamId);
}
