import { describe, expect, it } from 'vitest';
import { nextRandom, randomStream, seedRandom } from '../../src/hazard/random.ts';

describe('seeded PRNG (mulberry32)', () => {
  it('is pure: the same state gives the same value and next state', () => {
    expect(nextRandom(12345)).toEqual(nextRandom(12345));
    const [, s1] = nextRandom(12345);
    expect(nextRandom(s1)).not.toEqual(nextRandom(12345));
  });

  it('keeps its whole state in one unsigned 32-bit integer that survives JSON', () => {
    let state = seedRandom('drill-2026');
    for (let k = 0; k < 1000; k++) {
      const [value, next] = nextRandom(state);
      expect(Number.isInteger(next) && next >= 0 && next < 2 ** 32).toBe(true);
      expect(value >= 0 && value < 1).toBe(true);
      state = JSON.parse(JSON.stringify(next)) as number;
    }
  });

  it('seeds from numbers and strings, deterministically', () => {
    expect(seedRandom('a')).toBe(seedRandom('a'));
    expect(seedRandom('a')).not.toBe(seedRandom('b'));
    expect(seedRandom(7)).toBe(7);
    expect(seedRandom(2 ** 32 + 5)).toBe(5);
    expect(seedRandom(-1)).toBe(2 ** 32 - 1);
    expect(() => seedRandom(Number.NaN)).toThrow(RangeError);
  });

  it('a stream walks the same values as nextRandom and hands back its state', () => {
    const stream = randomStream(99);
    let state = 99;
    for (let k = 0; k < 50; k++) {
      const [value, next] = nextRandom(state);
      expect(stream.next()).toBe(value);
      state = next;
    }
    expect(stream.state()).toBe(state);
  });

  it('is roughly uniform', () => {
    const stream = randomStream(seedRandom('uniform'));
    const bins = new Array<number>(20).fill(0);
    const n = 200_000;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const v = stream.next();
      sum += v;
      bins[Math.floor(v * 20)]!++;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    const expected = n / 20;
    const chi2 = bins.reduce((acc, b) => acc + (b - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(50); // 19 degrees of freedom: p ≈ 1e-4 at 50
  });
});
