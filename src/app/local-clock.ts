// The local clock beside T+ (issue 12): the time of day at the epicentre, from the origin time as the
// scenario writes it (local, with its UTC offset) plus scenario time, and — where the scenario has
// conditions, so the dark slows its teams — the dawn while it is dark (core/conditions.ts: the file's
// dusk and dawn, else civil twilight). Arithmetic on the written clock time, deliberately not through
// Date: that would shift it into the time zone of whichever computer runs the drill.
import { hhmm, localDarkness } from '../core/conditions.ts';
import { originParts } from '../scenario/origin-time.ts';
import type { Scenario } from '../scenario/schema.ts';
import { t, type Lang } from './i18n.ts';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** The local time at the epicentre some scenario time after the shock. */
export interface LocalTime {
  /** Minutes after local midnight, 0–1439. */
  minuteOfDay: number;
  /** Days after the origin's local date (0: the day of the shock). */
  day: number;
}

/** The local time `scenarioMs` after an origin time such as "2026-11-21T22:30+08:00"; undefined for text not in that form. */
export function localTimeAt(originTime: string, scenarioMs: number): LocalTime | undefined {
  const origin = originParts(originTime);
  if (!origin) return undefined;
  // In whole milliseconds, then the minute that has begun, as a clock on the wall shows it.
  const minutes = Math.floor((Math.round(origin.minutes * MINUTE) + Math.max(0, scenarioMs)) / MINUTE);
  return { minuteOfDay: minutes % DAY_MINUTES, day: Math.floor(minutes / DAY_MINUTES) };
}

/** "当地 03:05（+1 天） · 天亮 07:20": the local time, the day when it is not the shock's, and `dawn` (given while it is dark). */
export function localClockText(lang: Lang, at: LocalTime, dawn?: string): string {
  const time = hhmm(at.minuteOfDay);
  const local = at.day === 0 ? t(lang, 'console.clock.local', { time }) : t(lang, 'console.clock.localDay', { time, days: at.day });
  return dawn === undefined ? local : `${local} · ${t(lang, 'console.clock.dawn', { time: dawn })}`;
}

/** The clock text beside T+ for a scenario at `scenarioMs`; empty when its origin time cannot be read. */
export function scenarioLocalClock(lang: Lang, scenario: Scenario, scenarioMs: number): string {
  const at = localTimeAt(scenario.earthquake.originTime, scenarioMs);
  if (!at) return '';
  const dark = scenario.conditions ? localDarkness(scenario, scenarioMs) : undefined;
  return localClockText(lang, at, dark?.dark ? dark.dawn : undefined);
}
