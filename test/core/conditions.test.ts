// Conditions (season, darkness, weather): the local clock and darkness the screens show, teams that
// drive slower after dusk and in bad weather, and the cold's [E] effect on the trapped. A scenario
// without `conditions` (the Haicheng file) drives and survives exactly as before.
import { describe, expect, it } from 'vitest';
import { localDarkness, speedFactorAt, survivalScale, travelUnderConditions } from '../../src/core/conditions.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { minimal as minimalText, replaced } from '../scenario/helpers.ts';
import { MIN, TestDrill, scenario } from './test-drill.ts';

const HOUR = 60 * MIN;
const base = scenario();
/** The minimal scenario (origin 09:30 +08:00, Chagou) with the given conditions. */
const withConditions = (conditions: Scenario['conditions'], originTime = base.earthquake.originTime): Scenario => ({ ...base, earthquake: { ...base.earthquake, originTime }, conditions });
const winterNight = { season: 'winter', darkness: { dusk: '18:00', dawn: '07:00' }, nightSpeedFactor: 0.5, coldSurvival: false } as const;

describe('the local clock and darkness', () => {
  it('runs from the origin time: 02:30 + 5 h is 07:30, light after a 07:00 dawn', () => {
    const s = withConditions(winterNight, '2026-01-10T02:30+08:00');
    expect(localDarkness(s, 0)).toEqual({ clock: '02:30', dark: true, dusk: '18:00', dawn: '07:00', computed: false });
    expect(localDarkness(s, 5 * HOUR)).toMatchObject({ clock: '07:30', dark: false });
    // T+16 h is 18:30 the same day: dark again; T+22 h30 is 01:00 the next day.
    expect(localDarkness(s, 16 * HOUR)).toMatchObject({ clock: '18:30', dark: true });
    expect(localDarkness(s, 22.5 * HOUR)).toMatchObject({ clock: '01:00', dark: true });
  });

  it('computes civil twilight for the epicentre and the origin date when the file gives none', () => {
    // Beijing, 2026-07-01 (+08:00): civil dawn 04:16, dusk 20:19 (vercalendario.info [S]); the model floors to the minute.
    const s = { ...withConditions(undefined, '2026-07-01T12:00+08:00'), earthquake: { ...base.earthquake, originTime: '2026-07-01T12:00+08:00', epicentre: { lat: 39.9075, lon: 116.3972 } } };
    const d = localDarkness(s, 0);
    expect(d.computed).toBe(true);
    const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
    expect(Math.abs(minutes(d.dawn) - minutes('04:16'))).toBeLessThanOrEqual(2);
    expect(Math.abs(minutes(d.dusk) - minutes('20:19'))).toBeLessThanOrEqual(2);
    expect(d.dark).toBe(false);
  });
});

describe('speed on the road', () => {
  it('is full speed day and night without conditions (the Haicheng file has none)', () => {
    expect(scenario('haicheng-m5.8.yaml').conditions).toBeUndefined();
    expect(speedFactorAt(base, 20 * HOUR)).toBe(1);
    expect(travelUnderConditions(base, 0, HOUR)).toBe(HOUR);
  });

  it('is the night factor in the dark and the weather factor always: snow 0.7 [E], × 0.5 at night', () => {
    const s = withConditions({ ...winterNight, weather: { kind: 'snow' } }, '2026-01-10T12:00+08:00');
    expect(speedFactorAt(s, 0)).toBe(0.7);
    expect(speedFactorAt(s, 7 * HOUR)).toBeCloseTo(0.35, 12);
  });

  it('slows a trip from dusk on: 2 h of road leaving at 17:00 is 1 h of daylight and 1 h of road at half speed = 3 h', () => {
    const s = withConditions(winterNight, '2026-01-10T17:00+08:00');
    expect(travelUnderConditions(s, 0, 2 * HOUR)).toBe(3 * HOUR);
  });

  it('speeds up again at dawn: 1 h of road leaving at 06:00 is 1 h at half speed (0.5 h of road), then 0.5 h = 1.5 h', () => {
    const s = withConditions(winterNight, '2026-01-10T06:00+08:00');
    expect(travelUnderConditions(s, 0, HOUR)).toBe(1.5 * HOUR);
  });

  it('in the engine: the heavy USAR team takes twice as long at night with the factor 0.5', () => {
    // The team is stationed 0.1° south of Chagou; ordered at T+3m45s, it leaves at T+13m45s (as in travel.test.ts).
    const day = replaced('          capabilities: [usar, fire]\n', '          capabilities: [usar, fire]\n          base: { lat: 40.60, lon: 122.85 }\n          mobilise: 10m\n');
    const night = replaced('  originTime: 2026-11-21T09:30+08:00\n', '  originTime: 2026-11-21T02:30+08:00\n', day) + 'conditions:\n  season: winter\n  darkness: { dusk: "18:00", dawn: "07:00" }\n  nightSpeedFactor: 0.5\n';
    const trip = (text: string, name: string) => {
      const d = new TestDrill(scenario(name, text)).start().wait(2 * MIN + 30_000);
      d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] });
      const team = d.world.teams['usar-1#1']!;
      return team.arriveMs! - team.departMs!;
    };
    // Straight line × 1.4: 11.1195 km × 1.4 = 15.567 km at 50 km/h = 0.31135 h by day; 0.6227 h at half speed.
    expect(trip(day, 'day.yaml') / HOUR).toBeCloseTo(0.31135, 3);
    expect(trip(night, 'night.yaml') / HOUR).toBeCloseTo(0.6227, 3);
  });
});

describe('the cold and the trapped', () => {
  it('shortens survival only when the file turns coldSurvival on below 0 °C', () => {
    expect(survivalScale(base)).toBe(1);
    expect(survivalScale(withConditions({ ...winterNight, weather: { kind: 'snow', temperatureC: -10 } }))).toBe(1);
    expect(survivalScale(withConditions({ ...winterNight, coldSurvival: true, weather: { kind: 'snow', temperatureC: -10 } }))).toBeCloseTo(0.8, 12);
    expect(survivalScale(withConditions({ ...winterNight, coldSurvival: true, weather: { kind: 'clear', temperatureC: 4 } }))).toBe(1);
  });

  it('in the engine: the trapped freed in a −10 °C night are counted with survival scale 2.25 d × 0.8 = 1.8 d', () => {
    const cold = minimalText() + 'conditions:\n  season: winter\n  weather: { kind: snow, temperatureC: -10 }\n  coldSurvival: true\n';
    const d = new TestDrill(scenario('cold.yaml', cold)).start().wait(2 * MIN + 30_000);
    d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] });
    d.wait(37 * MIN); // to the end of node 2 (T+6 h): arrived and dug for 2 h
    const i = d.world.incidents['chagou-collapse']!;
    expect(i.rescuedMs).toBeDefined();
    const days = (i.rescuedMs! - i.appearedMs!) / (24 * HOUR);
    // The extrication fit with its time scale shrunk by the cold: 12 × exp(−(t / 1.8 d)^1.14).
    expect(i.rescuedAlive).toBeCloseTo(12 * Math.exp(-((days / 1.8) ** 1.14)), 9);
    expect(i.rescuedAlive).toBeLessThan(12 * Math.exp(-((days / 2.25) ** 1.14)));
  });
});
