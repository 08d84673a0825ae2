// The new decision kinds keep the plan's answers from participants: a number's expected value, a
// ranking's expected order and a report's rubric points are in no participant's scenario, nor in the
// decision revealed when it closes (until the facilitator shows the answers); a written report reaches
// only its seat, control and observers.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/index.ts';
import { entryFor, REDACTED, revealsFor, scenarioFor, type Viewer } from '../../src/protocol/index.ts';
import { MIN, scenario, TestDrill } from '../core/test-drill.ts';

const full = scenario();
const SEAT: Viewer = { role: 'seat', seat: 'hq' };
const OTHER: Viewer = { role: 'seat', seat: 'fire-rescue' };
const OBSERVER: Viewer = { role: 'observer', seat: 'observer-1' };
const number = full.decisions.find((d) => d.id === 'evacuate-count')!;
const ranking = full.decisions.find((d) => d.id === 'rescue-priorities')!;
const report = full.decisions.find((d) => d.id === 'situation-report')!;
/** The plan's answers in the words a JSON copy would carry them. */
const secrets = [
  '"expected":6000',
  JSON.stringify(ranking.expected.order),
  ...report.report!.points.flatMap((p) => [p.text.zh, p.text.en!]),
];

describe('the new kinds’ answers in a participant’s copy', () => {
  it('are in the full scenario (the search has something to find)', () => {
    const json = JSON.stringify(full);
    expect(secrets.filter((s) => !json.includes(s))).toEqual([]);
  });

  for (const viewer of [SEAT, OTHER, OBSERVER]) {
    it(`${viewer.role} ${viewer.seat}: none at the start; the range, unit and limit stay`, () => {
      const copy = scenarioFor(full, viewer);
      const json = JSON.stringify(copy);
      expect(secrets.filter((s) => json.includes(s))).toEqual([]);
      const n = copy.decisions.find((d) => d.id === number.id)!;
      expect(n.number).toEqual({ unit: number.number!.unit, min: 0, max: 30_000, tolerance: 1_000 });
      expect(copy.decisions.find((d) => d.id === report.id)!.report).toEqual({ points: [], maxChars: 1_000 });
    });
  }

  it('none in the decisions revealed once they close, all once the facilitator shows the answers', () => {
    const drill = new TestDrill().start();
    drill.facilitator({ type: 'next-node' });
    drill.wait(3 * MIN + 1_000); // the number (n2 + 1 min) and the ranking (n2 + 3 min) are open
    expect(drill.seat('hq', { type: 'answer', decision: number.id, value: 5_000 }).ok).toBe(true);
    expect(drill.seat('hq', { type: 'answer', decision: ranking.id, order: ['fire', 'roads', 'shelter', 'trapped'] }).ok).toBe(true);
    drill.wait(2 * MIN); // the report opens at n2 + 5 min
    expect(drill.seat('hq', { type: 'answer', decision: report.id, text: '已报告' }).ok).toBe(true);
    const closed = JSON.stringify(revealsFor(drill.ex.model, drill.world, SEAT, new Set()));
    expect(closed).toContain(number.id);
    expect(secrets.filter((s) => closed.includes(s))).toEqual([]);
    drill.facilitator({ type: 'set-visibility', scores: true, answers: true });
    const shown = JSON.stringify(revealsFor(drill.ex.model, drill.world, SEAT, new Set()));
    expect(secrets.filter((s) => !shown.includes(s))).toEqual([]);
  });

  it('a written report’s text: its seat, control and observers read it; another seat does not', () => {
    const drill = new TestDrill().start();
    drill.facilitator({ type: 'next-node' });
    drill.wait(6 * MIN);
    const text = '岔沟镇12人被困';
    expect(drill.seat('hq', { type: 'answer', decision: report.id, text }).ok).toBe(true);
    const entry = drill.ex.log.at(-1)!;
    const model = buildModel(full);
    expect(entryFor(entry, SEAT, model)).toBe(entry);
    expect(entryFor(entry, OBSERVER, model)).toBe(entry);
    expect(entryFor(entry, { role: 'evaluator', seat: '@evaluator' }, model)).toBe(entry);
    expect(entryFor(entry, OTHER, model).event).toEqual({ type: 'answer', decision: report.id, text: REDACTED });
  });
});
