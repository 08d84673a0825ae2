// Teams mobilise, then travel from their station by the scenario's roads (a detour factor where there
// are none), work what they can handle on scene, and free the trapped after working the rubble.
import { schedule, recordEffect, type Ctx } from './context.ts';
import { travelUnderConditions } from './conditions.ts';
import { distanceKm } from './geo.ts';
import { takeOn } from './incidents.ts';
import { onScene } from './indexes.ts';
import { teamMachine } from './machines/team.machine.ts';
import type { Model, Place, TeamType } from './model.ts';
import { moved } from './statechart.ts';
import { kindsThat } from '../scenario/kinds.ts';
import { HOUR } from './time.ts';
import type { TeamState } from './world.ts';

/** Off the road network, the way is longer than the straight line, unless the scenario says (region.detourFactor) [E: Anshan → 岔沟 ≈ 70 km by road vs ≈ 47 km straight, ×1.5 (SCIENCE.md §7.3); plain roads are straighter]. */
export const DETOUR_FACTOR = 1.4;
/** From the order to leaving base (assemble, load, brief) when the scenario does not say [E: a city unit recalled from duty; stationed crews set their own]. */
export const MOBILISE_MS = HOUR / 2;
/** A blocked road within this distance of the target forces a long way round [E: about a township's radius]. */
const BLOCKED_NEAR_KM = 8;
// The long way round doubles the trip [E: mountain detours around a slide or a bridge]
const BLOCKED_FACTOR = 2;
const BLOCKING = kindsThat('blocks-roads');
const ROADS = new Set(['expressway', 'national', 'provincial', 'county', 'mountain']);

const move = (team: TeamState, event: string) => {
  team.status = moved(teamMachine, team.status, event);
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

/** The index of the point of `path` nearest to `p` (the first of equals). */
function nearest(path: Place[], p: Place): number {
  let best = 0;
  let bestKm = Infinity;
  for (let i = 0; i < path.length; i++) {
    const km = distanceKm(path[i]!, p);
    if (km < bestKm) {
      best = i;
      bestKm = km;
    }
  }
  return best;
}

const nearestOf = new WeakMap<Model, WeakMap<Place, number[]>>();
/** Per road, the point nearest to `p`: places are the model's own objects, so each is searched once per scenario. */
function nearestOnRoads(model: Model, p: Place): number[] {
  let byPlace = nearestOf.get(model);
  if (!byPlace) nearestOf.set(model, (byPlace = new WeakMap()));
  let list = byPlace.get(p);
  if (!list) byPlace.set(p, (list = roads(model).map((road) => nearest(road.path, p))));
  return list;
}

/**
 * Road distance: straight × detour factor, or — shorter where a road of the scenario serves both ends —
 * to the road, along it, and off it again (one road per trip; roads with an active blockage are out).
 */
export function roadKm(model: Model, blocked: ReadonlySet<string>, from: Place, to: Place): number {
  const detour = model.scenario.region.detourFactor ?? DETOUR_FACTOR;
  let best = distanceKm(from, to) * detour;
  const list = roads(model);
  const fromNearest = nearestOnRoads(model, from);
  const toNearest = nearestOnRoads(model, to);
  for (let r = 0; r < list.length; r++) {
    const road = list[r]!;
    if (blocked.has(road.id)) continue;
    const i = fromNearest[r]!;
    const j = toNearest[r]!;
    const km = (distanceKm(from, road.path[i]!) + distanceKm(road.path[j]!, to)) * detour + Math.abs(road.km[j]! - road.km[i]!);
    best = Math.min(best, km);
  }
  return best;
}

const blockingOf = new WeakMap<Model, string[]>();
/** The incidents whose kind can block a road, in world order (an incident's kind never changes). */
function blockingKinds(model: Model): string[] {
  let list = blockingOf.get(model);
  if (!list) blockingOf.set(model, (list = [...model.incidents].filter(([, i]) => BLOCKING.has(i.kind)).map(([id]) => id)));
  return list;
}

const isBlocking = (i: { status: string; kind: string }) => (i.status === 'reported' || i.status === 'escalating') && BLOCKING.has(i.kind);

const nearOf = new WeakMap<Model, Map<string, WeakMap<Place, boolean>>>();
/** Whether a blockage at `place` (a road: any point of it) lies near `to`; fixed per scenario, so found once per pair. */
function isNear(model: Model, place: string, from: Place, to: Place): boolean {
  const at = model.places.get(place);
  // Not a place of the scenario (routes are among its places): judged from where the team sets out.
  if (!at) return distanceKm(from, to) <= BLOCKED_NEAR_KM;
  let byPlace = nearOf.get(model);
  if (!byPlace) nearOf.set(model, (byPlace = new Map()));
  let byTarget = byPlace.get(place);
  if (!byTarget) byPlace.set(place, (byTarget = new WeakMap()));
  let near = byTarget.get(to);
  if (near === undefined) {
    const route = model.routes.get(place);
    near = (route ? route.path.some(([lat, lon]) => distanceKm({ lat, lon }, to) <= BLOCKED_NEAR_KM) : false) || distanceKm(at, to) <= BLOCKED_NEAR_KM;
    byTarget.set(to, near);
  }
  return near;
}

export function travelMs(ctx: Ctx, type: TeamType, target: string): number {
  const from = type.from;
  const to = ctx.model.places.get(target);
  if (!from || !to) return HOUR;
  // The places (roads among them) with an active blockage, found once per trip among the incidents that can block.
  const blocked = new Set<string>();
  for (const id of blockingKinds(ctx.model)) {
    const incident = ctx.world.incidents[id]!;
    if (isBlocking(incident)) blocked.add(incident.place);
  }
  // A trip depends only on where it goes and what is blocked: found once per scenario for each.
  let trips = tripsOf.get(type);
  if (!trips) tripsOf.set(type, (trips = new Map()));
  const key = `${target}|${[...blocked].join('|')}`;
  let ms = trips.get(key);
  if (ms === undefined) {
    const blockedNear = [...blocked].some((place) => isNear(ctx.model, place, from, to));
    ms = Math.round(((roadKm(ctx.model, blocked, from, to) * (blockedNear ? BLOCKED_FACTOR : 1)) / type.team.speedKmh) * HOUR);
    trips.set(key, ms);
  }
  return ms;
}

/** Per team type (the model's own object), trip time by target and blocked places. */
const tripsOf = new WeakMap<TeamType, Map<string, number>>();

/** Sends up to `count` available teams of a type; says how many went. */
export function dispatch(ctx: Ctx, type: string, target: string, count: number, source: string): number {
  const def = ctx.model.teamTypes.get(type);
  if (!def) return 0;
  const free: [string, TeamState][] = [];
  for (const id of ctx.model.teamsOfType.get(type) ?? []) {
    if (free.length >= count) break;
    const team = ctx.world.teams[id]!;
    if (team.status === 'available') free.push([id, team]);
  }
  const departMs = ctx.world.scenarioMs + (def.team.mobilise ?? MOBILISE_MS);
  // Darkness and weather slow the trip from the moment the team leaves (conditions.ts; none in a file without conditions).
  const trip = travelUnderConditions(ctx.model.scenario, departMs, travelMs(ctx, def, target));
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

/** The incidents at a team's target (a place, or an incident's place), in world order: the only ones it can take on. */
export function incidentsHere(model: Model, target: string | undefined): readonly string[] {
  if (target === undefined) return [];
  const at = model.incidentsAt.get(target) ?? [];
  const place = model.incidents.get(target)?.place;
  const there = place === undefined || place === target ? [] : (model.incidentsAt.get(place) ?? []);
  if (!there.length) return at;
  if (!at.length) return there;
  return [...new Set([...at, ...there])].sort((a, b) => model.incidentOrder.get(a)! - model.incidentOrder.get(b)!);
}

/** On scene, a team takes on the incidents there that its capabilities can handle. */
export function arrive(ctx: Ctx, teamId: string): void {
  const team = ctx.world.teams[teamId];
  if (!team || team.status !== 'en-route') return;
  move(team, 'arrive');
  onScene(ctx, teamId);
  for (const id of incidentsHere(ctx.model, team.target)) takeOn(ctx, id, teamId);
}
