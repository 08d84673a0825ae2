import { describe, expect, it } from 'vitest';
import {
  PAGE2016_ACTIVE,
  PAGE2016_STABLE,
  RJ1989_CALIFORNIA,
  aftershockProbability,
  aftershockRate,
  bathLargestAftershock,
  drawAftershocks,
  expectedAftershocks,
  type AftershockParams,
} from '../../src/hazard/aftershocks.ts';
import { randomStream, seedRandom } from '../../src/hazard/random.ts';

const HOUR = 1 / 24;
// SCIENCE.md §4: M5.8, window from T+1 h, 7 days long
const window = (params: AftershockParams, minMagnitude: number) => ({ params, mainMagnitude: 5.8, minMagnitude, fromDays: HOUR, toDays: HOUR + 7 });

describe('Reasenberg–Jones aftershock forecast (SCIENCE.md §4)', () => {
  it('λ(t, M) = 10^(a + b(Mm − M)) · (t + c)^(−p)', () => {
    const { a, b, p, c } = RJ1989_CALIFORNIA;
    expect(aftershockRate(RJ1989_CALIFORNIA, 5.8, 4, 2)).toBeCloseTo(10 ** (a + b * 1.8) * (2 + c) ** -p, 12);
  });

  it('expects 4.1 aftershocks ≥ M4 (RJ89) and 1.1 (Page active) from T+1 h over 7 days, within the rounding', () => {
    const rj = expectedAftershocks(window(RJ1989_CALIFORNIA, 4));
    const page = expectedAftershocks(window(PAGE2016_ACTIVE, 4));
    expect(Math.abs(rj - 4.1)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(page - 1.1)).toBeLessThanOrEqual(0.05);
    expect(rj).toBeCloseTo(4.131, 3);
    expect(page).toBeCloseTo(1.136, 3);
  });

  it('gives P(≥ M5) 40 % (RJ89) and 11 % (Page active) within 1 percentage point', () => {
    expect(Math.abs(aftershockProbability(window(RJ1989_CALIFORNIA, 5)) - 0.4)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(aftershockProbability(window(PAGE2016_ACTIVE, 5)) - 0.11)).toBeLessThanOrEqual(0.01);
  });

  it('the closed form equals a numerical integral of λ, for p above, below and at 1', () => {
    for (const params of [RJ1989_CALIFORNIA, PAGE2016_ACTIVE, PAGE2016_STABLE, { a: -1.8, b: 1, p: 1, c: 0.03 }]) {
      const w = window(params, 3.5);
      const steps = 200_000;
      const h = (w.toDays - w.fromDays) / steps;
      let sum = 0;
      for (let k = 0; k < steps; k++) sum += aftershockRate(params, 5.8, 3.5, w.fromDays + (k + 0.5) * h) * h;
      expect(Math.abs(expectedAftershocks(w) / sum - 1)).toBeLessThan(1e-6);
    }
  });

  it('p = 1 is the logarithm, and p → 1 approaches it smoothly', () => {
    const at1 = expectedAftershocks(window({ a: -2, b: 1, p: 1, c: 0.05 }, 4));
    expect(at1).toBeCloseTo(10 ** (-2 + 1.8) * Math.log((HOUR + 7 + 0.05) / (HOUR + 0.05)), 12);
    expect(expectedAftershocks(window({ a: -2, b: 1, p: 1 + 1e-9, c: 0.05 }, 4))).toBeCloseTo(at1, 7);
    expect(expectedAftershocks(window({ a: -2, b: 1, p: 1 - 1e-9, c: 0.05 }, 4))).toBeCloseTo(at1, 7);
  });

  it('an empty window expects nothing; a reversed one is refused', () => {
    expect(expectedAftershocks({ ...window(RJ1989_CALIFORNIA, 4), toDays: HOUR })).toBe(0);
    expect(() => expectedAftershocks({ ...window(RJ1989_CALIFORNIA, 4), toDays: 0 })).toThrow(RangeError);
  });

  it('Båth’s law: the largest aftershock of an M5.8 is about M4.6', () => {
    expect(bathLargestAftershock(5.8)).toBeCloseTo(4.6, 12);
  });
});

describe('seeded draw of an aftershock sequence', () => {
  const w = window(RJ1989_CALIFORNIA, 4);

  it('is deterministic: the same seed gives the same sequence', () => {
    const one = drawAftershocks(w, randomStream(seedRandom('haicheng')).next);
    const two = drawAftershocks(w, randomStream(seedRandom('haicheng')).next);
    expect(one).toEqual(two);
    const other = drawAftershocks(w, randomStream(seedRandom('anshan')).next);
    expect(other).not.toEqual(one);
  });

  it('is sorted by time, inside the window, with magnitudes from the minimum up to the main shock', () => {
    for (let seed = 0; seed < 300; seed++) {
      const shocks = drawAftershocks({ ...w, minMagnitude: 3 }, randomStream(seed).next);
      for (let k = 0; k < shocks.length; k++) {
        const s = shocks[k]!;
        expect(s.tDays).toBeGreaterThanOrEqual(w.fromDays);
        expect(s.tDays).toBeLessThanOrEqual(w.toDays);
        if (k > 0) expect(s.tDays).toBeGreaterThanOrEqual(shocks[k - 1]!.tDays);
        expect(s.magnitude).toBeGreaterThanOrEqual(3);
        expect(s.magnitude).toBeLessThan(5.8);
      }
    }
  });

  it('uses only the rng it is given: two draws per aftershock and one to close the window', () => {
    const stream = randomStream(42);
    let calls = 0;
    const shocks = drawAftershocks(w, () => {
      calls++;
      return stream.next();
    });
    expect(calls).toBe(2 * shocks.length + 1);
  });

  it('over many seeds the mean count approaches N, and ≥ M5 shocks come at the Gutenberg–Richter share', () => {
    for (const params of [RJ1989_CALIFORNIA, PAGE2016_ACTIVE, PAGE2016_STABLE]) {
      const win = { ...window(params, 4), maxMagnitude: Infinity };
      const n = expectedAftershocks(win);
      const runs = 4000;
      const stream = randomStream(seedRandom(`mean-${params.a}`));
      let total = 0;
      let m5 = 0;
      let withM5 = 0;
      for (let k = 0; k < runs; k++) {
        const shocks = drawAftershocks(win, stream.next);
        total += shocks.length;
        const big = shocks.filter((s) => s.magnitude >= 5).length;
        m5 += big;
        if (big > 0) withM5++;
      }
      // 5 standard errors of the mean of a Poisson count
      expect(Math.abs(total / runs - n)).toBeLessThan(5 * Math.sqrt(n / runs));
      const n5 = expectedAftershocks({ ...win, minMagnitude: 5 });
      expect(Math.abs(m5 / runs - n5)).toBeLessThan(5 * Math.sqrt(n5 / runs));
      const p5 = aftershockProbability({ ...win, minMagnitude: 5 });
      expect(Math.abs(withM5 / runs - p5)).toBeLessThan(5 * Math.sqrt((p5 * (1 - p5)) / runs));
    }
  });

  it('early aftershocks outnumber late ones as Omori says', () => {
    const stream = randomStream(7);
    let firstDay = 0;
    let rest = 0;
    for (let k = 0; k < 2000; k++) {
      for (const s of drawAftershocks(w, stream.next)) {
        if (s.tDays < 1) firstDay++;
        else rest++;
      }
    }
    const share = firstDay / (firstDay + rest);
    const expected = expectedAftershocks({ ...w, toDays: 1 }) / expectedAftershocks(w);
    expect(Math.abs(share - expected)).toBeLessThan(0.02);
  });

  it('refuses windows that would expect too many aftershocks', () => {
    expect(() => drawAftershocks({ ...w, minMagnitude: 0, maxEvents: 1000 }, randomStream(1).next)).toThrow(RangeError);
  });
});

describe('aftershock odds for the window a player is in (SCIENCE.md §7.3)', () => {
  const DAY = 1;
  const from = (params: AftershockParams, minMagnitude: number, fromDays: number, toDays: number) => ({ params, mainMagnitude: 5.8, minMagnitude, fromDays, toDays });

  it('from T+24 h over 7 days, RJ89 expects ≈ 1.7 aftershocks ≥ M4 and gives 19 % for one ≥ M5 (not T+1 h’s 4.1 and 40 %)', () => {
    expect(expectedAftershocks(from(RJ1989_CALIFORNIA, 4, DAY, 8 * DAY))).toBeCloseTo(1.7, 1);
    expect(Math.abs(aftershockProbability(from(RJ1989_CALIFORNIA, 5, DAY, 8 * DAY)) - 0.19)).toBeLessThanOrEqual(0.01);
  });

  it('P(≥ M4.6 between 24 and 72 h) ≈ 24 % (RJ89), 6 % (Page active), 3 % (Page stable)', () => {
    expect(Math.abs(aftershockProbability(from(RJ1989_CALIFORNIA, 4.6, DAY, 3 * DAY)) - 0.24)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(aftershockProbability(from(PAGE2016_ACTIVE, 4.6, DAY, 3 * DAY)) - 0.06)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(aftershockProbability(from(PAGE2016_STABLE, 4.6, DAY, 3 * DAY)) - 0.03)).toBeLessThanOrEqual(0.01);
  });
});
