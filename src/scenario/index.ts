// src/scenario — owns the scenario file format: the zod schema, YAML loading with positions, the
// semantic lint and the JSON Schema export. Imports only yaml, zod and fastest-levenshtein.
export { loadScenario, type LoadResult } from './load.ts';
export { formatProblem, type Problem } from './problem.ts';
export { scenarioJsonSchemaText } from './json-schema.ts';
export { parseDuration, formatDuration, MAX_DRILL_MS, MAX_SCENARIO_MS } from './duration.ts';
export { mediaPathProblem, URL_SCHEME } from './media-path.ts';
export * from './schema.ts';
export { HANDLED_BY, capabilitiesFor } from './incident-kinds.ts';
