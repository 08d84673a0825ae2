// What the drill screens derive from the log and the world: each entry's drill time and node
// (recomputed from the log alone, so a loaded drill has them too — checked against the engine on a
// live run with pauses, jumps and bots), media URLs beside the scenario file, the figures.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/app/drill/session.ts';
import { createExercise } from '../../src/core/index.ts';
import { entryMarks, figuresOf, logMarks, injectReaches, injectsFor, mediaUrl, seatsOf } from '../../src/app/views/drill-data.ts';
import { MIN, loadDefault, manualClock } from './render.ts';

const scenario = loadDefault();

describe('drill data for the screens', () => {
  it('gives every log entry the drill time and node the engine had, from the log alone', () => {
    const clock = manualClock();
    const s = createSession({ scenario, file: 'x.yaml', seed: 5, clock });
    const pass = (ms: number) => {
      clock.advance(ms);
      s.tick();
    };
    s.facilitator({ type: 'pause' }); // refused: not started
    for (const seat of seatsOf(scenario).map((x) => x.id)) s.facilitator({ type: 'assign-seat', seat, policy: 'random' });
    s.facilitator({ type: 'start' });
    pass(7 * MIN);
    s.facilitator({ type: 'pause' });
    pass(3 * MIN);
    s.facilitator({ type: 'resume' });
    pass(15 * MIN); // node 1 ends by its timer at 20:00
    s.facilitator({ type: 'next-node' });
    s.setSpeed(60);
    pass(40_000);
    s.facilitator({ type: 'next-node' });
    s.facilitator({ type: 'end' });
    s.facilitator({ type: 'resume' }); // refused: ended

    // The engine's own drill time and node right after each entry, by folding the log again.
    const fold = createExercise({ scenario, seed: 5 });
    const seen = new Map<number, { clock: number; node: number }>();
    for (const e of s.exercise.log) {
      fold.apply(e);
      seen.set(e.seq, { clock: fold.world.clock, node: fold.world.node });
    }
    const marks = entryMarks(scenario, s.exercise.log, s.exercise.world.rejections);
    expect(marks.size).toBe(s.exercise.log.length);
    expect(s.exercise.log.length).toBeGreaterThan(50);
    for (const e of s.exercise.log) {
      const mark = marks.get(e.seq)!;
      expect({ seq: e.seq, clock: mark.clock, node: mark.node }).toEqual({ seq: e.seq, ...seen.get(e.seq)! });
      expect(mark.accepted).toBe(!s.exercise.world.rejections.some((r) => r.seq === e.seq));
    }
    // Before the start, in node 1, and in later nodes reached both by a timer and by jumps.
    expect([...new Set([...marks.values()].map((m) => m.node))]).toEqual([-1, 0, 2, 4]);

    // Asked for part by part, as a replay's scrubber and a growing log ask (forward, back, on past
    // where it stopped), the remembered marks are the same; a log that parts from it is marked anew.
    const log = s.exercise.log;
    const rejections = () => s.exercise.world.rejections;
    for (const n of [10, 4, 30, 30, 12, log.length]) {
      const part = log.slice(0, n);
      const got = logMarks(scenario, part, rejections);
      for (const e of part) expect(got.get(e.seq)).toEqual(marks.get(e.seq));
    }
    const pause = log.findIndex((e) => e.event.type === 'pause' && marks.get(e.seq)!.accepted); // at 07:00, while running
    const branch = [...log.slice(0, pause), { ...log[pause]!, t: log[pause]!.t + MIN }];
    const branched = logMarks(scenario, branch, rejections);
    for (const e of branch) expect(branched.get(e.seq)).toEqual(entryMarks(scenario, branch, s.exercise.world.rejections).get(e.seq));
    expect(branched.get(log[pause]!.seq)!.clock).toBe(8 * MIN);
  });

  it('resolves media beside the scenario file and refuses other schemes', () => {
    expect(mediaUrl('scenarios/haicheng.yaml', 'media/a.jpg')).toBe('scenarios/media/a.jpg');
    expect(mediaUrl('drill.yaml', 'media/a.jpg')).toBe('media/a.jpg');
    expect(mediaUrl('scenarios/x.yaml', 'https://example.org/v.mp4')).toBeNull(); // not on the allow-list (test/app/media.test.ts)
    expect(mediaUrl('scenarios/x.yaml', 'javascript:alert(1)')).toBeNull();
    expect(mediaUrl('scenarios/x.yaml', 'data:text/html,<script>')).toBeNull();
    expect(mediaUrl('scenarios/x.yaml', '//evil.example/x.png')).toBeNull();
  });

  it('routes an inject the facilitator edited to the seats it went out to, not the plan’s', () => {
    const s = createSession({ scenario, file: 'x.yaml', seed: 5, clock: manualClock() });
    s.facilitator({ type: 'start' });
    // i04 (the substation trip) is planned for the grid company, the EMA and Haicheng; sent to the medical group instead.
    expect(s.facilitator({ type: 'fire-inject', inject: 'i04-substation-trip', edit: { to: ['g-medical'] } }).ok).toBe(true);
    const { model, world } = s.exercise;
    const ids = (seat: string | null) => injectsFor(model, world, seat).map((x) => x.id);
    expect(ids('g-medical')).toContain('i04-substation-trip');
    expect(ids('health')).toContain('i04-substation-trip'); // a member unit of the medical group
    expect(injectReaches(model, world, 'i04-substation-trip', 'state-grid')).toBe(false);
    expect(ids('state-grid')).not.toContain('i04-substation-trip');
    expect(ids('ema')).not.toContain('i04-substation-trip');
    // An inject fired as planned still goes to the plan's seats: the quake report (at 0:00) reaches the EMA.
    expect(ids('ema')).toEqual(['i01-quake-report']);
    expect(ids(null)).toEqual(['i04-substation-trip', 'i01-quake-report']);
  });

  it('counts the figures from the world', () => {
    const clock = manualClock();
    const s = createSession({ scenario, file: 'x.yaml', seed: 5, clock });
    expect(figuresOf(s.exercise.model, s.exercise.world)).toMatchObject({ trapped: 0, rescuedAlive: 0, casualties: 0, openDecisions: 0 });
    s.facilitator({ type: 'start' });
    clock.advance(5 * MIN);
    s.tick();
    const f = figuresOf(s.exercise.model, s.exercise.world);
    expect(f.trapped).toBeGreaterThan(0);
    expect(f.casualties).toBeGreaterThan(0);
    expect(f.openDecisions).toBeGreaterThan(0);
  });
});
