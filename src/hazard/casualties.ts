// Damage and casualties by intensity: the project's calibration of GB/T 17742-2020 building classes
// (SCIENCE.md §7.2), with USGS PAGER's empirical China rate, binned as PAGER bins intensity, as the
// central reference (SCIENCE.md §2, §7). PAGER's semi-empirical collapse rates are kept as data only:
// SCIENCE.md §2 and §7.1 say not to apply them to Chinese building classes at VI–VII.
import { normalCdf } from './normal.ts';

// USGS PAGER empirical fatality model, China: θ 10.328811, β 0.100058 [V] (usgs/pager losspager/data/fatality.xml; SCIENCE.md §2)
export const PAGER_CHINA = { theta: 10.328811, beta: 0.100058 } as const;

/**
 * PAGER empirical fatality rate for China at a continuous intensity, ν(I) = Φ(ln(I/θ)/β) (MMI taken as
 * equal to the Chinese intensity [E]). PAGER itself evaluates it only at whole degrees: see
 * pagerBinnedFatalityRate.
 */
export function pagerFatalityRate(intensity: number): number {
  if (!(intensity > 0)) return 0;
  return normalCdf(Math.log(intensity / PAGER_CHINA.theta) / PAGER_CHINA.beta);
}

/**
 * The MMI bin PAGER puts an intensity in: bins are centred on whole degrees, [N − 0.5, N + 0.5) → N,
 * for N = 1…10 (usgs/pager losspager/models/exposure.py calc_exposure [V]). Below 0.5 → 0 (no bin);
 * PAGER drops ≥ 10.5 — we keep it in bin 10 rather than lose the people.
 */
export function pagerIntensityBin(intensity: number): number {
  if (!(intensity >= 0.5)) return 0;
  return Math.min(10, Math.floor(intensity + 0.5));
}

/** PAGER's rate as PAGER applies it: ν at the centre of the intensity's bin, ν(round(I)). */
export function pagerBinnedFatalityRate(intensity: number): number {
  const bin = pagerIntensityBin(intensity);
  return bin === 0 ? 0 : pagerFatalityRate(bin);
}

export type PagerStructureType =
  | 'unreinforced-brick'
  | 'brick-mud-mortar'
  | 'nonductile-rc-frame'
  | 'ductile-rc-frame'
  | 'rc-shear-wall'
  | 'adobe'
  | 'wood';

export interface SemiEmpiricalVulnerability {
  /** Share of buildings that collapse at MMI 6.0, 7.0, 8.0, 9.0. */
  readonly collapse: readonly [number, number, number, number];
  /** Share of the occupants of a collapsed building who die. */
  readonly fatalityGivenCollapse: number;
}

/**
 * PAGER semi-empirical collapse rates by MMI 6/7/8/9 and fatality given collapse [V] (SCIENCE.md §2).
 * Reference data only: global rates that contradict GB/T 17742 at VI–VII (SCIENCE.md §7.1).
 */
export const PAGER_SEMI_EMPIRICAL: Readonly<Record<PagerStructureType, SemiEmpiricalVulnerability>> = {
  // PAGER semi-empirical, unreinforced brick: collapse .01/.04/.14/.35, fatality .08 [V] (SCIENCE.md §2)
  'unreinforced-brick': { collapse: [0.01, 0.04, 0.14, 0.35], fatalityGivenCollapse: 0.08 },
  // PAGER semi-empirical, brick in mud mortar: collapse .02/.12/.35/.70, fatality .06 [V] (SCIENCE.md §2)
  'brick-mud-mortar': { collapse: [0.02, 0.12, 0.35, 0.7], fatalityGivenCollapse: 0.06 },
  // PAGER semi-empirical, non-ductile RC frame: collapse .00/.002/.02/.11, fatality .15 [V] (SCIENCE.md §2)
  'nonductile-rc-frame': { collapse: [0, 0.002, 0.02, 0.11], fatalityGivenCollapse: 0.15 },
  // PAGER semi-empirical, ductile RC frame: collapse .00/.01/.02/.10, fatality .15 [V] (SCIENCE.md §2)
  'ductile-rc-frame': { collapse: [0, 0.01, 0.02, 0.1], fatalityGivenCollapse: 0.15 },
  // PAGER semi-empirical, RC shear wall: collapse 0/0/0/.02, fatality .15 [V] (SCIENCE.md §2)
  'rc-shear-wall': { collapse: [0, 0, 0, 0.02], fatalityGivenCollapse: 0.15 },
  // PAGER semi-empirical, adobe: collapse 0/.10/.55/.85, fatality .06 [V] (SCIENCE.md §2)
  adobe: { collapse: [0, 0.1, 0.55, 0.85], fatalityGivenCollapse: 0.06 },
  // PAGER semi-empirical, wood: collapse 0/0/.05/.10, fatality .007 [V] (SCIENCE.md §2)
  wood: { collapse: [0, 0, 0.05, 0.1], fatalityGivenCollapse: 0.007 },
};

/** PAGER semi-empirical collapse rate: linear between MMI 6/7/8/9, 0 below 6, flat above 9. */
export function collapseRate(type: PagerStructureType, intensity: number): number {
  const rates = PAGER_SEMI_EMPIRICAL[type].collapse;
  if (!(intensity >= 6)) return 0;
  if (intensity >= 9) return rates[3];
  const k = Math.floor(intensity) - 6;
  const lower = rates[k] ?? 0;
  const upper = rates[k + 1] ?? lower;
  return lower + (upper - lower) * (intensity - Math.floor(intensity));
}

export type BuildingClass = 'A1' | 'A2' | 'B' | 'C' | 'D';

export const GB17742_BUILDING_CLASSES: readonly BuildingClass[] = ['A1', 'A2', 'B', 'C', 'D'];

/**
 * Share of buildings destroyed (毁坏), zone average, by GB/T 17742-2020 class at degrees VI, VII, VIII, IX
 * [E] (SCIENCE.md §7.2: derived from GB/T 17742-2020's quantity words 个别 < 10 %, 少数 10–50 %, 多数 50–70 %).
 */
export const DESTROYED_SHARE: Readonly<Record<BuildingClass, readonly [number, number, number, number]>> = {
  // A1 destroyed share VI .001, VII .02, VIII .12, IX .35 [E] (SCIENCE.md §7.2)
  A1: [0.001, 0.02, 0.12, 0.35],
  // A2 destroyed share VI 0, VII .005, VIII .05, IX .15 [E] (SCIENCE.md §7.2)
  A2: [0, 0.005, 0.05, 0.15],
  // B destroyed share VI 0, VII .005, VIII .04, IX .18 [E] (SCIENCE.md §7.2)
  B: [0, 0.005, 0.04, 0.18],
  // C destroyed share VI 0, VII 0, VIII .005, IX .04 [E] (SCIENCE.md §7.2)
  C: [0, 0, 0.005, 0.04],
  // D destroyed share VI 0, VII 0, VIII .003, IX .02 [E] (SCIENCE.md §7.2)
  D: [0, 0, 0.003, 0.02],
};

/**
 * Share of the occupants of a destroyed building who die, by class: PAGER CN fatality given collapse
 * [E] (SCIENCE.md §7.2: A1 0.06, A2 0.007, B 0.08, C and D 0.15).
 */
export const FATALITY_GIVEN_COLLAPSE: Readonly<Record<BuildingClass, number>> = {
  // A1 0.06 = PAGER brick in mud mortar (SCIENCE.md §2, §7.2)
  A1: 0.06,
  // A2 0.007 = PAGER wood (SCIENCE.md §2, §7.2)
  A2: 0.007,
  // B 0.08 = PAGER unreinforced brick (SCIENCE.md §2, §7.2)
  B: 0.08,
  // C 0.15 = PAGER RC (SCIENCE.md §2, §7.2)
  C: 0.15,
  // D 0.15 = PAGER RC (SCIENCE.md §2, §7.2)
  D: 0.15,
};

// Each degree N's share is anchored at I = N + 0.5, the middle of its zone (SCIENCE.md §7.2)
const FIRST_ANCHOR = 6.5;
// Taper to 0 linearly from 6.5 down to 6.0, so there is no step at 6.0 (SCIENCE.md §7.2)
const TAPER_FROM = 6;

/**
 * Share of a class's buildings destroyed at a continuous intensity (SCIENCE.md §7.2 [E]):
 * - the VI, VII, VIII, IX values sit at I = 6.5, 7.5, 8.5, 9.5;
 * - between two anchors, log-linear (geometric) interpolation; where the lower anchor is 0 (no
 *   logarithm), linear from 0 instead, so the share still rises continuously from 0 — e.g. B between
 *   6.5 (0) and 7.5 (0.005) — and where both are 0 it stays 0;
 * - below 6.5, the VI value × (I − 6) / 0.5, reaching 0 at 6.0 with no step;
 * - above 9.5 (past the table), the VIII→IX log slope continues, capped at 1: GB/T 17742 at X calls
 *   most old houses destroyed, so holding IX's value flat would understate it. Our choice [E].
 */
export function destroyedShare(buildingClass: BuildingClass, intensity: number): number {
  const v = DESTROYED_SHARE[buildingClass];
  if (!(intensity > TAPER_FROM)) return 0;
  if (intensity < FIRST_ANCHOR) return (v[0] * (intensity - TAPER_FROM)) / (FIRST_ANCHOR - TAPER_FROM);
  const top = v.length - 1;
  let k = Math.floor(intensity - FIRST_ANCHOR);
  if (k >= top) k = top - 1; // extrapolate on the last segment
  const lower = v[k]!;
  const upper = v[k + 1]!;
  const f = intensity - FIRST_ANCHOR - k;
  let share: number;
  if (lower > 0 && upper > 0) share = lower * (upper / lower) ** f;
  else if (f > 1) share = upper; // a zero-anchored last segment: hold the last value
  else share = lower + (upper - lower) * f;
  return Math.min(1, share);
}

/** Share of people indoors in each window of the day: night 22–05 h, morning 05–10 h, day 10–22 h. */
export interface OccupancyShares {
  readonly night: number;
  readonly morning: number;
  readonly day: number;
}

// 22–05 h: 0.95 indoors (asleep); 05–10 h: 0.6; otherwise 0.5 [E] (SCIENCE.md §7.2, after PAGER's occupancy windows)
export const OCCUPANCY_DEFAULTS: OccupancyShares = { night: 0.95, morning: 0.6, day: 0.5 };

/** Local hour (0–24) → share of people indoors, by the scenario's shares or SCIENCE.md §7.2's. */
export function occupancyAtHour(hour: number, shares: OccupancyShares = OCCUPANCY_DEFAULTS): number {
  if (!(hour >= 0 && hour < 24)) throw new RangeError(`a local hour runs from 0 to 24, got ${hour}`);
  if (hour >= 22 || hour < 5) return shares.night;
  if (hour < 10) return shares.morning;
  return shares.day;
}

/** Local hour of an ISO origin time written with its own offset ("2026-11-21T09:30+08:00" → 9.5). */
export function localHourOf(originTime: string): number {
  const m = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(originTime);
  if (!m) throw new RangeError(`an origin time needs a local time such as "2026-11-21T09:30+08:00", got "${originTime}"`);
  return Number(m[1]) + Number(m[2]) / 60 + Number(m[3] ?? 0) / 3600;
}

export interface LossParameters {
  /** Serious injuries per death; default 4.5 (SCIENCE.md §7.2). */
  readonly seriousPerDeath?: number;
  /** Minor injuries per death; default 9.6 (1975 Haicheng). */
  readonly minorPerDeath?: number;
  /** Minor injuries at least this share of the population where I ≥ 6.5; default 5e-4. */
  readonly minorFloorShare?: number;
  /** Share of the occupants of destroyed buildings trapped alive; default 0.45. */
  readonly trappedAliveShare?: number;
}

export interface SettlementLossInput extends LossParameters {
  readonly population: number;
  /** Share of the population living in each GB/T 17742-2020 class (missing classes count as 0). */
  readonly buildings: Readonly<Partial<Record<BuildingClass, number>>>;
  /** Intensity at the settlement (continuous). */
  readonly intensity: number;
  /** Share of the population indoors at the time of the shock (occupancyAtHour). */
  readonly occupancy: number;
}

export interface SettlementLosses {
  /** Share of the building stock destroyed: Σ share · destroyedShare(class, I). */
  readonly destroyedShare: number;
  /** People inside destroyed buildings: population · occupancy · destroyedShare. */
  readonly occupantsOfDestroyed: number;
  readonly deaths: number;
  readonly serious: number;
  readonly minor: number;
  /** Trapped alive in the rubble at T+0. */
  readonly trappedAlive: number;
  /** PAGER's empirical China figure, population · ν(bin(I)): the central reference. */
  readonly pagerDeaths: number;
}

// Serious injuries ≈ 4.5 per death (3.2 Haicheng 1975 … 5.8 Yingjiang 2011) [E] (SCIENCE.md §7.2)
const SERIOUS_PER_DEATH = 4.5;
// Minor injuries 9.6 per death, 1975 Haicheng: 12,688 / 1,328 [V] (SCIENCE.md §2)
const MINOR_PER_DEATH = 9.6;
// Minor injuries at least 5e-4 of the people at I ≥ 6.5: most injuries in small events are non-structural [E] (SCIENCE.md §7.2)
const MINOR_FLOOR_SHARE = 5e-4;
const MINOR_FLOOR_INTENSITY = 6.5;
// Trapped alive ≈ occupants of destroyed buildings × 0.45 (0.5 trapped × 0.9 alive) [E] (SCIENCE.md §7.2)
const TRAPPED_ALIVE_SHARE = 0.45;

export const LOSS_DEFAULTS = {
  seriousPerDeath: SERIOUS_PER_DEATH,
  minorPerDeath: MINOR_PER_DEATH,
  minorFloorShare: MINOR_FLOOR_SHARE,
  minorFloorIntensity: MINOR_FLOOR_INTENSITY,
  trappedAliveShare: TRAPPED_ALIVE_SHARE,
} as const;

/**
 * Injuries that go with a death toll in one place: serious = seriousPerDeath · deaths; minor =
 * max(minorPerDeath · deaths, minorFloorShare · population where I ≥ 6.5) — the floor per place,
 * since in small events most injuries are non-structural (SCIENCE.md §7.2).
 */
export function injuriesFor(deaths: number, population: number, intensity: number, params: LossParameters = {}): { serious: number; minor: number } {
  const floor = intensity >= MINOR_FLOOR_INTENSITY ? (params.minorFloorShare ?? MINOR_FLOOR_SHARE) * population : 0;
  return {
    serious: (params.seriousPerDeath ?? SERIOUS_PER_DEATH) * deaths,
    minor: Math.max((params.minorPerDeath ?? MINOR_PER_DEATH) * deaths, floor),
  };
}

/**
 * Losses in one settlement (SCIENCE.md §7.2 [E]); expectations, not rounded.
 *   deaths       = Σ_class population · occupancy · share · destroyedShare(class, I) · fatalityGivenCollapse(class)
 *   serious      = seriousPerDeath · deaths
 *   minor        = max(minorPerDeath · deaths, minorFloorShare · population if I ≥ 6.5) — per place
 *   trappedAlive = occupants of destroyed buildings · trappedAliveShare, capped at occupants − deaths
 *   pagerDeaths  = population · ν(bin(I)) — PAGER's rate already averages over the time of day.
 */
export function settlementLosses(input: SettlementLossInput): SettlementLosses {
  const trappedAliveShare = input.trappedAliveShare ?? TRAPPED_ALIVE_SHARE;
  const indoors = input.population * input.occupancy;
  let destroyed = 0;
  let deaths = 0;
  for (const buildingClass of GB17742_BUILDING_CLASSES) {
    const share = (input.buildings[buildingClass] ?? 0) * destroyedShare(buildingClass, input.intensity);
    destroyed += share;
    deaths += indoors * share * FATALITY_GIVEN_COLLAPSE[buildingClass];
  }
  const occupantsOfDestroyed = indoors * destroyed;
  return {
    destroyedShare: destroyed,
    occupantsOfDestroyed,
    deaths,
    ...injuriesFor(deaths, input.population, input.intensity, input),
    trappedAlive: Math.max(0, Math.min(occupantsOfDestroyed * trappedAliveShare, occupantsOfDestroyed - deaths)),
    pagerDeaths: input.population * pagerBinnedFatalityRate(input.intensity),
  };
}
