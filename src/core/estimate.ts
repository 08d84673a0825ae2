// The hazard model's loss estimate, per settlement, for the briefing and `quake-drill estimate`:
// the intensity each place feels, and deaths, injuries and people trapped by SCIENCE.md §7.2's
// calibration at the scenario's origin time, with PAGER's empirical figure (binned as PAGER bins
// intensity) as the central reference, and the +1σ field beside the median — so a facilitator can
// see why the drill's numbers are what they are. Also: which response level the plan's criteria
// (death bands first, then magnitude bands) indicate for an estimate.
import {
  GB18306_EAST,
  attenuationRelation,
  intensityAt,
  injuriesFor,
  intensityRoman,
  OCCUPANCY_DEFAULTS,
  localHourOf,
  occupancyAtHour,
  pagerIntensityBin,
  romanNumeral,
  settlementLosses,
  type OccupancyShares,
} from '../hazard/index.ts';
import type { Scenario } from '../scenario/schema.ts';

type Level = Scenario['responseLevels'][number]['level'];

/**
 * How a continuous intensity is named as a degree. The model's degree is the zone the place lies in,
 * floor(I) — the ellipse of degree N is where I ≥ N (zoneRadii, the map) — so 牌楼 at 6.95 is VI, at
 * the edge of the VII zone. PAGER's bin is round(I), the bin centred on a whole degree.
 */
export const DEGREE_CONVENTION = {
  zh: '烈度度数取所在烈度区，即 I 向下取整（Ⅶ度区为 I ≥ 7 的椭圆内）；PAGER 按四舍五入分档（以整数度为中心）。',
  en: 'The degree is the zone a place lies in, floor(I) (the VII zone is inside the ellipse where I ≥ 7); PAGER bins I to the nearest whole degree.',
} as const;

export interface LossTotals {
  population: number;
  deaths: number;
  serious: number;
  minor: number;
  trappedAlive: number;
  /** PAGER empirical China figure, population · ν(round(I)): the central reference. */
  pagerDeaths: number;
}

export interface SettlementEstimate extends LossTotals {
  id: string;
  /** Continuous intensity at the place. */
  intensity: number;
  /** GB/T 17742 degree by DEGREE_CONVENTION, floor(I), e.g. 'VI' for 6.95. */
  degree: string;
  /** PAGER's bin, round(I), e.g. 'VII' for 6.95. */
  pagerBin: string;
  approximate: boolean;
}

export interface LossEstimate {
  model: 'building-mix' | 'pager-empirical';
  /** How many σ were added to the scenario's field (0 = the scenario's own field). */
  sigmas: number;
  /** The intensity σ used for the +nσ field and where it comes from. */
  sigma: { value: number; from: 'scenario' | 'relation' | 'gb18306-east' };
  /** The offset the field was computed with: attenuation.offset + sigmas · σ. */
  offset: number;
  /** Local hour of the origin time and the share of people indoors then (the scenario's; a place may set its own). */
  localHour: number;
  occupancy: number;
  settlements: SettlementEstimate[];
  total: LossTotals;
}

export interface EstimateOptions {
  /** Add this many σ to the field (e.g. 1 for the "+1σ" field); default 0. */
  sigmas?: number;
}

/** Places feeling less than this are left out: nothing is destroyed below intensity VI (SCIENCE.md §7.2), V keeps the felt area in view [E]. */
const FELT = 5;

/**
 * The intensity σ for a "+1σ" field: the scenario's casualtyModel.sigma if it gives one, else the
 * relation's own, else GB 18306-2015's 0.5826 (Wang 2000 publishes none; SCIENCE.md §1 [S]).
 */
export function intensitySigma(scenario: Scenario): LossEstimate['sigma'] {
  const own = scenario.earthquake.casualtyModel?.sigma;
  if (own !== undefined) return { value: own, from: 'scenario' };
  const relation = attenuationRelation(scenario.earthquake.attenuation.relation);
  if (relation.sigma !== undefined) return { value: relation.sigma, from: 'relation' };
  return { value: GB18306_EAST.sigma!, from: 'gb18306-east' };
}

type Occupancy = NonNullable<Scenario['occupancy']>;
type Season = NonNullable<Scenario['conditions']>['season'];

/** The shares a file sets over those it leaves out, and over those the season of the drill sets. */
const overlay = (base: OccupancyShares, own: Occupancy | undefined, season: Season | undefined): OccupancyShares => {
  const seasonal = season === undefined ? undefined : own?.[season];
  return {
    night: seasonal?.night ?? own?.night ?? base.night,
    morning: seasonal?.morning ?? own?.morning ?? base.morning,
    day: seasonal?.day ?? own?.day ?? base.day,
  };
};

export function estimateLosses(scenario: Scenario, options: EstimateOptions = {}): LossEstimate {
  const eq = scenario.earthquake;
  const cm = eq.casualtyModel;
  const model = cm?.model ?? 'building-mix';
  const sigmas = options.sigmas ?? 0;
  if (!Number.isFinite(sigmas)) throw new RangeError(`sigmas must be a finite number, got ${sigmas}`);
  const sigma = intensitySigma(scenario);
  const offset = eq.attenuation.offset + sigmas * sigma.value;
  const localHour = localHourOf(eq.originTime);
  // The scenario's shares indoors (SCIENCE.md §7.2's where it sets none), and a place's own over them;
  // the season's over the year-round ones at each level.
  const season = scenario.conditions?.season;
  const shares = overlay(OCCUPANCY_DEFAULTS, scenario.occupancy, season);
  const occupancy = occupancyAtHour(localHour, shares);
  const quake = { lat: eq.epicentre.lat, lon: eq.epicentre.lon, magnitude: eq.magnitude, strikeDeg: eq.strikeDeg, offset };
  const params = cm ? { seriousPerDeath: cm.seriousPerDeath, minorPerDeath: cm.minorPerDeath, minorFloorShare: cm.minorFloorShare, trappedAliveShare: cm.trappedAliveShare } : {};
  const settlements = scenario.region.settlements
    .map((s): SettlementEstimate => {
      const intensity = intensityAt(eq.attenuation.relation, quake, s.lat, s.lon);
      const here = s.occupancy ? occupancyAtHour(localHour, overlay(shares, s.occupancy, season)) : occupancy;
      const l = settlementLosses({ population: s.population, buildings: s.buildings, intensity, occupancy: here, ...params });
      // pager-empirical: PAGER's figure is the deaths, and the injuries go with it; the trapped still come from the destroyed buildings.
      const deaths = model === 'pager-empirical' ? l.pagerDeaths : l.deaths;
      const hurt = model === 'pager-empirical' ? injuriesFor(deaths, s.population, intensity, params) : l;
      const bin = pagerIntensityBin(intensity);
      return {
        id: s.id,
        intensity,
        degree: intensityRoman(intensity),
        pagerBin: bin === 0 ? '–' : romanNumeral(bin),
        population: s.population,
        deaths,
        serious: hurt.serious,
        minor: hurt.minor,
        trappedAlive: l.trappedAlive,
        pagerDeaths: l.pagerDeaths,
        approximate: s.approximate ?? false,
      };
    })
    .filter((s) => s.intensity >= FELT)
    .sort((a, b) => b.intensity - a.intensity);
  const sum = (f: (s: SettlementEstimate) => number) => settlements.reduce((a, s) => a + f(s), 0);
  return {
    model,
    sigmas,
    sigma,
    offset,
    localHour,
    occupancy,
    settlements,
    total: {
      population: sum((s) => s.population),
      deaths: sum((s) => s.deaths),
      serious: sum((s) => s.serious),
      minor: sum((s) => s.minor),
      trappedAlive: sum((s) => s.trappedAlive),
      pagerDeaths: sum((s) => s.pagerDeaths),
    },
  };
}

/** Does a death count fall in a level's death band? undefined when the level states none. */
function inDeathBand(c: Scenario['responseLevels'][number]['criteria'], deaths: number): boolean | undefined {
  if (c.deathsMin === undefined && c.deathsMax === undefined) return undefined;
  return (c.deathsMin === undefined || deaths >= c.deathsMin) && (c.deathsMax === undefined || deaths <= c.deathsMax);
}

/** Does the scenario's magnitude fall in a level's magnitude band [min, max)? undefined when it states none. */
function inMagnitudeBand(c: Scenario['responseLevels'][number]['criteria'], magnitude: number): boolean | undefined {
  if (c.magnitudeMin === undefined && c.magnitudeMax === undefined) return undefined;
  return (c.magnitudeMin === undefined || magnitude >= c.magnitudeMin) && (c.magnitudeMax === undefined || magnitude < c.magnitudeMax);
}

/**
 * The response level the plan's criteria indicate for an estimated death toll: the most severe level
 * (in the scenario's order, I first) whose death band [deathsMin, deathsMax] holds the deaths, rounded
 * to a whole person (the bands count people); if no level's death band holds them, the most severe
 * level whose magnitude band [magnitudeMin, magnitudeMax) holds the scenario's magnitude; else
 * undefined. `by` says which criterion decided.
 */
export function levelByCriteria(scenario: Scenario, deaths: number): { level: Level; by: 'deaths' | 'magnitude' } | undefined {
  const n = Math.round(deaths);
  const levels = scenario.responseLevels;
  const byDeaths = levels.find((l) => inDeathBand(l.criteria, n) === true);
  if (byDeaths) return { level: byDeaths.level, by: 'deaths' };
  const byMagnitude = levels.find((l) => inMagnitudeBand(l.criteria, scenario.earthquake.magnitude) === true);
  return byMagnitude ? { level: byMagnitude.level, by: 'magnitude' } : undefined;
}

/**
 * Whether a level's criteria are met: its death band holds the (rounded) deaths, or its magnitude band
 * holds the scenario's magnitude; a level that states neither band is met.
 */
export function meetsLevelCriteria(scenario: Scenario, level: Level, deaths: number): boolean {
  const def = scenario.responseLevels.find((l) => l.level === level);
  if (!def) return false;
  const d = inDeathBand(def.criteria, Math.round(deaths));
  const m = inMagnitudeBand(def.criteria, scenario.earthquake.magnitude);
  if (d === undefined && m === undefined) return true;
  return d === true || m === true;
}
