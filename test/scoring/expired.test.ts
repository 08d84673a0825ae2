import { describe, expect, it } from 'vitest';
import { Drill, MIN } from './helpers.ts';

describe('decisions that expire, are still open, or never opened', () => {
  it('an expired decision scores 0 on correctness and timeliness; its consequence is what the world shows', () => {
    const d = new Drill().start().at(20 * MIN);
    const s = d.score().decisions['send-usar']!;
    expect(s.status).toBe('expired');
    expect(s).toMatchObject({ applicable: true, correctness: 0, timeliness: 0, answeredSeq: null, answer: null });
    // No team was sent: the 12 trapped are never reached.
    expect(s.consequence).toBe(0);
    expect(s.total).toBe(0);
    expect(s.explanation[0]).toMatch(/^expired: no answer accepted before the deadline 07:00/);
  });

  it('a decision that never opened is not applicable and stays out of the roll-ups', () => {
    const score = new Drill().start().at(MIN).score();
    expect(score.decisions['send-usar']).toMatchObject({ status: 'not-opened', applicable: false, total: null });
    expect(score.overall).toBeNull();
    expect(score.units['fire-rescue']).toMatchObject({ score: null, applicable: 0, decisions: ['send-usar'] });
    expect(score.outcomes.decisions).toMatchObject({ total: 4, notOpened: 4 });
  });

  it('an open decision is not scored yet; when the drill ends with it open, it counts as expired', () => {
    const d = new Drill().start().at(3 * MIN);
    expect(d.score().decisions['send-usar']).toMatchObject({ status: 'open', applicable: false });
    d.facilitator({ type: 'end' });
    expect(d.score().decisions['send-usar']).toMatchObject({ status: 'expired', applicable: true, correctness: 0, timeliness: 0 });
  });

  it('a refused answer does not count; the accepted one and the refused seqs are named', () => {
    const d = new Drill().start().at(2 * MIN);
    expect(d.answer('fire-rescue', 'send-usar', { options: ['nope'] }).ok).toBe(false);
    expect(d.answer('fire-rescue', 'send-usar', { options: ['send'] }).ok).toBe(true);
    const s = d.score().decisions['send-usar']!;
    expect(s.rejectedSeqs).toEqual([2]);
    expect(s.answeredSeq).toBe(3);
    expect(d.score().outcomes.rejections).toBe(1);
  });
});
