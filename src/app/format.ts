// How the app writes times, places and durations. Scenario time is always read as "T+" after the
// shock, the way the drill script (演练脚本) writes it, never as a clock time.
import { t, type Lang } from './i18n.ts';

const MINUTE = 60_000;

// One formatter for drill and scenario moments (T+h:mm, mm:ss) across the app, the CLI and the
// reports: scoring's, which every one of them may import (DESIGN.md, Layout).
export { drillTime, scenarioTime } from '../scoring/format.ts';

const PARTS = [['d', 86_400_000], ['h', 3_600_000], ['m', MINUTE], ['s', 1_000]] as const;

/** A drill length in words, e.g. "1 小时 30 分钟" / "1 h 30 min". */
export function drillLength(lang: Lang, ms: number): string {
  let rest = Math.round(ms / 1000) * 1000;
  const words: string[] = [];
  for (const [unit, size] of PARTS) {
    const n = Math.floor(rest / size);
    if (n > 0) words.push(t(lang, `duration.${unit}`, { n }));
    rest -= n * size;
  }
  return words.length > 0 ? words.join(' ') : t(lang, 'duration.m', { n: 0 });
}

/** Latitude and longitude with their hemispheres, to three decimals (about 100 m). */
export function latLon(lang: Lang, lat: number, lon: number): string {
  const deg = (x: number) => Math.abs(x).toFixed(3);
  return t(lang, 'geo.point', {
    lat: t(lang, lat >= 0 ? 'geo.north' : 'geo.south', { deg: deg(lat) }),
    lon: t(lang, lon >= 0 ? 'geo.east' : 'geo.west', { deg: deg(lon) }),
  });
}

/**
 * The origin time as written in the scenario, in the epicentre's local time. Deliberately not
 * through Date: that would shift it into the time zone of whichever computer runs the drill.
 */
export function originTime(lang: Lang, iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)([+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  return t(lang, 'quake.originTimeValue', { date: m[1]!, time: m[2]!, offset: m[3]! });
}

/** A signed number, e.g. the intensity offset "+0.5". */
export const signed = (x: number): string => (x > 0 ? `+${x}` : String(x));
