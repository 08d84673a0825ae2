// The outcome figures of one drill over scenario time, for the charts of a report and the aligned
// series of a comparison. Two drills of one scenario are compared at the same scenario times, never
// at the same drill times: one may have paused, or left a node early.
import { createExercise, survivalScale, type Exercise, type LogEntry, type World } from '../core/index.ts';
import { clockAt } from '../core/time.ts';
import { aliveWhenFreed } from '../hazard/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { scoreDrill, type ReportTicks } from '../scoring/index.ts';

const HOUR = 3_600_000;
export const SERIES_STEP_MS = 30 * 60_000;

export interface SeriesPoint {
  /** Scenario time, ms after the earthquake. */
  scenarioMs: number;
  /** The log time the drill stood at then (what Timeline.seek takes). */
  t: number;
  /** People trapped in incidents that had appeared (scoring's Outcomes.trapped). */
  trapped: number;
  /** Expected number freed alive so far (Outcomes.rescuedAlive, one decimal). */
  rescuedAlive: number;
  /** Expected deaths among the trapped by then: see deadAmongTrapped. One decimal. */
  deadTrapped: number;
  /** Hours without, per hours-without figure of the scenario (Outcomes.hoursWithout), in its order. */
  hoursWithout: number[];
  /** Shelter places opened. */
  shelterOpened: number;
  /** The overall score as it stood then (null while no decision counts). */
  overall: number | null;
}

/**
 * Expected deaths among the trapped by the world's scenario time: of those freed, the ones not freed
 * alive; of those still waiting, the share a person trapped that long would not survive (the
 * survival curve the engine frees them by, hazard/survival.ts). It never decreases, and freeing
 * people does not change it at that moment: the rescue only stops it growing. `survivalScale` is the
 * scenario's (core/conditions.ts: the cold shortens survival when the file asks for it).
 */
export function deadAmongTrapped(world: Readonly<World>, survivalScale = 1): number {
  let dead = 0;
  for (const i of Object.values(world.incidents)) {
    if (i.status === 'latent' || i.appearedMs === undefined || i.trapped === 0) continue;
    dead += i.rescuedMs !== undefined ? i.trapped - i.rescuedAlive : i.trapped * (1 - aliveWhenFreed((world.scenarioMs - i.appearedMs) / HOUR, survivalScale));
  }
  return Math.round(dead * 10) / 10;
}

/** The scenario times a series samples, per node: its span's ends and every `step` inside it. */
function targetsOf(scenario: Scenario, step: number): { node: number; ms: number }[] {
  const out: { node: number; ms: number }[] = [];
  scenario.nodes.forEach((n, node) => {
    const times = new Set([n.span.from, n.span.to]);
    for (let ms = Math.ceil(n.span.from / step) * step; ms < n.span.to; ms += step) times.add(ms);
    for (const ms of [...times].sort((a, b) => a - b)) out.push({ node, ms });
  });
  return out;
}

/**
 * The outcome figures at every node boundary and every `stepScenarioMs` of scenario time the drill
 * reached, and at the record's end (`until`, else the last entry). One fold of the log, stopped at
 * the log time each scenario time maps to (core/time.ts, per node): the same state Timeline.seek
 * gives there. A node's end is read one drill millisecond before it, as the node stood before the
 * next opened — unless the next node's span starts there, whose opening then stands for that time.
 * Scenario times the drill skipped (a node left early, a gap between spans) have no point.
 */
export function outcomeSeries(scenario: Scenario, seed: number, log: readonly LogEntry[], until?: number, stepScenarioMs = SERIES_STEP_MS, ticks: ReportTicks = {}): SeriesPoint[] {
  if (!(stepScenarioMs > 0)) throw new RangeError(`the series step must be a positive number of ms, not ${stepScenarioMs}`);
  const ex = createExercise({ scenario, seed });
  const targets = targetsOf(scenario, stepScenarioMs);
  const end = Math.max(until ?? 0, log.at(-1)?.t ?? 0);
  const points: SeriesPoint[] = [];
  let k = 0;
  // One point per scenario time: where one node's span ends as the next begins, the later state stands.
  const take = (ms: number) => {
    const point = pointOf(scenario, ex, ms, ticks);
    if (points.at(-1)?.scenarioMs === ms) points[points.length - 1] = point;
    else points.push(point);
  };

  /** Takes every target the running drill reaches before log time `limit` (at it, when no entry comes then). */
  const reach = (limit: number, entryAtLimit: boolean) => {
    const due = (t: number) => t < limit || (t === limit && !entryAtLimit);
    while (k < targets.length) {
      const w = ex.world;
      if (w.mode !== 'running') return;
      const target = targets[k]!;
      const nodeEnd = w.nodeStartClock + scenario.nodes[w.node]!.length;
      if (target.node < w.node) k++;
      else if (target.node > w.node) {
        // Let the node end (its end opens the next one) if the record gets that far.
        const t = w.t + (nodeEnd - w.clock);
        if (!due(t)) return;
        const node = w.node;
        ex.advance(t);
        // A node's end opens the next one or ends the drill; were it ever not to, stop rather than spin.
        if (w.mode === 'running' && w.node === node) return;
      } else if (target.ms <= w.scenarioMs) take(targets[k++]!.ms);
      else {
        const clock = Math.min(clockAt(ex.model, w, target.ms)!, nodeEnd - 1);
        const t = w.t + (clock - w.clock);
        if (!due(t)) return;
        ex.advance(t);
        take(targets[k++]!.ms);
      }
    }
  };

  for (const entry of log) {
    reach(entry.t, true);
    ex.apply(entry);
  }
  reach(end, false);
  if (end > ex.world.t) ex.advance(end);
  // The record's end: the figures the report gives. It replaces a sample at the same scenario time.
  const last = pointOf(scenario, ex, ex.world.scenarioMs, ticks);
  while (points.length && points.at(-1)!.scenarioMs >= last.scenarioMs) points.pop();
  points.push(last);
  return points;
}

/** `ticks`: the evaluators' ticks of written reports, so the chart's last point is the report's own overall. */
function pointOf(scenario: Scenario, ex: Exercise, scenarioMs: number, ticks: ReportTicks): SeriesPoint {
  const score = scoreDrill(scenario, ex.world, ex.log, ticks);
  const o = score.outcomes;
  return {
    scenarioMs,
    t: ex.world.t,
    trapped: o.trapped,
    rescuedAlive: o.rescuedAlive,
    deadTrapped: deadAmongTrapped(ex.world, survivalScale(scenario)),
    hoursWithout: o.hoursWithout.map((h) => h.hours),
    shelterOpened: o.shelter.opened,
    overall: score.overall,
  };
}
