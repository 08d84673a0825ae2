// Seeking a long log costs one checkpoint interval: checkpoints come by entry count as well as by
// time, share what did not change, and a seek anywhere lands on the straight fold's state.
import { describe, expect, it } from 'vitest';
import { createExercise, FACILITATOR, type LogEntry } from '../../src/core/index.ts';
import { replay, Timeline } from '../../src/review/index.ts';
import { honestLog } from '../bench/honest-log.ts';
import { MIN, scenario } from '../core/test-drill.ts';

const report = (seq: number, t: number): LogEntry => ({ seq, t, actor: 'fire-rescue', event: { type: 'report', to: 'hq', text: `report ${seq}` } });

/** The straight fold: every entry up to t, then the clock to t. */
function straight(s: ReturnType<typeof scenario>, seed: number, log: readonly LogEntry[], t: number) {
  const ex = replay(s, seed, log.filter((e) => e.t <= t));
  ex.advance(t);
  return ex;
}

describe('seek bounded by one checkpoint interval', () => {
  it('a burst of 1,000 reports in one paused minute gets a checkpoint every 250 entries', () => {
    const log: LogEntry[] = [
      { seq: 1, t: 0, actor: FACILITATOR, event: { type: 'start' } },
      { seq: 2, t: MIN, actor: FACILITATOR, event: { type: 'pause' } },
      ...Array.from({ length: 1000 }, (_, i) => report(i + 3, 2 * MIN)),
      { seq: 1003, t: 3 * MIN, actor: FACILITATOR, event: { type: 'resume' } },
      { seq: 1004, t: 4 * MIN, actor: FACILITATOR, event: { type: 'pause' } },
    ];
    const timeline = new Timeline(scenario(), 1, log);
    // By hand: 0 (started), 1 min (paused, the clock moved), after entries 252, 502, 752 and 1002 (every
    // 250 entries from entry 2), 3 min (resumed: the mode changed), 4 min (paused, the clock moved) = 8.
    // By time alone it was 5, and a seek into the burst replayed up to 1,000 entries.
    expect(timeline.length).toBe(8);
    const mid = timeline.seek(2 * MIN);
    expect(mid.world).toMatchObject({ mode: 'paused', clock: MIN, seq: 1002 });
    expect(mid.world.messages).toHaveLength(1000);
    expect(mid.world.messages[999]).toMatchObject({ seq: 1002, kind: 'report', from: 'fire-rescue', to: 'hq', text: 'report 1002' });
    expect(mid.log).toEqual(log.slice(0, 1002));
  });

  it('a checkpoint shares with the one before it the records that did not change', () => {
    const ex = createExercise({ scenario: scenario(), seed: 1 });
    ex.apply({ t: 0, actor: FACILITATOR, event: { type: 'start' } });
    const first = ex.checkpoint();
    ex.apply({ t: 1000, actor: 'fire-rescue', event: { type: 'report', to: 'hq', text: 'on our way' } });
    const second = ex.checkpoint(first);
    // A report changes no team, incident or decision: the copies are the first checkpoint's.
    expect(second.world.teams).toBe(first.world.teams);
    expect(second.world.incidents).toBe(first.world.incidents);
    expect(second.world.decisions).toBe(first.world.decisions);
    ex.apply({ t: 2000, actor: FACILITATOR, event: { type: 'order', to: 'fire-rescue', effect: { do: 'dispatch', team: 'usar-1', to: 'chagou', count: 1 } } });
    const third = ex.checkpoint(second);
    // One team of two was sent: its record is new, the other's is shared.
    expect(third.world.teams['usar-1#1']).not.toBe(second.world.teams['usar-1#1']);
    expect(third.world.teams['usar-1#1']!.status).not.toBe('available');
    expect(third.world.teams['usar-1#2']).toBe(second.world.teams['usar-1#2']);
    // …and the world restored from it is the live one.
    const restored = createExercise({ scenario: scenario(), seed: 1, from: third, log: ex.log });
    expect(restored.hash()).toBe(ex.hash());
  });

  it('an honest log holds no refusals, and a seek in its middle lands on the straight fold', () => {
    const s = scenario('haicheng-m5.8.yaml');
    const log = honestLog(s, 3, 1000);
    const all = replay(s, 3, log);
    expect(all.world.rejections).toEqual([]);
    expect(all.log).toHaveLength(1000);
    const types = new Set(log.map((e) => e.event.type));
    for (const type of ['start', 'answer', 'order', 'report', 'extend-deadline', 'pause', 'resume']) expect(types, type).toContain(type);

    // Small intervals so the seeks start from checkpoints taken by count and by time.
    const timeline = new Timeline(s, 3, log, 60_000, 40);
    const end = log.at(-1)!.t;
    const mid = log[500]!.t;
    for (const t of [mid, mid + 1, Math.floor(end * 0.93), end]) {
      const seek = timeline.seek(t);
      const expected = straight(s, 3, log, t);
      expect(seek.hash(), `seek to t=${t}`).toBe(expected.hash());
      expect(seek.log).toEqual(expected.log);
      // Plain data, field for field: its long histories are whole arrays once read.
      expect(structuredClone(seek.world)).toEqual(expected.world);
    }
    // A seek to the end hands out the recorded log itself: no copy of a million entries.
    expect(timeline.seek(end).log).toBe(log);
  });

  it('a drill continued from a seek branches: its log grows, the recorded one does not', () => {
    const s = scenario('haicheng-m5.8.yaml');
    const log = honestLog(s, 4, 600);
    const recorded = [...log];
    const timeline = new Timeline(s, 4, log, 60_000, 40);
    const t = log[300]!.t;
    const branch = timeline.seek(t);
    const before = branch.log.length;
    expect(branch.apply({ t, actor: 'ema', event: { type: 'report', to: 'anshan-hq', text: 'a branch' } }).ok).toBe(true);
    expect(branch.log).toHaveLength(before + 1);
    expect(log).toEqual(recorded);
    // A second seek to the same moment is not touched by the branch.
    expect(timeline.seek(t).hash()).toBe(straight(s, 4, log, t).hash());
  });
});
