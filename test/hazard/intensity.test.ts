import { describe, expect, it } from 'vitest';
import {
  ATTENUATION_RELATIONS,
  CEA_NORTHEAST,
  epicentralIntensity,
  intensityAt,
  intensityAtOffset,
  intensityGrid,
  intensityLongAxis,
  intensityShortAxis,
  projectAlongStrike,
  zoneRadii,
  type AttenuationId,
} from '../../src/hazard/intensity.ts';

const M = 5.8;

// SCIENCE.md §1, test vectors for M = 5.8: I at R = 0, and a/b (km) of the VII, VI and V ellipses (the
// GB 18306-2015 western and moderate zones have theirs in regional-attenuation.test.ts).
const VECTORS: Partial<Record<AttenuationId, { i0: number; radii: Record<7 | 6 | 5, [number, number]> }>> = {
  wang2000: { i0: 7.7, radii: { 7: [11.4, 6.2], 6: [37.7, 23.1], 5: [83.7, 59.1] } },
  'gb18306-east': { i0: 7.62, radii: { 7: [9.8, 6.4], 6: [34.6, 24.2], 5: [76.9, 58.3] } },
  'cea-northeast': { i0: 7.3, radii: { 7: [3.6, 2.4], 6: [23.3, 14.4], 5: [63.6, 38.2] } },
};

describe('elliptical attenuation relations (SCIENCE.md §1)', () => {
  for (const [id, v] of Object.entries(VECTORS) as [AttenuationId, NonNullable<(typeof VECTORS)[AttenuationId]>][]) {
    it(`${id}: M5.8 epicentral intensity ${v.i0} within 0.05, on both axes`, () => {
      expect(Math.abs(epicentralIntensity(id, M) - v.i0)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(intensityLongAxis(id, M, 0) - v.i0)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(intensityShortAxis(id, M, 0) - v.i0)).toBeLessThanOrEqual(0.05);
    });

    for (const degree of [7, 6, 5] as const) {
      const [a, b] = v.radii[degree];
      it(`${id}: M5.8 intensity ${degree} ellipse is ${a} × ${b} km within 0.2 km`, () => {
        const r = zoneRadii(id, M, degree);
        expect(Math.abs(r.a - a)).toBeLessThanOrEqual(0.2);
        expect(Math.abs(r.b - b)).toBeLessThanOrEqual(0.2);
        // The radius solves the relation: the axis intensity there is the degree again.
        expect(intensityLongAxis(id, M, r.a)).toBeCloseTo(degree, 9);
        expect(intensityShortAxis(id, M, r.b)).toBeCloseTo(degree, 9);
      });
    }
  }

  it('the 东北 relation uses the natural logarithm', () => {
    const { A, B, C, R0 } = CEA_NORTHEAST.long;
    expect(intensityLongAxis('cea-northeast', M, 30)).toBeCloseTo(A + B * M + C * Math.log(30 + R0), 12);
    expect(CEA_NORTHEAST.log).toBe('ln');
  });

  it('a relation may be passed by id or as data', () => {
    expect(zoneRadii(ATTENUATION_RELATIONS['gb18306-east'], M, 6)).toEqual(zoneRadii('gb18306-east', M, 6));
  });

  it('the offset shifts every intensity (a +1σ stress field reaches about VIII)', () => {
    expect(epicentralIntensity('wang2000', M, 0.5826)).toBeCloseTo(epicentralIntensity('wang2000', M) + 0.5826, 12);
    expect(zoneRadii('wang2000', M, 7.5826, 0.5826).a).toBeCloseTo(zoneRadii('wang2000', M, 7).a, 9);
    expect(epicentralIntensity('gb18306-east', M, 0.5826)).toBeCloseTo(8.2, 1);
  });

  it('an intensity above the epicentral one has an empty zone { a: 0, b: 0 }, never null', () => {
    expect(zoneRadii('wang2000', M, 8)).toEqual({ a: 0, b: 0 });
    expect(zoneRadii('cea-northeast', M, 7.305)).toEqual({ a: 0, b: 0 });
  });

  it('zones grow as the intensity falls', () => {
    let last = { a: -1, b: -1 };
    for (let i = 7.6; i >= 3; i -= 0.2) {
      const r = zoneRadii('wang2000', M, i);
      expect(r.a).toBeGreaterThan(last.a);
      expect(r.b).toBeGreaterThan(last.b);
      expect(r.a).toBeGreaterThan(r.b);
      last = { a: r.a, b: r.b };
    }
  });
});

describe('intensity at a point: the ellipse through it', () => {
  const ids = Object.keys(VECTORS) as AttenuationId[];

  it('is the epicentral intensity at the epicentre', () => {
    for (const id of ids) expect(intensityAtOffset(id, M, 0, 0)).toBe(epicentralIntensity(id, M));
  });

  it('lies on the ellipse x²/a(I)² + y²/b(I)² = 1 of the intensity it returns', () => {
    for (const id of ids) {
      for (const degree of [7, 6.5, 6, 5, 4]) {
        const { a, b } = zoneRadii(id, M, degree);
        for (const angle of [0, 0.3, 1, Math.PI / 2, 2.5, Math.PI, 4]) {
          const i = intensityAtOffset(id, M, a * Math.cos(angle), b * Math.sin(angle));
          expect(i).toBeCloseTo(degree, 6);
        }
      }
    }
  });

  it('equals the long-axis relation along the strike and the short-axis one across it', () => {
    for (const id of ids) {
      for (const r of [1, 5, 20, 80]) {
        expect(intensityAtOffset(id, M, r, 0)).toBeCloseTo(intensityLongAxis(id, M, r), 6);
        expect(intensityAtOffset(id, M, -r, 0)).toBeCloseTo(intensityLongAxis(id, M, r), 6);
        expect(intensityAtOffset(id, M, 0, r)).toBeCloseTo(intensityShortAxis(id, M, r), 6);
      }
    }
  });

  it('falls steadily with distance along any direction and has no jumps', () => {
    for (const id of ids) {
      for (const angle of [0, 0.4, 0.9, 1.4, 2.2]) {
        let last = Infinity;
        for (let r = 0; r <= 150; r += 0.05) {
          const i = intensityAtOffset(id, M, r * Math.cos(angle), r * Math.sin(angle));
          expect(i).toBeLessThanOrEqual(last + 1e-9);
          if (r > 0) expect(last - i).toBeLessThan(0.05);
          last = i;
        }
      }
    }
  });

  it('adds the quake offset', () => {
    const quake = { lat: 40.683, lon: 122.833, magnitude: M, strikeDeg: 295, offset: 0 };
    const median = intensityAt('wang2000', quake, 40.8525, 122.7522);
    expect(intensityAt('wang2000', { ...quake, offset: 0.5 }, 40.8525, 122.7522)).toBeCloseTo(median + 0.5, 6);
  });
});

describe('local projection', () => {
  const quake = { lat: 40, lon: 120 };

  it('111.32 km per degree of latitude along a north strike', () => {
    const { x, y } = projectAlongStrike({ ...quake, strikeDeg: 0 }, 40.1, 120);
    expect(x).toBeCloseTo(11.132, 9);
    expect(y).toBeCloseTo(0, 9);
  });

  it('× cos(latitude) per degree of longitude along an east strike', () => {
    const { x, y } = projectAlongStrike({ ...quake, strikeDeg: 90 }, 40, 120.1);
    expect(x).toBeCloseTo(11.132 * Math.cos((40 * Math.PI) / 180), 9);
    expect(y).toBeCloseTo(0, 9);
  });

  it('a point across the strike has x = 0', () => {
    const { x, y } = projectAlongStrike({ ...quake, strikeDeg: 90 }, 40.1, 120);
    expect(x).toBeCloseTo(0, 9);
    expect(Math.abs(y)).toBeCloseTo(11.132, 9);
  });
});

describe('intensity grid for the map', () => {
  const quake = { lat: 40.683, lon: 122.833, magnitude: M, strikeDeg: 295, offset: 0 };
  const bounds = { south: 39.9, west: 122.2, north: 41.6, east: 123.7 };

  it('samples the field at cell centres, row 0 at the north edge, row-major', () => {
    const grid = intensityGrid('wang2000', quake, bounds, 30, 20);
    expect(grid.values).toBeInstanceOf(Float32Array);
    expect(grid.values.length).toBe(600);
    expect([grid.cellsX, grid.cellsY]).toEqual([30, 20]);
    const dLat = (bounds.north - bounds.south) / 20;
    const dLon = (bounds.east - bounds.west) / 30;
    for (const [row, col] of [[0, 0], [19, 29], [7, 12], [3, 25]] as const) {
      const expected = intensityAt('wang2000', quake, bounds.north - (row + 0.5) * dLat, bounds.west + (col + 0.5) * dLon);
      expect(grid.values[row * 30 + col]).toBeCloseTo(expected, 4);
    }
  });

  it('peaks in the cell around the epicentre', () => {
    const grid = intensityGrid('wang2000', quake, bounds, 60, 68);
    let best = 0;
    grid.values.forEach((v, k) => {
      if (v > grid.values[best]!) best = k;
    });
    const row = Math.floor(best / 60);
    const col = best % 60;
    expect(Math.floor((bounds.north - quake.lat) / ((bounds.north - bounds.south) / 68))).toBe(row);
    expect(Math.floor((quake.lon - bounds.west) / ((bounds.east - bounds.west) / 60))).toBe(col);
  });

  it('refuses non-positive or fractional cell counts', () => {
    expect(() => intensityGrid('wang2000', quake, bounds, 0, 10)).toThrow(RangeError);
    expect(() => intensityGrid('wang2000', quake, bounds, 10, 2.5)).toThrow(RangeError);
  });
});
