// What format v1 left implicit, for a drill log's scenario digest: it must not change when a file is
// migrated (the v1 set of outcome figures itself is outcomes.ts's; migrate.ts writes it out), nor when
// a file names its basemap.
import { V1_OUTCOMES } from './outcomes.ts';
import { FORMAT_V1, scenarioSchema, type Scenario } from './schema.ts';

/** V1_OUTCOMES as the loader hands them out, to compare with a scenario's. */
const V1_READ = JSON.stringify(scenarioSchema.shape.outcomes.parse(V1_OUTCOMES));

/**
 * The scenario as format v1 held it, where v1 could say it (its outcomes are the ones v1 implied): what
 * a drill log's scenario digest is taken of, so a drill recorded before its file was migrated still
 * names the migrated file — migrating changes how a scenario is written, not which scenario it is.
 */
export function v1Form(scenario: Scenario): object {
  const played = withoutBasemap(scenario);
  const { outcomes, ...rest } = played;
  if (JSON.stringify(outcomes) !== V1_READ) return played; // a v1 file loads with the v1 set written in
  return { ...rest, format: FORMAT_V1 };
}

/**
 * The basemap only says what is drawn under the map: nothing the fold or the scores read, and its file's
 * geometry was never hashed either — so a record stays verifiable when its scenario gains or changes one.
 */
function withoutBasemap(scenario: Scenario): Scenario {
  if (scenario.region.basemap === undefined) return scenario;
  const { basemap: _drawnOnly, ...region } = scenario.region;
  return { ...scenario, region };
}
