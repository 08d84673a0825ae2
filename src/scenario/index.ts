// src/scenario — owns the scenario file format: the zod schema, YAML loading with positions, the
// semantic lint and the JSON Schema export. Imports only yaml, zod and fastest-levenshtein.
export { loadScenario, type LoadOptions, type LoadResult } from './load.ts';
export { basemapFindings, extentOf, reachesInto, readBasemapText, type ReadBeside } from './basemap-file.ts';
export { formatProblem, type Problem } from './problem.ts';
export { scenarioJsonSchemaText } from './json-schema.ts';
export { applyEdits, migrateText, migrateV1toV2, type TextEdit } from './migrate.ts';
export { v1Form } from './v1-form.ts';
export { PLAIN_OUTCOMES, counts, kindsFigures, outcomeFigures, shows, type KindsOutcome, type OutcomeFigure, type OutcomeKind, type PlainOutcome } from './outcomes.ts';
export { parseDuration, formatDuration, MAX_DRILL_MS, MAX_SCENARIO_MS } from './duration.ts';
export { mediaPathProblem, URL_SCHEME } from './media-path.ts';
export * from './schema.ts';
export {
  DECISION_KIND_IDS, DECISION_KINDS, MAX_DECISION_REPORT_CHARS, copyAnswer, kindOf, numberCorrectness, rankingCorrectness, refuseKindAnswer,
  type AnswerField, type DecisionAnswer, type DecisionKind, type DecisionKindSpec, type Measured,
} from './decision-kinds.ts';
export { HANDLED_BY, capabilitiesFor } from './incident-kinds.ts';
export { CAPABILITY_TABLE, FACILITY_KIND_TABLE, INCIDENT_KIND_TABLE, KIND_TABLES, kindName, type Capability, type FacilityKind, type IncidentKind, type KindFamily, type SymbolFamily, type Words } from './kinds.ts';
