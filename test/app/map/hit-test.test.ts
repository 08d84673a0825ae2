// Hover and click: the topmost item under a point, or nothing over empty ground outside the counties.
import { describe, expect, it } from 'vitest';
import { distanceToPolyline, hitTest, insideRings } from '../../../src/app/map/hit-test.ts';
import { drawnAt, playedFor, viewOf } from './helpers.ts';

describe('hitTest', () => {
  const vm = viewOf(playedFor(40));
  const s = vm.static;
  const SCALES = [0.5, 1, 4];

  it('finds each incident, team, facility and settlement at its own drawn position', () => {
    for (const scale of SCALES) {
      for (const i of vm.incidents) {
        const at = drawnAt(i, scale);
        const hit = hitTest(vm, at.x, at.y, scale);
        // A team on scene may sit over an incident's corner; the incident's centre is its own.
        expect(hit?.kind === 'incident' || hit?.kind === 'team', `${i.id} at ${scale}`).toBe(true);
        if (hit?.kind === 'incident') expect(hit.id).toBe(i.id);
      }
      const team = vm.teams.at(-1)!;
      const tAt = drawnAt(team, scale);
      expect(hitTest(vm, tAt.x, tAt.y, scale)).toMatchObject({ kind: 'team', id: team.id });
    }
    const far = s.facilities.find((f) => f.id === 'res-tanghe')!;
    expect(hitTest(vm, far.x + far.dx, far.y + far.dy, 1)).toMatchObject({ kind: 'facility', id: 'res-tanghe' });
    const town = s.settlements.find((x) => x.id === 'wenxiang')!;
    expect(hitTest(vm, town.x, town.y, 1)).toMatchObject({ kind: 'settlement', id: 'wenxiang' });
  });

  it('finds a road by its line, the county under bare land, and nothing in the empty sea', () => {
    const road = vm.routes.find((r) => r.id === 'g15-shenhai')!;
    // A point on the road, between two vertices, away from any symbol.
    const x = (road.points[0]! + road.points[2]!) / 2;
    const y = (road.points[1]! + road.points[3]!) / 2;
    expect(hitTest(vm, x, y, 1)).toMatchObject({ kind: 'route', id: 'g15-shenhai' });
    const xiuyan = s.counties.find((c) => c.id === '岫岩满族自治县')!;
    expect(hitTest(vm, xiuyan.labelAt.x, xiuyan.labelAt.y + 30, 1)).toMatchObject({ kind: 'county', id: '岫岩满族自治县' });
    // The south-west corner of the region lies outside Anshan (Yingkou, the Bohai coast).
    expect(hitTest(vm, 5, s.projection.height - 5, 1)).toBeUndefined();
    expect(hitTest(vm, -50, -50, 1)).toBeUndefined();
  });

  it('measures reach in screen pixels: the same point misses when zoomed far in', () => {
    const i = vm.incidents.find((x) => x.dx === 0 && x.dy === 0 && x.status !== 'contained')!;
    const nearby = { x: i.x + i.r + 6, y: i.y };
    expect(hitTest(vm, nearby.x, nearby.y, 1)?.id).not.toBe(i.id);
    expect(hitTest(vm, nearby.x, nearby.y, 0.5)?.id).toBe(i.id);
  });

  it('has geometry helpers that agree with the drawing', () => {
    expect(distanceToPolyline([0, 0, 10, 0, 10, 10], 5, 3)).toBe(3);
    expect(distanceToPolyline([0, 0, 10, 0, 10, 10], 13, 5)).toBe(3);
    expect(insideRings([[0, 0, 10, 0, 10, 10, 0, 10]], 5, 5)).toBe(true);
    expect(insideRings([[0, 0, 10, 0, 10, 10, 0, 10]], 15, 5)).toBe(false);
  });
});
