// A ranking decision's score, by hand (minimal.yaml's rescue-priorities, the plan trapped > roads >
// shelter > fire; weights 0.5 / 0.2 / 0.3, consequence following correctness).
import { describe, expect, it } from 'vitest';
import { Drill, MIN } from './helpers.ts';

const ID = 'rescue-priorities';

function answered(order: string[]) {
  const drill = new Drill().start();
  drill.facilitator({ type: 'next-node' });
  drill.wait(4 * MIN); // opens at n2 + 3 min: answered a minute later, within its 3-min target
  expect(drill.seat('hq', { type: 'answer', decision: ID, order })).toEqual({ ok: true });
  return drill.score().decisions[ID]!;
}

describe('a ranking decision’s score', () => {
  it('the first two swapped: footrule 2 of 8, correctness 0.75, total 75', () => {
    // 100 × (0.5·0.75 + 0.2·1·0.75 + 0.3·0.75) = 75.
    const s = answered(['roads', 'trapped', 'shelter', 'fire']);
    expect([s.correctness, s.timeliness, s.consequence, s.total]).toEqual([0.75, 1, 0.75, 75]);
    expect(s.answer?.order).toEqual(['roads', 'trapped', 'shelter', 'fire']);
  });

  it('the plan’s order scores 100, the reverse 0', () => {
    expect(answered(['trapped', 'roads', 'shelter', 'fire']).total).toBe(100);
    expect(answered(['fire', 'shelter', 'roads', 'trapped']).total).toBe(0);
  });
});
