// Intensity zones: the ellipses of the hazard model (zoneRadii), oriented along the strike, V and up.
import { describe, expect, it } from 'vitest';
import { intensityAt, zoneRadii } from '../../../src/hazard/index.ts';
import { unproject } from '../../../src/app/map/projection.ts';
import { intensityColor } from '../../../src/app/map/symbols.ts';
import { playedFor, viewOf } from './helpers.ts';

const pointsOf = (ring: number[]) => Array.from({ length: ring.length / 2 }, (_, i) => ({ x: ring[2 * i]!, y: ring[2 * i + 1]! }));

function farthestPair(ring: number[]) {
  const pts = pointsOf(ring);
  let best = { d: 0, a: pts[0]!, b: pts[0]! };
  for (const a of pts) for (const b of pts) {
    const d = Math.hypot(a.x - b.x, a.y - b.y);
    if (d > best.d) best = { d, a, b };
  }
  return best;
}

describe('intensity zones on the map', () => {
  const ex = playedFor(0);
  const eq = ex.model.scenario.earthquake;
  const vm = viewOf(ex);
  const { zones, projection: p, epicentre } = vm.static;

  it('draws each whole degree from V to the epicentral intensity, with Roman labels (GB/T 17742)', () => {
    // Wang 2000 at M5.8: I(R=0) ≈ 7.7, so V, VI and VII (SCIENCE.md §1).
    expect(zones.map((z) => z.roman)).toEqual(['V', 'VI', 'VII']);
    expect(zones.map((z) => z.degree)).toEqual([5, 6, 7]);
    expect(new Set(zones.map((z) => z.color)).size).toBe(3);
    expect(zones.map((z) => z.color)).toEqual([5, 6, 7].map(intensityColor));
  });

  it('makes the VII zone 2·a long (zoneRadii, km → map units) within a pixel', () => {
    const vii = zones.find((z) => z.degree === 7)!;
    const { a, b } = zoneRadii(eq.attenuation.relation, eq.magnitude, 7, eq.attenuation.offset);
    expect(vii.aKm).toBe(a);
    expect(vii.bKm).toBe(b);
    expect(a).toBeCloseTo(11.4, 1);
    const { d } = farthestPair(vii.ring);
    expect(Math.abs(d - 2 * a * p.unitsPerKm)).toBeLessThan(1);
  });

  it('points the long axis along the strike (295°, clockwise from north)', () => {
    const vii = zones.find((z) => z.degree === 7)!;
    const { a, b: other } = farthestPair(vii.ring);
    // Map y grows southwards: a bearing θ is the direction (sin θ, −cos θ).
    const bearing = ((Math.atan2(other.x - a.x, -(other.y - a.y)) * 180) / Math.PI + 360) % 180;
    expect(Math.abs(bearing - (eq.strikeDeg % 180))).toBeLessThan(1);
    // The label sits at the strike end of the long axis.
    const along = Math.hypot(vii.labelAt.x - epicentre.x, vii.labelAt.y - epicentre.y);
    expect(along).toBeCloseTo(vii.aKm * p.unitsPerKm, 0);
  });

  it('runs each ring where the hazard model gives that intensity, around the epicentre', () => {
    const quake = { lat: eq.epicentre.lat, lon: eq.epicentre.lon, magnitude: eq.magnitude, strikeDeg: eq.strikeDeg, offset: eq.attenuation.offset };
    for (const z of zones) {
      for (const pt of pointsOf(z.ring).filter((_, i) => i % 12 === 0)) {
        const { lat, lon } = unproject(p, pt.x, pt.y);
        expect(intensityAt(eq.attenuation.relation, quake, lat, lon)).toBeCloseTo(z.degree, 1);
      }
    }
  });
});
