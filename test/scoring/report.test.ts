// A written report's score: pending evaluation until the evaluator ticks its points (never 0), then
// the share of its points ticked (minimal.yaml's situation-report: casualties 4, damage 2, needs 4).
import { describe, expect, it } from 'vitest';
import { EVALUATOR } from '../../src/core/index.ts';
import { foldReview, type ReviewEntry } from '../../src/review/record.ts';
import { outcomeSeries } from '../../src/review/series.ts';
import { scoreDrill } from '../../src/scoring/index.ts';
import { Drill, MIN } from './helpers.ts';

const ID = 'situation-report';

function answered() {
  const drill = new Drill().start();
  drill.facilitator({ type: 'next-node' });
  drill.wait(6 * MIN); // opens at n2 + 5 min: answered a minute later, within its 5-min target
  expect(drill.seat('hq', { type: 'answer', decision: ID, text: '12人被困，请求支援。' })).toEqual({ ok: true });
  return drill;
}

describe('a report decision’s score', () => {
  it('is pending evaluation until ticked: no correctness, no total, out of the roll-ups', () => {
    const drill = answered();
    const all = drill.score();
    const s = all.decisions[ID]!;
    expect([s.status, s.pendingEvaluation, s.applicable, s.correctness, s.total]).toEqual(['answered', true, false, null, null]);
    expect(s.explanation[0]).toMatch(/^pending evaluation \(待评估\)/);
    expect(all.capabilities['search-and-rescue']!.decisions).toContain(ID);
    expect(Object.values(all.decisions).filter((x) => x.applicable).map((x) => x.id)).not.toContain(ID);
  });

  it('ticked casualties and needs: 8 of 10 points, total 80', () => {
    const drill = answered();
    const s = scoreDrill(drill.scenario, drill.world, drill.ex.log, { [ID]: ['casualties', 'needs'] }).decisions[ID]!;
    // 100 × (0.5·0.8 + 0.2·1·0.8 + 0.3·0.8) = 80.
    expect([s.pendingEvaluation, s.correctness, s.timeliness, s.total]).toEqual([undefined, 0.8, 1, 80]);
    expect(s.ticked).toEqual(['casualties', 'needs']);
  });

  it('ticked with none, or only with points it does not have: 0, no longer pending', () => {
    const drill = answered();
    for (const ticked of [[], ['made-up']]) {
      const s = scoreDrill(drill.scenario, drill.world, drill.ex.log, { [ID]: ticked }).decisions[ID]!;
      expect([s.pendingEvaluation, s.correctness, s.total]).toEqual([undefined, 0, 0]);
    }
  });

  it('takes its ticks from the review record: the evaluator’s count, a seat’s are refused, the later replaces the earlier', () => {
    const drill = answered();
    const entries: ReviewEntry[] = [
      { n: 1, actor: EVALUATOR, event: { type: 'tick', decision: ID, points: ['casualties'] } },
      { n: 2, actor: 'hq', event: { type: 'tick', decision: ID, points: ['casualties', 'damage', 'needs'] } },
      { n: 3, actor: EVALUATOR, event: { type: 'tick', decision: ID, points: ['casualties', 'damage'] } },
    ];
    const record = foldReview(entries);
    expect(record.refusals.map((r) => r.n)).toEqual([2]);
    expect(record.ticks).toEqual({ [ID]: ['casualties', 'damage'] });
    // casualties 4 + damage 2 of 10.
    expect(scoreDrill(drill.scenario, drill.world, drill.ex.log, record.ticks).decisions[ID]!.correctness).toBe(0.6);
  });

  it("counts in the report's chart too: its last point is the overall with the ticks, not without", () => {
    const drill = answered();
    const ticks = { [ID]: ['casualties', 'needs'] };
    const withTicks = scoreDrill(drill.scenario, drill.world, drill.ex.log, ticks).overall;
    const without = drill.score().overall;
    expect(withTicks).not.toBe(without); // the ticked report (80) joins the roll-up
    const last = outcomeSeries(drill.scenario, 1, drill.ex.log, drill.world.t, undefined, ticks).at(-1)!;
    expect(last.overall).toBe(withTicks);
  });
});
