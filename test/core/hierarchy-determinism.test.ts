// The same log folds to the same command hierarchy: live = replay = checkpoint + tail = seek, entry
// by entry, for a scripted drill that moves every kind of region and for random command sequences.
import { describe, expect, it } from 'vitest';
import { createExercise, FACILITATOR, hierarchyPaths, type DrillEvent, type Exercise, type LogEntry } from '../../src/core/index.ts';
import { replay, Timeline } from '../../src/review/index.ts';
import { randomDrill } from './random-commands.ts';
import { MIN, scenario } from './test-drill.ts';

const s = scenario('haicheng-m5.8.yaml');
const HQ = 'anshan-hq';

/** A drill that moves the HQ, the level (IV by the script, III, the end), groups and counties. */
const SCRIPT: [number, string, DrillEvent][] = [
  [0, FACILITATOR, { type: 'start' }],
  [1 * MIN, HQ, { type: 'hq', move: 'consult' }],
  [2 * MIN, HQ, { type: 'order', to: 'g-rescue', effect: { do: 'activate-group', group: 'g-rescue' } }],
  [3 * MIN, 'g-rescue', { type: 'order', to: 'fire-rescue', effect: { do: 'dispatch', team: 'fire-usar', to: 'chagou', count: 1 } }],
  [4.5 * MIN, HQ, { type: 'answer', decision: 'd01-level', options: ['iv'] }],
  [6 * MIN, 'county-haicheng', { type: 'order', to: 'g-medical', text: '医疗组前出岔沟' }],
  [7 * MIN, HQ, { type: 'set-level', level: 'III' }],
  [8 * MIN, HQ, { type: 'hq', move: 'forward-post' }],
  [9 * MIN, HQ, { type: 'order', to: 'g-rescue', effect: { do: 'stand-down-group', group: 'g-rescue' } }],
  [10 * MIN, HQ, { type: 'set-level', level: 'none' }],
];

function scripted(): { ex: Exercise; log: LogEntry[]; after: string[][] } {
  const ex = createExercise({ scenario: s, seed: 7 });
  const after = SCRIPT.map(([t, actor, event]) => {
    expect(ex.apply({ t, actor, event }), `${actor} ${JSON.stringify(event)}`).toEqual({ ok: true });
    return hierarchyPaths(ex.world);
  });
  return { ex, log: [...ex.log], after };
}

describe('the hierarchy is deterministic', () => {
  it('a scripted drill: the same paths after every entry, live and replayed; checkpoint + tail and seek agree', () => {
    const { ex, log, after } = scripted();
    expect(after[3]).toContain('groups.g-rescue.deployed');
    expect(after[4]!.slice(0, 2)).toEqual(['hq.opened', 'level.IV']);
    expect(after.at(-1)!.slice(0, 2)).toEqual(['hq.ended', 'level.ended']);
    // Replayed entry by entry, a second fold passes through the same states.
    const again = createExercise({ scenario: s, seed: 7, log });
    expect(log.map((entry) => (again.apply(entry), hierarchyPaths(again.world)))).toEqual(after);
    expect(replay(s, 7, log).world.hierarchy).toEqual(ex.world.hierarchy);
    for (let cut = 1; cut < log.length; cut++) {
      const head = replay(s, 7, log.slice(0, cut));
      const resumed = createExercise({ scenario: s, seed: 7, from: head.checkpoint(), log });
      for (const entry of log.slice(cut)) resumed.apply(entry);
      expect(resumed.world.hierarchy, `checkpoint after entry ${cut}`).toEqual(ex.world.hierarchy);
    }
    const timeline = new Timeline(s, 7, log, 2 * MIN);
    for (const [i, entry] of log.entries()) expect(hierarchyPaths(timeline.seek(entry.t).world), `seek to entry ${i + 1}`).toEqual(after[i]);
  });

  it('30 random command sequences: replay gives the same hierarchy as the live drill', () => {
    const started = createExercise({ scenario: s, seed: 1 });
    started.apply({ t: 0, actor: FACILITATOR, event: { type: 'start' } });
    let moved = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { live, log } = randomDrill(s, seed);
      expect(replay(s, seed, log).world.hierarchy, `seed ${seed}`).toEqual(live.world.hierarchy);
      if (JSON.stringify(live.world.hierarchy) !== JSON.stringify(started.world.hierarchy)) moved++;
    }
    // Most sequences move it somewhere beyond the start.
    expect(moved).toBeGreaterThan(15);
  });
});
