// Damage and casualties by intensity: USGS PAGER's empirical fatality rate for China and its
// semi-empirical collapse rates, applied to a settlement's GB/T 17742-2020 building mix (SCIENCE.md §2).
import { normalCdf } from './normal.ts';

// USGS PAGER empirical fatality model, China: θ 10.328811, β 0.100058 [V] (usgs/pager losspager/data/fatality.xml; SCIENCE.md §2)
export const PAGER_CHINA = { theta: 10.328811, beta: 0.100058 } as const;

/**
 * PAGER empirical fatality rate for China, ν(I) = Φ(ln(I/θ)/β): the share of the people exposed to
 * intensity I (MMI, taken as equal to the Chinese intensity [E]) who die. Dominated by Tangshan —
 * an upper guide for a whole event, used here as the lower reference beside the building-mix model.
 */
export function pagerFatalityRate(intensity: number): number {
  if (!(intensity > 0)) return 0;
  return normalCdf(Math.log(intensity / PAGER_CHINA.theta) / PAGER_CHINA.beta);
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

/** PAGER semi-empirical collapse rates by MMI 6/7/8/9 and fatality given collapse [V] (SCIENCE.md §2). */
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

/**
 * Collapse rate of a PAGER structure type at an intensity: linear between the MMI 6/7/8/9 values,
 * 0 below 6 (PAGER gives no rate there), flat above 9.
 */
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

/**
 * GB/T 17742-2020 building classes mapped to PAGER structure types — an estimate [E], chosen so that
 * PAGER's collapse rates agree with the scale's damage words (e.g. at IX: B 少数毁坏 ≈ .35,
 * C 个别毁坏 ≈ .11):
 * A1 unreinforced earth/brick-timber/stone-timber → brick in mud mortar; A2 穿斗 timber → wood;
 * B unreinforced brick-concrete (砖混) → unreinforced brick; C brick-concrete designed for VII →
 * non-ductile RC frame; D RC frame designed for VII → ductile RC frame.
 */
export const BUILDING_CLASS_TO_PAGER: Readonly<Record<BuildingClass, PagerStructureType>> = {
  A1: 'brick-mud-mortar',
  A2: 'wood',
  B: 'unreinforced-brick',
  C: 'nonductile-rc-frame',
  D: 'ductile-rc-frame',
};

export const GB17742_BUILDING_CLASSES: readonly BuildingClass[] = ['A1', 'A2', 'B', 'C', 'D'];

/** Collapse rate of a GB/T 17742-2020 building class at an intensity (via BUILDING_CLASS_TO_PAGER). */
export function classCollapseRate(buildingClass: BuildingClass, intensity: number): number {
  return collapseRate(BUILDING_CLASS_TO_PAGER[buildingClass], intensity);
}

/** Share of a class's collapsed-building occupants who die (via BUILDING_CLASS_TO_PAGER). */
export function classFatalityGivenCollapse(buildingClass: BuildingClass): number {
  return PAGER_SEMI_EMPIRICAL[BUILDING_CLASS_TO_PAGER[buildingClass]].fatalityGivenCollapse;
}

export type CasualtyModel = 'building-mix' | 'pager-empirical';

export interface SettlementLossInput {
  readonly population: number;
  /** Share of the population living in each GB/T 17742-2020 class (missing classes count as 0). */
  readonly buildings: Readonly<Partial<Record<BuildingClass, number>>>;
  /** Intensity at the settlement (continuous). */
  readonly intensity: number;
  readonly model: CasualtyModel;
  /** Serious injuries per death; default 3.2 (1975 Haicheng). */
  readonly seriousPerDeath?: number;
  /** Minor injuries per death; default 9.6 (1975 Haicheng). */
  readonly minorPerDeath?: number;
  /** Share of the occupants of collapsed buildings trapped alive at T+0; default 0.45 = 0.5 × 0.9. */
  readonly trappedAliveShare?: number;
  /** Share of the population indoors at the time of the shock; default 1. */
  readonly occupancy?: number;
}

export interface SettlementLosses {
  /** Share of the building stock that collapses: Σ share·collapseRate. */
  readonly collapsedShare: number;
  /** People inside collapsed buildings: population · occupancy · collapsedShare. */
  readonly occupantsOfCollapsed: number;
  /** Deaths of the chosen model. */
  readonly deaths: number;
  readonly serious: number;
  readonly minor: number;
  /** Trapped alive in the rubble at T+0. */
  readonly trappedAlive: number;
  /** Deaths by the building-mix model, whatever the chosen model. */
  readonly buildingMixDeaths: number;
  /** Deaths by PAGER's empirical China rate, population · ν(I): the lower reference. */
  readonly pagerEmpiricalDeaths: number;
}

// Injuries per death from 1975 Haicheng: 1,328 deaths, 4,292 serious, 12,688 minor [V] (SCIENCE.md §2)
const HAICHENG_1975_RATIOS = { serious: 3.2, minor: 9.6 } as const;
// Trapped alive at T+0 ≈ occupants of collapsed buildings × 0.5 × 0.9 [E] (SCIENCE.md §2)
const DEFAULT_TRAPPED_ALIVE_SHARE = 0.5 * 0.9;

/**
 * Losses in one settlement — a simple estimate [E]; all figures are expectations (not rounded).
 *   collapsedShare  = Σ_class share · collapseRate(class, I)
 *   occupants       = population · occupancy · collapsedShare
 *   building-mix    = Σ_class population · occupancy · share · collapseRate · fatalityGivenCollapse
 *   pager-empirical = population · ν(I)   (PAGER's rate already averages over the time of day, so no occupancy)
 *   serious, minor  = deaths · seriousPerDeath, deaths · minorPerDeath
 *   trappedAlive    = min(occupants · trappedAliveShare, occupants − deaths), not below 0 —
 *     trappedAliveShare (0.5 trapped × 0.9 alive) already leaves the dead out, so deaths are not
 *     subtracted again; the cap only keeps the trapped and the dead within the occupants.
 */
export function settlementLosses(input: SettlementLossInput): SettlementLosses {
  const seriousPerDeath = input.seriousPerDeath ?? HAICHENG_1975_RATIOS.serious;
  const minorPerDeath = input.minorPerDeath ?? HAICHENG_1975_RATIOS.minor;
  const trappedAliveShare = input.trappedAliveShare ?? DEFAULT_TRAPPED_ALIVE_SHARE;
  const occupancy = input.occupancy ?? 1;
  const indoors = input.population * occupancy;
  let collapsedShare = 0;
  let buildingMixDeaths = 0;
  for (const buildingClass of GB17742_BUILDING_CLASSES) {
    const share = input.buildings[buildingClass] ?? 0;
    const collapsed = share * classCollapseRate(buildingClass, input.intensity);
    collapsedShare += collapsed;
    buildingMixDeaths += indoors * collapsed * classFatalityGivenCollapse(buildingClass);
  }
  const occupantsOfCollapsed = indoors * collapsedShare;
  const pagerEmpiricalDeaths = input.population * pagerFatalityRate(input.intensity);
  const deaths = input.model === 'building-mix' ? buildingMixDeaths : pagerEmpiricalDeaths;
  const trappedAlive = Math.max(0, Math.min(occupantsOfCollapsed * trappedAliveShare, occupantsOfCollapsed - deaths));
  return {
    collapsedShare,
    occupantsOfCollapsed,
    deaths,
    serious: deaths * seriousPerDeath,
    minor: deaths * minorPerDeath,
    trappedAlive,
    buildingMixDeaths,
    pagerEmpiricalDeaths,
  };
}
