import { describe, expect, it } from 'vitest';
import { runDrill } from '../../src/core/index.ts';
import { scoreDrill, type DrillScore } from '../../src/scoring/index.ts';
import { haicheng } from './helpers.ts';

const mean = (score: DrillScore, ids: string[]) => {
  const totals = ids.map((id) => score.decisions[id]!).filter((d) => d.applicable).map((d) => d.total!);
  return totals.length ? Math.round((10 * totals.reduce((a, x) => a + x, 0)) / totals.length) / 10 : null;
};

describe('roll-ups: the mean of the decision totals, equal weight', () => {
  const s = haicheng();
  const ex = runDrill({ scenario: s, seed: 5, policy: 'random' });
  // Every seat is a bot here: a unit's, group's and county's mean is the bots' score beside its own (which is empty).
  const score = scoreDrill(s, ex.world, ex.log);
  const botsMean = (r: { score: number | null; bots: { score: number | null } | null }) => r.bots?.score ?? r.score;

  it('per unit: the decisions it owns', () => {
    for (const d of s.decisions) expect(score.units[d.owner]!.decisions).toContain(d.id);
    for (const u of Object.values(score.units)) {
      expect(u.decisions).toEqual(s.decisions.filter((d) => d.owner === u.id).map((d) => d.id));
      expect(botsMean(u)).toBeCloseTo(mean(score, u.decisions)!, 1);
    }
    expect(score.units['anshan-hq']).toMatchObject({ kind: 'hq' });
    expect(score.units['g-rescue']).toMatchObject({ kind: 'group' });
    expect(score.units['county-haicheng']).toMatchObject({ kind: 'county' });
    expect(score.units['fire-rescue']).toMatchObject({ kind: 'unit', name: { zh: '鞍山市消防救援支队' } });
  });

  it("per working group: its own decisions and its member units'", () => {
    for (const g of s.organisation.groups) {
      const members = new Set([g.id, g.lead, ...g.members]);
      const ids = s.decisions.filter((d) => members.has(d.owner)).map((d) => d.id);
      expect(score.groups[g.id]!.decisions).toEqual(ids);
      expect(botsMean(score.groups[g.id]!)).toBeCloseTo(mean(score, ids) ?? NaN, 1);
    }
    expect(score.groups['g-rescue']!.decisions).toEqual(expect.arrayContaining(['d09-sar-allocation', 'd19-xiliu-fire', 'd20-mine']));
  });

  it('per county HQ and per capability, with a rating; overall over every decision that applies', () => {
    for (const c of s.organisation.counties) expect(botsMean(score.counties[c.id]!)).toBe(mean(score, s.decisions.filter((d) => d.owner === c.id).map((d) => d.id)));
    expect(score.counties['county-xiuyan']).toMatchObject({ score: null, rating: null, applicable: 0 });
    for (const c of s.scoring.capabilities) {
      const r = score.capabilities[c.id]!;
      expect(r.score).toBeCloseTo(mean(score, s.decisions.filter((d) => d.capability === c.id).map((d) => d.id))!, 1);
      expect(r.rating).toMatch(/^[PSMU]$/);
      expect(r.ratingZh).toMatch(/^[优良中差]$/);
    }
    expect(score.overall).toBe(mean(score, Object.keys(score.decisions)));
  });

  it("a unit's rating leaves out what bots answered for it and shows their score beside", () => {
    const rated = scoreDrill(s, ex.world, ex.log);
    const fire = rated.units['fire-rescue']!;
    expect(fire).toMatchObject({ score: null, rating: null, applicable: 0 });
    expect(fire.bots).toEqual({ score: mean(score, fire.decisions), decisions: fire.decisions.filter((d) => score.decisions[d]!.applicable).length });
    expect(rated.decisions[fire.decisions[0]!]!.answeredBy).toEqual({ kind: 'bot', policy: 'random' });
    // The drill's overall still rests on every decision.
    expect(rated.overall).toBe(score.overall);
    expect(rated.restsOn).toBe(Object.values(score.decisions).filter((d) => d.applicable).length);
    // …and says how many of them bots answered: here every one.
    expect(rated.byBots).toBe(rated.restsOn);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(score))).toEqual(score);
  });
});
