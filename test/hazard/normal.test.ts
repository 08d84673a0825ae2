import { describe, expect, it } from 'vitest';
import { erfc, normalCdf } from '../../src/hazard/normal.ts';

describe('Φ and erfc', () => {
  it('match reference values to a relative 1e-6, deep into the tail', () => {
    // Reference values of Φ (Abramowitz & Stegun Table 26.1; R pnorm)
    const table: [number, number][] = [
      [0, 0.5],
      [-1, 0.15865525393145707],
      [1.959963984540054, 0.975],
      [-3, 0.0013498980316301035],
      [-5, 2.866515718791939e-7],
      [-6, 9.865876450377e-10],
    ];
    for (const [z, p] of table) expect(Math.abs(normalCdf(z) / p - 1)).toBeLessThan(1e-6);
  });

  it('erfc is 1 at 0, 2 − erfc(x) for negative x', () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(-0.7) + erfc(0.7)).toBeCloseTo(2, 12);
  });
});
