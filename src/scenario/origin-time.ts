// The origin time is a calendar date and clock time: the pattern alone lets 2026-02-30T25:99 through,
// and the casualty model reads the local hour from it (occupancy by time of day).

const ORIGIN_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?([+-])(\d{2}):(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (leap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * What is wrong with an origin time written in the pattern, or undefined when it is a real moment.
 * Text not in the pattern is left to the pattern's own message.
 */
export function originTimeProblem(text: string): string | undefined {
  const m = ORIGIN_RE.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second, , offH, offM] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  if (month! < 1 || month! > 12) return `there is no month ${month} (months run 01–12)`;
  const days = daysInMonth(year!, month!);
  if (day! < 1 || day! > days) return `${MONTHS[month! - 1]} ${year} has no day ${day} (it has ${days} days)`;
  if (hour! > 23) return `there is no hour ${hour} (hours run 00–23)`;
  if (minute! > 59) return `there is no minute ${minute} (minutes run 00–59)`;
  if (second! > 59) return `there is no second ${second} (seconds run 00–59)`;
  // UTC offsets in use run from −12:00 to +14:00 (Kiribati) — IANA time zone database.
  const offset = (m[7] === '-' ? -1 : 1) * (offH! * 60 + offM!);
  if (offM! > 59 || offset < -12 * 60 || offset > 14 * 60) return `${m[7]}${m[8]}:${m[9]} is not a UTC offset (offsets run from -12:00 to +14:00)`;
  return undefined;
}
