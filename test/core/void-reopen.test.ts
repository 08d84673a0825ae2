// The facilitator voids a decision (out of the drill and of the scores) or reopens it (it counts
// down again; the next answer is the one scored).
import { describe, expect, it } from 'vitest';
import { createBots, playUntil } from '../../src/core/index.ts';
import { decisionMachine } from '../../src/core/machines/decision.machine.ts';
import { step } from '../../src/core/statechart.ts';
import { scoreDrill } from '../../src/scoring/index.ts';
import { MIN, TestDrill } from './test-drill.ts';

// minimal.yaml: collapse-report is delivered at drill 2:00 and opens send-usar (fire-rescue's), deadline 5 min, target 2 min.
const score = (d: TestDrill) => scoreDrill(d.ex.model.scenario, d.world, d.ex.log);

describe('the decision lifecycle: void and reopen', () => {
  it('void from every state but voided; reopen from a closed or voided decision, never a pending or open one', () => {
    expect(['pending', 'open', 'answered', 'expired', 'scored', 'voided'].map((s) => step(decisionMachine, s, 'void'))).toEqual(['voided', 'voided', 'voided', 'voided', 'voided', undefined]);
    expect(['pending', 'open', 'answered', 'expired', 'scored', 'voided'].map((s) => step(decisionMachine, s, 'reopen'))).toEqual([undefined, undefined, 'open', 'open', 'open', 'open']);
  });
});

describe('voiding a decision', () => {
  it('an open decision voided never expires, and scoring leaves it out, saying why', () => {
    const d = new TestDrill().start().wait(3 * MIN);
    expect(d.facilitator({ type: 'void-decision', decision: 'send-usar', reason: '由县指挥部决策' })).toEqual({ ok: true });
    d.wait(10 * MIN);
    expect(d.world.decisions['send-usar']).toEqual({ status: 'voided', openClock: 2 * MIN, openNode: 0, deadlineClock: 7 * MIN, voided: { clock: 3 * MIN, reason: '由县指挥部决策' } });
    const s = score(d);
    expect(s.decisions['send-usar']).toMatchObject({ status: 'voided', applicable: false, total: null, explanation: ['voided by the facilitator at 03:00: 由县指挥部决策 (作废), so it is left out of every roll-up'] });
    expect(s.overall).toBeNull();
    expect(s.restsOn).toBe(0);
    // The other three decisions open in node 2, not reached.
    expect(s.outcomes.decisions).toEqual({ total: 4, answered: 0, expired: 0, open: 0, notOpened: 3, voided: 1 });
  });

  it('voided before it opens, it never opens, and cannot be answered', () => {
    const d = new TestDrill().start().wait(MIN);
    d.facilitator({ type: 'void-decision', decision: 'send-usar' });
    d.wait(2 * MIN);
    expect(d.world.injects['collapse-report']!.status).toBe('delivered');
    expect(d.world.decisions['send-usar']).toEqual({ status: 'voided', voided: { clock: MIN } });
    d.expectRefused(d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] }), "decision 'send-usar' is not open (voided)");
    expect(score(d).decisions['send-usar']!.explanation).toEqual(['voided by the facilitator at 01:00 (作废), so it is left out of every roll-up']);
  });

  it('an answered decision voided keeps its answer on record but is not scored', () => {
    const d = new TestDrill().start().wait(3 * MIN);
    d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] });
    d.facilitator({ type: 'void-decision', decision: 'send-usar' });
    expect(d.world.decisions['send-usar']).toMatchObject({ status: 'voided', answer: { options: ['send'] }, outcome: 'answered' });
    expect(score(d).decisions['send-usar']).toMatchObject({ status: 'voided', applicable: false, total: null });
  });

  it('is refused twice, for a decision the scenario lacks, and from a seat', () => {
    const d = new TestDrill().start();
    d.facilitator({ type: 'void-decision', decision: 'send-usar' });
    d.expectRefused(d.facilitator({ type: 'void-decision', decision: 'send-usar' }), "decision 'send-usar' is already voided");
    d.expectRefused(d.facilitator({ type: 'void-decision', decision: 'evacuate-all' }), "there is no decision 'evacuate-all'");
    d.expectRefused(d.seat('hq', { type: 'void-decision', decision: 'send-usar' }), 'only the facilitator (导调) controls the drill');
  });
});

describe('reopening a decision', () => {
  it('reopened and answered again, it is scored on the new answer; the old answer sent its team all the same', () => {
    const d = new TestDrill().start().wait(3 * MIN);
    d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] }); // #2
    d.wait(MIN);
    expect(d.facilitator({ type: 'reopen-decision', decision: 'send-usar', byMs: 4 * MIN })).toEqual({ ok: true }); // #3
    expect(d.world.decisions['send-usar']).toEqual({ status: 'open', openClock: 4 * MIN, openNode: 0, deadlineClock: 8 * MIN, reopenedClock: 4 * MIN });
    d.wait(MIN / 2);
    d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['scout'] }); // #4
    const s = score(d).decisions['send-usar']!;
    // scout earns 3 of the 10 points send earns; 30 s after the reopening is within the 2 min target.
    expect(s).toMatchObject({ status: 'answered', answeredSeq: 4, answer: { options: ['scout'], allocations: [] }, correctness: 0.3, timeliness: 1 });
    expect(s.times).toMatchObject({ opened: '04:00', answered: '04:30', deadline: '08:00', extendedMs: 0 });
    expect(s.explanation.slice(0, 2)).toEqual(['answered by log entry #4 (fire-rescue): scout', 'reopened by the facilitator at 04:00: timed from the reopening, and only the answer after it counts']);
    // The first answer dispatched a heavy USAR team: that happened and stays.
    expect(d.world.teams['usar-1#1']).toMatchObject({ target: 'chagou-collapse', source: 'send-usar' });
  });

  it('reopened and left, it expires at its new deadline and is scored as expired', () => {
    const d = new TestDrill().start().wait(3 * MIN);
    d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] });
    d.wait(MIN);
    d.facilitator({ type: 'reopen-decision', decision: 'send-usar', byMs: 2 * MIN });
    d.wait(2 * MIN - 1);
    expect(d.world.decisions['send-usar']!.status).toBe('open');
    d.wait(1);
    expect(d.world.decisions['send-usar']).toMatchObject({ status: 'scored', outcome: 'expired', deadlineClock: 6 * MIN });
    expect(score(d).decisions['send-usar']).toMatchObject({ status: 'expired', answeredSeq: null, answer: null, correctness: 0 });
  });

  it('a decision voided before it opened opens now when reopened', () => {
    const d = new TestDrill().start().wait(MIN);
    d.facilitator({ type: 'void-decision', decision: 'send-usar' });
    d.wait(2 * MIN);
    d.facilitator({ type: 'reopen-decision', decision: 'send-usar', byMs: 5 * MIN });
    expect(d.world.decisions['send-usar']).toEqual({ status: 'open', openClock: 3 * MIN, openNode: 0, deadlineClock: 8 * MIN, reopenedClock: 3 * MIN });
  });

  it('a bot playing the seat answers the reopened decision afresh', () => {
    const d = new TestDrill().start();
    const bots = createBots('bots', () => 'late');
    // A late bot answers 10 s before the deadline: 6:50 for the first opening.
    playUntil(d.ex, 3 * MIN, bots);
    d.t = 3 * MIN;
    d.facilitator({ type: 'void-decision', decision: 'send-usar' });
    d.facilitator({ type: 'reopen-decision', decision: 'send-usar', byMs: 10 * MIN });
    playUntil(d.ex, 20 * MIN - 1, bots);
    const answers = d.ex.log.filter((e) => e.event.type === 'answer');
    // Deadline 13:00, so 12:50 — not the 6:50 drawn for the opening that was voided.
    expect(answers.map((e) => e.t)).toEqual([12 * MIN + 50_000]);
  });

  it('is refused for an open or pending decision, when the drill is not under way, and from a seat', () => {
    const d = new TestDrill().start();
    d.expectRefused(d.facilitator({ type: 'reopen-decision', decision: 'send-usar', byMs: MIN }), "decision 'send-usar' has not opened yet");
    d.wait(3 * MIN);
    d.expectRefused(d.facilitator({ type: 'reopen-decision', decision: 'send-usar', byMs: MIN }), "decision 'send-usar' is still open: extend its deadline instead");
    d.expectRefused(d.seat('hq', { type: 'reopen-decision', decision: 'send-usar', byMs: MIN }), 'only the facilitator (导调) controls the drill');
    d.wait(5 * MIN).facilitator({ type: 'end' });
    d.expectRefused(d.facilitator({ type: 'reopen-decision', decision: 'send-usar', byMs: MIN }), 'the drill is not under way (debrief): a reopened decision could not count down');
  });
});
