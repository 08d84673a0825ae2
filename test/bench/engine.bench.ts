// The engine's speed: events through the fold, whole headless runs, rebuilding and seeking a long
// log — beside a minimal XState machine on the same machine, as the reference.
import { readFileSync } from 'node:fs';
import { createActor, setup } from 'xstate';
import { runDrill } from '../../src/core/index.ts';
import { replay, Timeline } from '../../src/review/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { scoreDrill } from '../../src/scoring/index.ts';
import { percentile } from '../../src/cli/progress.ts';
import { randomDrill } from '../core/random-commands.ts';
import { stats } from './stats.ts';

function referenceEventsPerSecond(): number {
  const machine = setup({ types: {} as { events: { type: 'go' } | { type: 'back' } } }).createMachine({
    initial: 'a',
    states: { a: { on: { go: 'b' } }, b: { on: { back: 'a' } } },
  });
  const actor = createActor(machine).start();
  const n = 200_000;
  const start = performance.now();
  for (let i = 0; i < n; i++) actor.send({ type: i % 2 ? 'back' : 'go' });
  return n / ((performance.now() - start) / 1000);
}

export function engineBench() {
  const file = new URL('../../scenarios/haicheng-m5.8.yaml', import.meta.url);
  const loaded = loadScenario(readFileSync(file, 'utf8'), 'haicheng-m5.8.yaml');
  if (!loaded.ok) throw new Error('the default scenario does not load');
  const scenario = loaded.scenario;

  // Whole drills with every seat a plan bot.
  const runs: number[] = [];
  for (let seed = 1; seed <= 40; seed++) {
    const start = performance.now();
    runDrill({ scenario, seed, policy: 'plan' });
    runs.push(performance.now() - start);
  }
  const run = stats(runs.slice(5));

  // A 10,000-entry log: commands every few seconds over a drill that is never ended early.
  const { log } = randomDrill(scenario, 7, { steps: 10_000, maxGapMs: 1_500, mayEnd: false });
  const rebuilds: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    replay(scenario, 7, log);
    rebuilds.push(performance.now() - start);
  }
  const rebuild = stats(rebuilds);
  const eventsPerSecond = Math.round(log.length / (rebuild.medianMs / 1000));

  const buildStart = performance.now();
  const timeline = new Timeline(scenario, 7, log);
  const timelineMs = performance.now() - buildStart;
  const end = log.at(-1)!.t;
  const seeks: number[] = [];
  let x = 12345;
  for (let i = 0; i < 200; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const t = Math.floor((x / 2 ** 31) * end);
    const start = performance.now();
    timeline.seek(t);
    seeks.push(performance.now() - start);
  }
  const reference = referenceEventsPerSecond();

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
    fullRunPlan: { ...run, runsPerSecond: Math.round(1000 / run.medianMs) },
    log10k: { entries: log.length, drillMinutes: Math.round(end / 60_000), rebuild, eventsPerSecond, checkpoints: timeline.length, buildTimelineMs: Math.round(timelineMs) },
    seek: stats(seeks),
    gaming: { ...gaming, holds: gaming.longestP50 < M && gaming.randomP50 < M },
    reference: { minimalXStateEventsPerSecond: Math.round(reference), ratioEngineToReference: Math.round((eventsPerSecond / reference) * 1000) / 1000 },
  };
}
