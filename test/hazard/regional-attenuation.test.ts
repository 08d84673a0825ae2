// GB 18306-2015's moderate, Qinghai–Tibet and Xinjiang zone relations (俞言祥等 2013 [S]), for scenarios
// outside the east: Sichuan–Yunnan, Xinjiang, the moderate-seismicity south (scenarios/README.md says which).
import { describe, expect, it } from 'vitest';
import { ATTENUATION_RELATIONS as SCHEMA_RELATIONS } from '../../src/scenario/schema.ts';
import { ATTENUATION_RELATIONS, epicentralIntensity, intensityLongAxis, intensityShortAxis, zoneRadii, type AttenuationId } from '../../src/hazard/intensity.ts';

const M = 6.0;

// Worked from I = A + B·M + C·lg(R + R0) at M 6.0, e.g. 青藏区 long axis at R = 0:
// 6.4580 + 1.2746·6 − 4.4709·lg 25 = 14.1056 − 4.4709 × 1.39794 = 7.8555; the VII radius: lg(R + 25) =
// (14.1056 − 7) / 4.4709 = 1.58932 → R + 25 = 38.85 → a = 13.85 km; short axis lg(R + 9) = (11.0158 − 7) / 3.3119
// = 1.21254 → b = 16.32 − 9 = 7.32 km.
const VECTORS: Partial<Record<AttenuationId, { i0: number; radii: Record<7 | 6 | 5, [number, number]>; at30: number }>> = {
  'gb18306-qinghai-tibet': { i0: 7.855, radii: { 7: [13.84, 7.31], 6: [40.01, 23.69], 5: [83.8, 56.53] }, at30: 6.325 },
  'gb18306-moderate': { i0: 7.966, radii: { 7: [12.56, 8.29], 6: [36.72, 27.36], 5: [82.08, 70.18] }, at30: 6.221 },
  'gb18306-xinjiang': { i0: 7.933, radii: { 7: [15.35, 9.73], 6: [42.38, 28.34], 5: [87.53, 62.22] }, at30: 6.396 },
};

describe('GB 18306-2015 zone relations beyond the east', () => {
  for (const [id, v] of Object.entries(VECTORS) as [AttenuationId, NonNullable<(typeof VECTORS)[AttenuationId]>][]) {
    it(`${id}: M6.0 gives I ${v.i0} at the epicentre on both axes (the short-axis R0 makes them meet)`, () => {
      expect(epicentralIntensity(id, M)).toBeCloseTo(v.i0, 2);
      expect(Math.abs(intensityLongAxis(id, M, 0) - intensityShortAxis(id, M, 0))).toBeLessThan(0.001);
      expect(intensityLongAxis(id, M, 30)).toBeCloseTo(v.at30, 2);
    });

    for (const degree of [7, 6, 5] as const) {
      const [a, b] = v.radii[degree];
      it(`${id}: M6.0 intensity ${degree} ellipse is ${a} × ${b} km`, () => {
        const r = zoneRadii(id, M, degree);
        expect(Math.abs(r.a - a)).toBeLessThanOrEqual(0.01);
        expect(Math.abs(r.b - b)).toBeLessThanOrEqual(0.01);
      });
    }
  }

  it('carry their σ: 青藏 0.6636, 中强 0.5200, 新疆 0.5924', () => {
    expect(ATTENUATION_RELATIONS['gb18306-qinghai-tibet'].sigma).toBe(0.6636);
    expect(ATTENUATION_RELATIONS['gb18306-moderate'].sigma).toBe(0.52);
    expect(ATTENUATION_RELATIONS['gb18306-xinjiang'].sigma).toBe(0.5924);
  });

  it('are the relations a scenario may name, no more and no fewer', () => {
    expect([...SCHEMA_RELATIONS].sort()).toEqual(Object.keys(ATTENUATION_RELATIONS).sort());
  });
});
