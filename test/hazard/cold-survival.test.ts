// The cold option ([E], off by default): below 0 °C the survival curve's time scale shrinks 2 % per degree, to half.
import { describe, expect, it } from 'vitest';
import { aliveWhenFreed, coldScaleFactor } from '../../src/hazard/survival.ts';

describe('the cold and the trapped', () => {
  it('leaves the time scale alone at or above freezing, shrinks it 2 % per degree below, never under half', () => {
    expect(coldScaleFactor(5)).toBe(1);
    expect(coldScaleFactor(0)).toBe(1);
    expect(coldScaleFactor(-10)).toBeCloseTo(0.8, 12);
    expect(coldScaleFactor(-25)).toBeCloseTo(0.5, 12);
    expect(coldScaleFactor(-40)).toBe(0.5);
  });

  it('lowers the chance of being alive when freed', () => {
    // exp(−(1 d / 2.25 d)^1.14) = exp(−0.4444^1.14) = exp(−0.39675) = 0.6725
    expect(aliveWhenFreed(24)).toBeCloseTo(0.6725, 4);
    // scale × 0.8 = 1.8 d: exp(−(1/1.8)^1.14) = exp(−0.5556^1.14) = exp(−0.51167) = 0.5995
    expect(aliveWhenFreed(24, 0.8)).toBeCloseTo(0.5995, 4);
    expect(aliveWhenFreed(24, 1)).toBe(aliveWhenFreed(24));
  });
});
