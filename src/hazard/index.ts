// src/hazard — owns the seismic hazard model: intensity field, ground motion, damage and casualties, survival of trapped people, aftershocks and the seeded PRNG. Pure functions; imports nothing.
export {
  ATTENUATION_RELATIONS,
  CEA_NORTHEAST,
  GB18306_EAST,
  WANG_2000,
  attenuationRelation,
  epicentralIntensity,
  intensityAt,
  intensityAtOffset,
  intensityGrid,
  intensityLongAxis,
  intensityShortAxis,
  projectAlongStrike,
  zoneRadii,
  type AttenuationId,
  type AttenuationRelation,
  type AxisCoefficients,
  type GridBounds,
  type IntensityGrid,
  type QuakeSource,
  type RelationRef,
  type ZoneRadii,
} from './intensity.ts';
export { GB18306_GROUND_MOTION_SIGMA, gb18306PgaGal, gb18306PgvCms, instrumentalIntensity } from './ground-motion.ts';
export { intensityRoman, romanNumeral } from './roman.ts';
export { erfc, normalCdf } from './normal.ts';
export {
  BUILDING_CLASS_TO_PAGER,
  GB17742_BUILDING_CLASSES,
  PAGER_CHINA,
  PAGER_SEMI_EMPIRICAL,
  classCollapseRate,
  classFatalityGivenCollapse,
  collapseRate,
  pagerFatalityRate,
  settlementLosses,
  type BuildingClass,
  type CasualtyModel,
  type PagerStructureType,
  type SemiEmpiricalVulnerability,
  type SettlementLossInput,
  type SettlementLosses,
} from './casualties.ts';
export { KOBE_1995_SURVIVAL, SURVIVAL_FIT, TANGSHAN_1976_SURVIVAL, survivalAfterDays, survivalAfterHours, type SurvivalPoint } from './survival.ts';
export {
  AFTERSHOCK_PARAMETERS,
  BATH_DELTA,
  PAGE2016_ACTIVE,
  PAGE2016_STABLE,
  RJ1989_CALIFORNIA,
  aftershockProbability,
  aftershockRate,
  bathLargestAftershock,
  drawAftershocks,
  expectedAftershocks,
  type Aftershock,
  type AftershockDraw,
  type AftershockParamSet,
  type AftershockParamSetId,
  type AftershockParams,
  type AftershockWindow,
} from './aftershocks.ts';
export { nextRandom, randomStream, seedRandom, type RandomState, type RandomStream } from './random.ts';
