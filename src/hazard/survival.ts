// Survival of people trapped in collapsed buildings over time (黄金72小时), SCIENCE.md §3.

// Weibull fit to the Tangshan 1976 extrication data: scale 2.72 days, shape 1.56 [E] (SCIENCE.md §3)
export const SURVIVAL_FIT = { scaleDays: 2.72, shape: 1.56 } as const;

/** Share of the people trapped at T+0 who are still alive after `days` days: exp(−(t / 2.72 d)^1.56). */
export function survivalAfterDays(days: number): number {
  if (!(days > 0)) return 1;
  return Math.exp(-((days / SURVIVAL_FIT.scaleDays) ** SURVIVAL_FIT.shape));
}

/** The same curve with the time in hours after the earthquake. */
export function survivalAfterHours(hours: number): number {
  return survivalAfterDays(hours / 24);
}

export interface SurvivalPoint {
  /** Days after the earthquake (the end of the interval of extrication). */
  readonly days: number;
  /** Share alive when extricated. */
  readonly aliveShare: number;
}

/** Tangshan 1976: share alive when extricated by ≤ 0.5 h, day 1 … day 5 [S] (SCIENCE.md §3). */
export const TANGSHAN_1976_SURVIVAL: readonly SurvivalPoint[] = [
  // Tangshan 1976, extricated within 0.5 h: 99.3 % alive [S] (SCIENCE.md §3)
  { days: 0.5 / 24, aliveShare: 0.993 },
  // Tangshan 1976, day 1 81.0 %, day 2 53.7 %, day 3 36.7 %, day 4 19.0 %, day 5 7.4 % [S] (SCIENCE.md §3)
  { days: 1, aliveShare: 0.81 },
  { days: 2, aliveShare: 0.537 },
  { days: 3, aliveShare: 0.367 },
  { days: 4, aliveShare: 0.19 },
  { days: 5, aliveShare: 0.074 },
];

/** Kobe 1995: share alive when extricated, day 1 … day 4 [S] (SCIENCE.md §3). Falls faster than the fit. */
export const KOBE_1995_SURVIVAL: readonly SurvivalPoint[] = [
  // Kobe 1995, day 1 74 %, day 2 26 %, day 3 20 %, day 4 6 % [S] (SCIENCE.md §3)
  { days: 1, aliveShare: 0.74 },
  { days: 2, aliveShare: 0.26 },
  { days: 3, aliveShare: 0.2 },
  { days: 4, aliveShare: 0.06 },
];

// Weibull fit to the Tangshan daily shares read as intervals (the share alive among those freed during
// each day): scale 2.25 days, shape 1.14 [E] (SCIENCE.md §7.3). The engine uses this one: a rescue
// happens at one moment, and the end-of-day fit above overstates survival within a day.
export const EXTRICATION_FIT = { scaleDays: 2.25, shape: 1.14 } as const;

/**
 * Chance that a person trapped `hours` ago is alive when freed now: exp(−(t / (2.25 d · scaleFactor))^1.14).
 * `scaleFactor` < 1 shortens survival (the cold, coldScaleFactor); 1 is the fit as published.
 */
export function aliveWhenFreed(hours: number, scaleFactor = 1): number {
  if (!(hours > 0)) return 1;
  return Math.exp(-((hours / 24 / (EXTRICATION_FIT.scaleDays * scaleFactor)) ** EXTRICATION_FIT.shape));
}

// [E] Below 0 °C the survival time scale shrinks by 2 % per degree, to half at −25 °C and colder: exposure
// under rubble kills sooner, but no published curve by temperature was found — a drill option, off by default.
export const COLD_SCALE = { perDegree: 0.02, floor: 0.5 } as const;

/** The factor on the survival time scale at an air temperature (°C): 1 at or above 0 °C. */
export function coldScaleFactor(temperatureC: number): number {
  if (!(temperatureC < 0)) return 1;
  return Math.max(COLD_SCALE.floor, 1 + COLD_SCALE.perDegree * temperatureC);
}
