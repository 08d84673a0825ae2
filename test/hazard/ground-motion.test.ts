import { describe, expect, it } from 'vitest';
import { gb18306PgaGal, gb18306PgvCms, instrumentalIntensity } from '../../src/hazard/ground-motion.ts';

const M = 5.8;
const rel = (x: number, target: number) => Math.abs(x / target - 1);

describe('GB 18306-2015 eastern-zone PGA and PGV (SCIENCE.md §1)', () => {
  // SCIENCE.md §1: M5.8 — R=0 → 637 gal / 27.5 cm/s; 10 km → 260 / 12.2; 20 km → 136 / 6.8; 40 km → 54 / 2.9
  const vectors: [number, number, number][] = [[0, 637, 27.5], [10, 260, 12.2], [20, 136, 6.8], [40, 54, 2.9]];
  for (const [r, pga, pgv] of vectors) {
    it(`M5.8 at ${r} km: PGA ${pga} gal, PGV ${pgv} cm/s within 2 %`, () => {
      expect(rel(gb18306PgaGal(M, r), pga)).toBeLessThanOrEqual(0.02);
      expect(rel(gb18306PgvCms(M, r), pgv)).toBeLessThanOrEqual(0.02);
    });
  }
});

describe('GB/T 17742-2020 instrumental intensity (SCIENCE.md §1)', () => {
  const fromDistance = (r: number) => instrumentalIntensity(gb18306PgaGal(M, r) / 100, gb18306PgvCms(M, r) / 100);

  it('gives 8.1 at R = 0, 7.0 at 10 km, 6.3 at 20 km for M5.8', () => {
    expect(fromDistance(0)).toBe(8.1);
    expect(fromDistance(10)).toBe(7.0);
    expect(fromDistance(20)).toBe(6.3);
  });

  it('uses I_V when both are ≥ 6, else the mean of I_A and I_V', () => {
    // PGA 1 m/s² → I_A 6.59; PGV 0.1 m/s → I_V 6.77: both ≥ 6 → I_V
    expect(instrumentalIntensity(1, 0.1)).toBe(6.8);
    // PGA 0.1 m/s² → I_A 3.42; PGV 0.01 m/s → I_V 3.77 → mean 3.595 → 3.6
    expect(instrumentalIntensity(0.1, 0.01)).toBe(3.6);
  });

  it('rounds to 0.1 and clamps to [1, 12]', () => {
    expect(instrumentalIntensity(1e-6, 1e-7)).toBe(1);
    expect(instrumentalIntensity(1e4, 1e3)).toBe(12);
    const i = instrumentalIntensity(2.345, 0.0789);
    expect(Math.round(i * 10) / 10).toBe(i);
  });
});
