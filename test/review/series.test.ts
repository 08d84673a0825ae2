// The outcome series: the figures over scenario time, sampled where the scenario's nodes map each
// scenario time to drill time, checked against the scenario's script and the survival curve by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { FACILITATOR, runDrill, type LogEntry } from '../../src/core/index.ts';
import { replay, Timeline } from '../../src/review/index.ts';
import { outcomeSeries, type SeriesPoint } from '../../src/review/series.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scoreDrill } from '../../src/scoring/index.ts';
import { haicheng } from '../scoring/helpers.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

let scenario: Scenario;
let planLog: readonly LogEntry[];
/** The log time the record runs to (the header's until): the drill ended itself after its last entry. */
let until: number;
let plan: SeriesPoint[];
beforeAll(() => {
  scenario = haicheng();
  const ex = runDrill({ scenario, seed: 1, policy: 'plan' });
  planLog = ex.log;
  until = ex.world.t;
  plan = outcomeSeries(scenario, 1, planLog, until);
});
const at = (series: SeriesPoint[], ms: number) => series.find((p) => p.scenarioMs === ms)!;

describe('outcomeSeries', () => {
  it('samples every node boundary and every 30 minutes of scenario time, once each', () => {
    // haicheng-m5.8.yaml: n1 0–30 min, n2 30 min–2 h, n3 2–24 h, n4 24–72 h, n5 72 h–7 d, back to back.
    const times = plan.map((p) => p.scenarioMs);
    expect(times.slice(0, 6)).toEqual([0, 30 * MIN, 60 * MIN, 90 * MIN, 120 * MIN, 150 * MIN]);
    expect(times).toHaveLength(7 * 24 * 2 + 1);
    expect(times.at(-1)).toBe(7 * 24 * HOUR);
    expect(new Set(times).size).toBe(times.length);
  });

  it('maps each scenario time to the drill time of its node', () => {
    // The plan bots never pause: n1 runs 20 drill min, so n2 opens at log time 20 min; n2 maps 90
    // scenario min onto 25 drill min, so T+1:00 (30 scenario min into n2) is 30 / 3.6 = 8 1/3 min later.
    expect(at(plan, 30 * MIN).t).toBe(20 * MIN);
    expect(at(plan, 60 * MIN).t).toBe(20 * MIN + 500_000);
    // The drill ends itself at the end of n5: 20 + 25 + 35 + 25 + 15 = 120 drill min.
    expect(plan.at(-1)!.t).toBe(120 * MIN);
  });

  it('counts the trapped as the script makes them appear', () => {
    // At T+0 nobody is trapped yet: 岔沟 collapses with inject i03 at n1 + 4 min (16 trapped), 接文 9,
    // 析木 7 and 牌楼 5 come in n2 (i12–i14), so 16 at T+0:30 and 37 at T+2:00.
    expect(at(plan, 0)).toMatchObject({ trapped: 0, rescuedAlive: 0, deadTrapped: 0, overall: null });
    expect(at(plan, 30 * MIN).trapped).toBe(16);
    expect(at(plan, 120 * MIN).trapped).toBe(37);
  });

  it('ends with the figures the report gives for the whole drill', () => {
    const score = scoreDrill(scenario, replay(scenario, 1, planLog, until).world, planLog);
    expect(plan.at(-1)).toMatchObject({
      trapped: score.outcomes.trapped,
      rescuedAlive: score.outcomes.rescuedAlive,
      hoursWithout: score.outcomes.hoursWithout.map((h) => h.hours),
      shelterOpened: score.outcomes.shelter.opened,
      overall: score.overall,
    });
  });

  it('stands at each point as Timeline.seek shows the drill at that log time', () => {
    const timeline = new Timeline(scenario, 1, planLog);
    for (const ms of [60 * MIN, 6 * HOUR, 30 * HOUR, 100 * HOUR]) {
      const p = at(plan, ms);
      const ex = timeline.seek(p.t);
      expect(ex.world.scenarioMs).toBeGreaterThanOrEqual(ms);
      const o = scoreDrill(scenario, ex.world, ex.log).outcomes;
      expect(p).toMatchObject({ trapped: o.trapped, rescuedAlive: o.rescuedAlive, shelterOpened: o.shelter.opened });
    }
  });

  it('never lets the rescued alive, the trapped or the dead among them go down', () => {
    for (let i = 1; i < plan.length; i++) {
      for (const k of ['trapped', 'rescuedAlive', 'deadTrapped'] as const) expect(plan[i]![k]).toBeGreaterThanOrEqual(plan[i - 1]![k]);
      expect(plan[i]!.hoursWithout[0]).toBeGreaterThanOrEqual(plan[i - 1]!.hoursWithout[0]!);
    }
    // Every trapped person is counted once: freed alive, dead, or still waiting alive.
    for (const p of plan) expect(p.rescuedAlive + p.deadTrapped).toBeLessThanOrEqual(p.trapped + 0.1);
  });

  it('keeps rescuedAlive at 0 when nobody digs, and the dead follow the survival curve', () => {
    // Started, then nothing, recorded to the end of n2 (T+2:00): the first team d09's expiry sends
    // leaves at T+2:05, so nobody is freed.
    const log: LogEntry[] = [{ seq: 1, t: 0, actor: FACILITATOR, event: { type: 'start' } }];
    const idle = outcomeSeries(scenario, 1, log, 45 * MIN);
    expect(idle.map((p) => p.scenarioMs)).toEqual([0, 30 * MIN, 60 * MIN, 90 * MIN, 120 * MIN]);
    expect(idle.every((p) => p.rescuedAlive === 0)).toBe(true);
    // Alive after h hours trapped: exp(−(h / 54)^1.14) (hazard/survival.ts). At T+2:00: 岔沟's 16 trapped
    // since scenario minute 6 (n1 + 4 drill min × 1.5) → 1.9 h, 16 × 0.0218 = 0.349; 接文 9 since 40.8 min
    // (n2 + 3 × 3.6) → 1.32 h, 9 × 0.0144 = 0.130; 析木 7 since 44.4 min → 1.26 h, 7 × 0.0137 = 0.096;
    // 牌楼 5 since 48 min → 1.2 h, 5 × 0.0130 = 0.065. Together 0.64 → 0.6.
    expect(at(idle, 120 * MIN)).toMatchObject({ trapped: 37, deadTrapped: 0.6 });
  });

  it('has no point for the scenario time a node left early skipped', () => {
    const log: LogEntry[] = [
      { seq: 1, t: 0, actor: FACILITATOR, event: { type: 'start' } },
      { seq: 2, t: 5 * MIN, actor: FACILITATOR, event: { type: 'next-node' } },
    ];
    // n1 left 5 drill min in (T+0:07:30): T+0:30 is n2's opening, at log time 5 min; 25 drill min later n2 ends at T+2:00.
    expect(outcomeSeries(scenario, 1, log, 30 * MIN).map((p) => [p.scenarioMs, p.t])).toEqual([
      [0, 0],
      [30 * MIN, 5 * MIN],
      [60 * MIN, 5 * MIN + 500_000],
      [90 * MIN, 5 * MIN + 1_000_000],
      [120 * MIN, 30 * MIN],
    ]);
  });

  it('follows the drill through a pause: no scenario time passes while it is paused', () => {
    const log: LogEntry[] = [
      { seq: 1, t: 0, actor: FACILITATOR, event: { type: 'start' } },
      { seq: 2, t: 10 * MIN, actor: FACILITATOR, event: { type: 'pause' } },
      { seq: 3, t: 70 * MIN, actor: FACILITATOR, event: { type: 'resume' } },
    ];
    const paused = outcomeSeries(scenario, 1, log, 80 * MIN);
    // 10 drill min into n1 is T+0:15; resumed at log 70 min, n1 ends 10 drill min later, at log 80 min.
    expect(paused.map((p) => [p.scenarioMs, p.t])).toEqual([
      [0, 0],
      [30 * MIN, 80 * MIN],
    ]);
  });
});
