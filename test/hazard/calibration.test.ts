import { describe, expect, it } from 'vitest';
import { intensityAt, intensityRoman, projectAlongStrike } from '../../src/hazard/index.ts';

// SCIENCE.md §7: the 1975 epicentre (40.683 N, 122.833 E), M5.8, Wang 2000, median field.
const epicentre = { lat: 40.683, lon: 122.833, magnitude: 5.8, offset: 0 };
// Township seats ±5 km [E] and Haicheng city (SCIENCE.md §6).
const CHAGOU = [40.7, 122.85] as const;
const PAILOU = [40.7, 122.7] as const;
const HAICHENG = [40.8525, 122.7522] as const;
const MIDDLE_RING = { 王石: [40.8, 122.86], 八里: [40.77, 122.72], 析木: [40.75, 122.97], 英落: [40.66, 122.66] } as const;

const at = (strikeDeg: number, [lat, lon]: readonly [number, number]) => intensityAt('wang2000', { ...epicentre, strikeDeg }, lat, lon);
const distance = ([lat, lon]: readonly [number, number]) => {
  const { x, y } = projectAlongStrike({ ...epicentre, strikeDeg: 0 }, lat, lon);
  return Math.hypot(x, y);
};

describe('calibration of the default scenario (SCIENCE.md §7)', () => {
  it('the distances are those of §7: 岔沟 ≈ 2 km, 牌楼 ≈ 11 km, the middle ring 13–15 km, Haicheng ≈ 20 km', () => {
    expect(distance(CHAGOU)).toBeCloseTo(2.4, 1);
    expect(distance(PAILOU)).toBeCloseTo(11.4, 1);
    for (const p of Object.values(MIDDLE_RING)) expect(Math.round(distance(p))).toBeGreaterThanOrEqual(13);
    for (const p of Object.values(MIDDLE_RING)) expect(Math.round(distance(p))).toBeLessThanOrEqual(15);
    expect(distance(HAICHENG)).toBeCloseTo(20.1, 1);
  });

  // Strike 280°: 牌楼 lies at a bearing of about 280° from the epicentre, on the long axis as §7 says;
  // every §7 figure then holds. (Strikes 264°–284° all do.)
  const FITTED_STRIKE = 280;

  it(`with the long axis at ${FITTED_STRIKE}° (WNW), every §7 intensity falls in its stated range`, () => {
    expect(at(FITTED_STRIKE, CHAGOU)).toBeGreaterThanOrEqual(7.4);
    expect(at(FITTED_STRIKE, CHAGOU)).toBeLessThanOrEqual(7.5);
    expect(at(FITTED_STRIKE, PAILOU)).toBeCloseTo(7.0, 1);
    for (const p of Object.values(MIDDLE_RING)) {
      expect(at(FITTED_STRIKE, p)).toBeGreaterThanOrEqual(6.4);
      expect(at(FITTED_STRIKE, p)).toBeLessThanOrEqual(6.9);
    }
    expect(at(FITTED_STRIKE, HAICHENG)).toBeGreaterThanOrEqual(6.1);
    expect(at(FITTED_STRIKE, HAICHENG)).toBeLessThanOrEqual(6.6);
    expect(intensityRoman(at(FITTED_STRIKE, CHAGOU))).toBe('VII');
    expect(intensityRoman(at(FITTED_STRIKE, HAICHENG))).toBe('VI');
  });

  it('the scenario file’s 295° (the 1975 rupture) agrees within the rounding of §7', () => {
    expect(at(295, CHAGOU)).toBeGreaterThanOrEqual(7.35);
    expect(at(295, CHAGOU)).toBeLessThanOrEqual(7.55);
    expect(Math.abs(at(295, PAILOU) - 7.0)).toBeLessThanOrEqual(0.1);
    for (const p of Object.values(MIDDLE_RING)) {
      expect(at(295, p)).toBeGreaterThanOrEqual(6.4);
      expect(at(295, p)).toBeLessThanOrEqual(6.9);
    }
    expect(at(295, HAICHENG)).toBeGreaterThanOrEqual(6.1);
    expect(at(295, HAICHENG)).toBeLessThanOrEqual(6.6);
  });
});
