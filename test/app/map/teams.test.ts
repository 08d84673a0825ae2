// Teams on the map: en route they move along the line from their unit's base to the target, by
// scenario time between departure and arrival; on scene they sit at the target; planned moves dash.
import { describe, expect, it } from 'vitest';
import { project } from '../../../src/app/map/projection.ts';
import { copyOf, MIN, playedFor, viewOf } from './helpers.ts';

describe('teams on the map', () => {
  // 25 drill minutes in: the quake bureau's field team, ordered at T+2 min, mobilised for 30 min and is on its way to Chagou.
  const ex = playedFor(25);
  const [teamId, team] = Object.entries(ex.world.teams).find(([, t]) => t.status === 'en-route' && t.type === 'eq-field')!;
  const ordered = ex.world.effects.find((e) => e.source === team.source && e.effect.includes(`${team.type} → ${team.target}`))!.scenarioMs;
  const departed = team.departMs!;
  it('leave 30 minutes after the order: the time to assemble and load', () => {
    expect(departed - ordered).toBe(30 * MIN);
  });
  const p = viewOf(ex).static.projection;
  const base = ex.model.places.get(team.unit)!;
  const target = ex.model.places.get(team.target!)!;
  const from = project(p, base.lat, base.lon);
  const to = project(p, target.lat, target.lon);
  const markerOf = (vm: ReturnType<typeof viewOf>) => vm.teams.find((t) => t.teams.includes(teamId))!;

  it('are halfway between base and target at the halfway time', () => {
    const world = copyOf(ex.world);
    world.scenarioMs = (departed + team.arriveMs!) / 2;
    const m = markerOf(viewOf(ex, { world }));
    expect(m.status).toBe('en-route');
    expect(m.departMs).toBe(departed);
    expect(m.arriveMs).toBe(team.arriveMs);
    expect(m.progress).toBeCloseTo(0.5, 9);
    expect(m.x).toBeCloseTo((from.x + to.x) / 2, 6);
    expect(m.y).toBeCloseTo((from.y + to.y) / 2, 6);
    expect([m.from, m.to]).toEqual([from, to]);
    expect(m.dashed).toBe(false);
  });

  it('are on the line between base and target whenever they are en route', () => {
    for (const minutes of [25, 30, 35]) {
      const vm = viewOf(playedFor(minutes));
      for (const m of vm.teams.filter((t) => t.status === 'en-route')) {
        const cross = (m.to.x - m.from.x) * (m.y - m.from.y) - (m.to.y - m.from.y) * (m.x - m.from.x);
        expect(Math.abs(cross) / Math.max(1e-9, Math.hypot(m.to.x - m.from.x, m.to.y - m.from.y))).toBeLessThan(1e-6);
        expect(m.progress).toBeGreaterThanOrEqual(0);
        expect(m.progress).toBeLessThanOrEqual(1);
      }
    }
  });

  it('start at the base and stop at the target', () => {
    const world = copyOf(ex.world);
    world.scenarioMs = departed;
    expect(markerOf(viewOf(ex, { world }))).toMatchObject({ x: from.x, y: from.y, progress: 0 });
    world.teams[teamId]!.status = 'on-scene';
    world.scenarioMs = team.arriveMs! + MIN;
    const onScene = viewOf(ex, { world }).teams.find((t) => t.teams.includes(teamId))!;
    expect(onScene).toMatchObject({ status: 'on-scene', x: to.x, y: to.y, progress: 1 });
    expect(onScene.dx).toBeGreaterThan(0);
  });

  it('show a team tasked but not yet departed at its base, with a dashed (planned) line', () => {
    const world = copyOf(ex.world);
    world.teams[teamId]!.status = 'tasked';
    const m = markerOf(viewOf(ex, { world }));
    expect(m).toMatchObject({ status: 'tasked', dashed: true, x: from.x, y: from.y, progress: 0 });
  });

  it('estimate the departure from the trip when the dispatch is not on record', () => {
    const world = copyOf(ex.world);
    world.effects = [];
    world.scenarioMs = team.arriveMs! - 10 * MIN;
    const m = markerOf(viewOf(ex, { world }));
    expect(m.departMs).toBeLessThan(m.arriveMs!);
    expect(m.progress).toBeGreaterThan(0);
    expect(m.progress).toBeLessThan(1);
  });

  it('gather a convoy (same type, target and times) into one marker with its count', () => {
    const vm = viewOf(playedFor(25));
    const convoy = vm.teams.find((t) => t.status === 'en-route' && t.teams.length > 1)!;
    expect(convoy.typeNames[0]).toMatch(/×\d/);
    const all = vm.teams.flatMap((t) => t.teams);
    expect(new Set(all).size).toBe(all.length);
    const moving = Object.values(playedFor(25).world.teams).filter((t) => t.status === 'en-route' || t.status === 'on-scene' || t.status === 'tasked');
    expect(all).toHaveLength(moving.length);
  });

  it('keep teamsKey while markers only move, and change it when one comes or goes', () => {
    const world = copyOf(ex.world);
    const before = viewOf(ex, { world }).teamsKey;
    world.scenarioMs += MIN;
    expect(viewOf(ex, { world }).teamsKey).toBe(before);
    world.teams[teamId]!.status = 'on-scene';
    expect(viewOf(ex, { world }).teamsKey).not.toBe(before);
  });
});
