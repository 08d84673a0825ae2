// The origin time is a calendar date and clock time: the pattern alone lets 2026-02-30T25:99 through,
// and the casualty model reads the local hour from it (occupancy by time of day).

/** How an origin time is written: the schema's pattern (a local time with its UTC offset). */
export const ORIGIN_TIME_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?[+-]\d{2}:\d{2}$/;
const ORIGIN_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?([+-])(\d{2}):(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (leap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * What is wrong with an origin time written in the pattern (in English and Chinese), or undefined
 * when it is a real moment. Text not in the pattern is left to the pattern's own message.
 */
export function originTimeProblem(text: string): { message: string; zh: string } | undefined {
  const m = ORIGIN_RE.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second, , offH, offM] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  if (month! < 1 || month! > 12) return { message: `there is no month ${month} (months run 01–12)`, zh: `没有 ${month} 月（月份为 01–12）` };
  const days = daysInMonth(year!, month!);
  if (day! < 1 || day! > days) return { message: `${MONTHS[month! - 1]} ${year} has no day ${day} (it has ${days} days)`, zh: `${year} 年 ${month} 月没有 ${day} 日（该月有 ${days} 天）` };
  if (hour! > 23) return { message: `there is no hour ${hour} (hours run 00–23)`, zh: `没有 ${hour} 时（小时为 00–23）` };
  if (minute! > 59) return { message: `there is no minute ${minute} (minutes run 00–59)`, zh: `没有 ${minute} 分（分钟为 00–59）` };
  if (second! > 59) return { message: `there is no second ${second} (seconds run 00–59)`, zh: `没有 ${second} 秒（秒为 00–59）` };
  // UTC offsets in use run from −12:00 to +14:00 (Kiribati) — IANA time zone database.
  const offset = (m[7] === '-' ? -1 : 1) * (offH! * 60 + offM!);
  if (offM! > 59 || offset < -12 * 60 || offset > 14 * 60) return { message: `${m[7]}${m[8]}:${m[9]} is not a UTC offset (offsets run from -12:00 to +14:00)`, zh: `${m[7]}${m[8]}:${m[9]} 不是有效的 UTC 时差（时差为 -12:00 至 +14:00）` };
  return undefined;
}

/** The parts of an origin time in the pattern: its local date, minutes after local midnight, and UTC offset in minutes. */
export function originParts(text: string): { year: number; month: number; day: number; minutes: number; offsetMinutes: number } | undefined {
  const m = ORIGIN_RE.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second, , offH, offM] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  return { year: year!, month: month!, day: day!, minutes: hour! * 60 + minute! + second! / 60, offsetMinutes: (m[7] === '-' ? -1 : 1) * (offH! * 60 + offM!) };
}
