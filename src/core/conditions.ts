// The scenario's conditions as the engine and the screens use them: the local clock, when it is dark
// (the file's dusk and dawn, else civil twilight computed for the epicentre and the origin date), how
// much slower teams drive in the dark and in bad weather, and how the cold shortens survival.
// A scenario without `conditions` drives at full speed day and night and survives as published.
import { CIVIL_TWILIGHT_ALTITUDE, coldScaleFactor, sunEvent } from '../hazard/index.ts';
import { originParts } from '../scenario/origin-time.ts';
import type { Scenario } from '../scenario/schema.ts';

type WeatherKind = NonNullable<NonNullable<Scenario['conditions']>['weather']>['kind'];

/** Teams' road speed in the dark, as a share of their daylight speed, when the file sets none [E: headlights on damaged mountain roads, no published figure found]. */
export const NIGHT_SPEED_FACTOR = 0.7;
// Road speed by weather as a share of clear-weather speed [E: free-flow speed falls some 10–30 % in rain,
// snow and fog on ordinary roads; on earthquake-damaged roads the drill takes the middle of that]
export const WEATHER_SPEED_FACTOR: Readonly<Record<WeatherKind, number>> = { clear: 1, rain: 0.85, snow: 0.7, fog: 0.8 };

const MINUTE = 60_000;
const DAY_MIN = 1440;

/** Local dusk and dawn, minutes after local midnight, and whether they were computed from the sun. */
export interface Darkness {
  dusk: number;
  dawn: number;
  computed: boolean;
}

const parsed = new WeakMap<Scenario, { origin: NonNullable<ReturnType<typeof originParts>>; darkness: Darkness }>();

/** The origin's local parts and the darkness, worked out once per scenario (the schema has checked the origin time; as localHourOf, a hand-made scenario without one is refused). */
function of(scenario: Scenario) {
  let hit = parsed.get(scenario);
  if (!hit) {
    const origin = originParts(scenario.earthquake.originTime);
    if (!origin) throw new RangeError(`an origin time needs a local time with its offset such as "2026-11-21T09:30+08:00", got "${scenario.earthquake.originTime}"`);
    hit = { origin, darkness: darknessOf(scenario, origin) };
    parsed.set(scenario, hit);
  }
  return hit;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function darknessOf(scenario: Scenario, origin: NonNullable<ReturnType<typeof originParts>>): Darkness {
  const given = scenario.conditions?.darkness;
  if (given) return { dusk: minutesOf(given.dusk), dawn: minutesOf(given.dawn), computed: false };
  // The origin date's civil twilight at the epicentre: over a 72-hour drill it moves by a few minutes at most.
  const { lat, lon } = scenario.earthquake.epicentre;
  const dusk = sunEvent(lat, lon, origin, origin.offsetMinutes, 'set', CIVIL_TWILIGHT_ALTITUDE);
  const dawn = sunEvent(lat, lon, origin, origin.offsetMinutes, 'rise', CIVIL_TWILIGHT_ALTITUDE);
  // Polar day or night cannot happen in China; should it, the drill is never dark.
  if (dusk === null || dawn === null) return { dusk: DAY_MIN, dawn: 0, computed: true };
  return { dusk, dawn, computed: true };
}

/** Local minutes after the origin day's midnight at a scenario time (may exceed a day). */
const localMinutes = (scenario: Scenario, scenarioMs: number) => of(scenario).origin.minutes + scenarioMs / MINUTE;
/** A local minute count wrapped to the day, 0 ≤ m < 1440. */
const ofDay = (minutes: number) => ((minutes % DAY_MIN) + DAY_MIN) % DAY_MIN;
/** Whether it is dark at a scenario time. */
const isDark = (scenario: Scenario, scenarioMs: number) => darkAt(of(scenario).darkness, ofDay(localMinutes(scenario, scenarioMs)));

/** Whether a local minute of the day (0–1440) falls between dusk and dawn. */
function darkAt(d: Darkness, minuteOfDay: number): boolean {
  return d.dusk > d.dawn ? minuteOfDay >= d.dusk || minuteOfDay < d.dawn : minuteOfDay >= d.dusk && minuteOfDay < d.dawn;
}

/** Local minutes (any number, wrapped to the day) as the wall clock's 'HH:MM'. */
export const hhmm = (minutes: number) => {
  const m = ofDay(Math.floor(minutes));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** The local clock at a scenario time, and whether it is dark then, with the day's dusk and dawn ("dawn 07:20"). */
export function localDarkness(scenario: Scenario, scenarioMs: number): { clock: string; dark: boolean; dusk: string; dawn: string; computed: boolean } {
  const { darkness } = of(scenario);
  const local = localMinutes(scenario, scenarioMs);
  return { clock: hhmm(local), dark: darkAt(darkness, ofDay(local)), dusk: hhmm(darkness.dusk), dawn: hhmm(darkness.dawn), computed: darkness.computed };
}

/** Teams' road speed factor at a scenario time: weather × (dark ? night factor : 1); 1 without conditions. */
export function speedFactorAt(scenario: Scenario, scenarioMs: number): number {
  const c = scenario.conditions;
  if (!c) return 1;
  const weather = WEATHER_SPEED_FACTOR[c.weather?.kind ?? 'clear'];
  return isDark(scenario, scenarioMs) ? weather * (c.nightSpeedFactor ?? NIGHT_SPEED_FACTOR) : weather;
}

/**
 * How long a trip takes that would take `baseMs` at full speed, leaving at `departMs` (scenario
 * time): the way is covered at the speed of each stretch — slower after dusk until dawn, slower in
 * rain, snow or fog — so a trip that runs into the night slows down from dusk on.
 */
export function travelUnderConditions(scenario: Scenario, departMs: number, baseMs: number): number {
  if (!scenario.conditions || !(baseMs > 0)) return baseMs;
  const { darkness } = of(scenario);
  let at = departMs;
  let left = baseMs; // full-speed milliseconds of road still ahead
  // Each pass ends at a dusk or a dawn; a week of travel has 14 of them, so the bound is never reached by a real trip.
  for (let pass = 0; pass < 1000; pass++) {
    const factor = speedFactorAt(scenario, at);
    const minuteOfDay = ofDay(localMinutes(scenario, at));
    const untilChange = Math.min(...[darkness.dusk, darkness.dawn].map((b) => (((b - minuteOfDay) % DAY_MIN) + DAY_MIN) % DAY_MIN || DAY_MIN)) * MINUTE;
    if (untilChange * factor >= left) return Math.round(at + left / factor - departMs);
    left -= untilChange * factor;
    at += untilChange;
  }
  return Math.round(at + left / speedFactorAt(scenario, at) - departMs);
}

/** The factor on the trapped's survival time scale: the cold's when the file turns coldSurvival on below 0 °C, else 1. */
export function survivalScale(scenario: Scenario): number {
  const c = scenario.conditions;
  const temperature = c?.weather?.temperatureC;
  return c?.coldSurvival && temperature !== undefined ? coldScaleFactor(temperature) : 1;
}
