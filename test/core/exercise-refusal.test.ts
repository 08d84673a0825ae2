// exercise.refusal: the reason apply would give now, read without appending or changing anything —
// for every kind of refusal (schema, sender's place, the command's rule, the statechart) and for an
// accepted command.
import { describe, expect, it } from 'vitest';
import { FACILITATOR, type DrillEvent } from '../../src/core/index.ts';
import { TestDrill } from './test-drill.ts';

const cases: { name: string; actor: string; event: DrillEvent; reason: string | undefined; started?: true }[] = [
  { name: 'an unknown command', actor: FACILITATOR, event: { type: 'hack' } as unknown as DrillEvent, reason: "unknown command 'hack'" },
  { name: 'a payload its schema refuses', actor: 'hq', event: { type: 'report', to: 'rescue-group', text: '' }, reason: `a 'report' event "text": Too small: expected string to have >=1 characters` },
  { name: "a seat running the drill's flow", actor: 'fire-rescue', event: { type: 'start' }, reason: 'only the facilitator (导调) controls the drill' },
  { name: 'an answer to a decision that is not open', actor: 'fire-rescue', event: { type: 'answer', decision: 'send-usar', options: ['send'] }, reason: "decision 'send-usar' is not open (pending)", started: true },
  { name: 'a flow step the statechart cannot take', actor: FACILITATOR, event: { type: 'resume' }, reason: 'cannot resume while setup' },
  { name: 'an accepted command', actor: FACILITATOR, event: { type: 'start' }, reason: undefined },
];

describe('exercise.refusal', () => {
  for (const c of cases) {
    it(`${c.name}: what apply then says, and nothing appended`, () => {
      const drill = new TestDrill();
      if (c.started) drill.start().wait(1000);
      const before = { log: drill.ex.log.length, hash: drill.ex.hash(), rejections: drill.world.rejections.length };
      const reason = drill.ex.refusal(c.actor, c.event);
      expect(reason).toBe(c.reason);
      expect({ log: drill.ex.log.length, hash: drill.ex.hash(), rejections: drill.world.rejections.length }).toEqual(before);
      const outcome = drill.ex.apply({ t: drill.t, actor: c.actor, event: c.event });
      expect(outcome).toEqual(reason === undefined ? { ok: true } : { ok: false, reason });
      expect(drill.ex.log.length).toBe(before.log + 1);
    });
  }
});
