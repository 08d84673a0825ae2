// A ranking decision (minimal.yaml's rescue-priorities: trapped > roads > shelter > fire): refusals of
// what is not a permutation of its options, the bots, and the footrule agreement worked out by hand.
import { describe, expect, it } from 'vitest';
import { longestAnswer, plannedAnswer, randomAnswer } from '../../src/core/bots.ts';
import { rankingCorrectness, type Decision } from '../../src/scenario/index.ts';
import { MIN, scenario, TestDrill } from './test-drill.ts';

const d = scenario().decisions.find((x) => x.id === 'rescue-priorities')!;
const never = () => {
  throw new Error('no draw expected');
};

/** The drill at n2 + 3 min, when rescue-priorities opens. */
function opened(): TestDrill {
  const drill = new TestDrill().start();
  drill.facilitator({ type: 'next-node' });
  return drill.wait(3 * MIN);
}

describe('a ranking decision', () => {
  it('refuses an order that is not every option once', () => {
    const drill = opened();
    expect(drill.world.decisions[d.id]!.status).toBe('open');
    const answer = (order?: string[]) => drill.seat('hq', { type: 'answer', decision: d.id, ...(order ? { order } : {}) });
    drill.expectRefused(answer(), 'rank each of the 4 options exactly once');
    drill.expectRefused(answer(['trapped', 'roads', 'shelter']), 'rank each of the 4 options exactly once');
    drill.expectRefused(answer(['trapped', 'roads', 'shelter', 'shelter']), 'choose each option at most once');
    drill.expectRefused(answer(['trapped', 'roads', 'shelter', 'flood']), "decision 'rescue-priorities' has no option 'flood'");
    drill.expectRefused(drill.seat('hq', { type: 'answer', decision: d.id, value: 3 }), "a ranking decision is not answered with 'value'");
    expect(answer(['roads', 'trapped', 'shelter', 'fire'])).toEqual({ ok: true });
    expect(drill.world.decisions[d.id]!.answer).toEqual({ order: ['roads', 'trapped', 'shelter', 'fire'] });
  });

  it('agrees by one minus the footrule over ⌊n²/2⌋', () => {
    const plan = ['trapped', 'roads', 'shelter', 'fire'];
    expect(rankingCorrectness(plan, plan)).toBe(1);
    // The first two swapped: footrule 1 + 1 = 2, of at most ⌊16/2⌋ = 8.
    expect(rankingCorrectness(plan, ['roads', 'trapped', 'shelter', 'fire'])).toBe(0.75);
    // fire moved up to second: trapped 0, fire |1−3| = 2, roads |2−1| = 1, shelter |3−2| = 1 → 4 of 8.
    expect(rankingCorrectness(plan, ['trapped', 'fire', 'roads', 'shelter'])).toBe(0.5);
    // Reversed: 3 + 1 + 1 + 3 = 8, the most there is.
    expect(rankingCorrectness(plan, ['fire', 'shelter', 'roads', 'trapped'])).toBe(0);
    // Three reversed: 2 + 0 + 2 = 4 = ⌊9/2⌋.
    expect(rankingCorrectness(['a', 'b', 'c'], ['c', 'b', 'a'])).toBe(0);
    expect(rankingCorrectness(['a'], ['a'])).toBe(1);
  });

  it('bots: the plan’s order, a Fisher–Yates shuffle, and longest text first', () => {
    expect(plannedAnswer(d)).toEqual({ order: ['trapped', 'roads', 'shelter', 'fire'] });
    // Draws of 0 swap each last item with the first: [fire, roads, shelter, trapped] → [shelter, roads, fire, trapped] → [roads, shelter, fire, trapped].
    expect(randomAnswer(d, () => 0)).toEqual({ order: ['roads', 'shelter', 'fire', 'trapped'] });
    const option = (id: string, zh: string) => ({ id, label: { zh, en: id }, effects: [] });
    const worded = { ...d, options: [option('a', '救人'), option('b', '抢通进镇道路'), option('c', '排查隐患'), option('d', '安置')] } as Decision;
    // 2, 6, 4 and 2 characters: longest first, the two of 2 in their order.
    expect(longestAnswer(worded, never)).toEqual({ order: ['b', 'c', 'a', 'd'] });
  });
});
