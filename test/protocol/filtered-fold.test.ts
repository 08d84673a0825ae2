// The fold never reads the words a participant's view holds back: the Haicheng drill's log, replayed
// on a seat's filtered scenario with the entries as that seat receives them, builds control's world
// but for its texts.
import { beforeAll, describe, expect, it } from 'vitest';
import { createExercise, type Exercise, type World } from '../../src/core/index.ts';
import { entryFor, scenarioFor, type Viewer } from '../../src/protocol/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { haicheng, playHaicheng } from './drill.ts';

/** The free-text fields of the world: what a message, a rejection, a mark and an inject's edit say. */
function withoutText(world: Readonly<World>): unknown {
  const w = JSON.parse(JSON.stringify(world)) as World;
  for (const m of w.messages) for (const k of ['text', 'title', 'question', 'expected'] as const) delete m[k];
  for (const r of w.rejections) r.reason = '';
  for (const mark of Object.values(w.marks)) delete mark.text;
  for (const x of Object.values(w.injects)) {
    delete x.edit?.title;
    delete x.edit?.narrative;
  }
  return w;
}

function replay(played: Exercise, scenario: Scenario, viewer: Viewer | undefined): Exercise {
  const ex = createExercise({ scenario, seed: 1 });
  for (const entry of played.log) ex.apply(viewer ? entryFor(entry, viewer, played.model) : entry);
  ex.advance(played.world.t);
  return ex;
}

describe('the fold on a filtered scenario', () => {
  let played: Exercise;
  let control: unknown;
  beforeAll(() => {
    played = playHaicheng();
    const full = replay(played, haicheng(), undefined);
    // The replay is the drill: same world to the hash.
    expect(full.hash()).toBe(played.hash());
    control = withoutText(full.world);
  });

  const viewers: Viewer[] = [
    { role: 'seat', seat: 'fire-rescue' }, // sent the report
    { role: 'seat', seat: 'blue-sky' }, // a member of g-rescue, addressed by the HQ's order
    { role: 'seat', seat: 'county-tiexi' }, // the live inject's only addressee
    { role: 'observer', seat: 'observer-1' },
  ];
  for (const viewer of viewers) {
    it(`${viewer.role} ${viewer.seat}: the same world but for its texts`, () => {
      const filtered = replay(played, scenarioFor(haicheng(), viewer), viewer);
      expect(filtered.world.mode).toBe('debrief');
      expect(withoutText(filtered.world)).toEqual(control);
      // The texts did differ: the comparison is not vacuous.
      expect(JSON.stringify(filtered.world.messages)).not.toBe(JSON.stringify(played.world.messages));
    }, 30_000);
  }
});
