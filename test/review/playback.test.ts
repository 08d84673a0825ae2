// The playhead, frame by frame and entry by entry, worked by hand.
import { describe, expect, it } from 'vitest';
import { FACILITATOR, type LogEntry } from '../../src/core/index.ts';
import { entryStep, playStep } from '../../src/review/index.ts';

const FRAME = 16;

describe('playStep', () => {
  it('moves on by the frame times the speed, and stops at the end', () => {
    expect(playStep(1_000, FRAME, 10_000, [])).toBe(1_016);
    expect(playStep(1_000, FRAME * 10, 10_000, [])).toBe(1_160);
    expect(playStep(9_990, FRAME * 60, 10_000, [])).toBe(10_000);
    expect(playStep(10_000, FRAME * 60, 10_000, [])).toBe(10_000);
    // Paused (no advance) stays put.
    expect(playStep(1_000, 0, 10_000, [500, 1_000, 1_200])).toBe(1_000);
  });

  it('lands on a stop it would pass, the first of them; a stop at the playhead itself is behind it', () => {
    // 60×: 960 ms of log time a frame; stops at 1 400 and 1 600 both lie within (1 000, 1 960].
    expect(playStep(1_000, 960, 100_000, [1_600, 1_400, 5_000])).toBe(1_400);
    expect(playStep(1_400, 960, 100_000, [1_600, 1_400, 5_000])).toBe(1_600);
    expect(playStep(1_600, 960, 100_000, [1_600, 1_400, 5_000])).toBe(2_560);
    // A stop exactly one frame away is landed on as the frame's own end.
    expect(playStep(1_000, 960, 100_000, [1_960])).toBe(1_960);
  });

  it('at 60×, two injects 0.2 s apart are each shown for at least one frame', () => {
    const stops = [30_000, 30_200];
    const frames: number[] = [];
    let t = 28_500;
    while (t < 33_000) frames.push((t = playStep(t, FRAME * 60, 60_000, stops)));
    // 28 500 → 29 460 → 30 000 (stop) → 30 200 (stop) → 31 160 → 32 120 → 33 080.
    expect(frames).toEqual([29_460, 30_000, 30_200, 31_160, 32_120, 33_080]);
  });
});

describe('entryStep', () => {
  const at = (seq: number, t: number): LogEntry => ({ seq, t, actor: FACILITATOR, event: { type: 'pause' } });
  const log = [at(1, 0), at(2, 5_000), at(3, 5_000), at(4, 9_000)];

  it('steps to the next entry after the playhead', () => {
    expect(entryStep(log, 0, 1)).toBe(5_000);
    expect(entryStep(log, 2_000, 1)).toBe(5_000);
    expect(entryStep(log, 5_000, 1)).toBe(9_000);
    // After the last entry there is none: the playhead stays.
    expect(entryStep(log, 9_000, 1)).toBe(9_000);
    expect(entryStep(log, 12_000, 1)).toBe(12_000);
  });

  it('steps back to the entry before the playhead, past the entries at it', () => {
    expect(entryStep(log, 9_000, -1)).toBe(5_000);
    expect(entryStep(log, 7_000, -1)).toBe(5_000);
    expect(entryStep(log, 5_000, -1)).toBe(0);
    expect(entryStep(log, 0, -1)).toBe(0);
    expect(entryStep([], 3_000, -1)).toBe(3_000);
  });
});
