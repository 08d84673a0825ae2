import { describe, expect, it } from 'vitest';
import { RATING_ZH, rate } from '../../src/scoring/index.ts';
import { Drill, MIN } from './helpers.ts';

describe('P/S/M/U ratings (优/良/中/差)', () => {
  const thresholds = { P: 85, S: 70, M: 50 };

  it('≥ P is P, ≥ S is S, ≥ M is M, anything lower U — thresholds inclusive', () => {
    expect([100, 85, 84.9, 70, 69.9, 50, 49.9, 0].map((x) => rate(x, thresholds))).toEqual(['P', 'P', 'S', 'S', 'M', 'M', 'U', 'U']);
  });

  it('speaks Chinese too', () => {
    expect(RATING_ZH).toEqual({ P: '优', S: '良', M: '中', U: '差' });
  });

  it('every score and roll-up carries its rating, from the scenario thresholds', () => {
    const d = new Drill().start().at(2 * MIN);
    d.answer('fire-rescue', 'send-usar', { options: ['wait'] });
    const score = d.score();
    // wait earns nothing, but it is on time: 0.2 × 1 + 0.3 × consequence
    const s = score.decisions['send-usar']!;
    expect(s.rating).toBe(rate(s.total!, thresholds));
    expect(score).toMatchObject({ overall: s.total, rating: s.rating, ratingZh: RATING_ZH[s.rating!] });
    expect(score.capabilities['search-and-rescue']).toMatchObject({ score: s.total, rating: s.rating, ratingZh: RATING_ZH[s.rating!] });
  });
});
