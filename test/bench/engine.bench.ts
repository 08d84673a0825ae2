// The engine's speed on the default scenario: a whole headless drill, its scoring and the scenario's
// loading, each on CPU time beside wall time and interleaved with the XState reference. Plus the
// issue-7 check that form cannot game the score.
import { readFileSync } from 'node:fs';
import { runDrill, type Exercise } from '../../src/core/index.ts';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { scoreDrill } from '../../src/scoring/index.ts';
import { percentile } from '../../src/review/spread.ts';
import { interleaved, type Reference } from './measure.ts';

const WARMUP_RUNS = 1_000;
/** Recorded drills (and scorings of them), after the warm-up. */
const RUNS = 200;
const DEFAULT = new URL('../../scenarios/haicheng-m5.8.yaml', import.meta.url);

export function defaultScenario(): Scenario {
  const loaded = loadScenario(readFileSync(DEFAULT, 'utf8'), 'haicheng-m5.8.yaml');
  if (!loaded.ok) throw new Error('the default scenario does not load');
  return loaded.scenario;
}

export function engineBench(reference: Reference) {
  const text = readFileSync(DEFAULT, 'utf8');
  const load = interleaved(20, () => loadScenario(text, 'haicheng-m5.8.yaml'), reference);
  const scenario = defaultScenario();

  // Whole drills with every seat a plan bot, seeds 1…200, after 1,000 unrecorded runs: the engine
  // reaches its steady speed only once the JIT has seen a few hundred drills (a long session's case).
  const runs: Exercise[] = [];
  for (let seed = 1; seed <= WARMUP_RUNS; seed++) {
    const ex = runDrill({ scenario, seed: -seed, policy: 'plan' });
    scoreDrill(scenario, ex.world, ex.log);
  }
  const run = interleaved(RUNS, (i) => runs.push(runDrill({ scenario, seed: i + 1, policy: 'plan' })), reference, 0);
  const score = interleaved(RUNS, (i) => scoreDrill(scenario, runs[i]!.world, runs[i]!.log), reference, 0);

  // Scores that form cannot game (issue 7 §4): picking the longest option, or answering at random,
  // stays below 中 (the scenario's M) at p50 over seeds 1–50, as `run --runs 50` checks.
  const p50 = (policy: 'longest' | 'random') => {
    const overall = Array.from({ length: 50 }, (_, i) => {
      const ex = runDrill({ scenario, seed: i + 1, policy });
      return scoreDrill(scenario, ex.world, ex.log).overall ?? 0;
    }).sort((a, b) => a - b);
    return Math.round(percentile(overall, 50) * 10) / 10;
  };
  const M = scenario.scoring.ratings.M;
  const gaming = { seeds: '1–50', belowM: M, longestP50: p50('longest'), randomP50: p50('random') };
  return {
    defaultDrill: { logEntries: runs[0]!.log.length, run, score, loadYamlAndLint: load },
    gaming: { ...gaming, holds: gaming.longestP50 < M && gaming.randomP50 < M },
  };
}
