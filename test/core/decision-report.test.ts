// A report decision (minimal.yaml's situation-report, at most 1,000 characters): refusals of an empty or
// too long report, and what the bots write.
import { describe, expect, it } from 'vitest';
import { MAX_DECISION_REPORT_CHARS } from '../../src/scenario/index.ts';
import { parseCommand } from '../../src/core/index.ts';
import { longestAnswer, plannedAnswer, randomAnswer } from '../../src/core/bots.ts';
import { MIN, scenario, TestDrill } from './test-drill.ts';

const d = scenario().decisions.find((x) => x.id === 'situation-report')!;

/** The drill at n2 + 5 min, when situation-report opens. */
function opened(): TestDrill {
  const drill = new TestDrill().start();
  drill.facilitator({ type: 'next-node' });
  return drill.wait(5 * MIN);
}

describe('a report decision', () => {
  it('refuses no report, a blank one and one over its limit; takes one within it as written', () => {
    const drill = opened();
    const answer = (text?: string) => drill.seat('hq', { type: 'answer', decision: d.id, ...(text !== undefined ? { text } : {}) });
    drill.expectRefused(answer(), 'write the report');
    drill.expectRefused(answer('  \n '), 'write the report');
    drill.expectRefused(answer('灾'.repeat(1_001)), 'the report has 1001 characters; at most 1000');
    drill.expectRefused(drill.seat('hq', { type: 'answer', decision: d.id, options: ['trapped'] }), "a report decision is not answered with 'options'");
    const text = '岔沟镇民房倒塌，12人被困，请求省里支援重型救援队。';
    expect(answer(text)).toEqual({ ok: true });
    expect(drill.world.decisions[d.id]!.answer).toEqual({ text });
  });

  it('refuses by the command schema a text longer than any report may be', () => {
    const parsed = parseCommand({ type: 'answer', decision: d.id, text: 'x'.repeat(MAX_DECISION_REPORT_CHARS + 1) });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/"text"/);
  });

  it('bots: the plan and longest name every point; random some of them', () => {
    const all = { text: '报告伤亡和被困人数；说明房屋倒塌范围；提出支援需求' };
    expect(plannedAnswer(d)).toEqual(all);
    expect(longestAnswer(d, () => 0)).toEqual(all);
    // Draws 0.9, 0.1, 0.9: only the second point (damage) is written.
    const draws = [0.9, 0.1, 0.9];
    expect(randomAnswer(d, () => draws.shift()!)).toEqual({ text: '说明房屋倒塌范围' });
    // No point drawn: one picked (0.99 × 3 → the third).
    const none = [0.9, 0.9, 0.9, 0.99];
    expect(randomAnswer(d, () => none.shift()!)).toEqual({ text: '提出支援需求' });
  });
});
