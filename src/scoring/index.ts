// src/scoring — owns decision scores (correctness, timeliness, consequence), unit/group/county/capability roll-ups, P/S/M/U ratings and outcome metrics; imports core and scenario types only.
export { scoreDrill, scoreDecision, type ReportTicks } from './score.ts';
export { correctnessOf, expectedAnswer, lineMatches, matchedLines, maxPoints } from './rubric.ts';
export { timelinessOf, targetOf, DEFAULT_TARGET_SHARE } from './timeliness.ts';
export { consequenceOf, referredIncidents, incidentConsequence, effectHolds, expectedEffects } from './consequence.ts';
export { hoursWithout, outcomesOf } from './outcomes.ts';
export { rate, RATING_ZH, RATING_EN } from './ratings.ts';
export { indexScenario, needsOf, type ScenarioIndex } from './scenario-index.ts';
export { drillTime, scenarioTime, span } from './format.ts';
export { expectedPeople, wholePeople } from './people.ts';
export type * from './types.ts';
