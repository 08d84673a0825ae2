// A number decision (minimal.yaml's evacuate-count: 0–30,000 people, the plan 6,000 ± 1,000): what the
// authority refuses, what each bot answers, and the correctness curve, worked out by hand.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/index.ts';
import { DECISION_KINDS, numberCorrectness } from '../../src/scenario/index.ts';
import { longestAnswer, plannedAnswer, randomAnswer } from '../../src/core/bots.ts';
import { MIN, scenario, TestDrill } from './test-drill.ts';

const d = scenario().decisions.find((x) => x.id === 'evacuate-count')!;
const never = () => {
  throw new Error('no draw expected');
};

/** The drill at n2 + 1 min, when evacuate-count opens (for the HQ). */
function opened(): TestDrill {
  const drill = new TestDrill().start();
  drill.facilitator({ type: 'next-node' });
  return drill.wait(MIN);
}

describe('a number decision', () => {
  it('is open for the HQ a minute into node 2', () => {
    expect(d.kind).toBe('number');
    expect(opened().world.decisions[d.id]!.status).toBe('open');
  });

  it('refuses no number, a number outside min..max, and another kind’s answer, saying what to give', () => {
    const drill = opened();
    drill.expectRefused(drill.seat('hq', { type: 'answer', decision: d.id }), 'give a number from 0 to 30000');
    drill.expectRefused(drill.seat('hq', { type: 'answer', decision: d.id, value: 30_001 }), '30001 is not between 0 and 30000');
    drill.expectRefused(drill.seat('hq', { type: 'answer', decision: d.id, value: -1 }), '-1 is not between 0 and 30000');
    drill.expectRefused(drill.seat('hq', { type: 'answer', decision: d.id, options: ['send'] }), "a number decision is not answered with 'options'");
    expect(drill.world.decisions[d.id]!.status).toBe('open');
    expect(drill.seat('hq', { type: 'answer', decision: d.id, value: 6_500 })).toEqual({ ok: true });
    expect(drill.world.decisions[d.id]!.answer).toEqual({ value: 6_500 });
  });

  it('is a finite number by the command schema: Infinity and NaN are not numbers', () => {
    expect(parseCommand({ type: 'answer', decision: d.id, value: Number.POSITIVE_INFINITY }).ok).toBe(false);
    expect(parseCommand({ type: 'answer', decision: d.id, value: Number.NaN }).ok).toBe(false);
    expect(parseCommand({ type: 'answer', decision: d.id, value: 12 })).toEqual({ ok: true, event: { type: 'answer', decision: d.id, value: 12 } });
  });

  it('bots: the plan gives the expected number, random a whole number in range, longest the middle', () => {
    expect(plannedAnswer(d)).toEqual({ value: 6_000 });
    // 0 + ⌊0.25 × 30,001⌋ = 7,500.
    expect(randomAnswer(d, () => 0.25)).toEqual({ value: 7_500 });
    expect(randomAnswer(d, () => 0.999_999_99)).toEqual({ value: 30_000 });
    expect(longestAnswer(d, never)).toEqual({ value: 15_000 });
    // Every bot's answer is one the authority takes.
    for (const a of [plannedAnswer(d), randomAnswer(d, () => 0.5), longestAnswer(d, never)]) expect(DECISION_KINDS.number.refuse(d, a)).toBeUndefined();
  });

  it('scores 1 within the tolerance, falling linearly to 0 at twice it', () => {
    expect(numberCorrectness(6_000, 1_000, 6_000)).toBe(1);
    expect(numberCorrectness(6_000, 1_000, 5_000)).toBe(1); // 1,000 off: the edge of the tolerance
    expect(numberCorrectness(6_000, 1_000, 7_500)).toBe(0.5); // 1,500 off: 1 − 500/1,000
    expect(numberCorrectness(6_000, 1_000, 4_250)).toBe(0.25); // 1,750 off: 1 − 750/1,000
    expect(numberCorrectness(6_000, 1_000, 8_000)).toBe(0); // 2,000 off
    expect(numberCorrectness(6_000, 1_000, 0)).toBe(0);
    expect(numberCorrectness(10, 0, 10)).toBe(1); // no tolerance: the number itself, or nothing
    expect(numberCorrectness(10, 0, 11)).toBe(0);
  });
});
