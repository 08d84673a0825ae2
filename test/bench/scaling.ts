// How a whole headless drill's cost grows with the scenario's size: the default scenario grown
// 1×–16× (scaled-scenario.ts), every seat a plan bot, CPU time beside wall time, scoring apart.
// n log n growth shows as a log-log slope a little over 1; quadratic as 2. Prints nothing.
import { runDrill } from '../../src/core/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { scoreDrill } from '../../src/scoring/index.ts';
import { percentile } from '../../src/review/spread.ts';
import { defaultScenario } from './engine.bench.ts';
import { cpuMsSince, timed } from './measure.ts';
import { scaledScenario } from './scaled-scenario.ts';

export interface ScalingRow {
  k: number;
  decisions: number;
  injects: number;
  teams: number;
  samples: number;
  /** Median per headless plan-bot run (runDrill), and per scoreDrill of its result. */
  runCpuMs: number;
  runWallMs: number;
  scoreCpuMs: number;
  scoreWallMs: number;
}

export interface ScalingTable {
  rows: ScalingRow[];
  /** Least-squares slope of log(run CPU ms) on log(k) over every row; 1 is linear, 2 quadratic. */
  slope: number;
  /** log(ms at 8×/ms at 1×) / log 8. */
  slope1to8: number;
  /** Run CPU at 8× over run CPU at 1× (the target: ≤ 16). */
  ratio8: number;
  scoreSlope: number;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

/** Least-squares slope of log y on log x. */
export function logLogSlope(points: readonly { x: number; y: number }[]): number {
  const xs = points.map((p) => Math.log(p.x));
  const ys = points.map((p) => Math.log(p.y));
  const mx = xs.reduce((a, x) => a + x, 0) / xs.length;
  const my = ys.reduce((a, y) => a + y, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

/** Samples per size: more where a run is short, so each size costs roughly the same time. */
const samplesFor = (k: number) => (k <= 1 ? 21 : k <= 2 ? 11 : k <= 4 ? 7 : k <= 8 ? 5 : 3);

export interface ScalingOptions {
  base?: Scenario;
  ks?: readonly number[];
  samples?: (k: number) => number;
  /** Called between samples, outside the timed part (the bench samples its XState reference there). */
  between?: () => void;
}

export function scalingTable(options: ScalingOptions = {}): ScalingTable {
  const base = options.base ?? defaultScenario();
  const rows: ScalingRow[] = [];
  // The JIT first (≥ 200 runs and ≥ 1 s of CPU): the default drill reaches its steady speed only after
  // some 100–200 runs (optimising compilers), and the smallest size would pay for the rest.
  const warm = process.cpuUsage();
  for (let seed = 1; seed <= 200 || cpuMsSince(warm) < 1000; seed++) {
    const ex = runDrill({ scenario: base, seed: -seed, policy: 'plan' });
    scoreDrill(base, ex.world, ex.log);
  }
  const sizes = (options.ks ?? [1, 2, 4, 8, 16]).map((k) => {
    const scenario = scaledScenario(base, k);
    // One unmeasured run first: per-scenario caches (model, statechart, road lookups) fill as in a long session.
    runDrill({ scenario, seed: 0, policy: 'plan' });
    return { k, scenario, n: (options.samples ?? samplesFor)(k), run: { cpu: [] as number[], wall: [] as number[] }, score: { cpu: [] as number[], wall: [] as number[] } };
  });
  // Samples of every size interleaved over the whole measurement, so a machine that gets busier
  // (benches share it) slows every size alike instead of tilting the slope.
  const order = sizes.flatMap((size) => Array.from({ length: size.n }, (_, i) => ({ size, seed: i + 1, at: (i + 0.5) / size.n }))).sort((a, b) => a.at - b.at || a.size.k - b.size.k);
  for (const { size, seed } of order) {
    options.between?.();
    const r = timed(() => runDrill({ scenario: size.scenario, seed, policy: 'plan' }));
    size.run.cpu.push(r.cpuMs);
    size.run.wall.push(r.wallMs);
    const sc = timed(() => scoreDrill(size.scenario, r.value.world, r.value.log));
    size.score.cpu.push(sc.cpuMs);
    size.score.wall.push(sc.wallMs);
  }
  for (const { k, scenario, n, run, score } of sizes) {
    rows.push({
      k,
      decisions: scenario.decisions.length,
      injects: scenario.injects.length,
      teams: scenario.organisation.units.reduce((a, u) => a + u.teams.reduce((b, t) => b + t.count, 0), 0),
      samples: n,
      runCpuMs: round(median(run.cpu)),
      runWallMs: round(median(run.wall)),
      scoreCpuMs: round(median(score.cpu)),
      scoreWallMs: round(median(score.wall)),
    });
  }
  const at = (k: number) => rows.find((r) => r.k === k);
  const one = at(1);
  const eight = at(8);
  return {
    rows,
    slope: round(logLogSlope(rows.map((r) => ({ x: r.k, y: r.runCpuMs })))),
    slope1to8: one && eight ? round(Math.log(eight.runCpuMs / one.runCpuMs) / Math.log(8)) : NaN,
    ratio8: one && eight ? round(eight.runCpuMs / one.runCpuMs, 1) : NaN,
    scoreSlope: round(logLogSlope(rows.map((r) => ({ x: r.k, y: r.scoreCpuMs })))),
  };
}
