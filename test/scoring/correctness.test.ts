import { describe, expect, it } from 'vitest';
import { correctnessOf, maxPoints } from '../../src/scoring/index.ts';
import { replaced } from '../scenario/helpers.ts';
import { Drill, MIN, haicheng, minimalScenario } from './helpers.ts';

/** The minimal example with a second rubric line: waiting earns 4 of the 10 points. */
const withPartialCredit = () =>
  minimalScenario(
    replaced(
      '    planClause: 应急响应·抢险救援',
      '      - points: 4\n        when: { chose: wait }\n        because: { zh: 先核实也有道理。, en: Verifying first has some merit. }\n    planClause: 应急响应·抢险救援',
    ),
  );

describe('correctness: rubric points over what the plan earns', () => {
  it("the plan's option, answered at once, scores correctness 1 and timeliness 1", () => {
    const d = new Drill().start().at(2 * MIN);
    expect(d.answer('fire-rescue', 'send-usar', { options: ['send'] })).toEqual({ ok: true });
    const s = d.score().decisions['send-usar']!;
    expect(s.status).toBe('answered');
    expect(s.correctness).toBe(1);
    expect(s.timeliness).toBe(1);
    expect(s.rubric).toMatchObject({ points: 10, maxPoints: 10, maxFrom: 'expected' });
  });

  it("a partial-credit option gets the rubric's share", () => {
    const d = new Drill(withPartialCredit()).start().at(2 * MIN);
    d.answer('fire-rescue', 'send-usar', { options: ['wait'] });
    const s = d.score().decisions['send-usar']!;
    expect(s.correctness).toBe(0.4);
    expect(s.rubric.matched.map((m) => [m.points, m.when])).toEqual([[4, 'chose wait']]);
  });

  it('a multiple choice earns the points of each option chosen; a wrong one takes points away', () => {
    const s = haicheng();
    const partly = new Drill(s).start().at(3 * MIN);
    partly.answer('ema', 'd02-notify', { options: ['report-leaders', 'report-province'] });
    expect(partly.score().decisions['d02-notify']!.correctness).toBe(0.6);

    const wrong = new Drill(s).start().at(3 * MIN);
    wrong.answer('ema', 'd02-notify', { options: ['report-leaders', 'report-province', 'wait-verify'] });
    expect(wrong.score().decisions['d02-notify']!.correctness).toBeCloseTo(0.2, 10);

    const worst = new Drill(s).start().at(3 * MIN);
    worst.answer('ema', 'd02-notify', { options: ['wait-verify'] });
    const w = worst.score().decisions['d02-notify']!;
    expect(w.rubric.points).toBe(-4);
    expect(w.correctness).toBe(0);
  });

  it('an allocation earns the lines of the allocations made, and can pass the plan only up to 1', () => {
    const d = haicheng().decisions.find((x) => x.id === 'd09-sar-allocation')!;
    expect(maxPoints(d)).toEqual({ points: 11, from: 'expected' });
    expect(correctnessOf(d, { allocations: [{ team: 'fire-usar', to: 'inc-collapse-chagou' }, { team: 'bluesky-usar', to: 'inc-collapse-pailou' }] }).value).toBeCloseTo(5 / 11, 10);
    const more = [...d.expected.allocations!, { team: 'militia', to: 'inc-collapse-ximu' }];
    expect(correctnessOf(d, { allocations: more })).toMatchObject({ points: 12, max: 11, value: 1 });
  });

  it('acknowledged matches any answer; notChose matches when the option is left out', () => {
    const s = haicheng();
    const ack = s.decisions.find((x) => x.id === 'd17-province-report')!;
    expect(correctnessOf(ack, {}).value).toBe(1);
    const d01 = s.decisions.find((x) => x.id === 'd01-level')!;
    const notWait = { ...d01, rubric: [{ points: 5, when: { notChose: 'wait' }, because: { zh: '不等待。' } }, ...d01.rubric] };
    expect(correctnessOf(notWait, { options: ['iii'] })).toMatchObject({ points: 15, max: 15, value: 1 });
    expect(correctnessOf(notWait, { options: ['ii'] })).toMatchObject({ points: 10, value: 10 / 15 });
    expect(correctnessOf(notWait, { options: ['wait'] })).toMatchObject({ points: -5, value: 0 });
  });

  it("with no expected answer the best possible answer sets the maximum", () => {
    const d01 = haicheng().decisions.find((x) => x.id === 'd01-level')!;
    const noPlan = { ...d01, expected: { ...d01.expected, options: [] } };
    expect(maxPoints(noPlan)).toEqual({ points: 10, from: 'positive-lines' });
    const d02 = haicheng().decisions.find((x) => x.id === 'd02-notify')!;
    expect(maxPoints({ ...d02, expected: { ...d02.expected, options: [] } })).toEqual({ points: 10, from: 'positive-lines' });
  });
});
