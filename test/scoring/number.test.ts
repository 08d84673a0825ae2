// A number decision's score, by hand (minimal.yaml's evacuate-count: the plan 6,000 ± 1,000, target 3 min,
// deadline 4 min; weights 0.5 correctness, 0.2 timeliness × correctness, 0.3 consequence, which
// follows correctness as the answer changes nothing in the simulation).
import { describe, expect, it } from 'vitest';
import { Drill, MIN, SEC } from './helpers.ts';

const ID = 'evacuate-count';

/** The HQ answers `value`, `after` ms after the decision opened (n2 + 1 min). */
function answered(value: number, after: number) {
  const drill = new Drill().start();
  drill.facilitator({ type: 'next-node' });
  drill.wait(MIN + after);
  expect(drill.seat('hq', { type: 'answer', decision: ID, value })).toEqual({ ok: true });
  return drill.score().decisions[ID]!;
}

describe('a number decision’s score', () => {
  it('1,500 off the plan within the target: correctness 0.5, total 50', () => {
    const s = answered(7_500, MIN);
    expect([s.correctness, s.timeliness, s.consequence, s.total]).toEqual([0.5, 1, 0.5, 50]);
    expect(s.answer).toEqual({ options: [], allocations: [], value: 7_500 });
    expect(s.explanation.join('\n')).toContain("correctness 0.50: 7500 against the plan's 6000 ± 1000");
  });

  it('the plan’s number, 30 s past the 3-min target of a 4-min deadline: timeliness 0.5, total 90', () => {
    // 100 × (0.5·1 + 0.2·0.5·1 + 0.3·1) = 90.
    const s = answered(6_000, 3 * MIN + 30 * SEC);
    expect([s.correctness, s.timeliness, s.total]).toEqual([1, 0.5, 90]);
  });

  it('twice the tolerance off earns nothing for correctness', () => {
    const s = answered(8_000, MIN);
    expect([s.correctness, s.total]).toEqual([0, 0]);
  });
});
