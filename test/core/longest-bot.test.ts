// The `longest` bot: a player gaming the form, who picks by how long an option reads, not by the plan.
import { describe, expect, it } from 'vitest';
import { longestAnswer } from '../../src/core/bots.ts';
import type { Decision } from '../../src/scenario/schema.ts';

const option = (id: string, zh: string) => ({ id, label: { zh, en: id }, effects: [] });
const decision = (kind: Decision['kind'], options: ReturnType<typeof option>[], allocate?: Decision['allocate']) =>
  ({ id: 'd', owner: 'hq', kind, options, allocate, expected: { onExpiry: [] }, rubric: [] }) as unknown as Decision;
const never = () => {
  throw new Error('no draw expected');
};

describe('the longest bot', () => {
  it('picks the single option with the most characters, the first of equals', () => {
    // 3, 6, 6 and 4 characters (Ⅲ counts as one).
    const d = decision('single', [option('a', '立即派'), option('b', '启动Ⅲ级响应'), option('c', '报请省里启动'), option('d', '暂不启动')]);
    expect(longestAnswer(d, never)).toEqual({ options: ['b'] });
  });

  it('picks every multiple-choice option longer than the median length', () => {
    // 2, 8, 4, 6 characters: median 5, so the 8- and 6-character options.
    const d = decision('multiple', [option('a', '通报'), option('b', '调派四个灭火编队'), option('c', '开放广场'), option('d', '发布交通公告')]);
    expect(longestAnswer(d, never)).toEqual({ options: ['b', 'd'] });
  });

  it('picks the longest alone when no option is longer than the median', () => {
    const d = decision('multiple', [option('a', '综合协调组'), option('b', '抢险救援组'), option('c', '医疗防疫组')]);
    expect(longestAnswer(d, never)).toEqual({ options: ['a'] });
  });

  it('allocates at random among what the decision offers, with no text to go by', () => {
    const d = decision('allocation', [], { teams: ['t1', 't2'], places: ['p1', 'p2'] });
    // Draws: t1 sent (0.1 < 0.5), t2 not (0.9); t1 to p2 (0.7 × 2 → index 1).
    const draws = [0.1, 0.9, 0.7];
    expect(longestAnswer(d, () => draws.shift()!)).toEqual({ allocations: [{ team: 't1', to: 'p2' }] });
  });
});
