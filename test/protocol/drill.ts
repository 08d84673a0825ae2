// The shipped Haicheng scenario played by plan bots, with the private traffic a room has besides
// answers: reports, orders, live and edited injects, a control-only mark, a refused oversize report.
import { createBots, createExercise, FACILITATOR, playUntil, type Exercise, type LogEntry } from '../../src/core/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { MIN, scenario } from '../core/test-drill.ts';

export const haicheng = (): Scenario => scenario('haicheng-m5.8.yaml');

/** Words that only their sender and addressees (and control) may read; the tests search for them. */
export const SECRET = {
  report: 'FIRE-RESCUE-REPORT 消防救援支队报告',
  order: 'HQ-ORDER 指挥部命令救援组',
  live: { title: 'LIVE-TITLE 铁西区突发', text: 'LIVE-TEXT 铁西区化工厂异味', question: 'LIVE-QUESTION 如何处置', expected: 'LIVE-EXPECTED 期望疏散' },
  edit: { title: 'EDITED-TITLE 省里追问', narrative: 'EDITED-NARRATIVE 省应急厅追问伤亡' },
  mark: 'CONTROL-MARK 导调标注',
};

/** Entries a room adds by hand, at their room time (the drill starts at t=0). */
export const HAND: Omit<LogEntry, 'seq'>[] = [
  { t: 3 * MIN, actor: 'fire-rescue', event: { type: 'report', to: 'g-rescue', text: SECRET.report } },
  { t: 4 * MIN, actor: 'anshan-hq', event: { type: 'order', to: 'g-rescue', text: SECRET.order } },
  { t: 5 * MIN, actor: FACILITATOR, event: { type: 'live-inject', to: ['county-tiexi'], ...SECRET.live } },
  { t: 6 * MIN, actor: FACILITATOR, event: { type: 'fire-inject', inject: 'i09-province-chase', edit: { ...SECRET.edit, to: ['anshan-hq'] } } },
  { t: 7 * MIN, actor: FACILITATOR, event: { type: 'plot', audience: 'control', mark: { kind: 'note', points: [[40.85, 122.75]], text: SECRET.mark } } },
  { t: 8 * MIN, actor: 'fire-rescue', event: { type: 'report', to: 'g-rescue', text: 'x'.repeat(5000) } },
];

/** Plays until room time `until` (the whole drill when left out): the hand entries at their times, bots answering. */
export function playHaicheng(until = Infinity, seed = 1): Exercise {
  const s = haicheng();
  const ex = createExercise({ scenario: s, seed });
  const bots = createBots(`bots:${seed}`, () => 'plan');
  ex.apply({ t: 0, actor: FACILITATOR, event: { type: 'start' } });
  for (const entry of HAND) {
    if (entry.t > until) break;
    playUntil(ex, entry.t, bots);
    ex.apply(entry);
  }
  while (ex.world.mode !== 'debrief' && ex.world.t < until) {
    const w = ex.world;
    const nodeEnd = w.t + (w.nodeStartClock + s.nodes[w.node]!.length - w.clock);
    playUntil(ex, Math.min(nodeEnd, until), bots);
  }
  return ex;
}
