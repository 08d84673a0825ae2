// The one JSON shape of a scored drill, printed by `run --json` and `report --format json` alike.
import type { Exercise } from '../core/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { scoreDrill, type DrillScore, type ReportTicks } from '../scoring/index.ts';

export interface DrillJson extends DrillScore {
  /** The scenario file as given (run) or as named in the log's header (report). */
  scenario: string;
  scenarioId: string;
  scenarioVersion: string;
  seed: number;
  /** The bot policy that played every seat (run); null when read back from a log. */
  policy: string | null;
  /** Log entries. */
  events: number;
  stateHash: string;
}

/** `ticks`: the evaluator's ticks of report decisions (the review record's); none for a run. */
export function drillJson(scenarioPath: string, scenario: Scenario, seed: number, policy: string | null, ex: Exercise, ticks: ReportTicks = {}): DrillJson {
  const score = scoreDrill(scenario, ex.world, ex.log, ticks);
  return {
    scenario: scenarioPath,
    scenarioId: scenario.meta.id,
    scenarioVersion: scenario.meta.version,
    seed,
    policy,
    events: ex.log.length,
    stateHash: ex.hash(),
    ...score,
  };
}
