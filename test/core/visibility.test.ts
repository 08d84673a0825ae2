// What the seats see of the scores and of the expected answers: hidden until the facilitator shows them.
import { describe, expect, it } from 'vitest';
import { createExercise, parseCommand } from '../../src/core/index.ts';
import { MIN, TestDrill, scenario } from './test-drill.ts';

describe('score and answer visibility', () => {
  it('starts hidden; the facilitator shows and hides scores and expected answers apart', () => {
    const d = new TestDrill();
    expect(d.world.visibility).toEqual({ scores: false, answers: false });
    d.start().wait(MIN);
    expect(d.facilitator({ type: 'set-visibility', scores: true, answers: false })).toEqual({ ok: true });
    expect(d.world.visibility).toEqual({ scores: true, answers: false });
    d.facilitator({ type: 'set-visibility', scores: false, answers: true });
    expect(d.world.visibility).toEqual({ scores: false, answers: true });
  });

  it('a seat cannot show itself the answers', () => {
    const d = new TestDrill().start();
    d.expectRefused(d.seat('fire-rescue', { type: 'set-visibility', scores: true, answers: true }), 'only the facilitator (导调) controls the drill');
    expect(d.world.visibility).toEqual({ scores: false, answers: false });
    expect(parseCommand({ type: 'set-visibility', scores: 'yes', answers: true }).ok).toBe(false);
  });

  it('a drill restored from a checkpoint keeps what the facilitator showed', () => {
    const d = new TestDrill().start();
    d.facilitator({ type: 'set-visibility', scores: true, answers: true });
    const restored = createExercise({ scenario: scenario(), seed: 1, from: d.ex.checkpoint(), log: d.ex.log });
    expect(restored.world.visibility).toEqual({ scores: true, answers: true });
  });
});
