import { describe, expect, it } from 'vitest';
import { KOBE_1995_SURVIVAL, TANGSHAN_1976_SURVIVAL, survivalAfterDays, survivalAfterHours } from '../../src/hazard/survival.ts';

describe('survival of trapped people (SCIENCE.md §3)', () => {
  it('S(t) = exp(−(t/2.72 d)^1.56) gives 0.81, 0.54, 0.31, 0.16, 0.07 at 1–5 days within 0.01', () => {
    const expected = [0.81, 0.54, 0.31, 0.16, 0.07];
    expected.forEach((s, k) => expect(Math.abs(survivalAfterDays(k + 1) - s)).toBeLessThanOrEqual(0.01));
  });

  it('hours and days give the same curve (黄金72小时: S(72 h) ≈ 0.31)', () => {
    expect(survivalAfterHours(72)).toBe(survivalAfterDays(3));
    expect(survivalAfterHours(36)).toBeCloseTo(survivalAfterDays(1.5), 15);
  });

  it('starts at 1 and falls', () => {
    expect(survivalAfterHours(0)).toBe(1);
    for (let h = 0; h < 240; h += 1) expect(survivalAfterHours(h + 1)).toBeLessThan(survivalAfterHours(h));
  });

  it('stays within 0.1 of every Tangshan 1976 point', () => {
    for (const p of TANGSHAN_1976_SURVIVAL) expect(Math.abs(survivalAfterDays(p.days) - p.aliveShare)).toBeLessThanOrEqual(0.1);
  });

  it('is optimistic for Kobe 1995: every Kobe point lies below the curve', () => {
    for (const p of KOBE_1995_SURVIVAL) expect(p.aliveShare).toBeLessThan(survivalAfterDays(p.days));
  });
});
