// P/S/M/U (HSEEP) and 优/良/中/差 from a 0–100 score and the scenario's thresholds.
import type { Scenario } from '../scenario/schema.ts';
import type { Rating, RatingZh } from './types.ts';

export const RATING_ZH: Record<Rating, RatingZh> = { P: '优', S: '良', M: '中', U: '差' };

export const RATING_EN: Record<Rating, string> = {
  P: 'Performed without challenges',
  S: 'Performed with some challenges',
  M: 'Performed with major challenges',
  U: 'Unable to be performed',
};

/** ≥ P → P, ≥ S → S, ≥ M → M, else U. */
export function rate(score: number, thresholds: Scenario['scoring']['ratings']): Rating {
  if (score >= thresholds.P) return 'P';
  if (score >= thresholds.S) return 'S';
  if (score >= thresholds.M) return 'M';
  return 'U';
}
