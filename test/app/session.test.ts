// The live driver: room clock → log time, bots for assigned seats, resume after a reload paused.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/app/drill/session.ts';
import { canonicalJson } from '../../src/core/index.ts';
import { replay } from '../../src/review/index.ts';
import { scenario, MIN } from '../core/test-drill.ts';

const manualClock = () => {
  let now = 1_000_000;
  const clock = () => now;
  clock.advance = (ms: number) => (now += ms);
  return clock;
};

describe('a drill session in the browser', () => {
  it('stamps inputs with the room clock, so the log replays to the same state', () => {
    const clock = manualClock();
    const s = createSession({ scenario: scenario(), file: 'minimal.yaml', seed: 3, clock });
    s.facilitator({ type: 'start' });
    clock.advance(2 * MIN + 5_000);
    s.tick();
    expect(s.exercise.world.decisions['send-usar']!.status).toBe('open');
    expect(s.send('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] })).toEqual({ ok: true });
    expect(s.exercise.log.map((e) => e.t)).toEqual([0, 2 * MIN + 5_000]);
    const again = replay(scenario(), 3, s.exercise.log);
    expect(canonicalJson(again.world)).toBe(canonicalJson(s.exercise.world));
  });

  it('a seat given to a bot answers by itself, and its answer is in the log', () => {
    const clock = manualClock();
    const s = createSession({ scenario: scenario(), file: 'minimal.yaml', seed: 3, clock });
    s.facilitator({ type: 'assign-seat', seat: 'fire-rescue', policy: 'plan' });
    s.facilitator({ type: 'start' });
    clock.advance(3 * MIN);
    s.tick();
    expect(s.exercise.log.at(-1)).toMatchObject({ actor: 'fire-rescue', event: { type: 'answer', decision: 'send-usar', options: ['send'] } });
    expect(s.policyOf('fire-rescue')).toBe('plan');
  });

  it('fast-forward runs drill time faster than the room', () => {
    const clock = manualClock();
    const s = createSession({ scenario: scenario(), file: 'minimal.yaml', seed: 3, clock, speed: 10 });
    s.facilitator({ type: 'start' });
    clock.advance(12_000);
    s.tick();
    expect(s.exercise.world.clock).toBe(2 * MIN);
  });

  it('a drill reloaded while running comes back paused, where it was', () => {
    const clock = manualClock();
    const s = createSession({ scenario: scenario(), file: 'minimal.yaml', seed: 3, clock });
    s.facilitator({ type: 'start' });
    clock.advance(MIN);
    s.tick();
    const reloaded = createSession({ scenario: scenario(), file: 'minimal.yaml', seed: 3, clock: manualClock(), log: s.exercise.log, lastSeenT: s.now() });
    expect(reloaded.exercise.statePath()).toBe('paused');
    expect(reloaded.exercise.world.clock).toBe(MIN);
    expect(reloaded.exercise.log.at(-1)).toMatchObject({ t: MIN, event: { type: 'pause' } });
  });
});

describe('bots and the pause', () => {
  it('a bot waits while the drill is paused, and answers when it resumes', () => {
    const clock = manualClock();
    const s = createSession({ scenario: scenario(), file: 'minimal.yaml', seed: 3, clock });
    s.facilitator({ type: 'assign-seat', seat: 'fire-rescue', policy: 'plan' });
    s.facilitator({ type: 'start' });
    clock.advance(2 * MIN + 10_000); // the decision opened at 2:00; the plan bot answers 20 s later
    s.tick();
    s.facilitator({ type: 'pause' });
    clock.advance(10 * MIN);
    s.tick();
    expect(s.exercise.log.at(-1)!.event.type).toBe('pause');
    s.facilitator({ type: 'resume' });
    clock.advance(9_000);
    s.tick();
    expect(s.exercise.log.at(-1)!.event.type).toBe('resume');
    clock.advance(1_000);
    s.tick();
    expect(s.exercise.log.at(-1)).toMatchObject({ actor: 'fire-rescue', event: { type: 'answer' } });
    expect(s.exercise.world.decisions['send-usar']!.answerClock).toBe(2 * MIN + 20_000);
  });

  it('a follower that ran ahead of an entry (its writer reloaded and resumed from a heartbeat) applies nothing and says to rebuild', () => {
    const clock = manualClock();
    const writer = createSession({ scenario: scenario(), file: 'minimal.yaml', seed: 3, clock });
    writer.facilitator({ type: 'start' });
    const follower = createSession({ scenario: scenario(), file: 'minimal.yaml', seed: 3, clock, log: writer.exercise.log, readOnly: true });
    // The writer's clock reached 60 s and the follower shows it; the writer then reloads, its last heartbeat at 59.5 s.
    expect(follower.follow([], 60_000)).toBe(true);
    const reloaded = createSession({ scenario: scenario(), file: 'minimal.yaml', seed: 3, clock, log: writer.exercise.log, lastSeenT: 59_500 });
    expect(reloaded.exercise.log.at(-1)).toMatchObject({ t: 59_500, event: { type: 'pause' } });
    expect(follower.follow(reloaded.exercise.log, 60_000)).toBe(false);
    expect(follower.exercise.log).toHaveLength(1);
    // Rebuilt from the writer's whole log, it holds the same drill.
    const rebuilt = createSession({ scenario: scenario(), file: 'minimal.yaml', seed: 3, clock, log: reloaded.exercise.log, readOnly: true });
    expect(canonicalJson(rebuilt.exercise.world)).toBe(canonicalJson(reloaded.exercise.world));
  });
});
