// Sunrise, sunset and civil twilight by the NOAA solar equations, against a published table.
import { describe, expect, it } from 'vitest';
import { CIVIL_TWILIGHT_ALTITUDE, sunEvent } from '../../src/hazard/sun.ts';

// Beijing (39.9075 N, 116.3972 E), 2026-07-01, Beijing time (UTC+8): sunrise 04:49:23, sunset 19:46:55,
// civil dawn 04:16, civil dusk 20:19 — vercalendario.info, "Times of sunrise and sunset in Beijing during July 2026" [S].
const BEIJING = { lat: 39.9075, lon: 116.3972 };
const JULY_1 = { year: 2026, month: 7, day: 1 };
const minutes = (h: number, m: number, s = 0) => h * 60 + m + s / 60;
const TWO_MINUTES = 2;

describe('the sun over Beijing on 1 July 2026', () => {
  it('rises and sets within two minutes of the published table', () => {
    expect(Math.abs(sunEvent(BEIJING.lat, BEIJING.lon, JULY_1, 480, 'rise')! - minutes(4, 49, 23))).toBeLessThanOrEqual(TWO_MINUTES);
    expect(Math.abs(sunEvent(BEIJING.lat, BEIJING.lon, JULY_1, 480, 'set')! - minutes(19, 46, 55))).toBeLessThanOrEqual(TWO_MINUTES);
  });

  it('gives civil dawn and dusk (the sun 6° down) within two minutes of the table', () => {
    expect(Math.abs(sunEvent(BEIJING.lat, BEIJING.lon, JULY_1, 480, 'rise', CIVIL_TWILIGHT_ALTITUDE)! - minutes(4, 16))).toBeLessThanOrEqual(TWO_MINUTES);
    expect(Math.abs(sunEvent(BEIJING.lat, BEIJING.lon, JULY_1, 480, 'set', CIVIL_TWILIGHT_ALTITUDE)! - minutes(20, 19))).toBeLessThanOrEqual(TWO_MINUTES);
  });

  it('moves with the clock: the same moment read on a UTC clock is eight hours earlier', () => {
    const local = sunEvent(BEIJING.lat, BEIJING.lon, JULY_1, 480, 'rise')!;
    // 04:49 Beijing time is 20:49 UTC the day before: the answer wraps into 0–1440.
    expect(sunEvent(BEIJING.lat, BEIJING.lon, JULY_1, 0, 'rise')).toBeCloseTo(local - 480 + 1440, 9);
  });
});

describe('where the sun does not set', () => {
  it('says so (null) in polar day: 80° N at midsummer', () => {
    expect(sunEvent(80, 15, { year: 2026, month: 6, day: 21 }, 60, 'set')).toBeNull();
    expect(sunEvent(80, 15, { year: 2026, month: 12, day: 21 }, 60, 'rise')).toBeNull();
  });
});
