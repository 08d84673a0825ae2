// The map's projection: equirectangular with cos(latitude), fitted so the region's bounds fill the canvas.
import { describe, expect, it } from 'vitest';
import { fitProjection, MAP_WIDTH, project, unproject } from '../../../src/app/map/projection.ts';
import { playedFor, viewOf } from './helpers.ts';

describe('the map projection', () => {
  const bounds = { south: 39.9, west: 122.2, north: 41.6, east: 123.7 };
  const p = fitProjection(bounds);

  it('maps the corners of the bounds to the corners of the canvas, north up', () => {
    expect(project(p, bounds.north, bounds.west)).toEqual({ x: 0, y: 0 });
    const se = project(p, bounds.south, bounds.east);
    expect(se.x).toBeCloseTo(p.width, 9);
    expect(se.y).toBeCloseTo(p.height, 9);
    expect(project(p, bounds.north, bounds.east).x).toBeCloseTo(MAP_WIDTH, 9);
    expect(project(p, bounds.south, bounds.west).y).toBeCloseTo(p.height, 9);
  });

  it('keeps a kilometre the same length east–west and north–south (cos of the middle latitude)', () => {
    const mid = (bounds.north + bounds.south) / 2;
    const oneKmNorth = 1 / 111.32;
    const oneKmEast = 1 / (111.32 * Math.cos((mid * Math.PI) / 180));
    const o = project(p, mid, 123);
    expect(o.y - project(p, mid + oneKmNorth, 123).y).toBeCloseTo(p.unitsPerKm, 9);
    expect(project(p, mid, 123 + oneKmEast).x - o.x).toBeCloseTo(p.unitsPerKm, 9);
    // Anshan's bounds are taller than wide once longitude is shrunk by cos(40.75°).
    expect(p.height / p.width).toBeCloseTo((1.7 * 111.32) / (1.5 * 111.32 * Math.cos((mid * Math.PI) / 180)), 9);
  });

  it('unprojects back to the same place', () => {
    const xy = project(p, 40.683, 122.833);
    const back = unproject(p, xy.x, xy.y);
    expect(back.lat).toBeCloseTo(40.683, 12);
    expect(back.lon).toBeCloseTo(122.833, 12);
  });

  it('refuses empty bounds', () => {
    expect(() => fitProjection({ south: 41, west: 122, north: 41, east: 123 })).toThrow(RangeError);
  });

  it('is fitted to the scenario region in the view model', () => {
    const vm = viewOf(playedFor(0));
    const { projection } = vm.static;
    expect(projection.bounds).toEqual(playedFor(0).model.scenario.region.bounds);
    expect(projection.width).toBe(MAP_WIDTH);
    // The first view (the focus) lies inside the canvas and holds the epicentre.
    const f = vm.static.focus;
    const e = vm.static.epicentre;
    expect(f.x0).toBeGreaterThanOrEqual(0);
    expect(f.y1).toBeLessThanOrEqual(projection.height);
    expect(e.x).toBeGreaterThan(f.x0);
    expect(e.x).toBeLessThan(f.x1);
    expect(e.y).toBeGreaterThan(f.y0);
    expect(e.y).toBeLessThan(f.y1);
  });
});
