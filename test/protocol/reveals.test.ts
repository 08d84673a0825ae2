// A participant is sent an inject's words at the very step the inject reaches it (an observer: when
// it is delivered at all), and a decision's once it is closed; control is sent nothing (it holds all).
import { beforeAll, describe, expect, it } from 'vitest';
import { createExercise, type Exercise, type World } from '../../src/core/index.ts';
import { revealsFor, type Reveal, type Viewer } from '../../src/protocol/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { haicheng, playHaicheng } from './drill.ts';

const VIEWERS: Viewer[] = [
  { role: 'seat', seat: 'ema' },
  { role: 'seat', seat: 'blue-sky' },
  { role: 'seat', seat: 'anshan-hq' },
  { role: 'observer', seat: 'observer-1' },
  { role: 'facilitator', seat: 'facilitator' },
];

/** Who an inject reached, worked out here: its (edited) recipients, a working group's lead and members with it. */
function reaches(s: Scenario, world: Readonly<World>, id: string, viewer: Viewer): boolean {
  if (world.injects[id]!.status !== 'delivered') return false;
  if (viewer.role === 'observer') return true;
  const to = world.injects[id]!.edit?.to ?? s.injects.find((x) => x.id === id)!.to;
  return to.includes(viewer.seat) || s.organisation.groups.some((g) => to.includes(g.id) && (g.lead === viewer.seat || g.members.includes(viewer.seat)));
}
const closed = (world: Readonly<World>, id: string) => ['answered', 'expired', 'scored', 'voided'].includes(world.decisions[id]!.status);

describe('reveals', () => {
  /** Per viewer: each item's key → the step it was revealed at, and the reveals as sent. */
  const revealedAt = new Map<Viewer, Map<string, number>>();
  const sentReveals = new Map<Viewer, Reveal[]>();
  let steps = 0;
  beforeAll(() => {
    const s = haicheng();
    const played: Exercise = playHaicheng();
    const ex = createExercise({ scenario: s, seed: 1 });
    const sent = new Map(VIEWERS.map((v) => [v, new Set<string>()]));
    for (const v of VIEWERS) {
      revealedAt.set(v, new Map());
      sentReveals.set(v, []);
    }
    // After every step of the fold (an entry, or one timer), each viewer is sent what became readable.
    const step = () => {
      steps++;
      for (const v of VIEWERS) {
        const reveals = revealsFor(ex.model, ex.world, v, sent.get(v)!);
        sentReveals.get(v)!.push(...reveals);
        for (const r of reveals) revealedAt.get(v)!.set(r.kind === 'inject' ? `inject:${r.inject.id}` : `decision:${r.decision.id}`, steps);
        // Exactly now: everything readable has been sent, and nothing else.
        const readable = [
          ...s.injects.filter((x) => v.role !== 'facilitator' && reaches(s, ex.world, x.id, v)).map((x) => `inject:${x.id}`),
          ...s.decisions.filter((d) => v.role !== 'facilitator' && closed(ex.world, d.id)).map((d) => `decision:${d.id}`),
        ];
        expect([...revealedAt.get(v)!.keys()].sort(), `${v.seat} at step ${steps}`).toEqual(readable.sort());
      }
    };
    const untilT = (t: number) => {
      for (let due = ex.nextDueT(); due !== undefined && due <= t; due = ex.nextDueT()) {
        ex.advance(due);
        step();
      }
    };
    for (const entry of played.log) {
      untilT(entry.t);
      ex.apply(entry);
      step();
    }
    untilT(played.world.t);
    expect(ex.hash()).toBe(played.hash());
  }, 60_000);

  it('the drill was stepped through', () => {
    expect(steps).toBeGreaterThan(100);
  });

  it('by hand: ema is sent i01 and i10, not i09 (edited to the HQ alone) nor i08 (two counties)', () => {
    const ema = revealedAt.get(VIEWERS[0]!)!;
    expect(ema.has('inject:i01-quake-report')).toBe(true);
    expect(ema.has('inject:i10-hq-meeting')).toBe(true);
    expect(ema.has('inject:i09-province-chase')).toBe(false);
    expect(ema.has('inject:i08-county-zero-report')).toBe(false);
    expect(revealedAt.get(VIEWERS[2]!)!.has('inject:i09-province-chase')).toBe(true);
  });

  it('by hand: blue-sky is sent i12 through its working group g-rescue', () => {
    const blueSky = revealedAt.get(VIEWERS[1]!)!;
    expect(blueSky.has('inject:i12-jiewen-collapse')).toBe(true);
    expect(blueSky.has('inject:i01-quake-report')).toBe(false);
  });

  it('the observer is sent every delivered inject; control is sent nothing', () => {
    expect(revealedAt.get(VIEWERS[3]!)!.has('inject:i08-county-zero-report')).toBe(true);
    expect(revealedAt.get(VIEWERS[3]!)!.has('inject:i09-province-chase')).toBe(true);
    expect(revealedAt.get(VIEWERS[4]!)!.size).toBe(0);
  });

  it('each item is sent once, and never what the plan expects', () => {
    for (const v of VIEWERS) {
      const reveals = sentReveals.get(v)!;
      expect(reveals.length).toBe(revealedAt.get(v)!.size);
      for (const r of reveals) {
        if (r.kind === 'inject') expect(r.inject.expected).toBeUndefined();
        else expect([r.decision.rubric, r.decision.expected.options, r.decision.expected.allocations]).toEqual([[], undefined, undefined]);
      }
    }
  });
});

describe('reveals once the facilitator shows the seats the answers', () => {
  it('a closed decision is sent again whole: the plan expects consult, field-team and intensity-map for d03-quake-consult', () => {
    const ex = playHaicheng();
    expect(ex.world.decisions['d03-quake-consult']!.status).toBe('scored');
    const sent = new Set<string>();
    const seat: Viewer = { role: 'seat', seat: 'quake-bureau' };
    const before = revealsFor(ex.model, ex.world, seat, sent).find((r) => r.kind === 'decision' && r.decision.id === 'd03-quake-consult');
    expect(before?.kind === 'decision' && before.decision.expected.options).toBeUndefined();
    ex.apply({ t: ex.world.t, actor: 'facilitator', event: { type: 'set-visibility', scores: true, answers: true } });
    const after = revealsFor(ex.model, ex.world, seat, sent).filter((r) => r.kind === 'decision');
    const d03 = after.find((r) => r.kind === 'decision' && r.decision.id === 'd03-quake-consult');
    expect(d03?.kind === 'decision' && d03.decision.expected.options).toEqual(['consult', 'field-team', 'intensity-map']);
    expect(d03?.kind === 'decision' && d03.decision.rubric.length).toBeGreaterThan(0);
    // Sent once: nothing more until another decision closes.
    expect(revealsFor(ex.model, ex.world, seat, sent)).toEqual([]);
  });
});
