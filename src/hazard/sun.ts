// When the sun rises and sets (and when civil twilight begins and ends) at a place on a date: the
// NOAA "General Solar Position Calculations" equations (fractional-year series for the equation of
// time and the declination, then the hour angle of the sun at a given altitude). Good to a minute or
// two between the polar circles — ample for "dawn at 07:20" and for when teams drive in the dark.

/** Altitude of the sun's centre at sunrise/sunset: −0.833° (refraction 0.567° + the disc's radius) (NOAA). */
export const SUNRISE_ALTITUDE = -0.833;
/** Civil twilight ends (dusk) and begins (dawn) with the sun's centre 6° below the horizon (USNO). */
export const CIVIL_TWILIGHT_ALTITUDE = -6;

export interface CalendarDate {
  readonly year: number;
  /** 1 … 12 */
  readonly month: number;
  /** 1 … 31 */
  readonly day: number;
}

const RAD = Math.PI / 180;

function dayOfYear({ year, month, day }: CalendarDate): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][month - 1]!;
  return before + day + (leap && month > 2 ? 1 : 0);
}

const daysInYear = (year: number) => ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365);

/** Equation of time (minutes) and solar declination (radians) at a fractional year γ (radians) (NOAA). */
function solarPosition(gamma: number): { eqTimeMin: number; declination: number } {
  // NOAA General Solar Position Calculations: eqtime = 229.18·(0.000075 + 0.001868 cosγ − 0.032077 sinγ − 0.014615 cos2γ − 0.040849 sin2γ)
  const eqTimeMin = 229.18 * (0.000075 + 0.001868 * Math.cos(gamma) - 0.032077 * Math.sin(gamma) - 0.014615 * Math.cos(2 * gamma) - 0.040849 * Math.sin(2 * gamma));
  // NOAA: decl = 0.006918 − 0.399912 cosγ + 0.070257 sinγ − 0.006758 cos2γ + 0.000907 sin2γ − 0.002697 cos3γ + 0.00148 sin3γ
  const declination =
    0.006918 - 0.399912 * Math.cos(gamma) + 0.070257 * Math.sin(gamma) - 0.006758 * Math.cos(2 * gamma) + 0.000907 * Math.sin(2 * gamma) - 0.002697 * Math.cos(3 * gamma) + 0.00148 * Math.sin(3 * gamma);
  return { eqTimeMin, declination };
}

/**
 * Local clock time, in minutes after local midnight, at which the sun's centre passes `altitudeDeg`
 * rising (`'rise'`, morning) or setting (`'set'`, evening) at (lat, lon) on `date`, for a clock at
 * UTC + `utcOffsetMinutes`. null when the sun stays above or below that altitude all day (polar day
 * or night). The position is taken at the event's own approximate time (06:00 / 18:00 local solar).
 */
export function sunEvent(lat: number, lon: number, date: CalendarDate, utcOffsetMinutes: number, event: 'rise' | 'set', altitudeDeg = SUNRISE_ALTITUDE): number | null {
  // NOAA: γ = 2π/365 · (day of year − 1 + (hour − 12)/24), here at 06:00 or 18:00 local solar time.
  const hour = event === 'rise' ? 6 : 18;
  const gamma = ((2 * Math.PI) / daysInYear(date.year)) * (dayOfYear(date) - 1 + (hour - 12) / 24);
  const { eqTimeMin, declination } = solarPosition(gamma);
  const phi = lat * RAD;
  // NOAA: cos(ha) = cos(zenith) / (cos φ · cos δ) − tan φ · tan δ, zenith = 90° − altitude.
  const cosHa = Math.cos((90 - altitudeDeg) * RAD) / (Math.cos(phi) * Math.cos(declination)) - Math.tan(phi) * Math.tan(declination);
  if (cosHa > 1 || cosHa < -1) return null;
  const haDeg = Math.acos(cosHa) / RAD;
  // NOAA: sunrise (UTC minutes) = 720 − 4·(longitude + ha) − eqtime; sunset = 720 − 4·(longitude − ha) − eqtime.
  const utc = 720 - 4 * (lon + (event === 'rise' ? haDeg : -haDeg)) - eqTimeMin;
  return (((utc + utcOffsetMinutes) % 1440) + 1440) % 1440;
}
