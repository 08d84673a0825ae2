// Durations in scenario files are written the way staff say them: "90s", "15m", "1h30m", "3d".
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;

export const DURATION_PATTERN = '^(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$';
const DURATION_RE = new RegExp(DURATION_PATTERN);
const PART_RE = /(\d+)([dhms])/g;

/**
 * The longest stretch of drill time one field may give (a node's length, an offset, a deadline):
 * a tabletop exercise runs a morning or a day in the room, so 24 h is far past any real one [E].
 */
export const MAX_DRILL_MS = 24 * UNIT_MS.h;
/**
 * The longest scenario time after the earthquake (a node's span, a cascade's delay): recovery
 * drills reach weeks to months after the shock, so one year is generous; beyond it the engine's
 * clocks would only measure typing mistakes such as a stray run of zeros [E].
 */
export const MAX_SCENARIO_MS = 366 * UNIT_MS.d;

/** Milliseconds in a duration string, or undefined when it is not one (or too long to be a number). */
export function parseDuration(text: string): number | undefined {
  if (!DURATION_RE.test(text)) return undefined;
  let ms = 0;
  for (const [, n, unit] of text.matchAll(PART_RE)) ms += Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
  // "1" and 400 zeros is Infinity to a double: not a duration anyone meant.
  return Number.isFinite(ms) ? ms : undefined;
}

/** The shortest duration string for a number of milliseconds (whole seconds). */
export function formatDuration(ms: number): string {
  let rest = Math.round(ms / 1000);
  if (rest === 0) return '0m';
  let out = '';
  for (const [unit, size] of [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}
