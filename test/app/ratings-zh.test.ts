// Ratings as Chinese practice names them: 优/良/中/差 alone in the Chinese interface; the English
// interface says the band in words with 优… beside it; HSEEP's P/S/M/U stay for the English AAR.
import { describe, expect, it } from 'vitest';
import { ratingLabel } from '../../src/app/views/words.ts';

describe('ratings', () => {
  it('are 优/良/中/差 in Chinese, without P/S/M/U', () => {
    expect(['P', 'S', 'M', 'U'].map((r) => ratingLabel('zh', r as 'P'))).toEqual(['优', '良', '中', '差']);
  });

  it('are worded in English with the Chinese band beside', () => {
    expect(ratingLabel('en', 'P')).toBe('Excellent (优)');
    expect(ratingLabel('en', 'U')).toBe('Poor (差)');
  });

  it('say when there is no rating yet', () => {
    expect(ratingLabel('zh', null)).toBe('未评分');
  });
});
