import { describe, expect, it } from 'vitest';
import { timelinessOf } from '../../src/scoring/index.ts';
import { Drill, MIN, SEC, haicheng } from './helpers.ts';

// minimal.yaml: send-usar opens at 2:00 with a target of 2 minutes and a deadline of 5 minutes (7:00).
describe('timeliness: full credit to the target, linear to zero at the deadline', () => {
  it('is 1 up to the target, 0.5 halfway between target and deadline, near 0 just before the deadline', () => {
    const at = (t: number) => {
      const d = new Drill().start().at(t);
      expect(d.answer('fire-rescue', 'send-usar', { options: ['send'] })).toEqual({ ok: true });
      return d.score().decisions['send-usar']!.timeliness;
    };
    expect(at(2 * MIN)).toBe(1);
    expect(at(4 * MIN)).toBe(1);
    expect(at(5 * MIN + 30 * SEC)).toBe(0.5);
    expect(at(5 * MIN)).toBeCloseTo(2 / 3, 4);
    expect(at(7 * MIN - SEC)).toBeCloseTo(1 / 180, 4);
  });

  it('an extended deadline counts: the window stretches to the new deadline', () => {
    const d = new Drill().start().at(3 * MIN);
    expect(d.facilitator({ type: 'extend-deadline', decision: 'send-usar', byMs: 5 * MIN })).toEqual({ ok: true });
    d.at(9 * MIN + 30 * SEC);
    expect(d.answer('fire-rescue', 'send-usar', { options: ['send'] })).toEqual({ ok: true });
    const s = d.score().decisions['send-usar']!;
    // 7:30 after opening, 5:30 past the 2:00 target, in a 10:00 window: 1 − 5.5 / 8
    expect(s.timeliness).toBe(0.3125);
    expect(s.times).toMatchObject({ opened: '02:00', answered: '09:30', deadline: '12:00', target: '2:00', extendedMs: 5 * MIN });
    expect(s.explanation.join('\n')).toMatch(/extended by 5:00/);
  });

  it('without a target, a quarter of the deadline window is on time', () => {
    const d = { ...haicheng().decisions[0]!, target: undefined, deadline: 8 * MIN };
    expect(timelinessOf(d, 0, 2 * MIN, 8 * MIN)).toBe(1);
    expect(timelinessOf(d, 0, 5 * MIN, 8 * MIN)).toBe(0.5);
  });
});
