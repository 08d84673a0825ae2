// The loss estimate of the default scenario against SCIENCE.md §7.2's expected figures (worked out
// there from its table, not by this code), and the response level the plan's criteria indicate.
import { describe, expect, it } from 'vitest';
import { estimateLosses, levelByCriteria, meetsLevelCriteria } from '../../src/core/estimate.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { readScenario } from '../scenario/helpers.ts';
import { scenario } from './test-drill.ts';

const haicheng = (originTime?: string): Scenario => {
  const s = structuredClone(scenario('haicheng-m5.8.yaml'));
  if (originTime) s.earthquake.originTime = originTime;
  return s;
};
const place = (e: ReturnType<typeof estimateLosses>, id: string) => e.settlements.find((s) => s.id === id)!;
const within = (value: number, expected: number, share: number) => expect(Math.abs(value / expected - 1)).toBeLessThanOrEqual(share);

describe('the default scenario’s loss estimate (SCIENCE.md §7.2)', () => {
  const day = estimateLosses(haicheng());

  it('at its origin time, 09:30 (0.6 indoors), ≈ 15 deaths: 岔沟 ≈ 6.6, 牌楼 ≈ 3.3, 八里 ≈ 2.1, the rest < 1 each', () => {
    expect(day.localHour).toBe(9.5);
    expect(day.occupancy).toBe(0.6);
    expect(day.total.deaths).toBeGreaterThanOrEqual(5);
    expect(day.total.deaths).toBeLessThanOrEqual(30);
    within(day.total.deaths, 15, 0.05);
    expect(place(day, 'chagou').deaths).toBeCloseTo(6.6, 0);
    within(place(day, 'chagou').deaths, 6.6, 0.03);
    within(place(day, 'pailou').deaths, 3.3, 0.03);
    within(place(day, 'bali').deaths, 2.1, 0.03);
    for (const s of day.settlements.filter((x) => !['chagou', 'pailou', 'bali'].includes(x.id))) expect(s.deaths).toBeLessThan(1);
  });

  it('≈ 67 seriously injured and ≈ 100 trapped alive', () => {
    within(day.total.serious, 67, 0.03);
    within(day.total.trappedAlive, 100, 0.03);
  });

  it('minor injuries per place: 9.6 per death, or 5e-4 of the people at I ≥ 6.5 where that is more (王石: 35,000 · 5e-4 = 17.5)', () => {
    expect(place(day, 'wangshi').minor).toBeCloseTo(17.5, 9);
    within(place(day, 'chagou').minor, 9.6 * 6.6, 0.03);
    // SCIENCE.md's ≈ 140 applies the floor to the whole event (max(9.6 · 15, 5e-4 · 228,000)); per place the sum is higher.
    expect(day.total.minor).toBeGreaterThan(140);
    expect(day.total.minor).toBeCloseTo(day.settlements.reduce((a, s) => a + s.minor, 0), 9);
  });

  it('the same file at 02:30 (0.95 indoors) gives more: ≈ 23 deaths', () => {
    const night = estimateLosses(haicheng('2026-11-21T02:30+08:00'));
    expect(night.occupancy).toBe(0.95);
    expect(night.total.deaths).toBeGreaterThan(day.total.deaths);
    within(night.total.deaths, 23, 0.05);
  });

  it('the +1σ field (GB 18306’s σ 0.5826, as Wang 2000 has none) gives ≈ 71 by day and ≈ 112 at night', () => {
    const up = estimateLosses(haicheng(), { sigmas: 1 });
    expect(up.sigma.value).toBe(0.5826);
    expect(up.offset).toBeCloseTo(0.5826, 12);
    within(up.total.deaths, 71, 0.03);
    within(estimateLosses(haicheng('2026-11-21T02:30+08:00'), { sigmas: 1 }).total.deaths, 112, 0.03);
  });

  it('without the scenario’s σ, the relation’s own or else GB 18306’s 0.5826 is used, and says so', () => {
    const s = haicheng();
    delete s.earthquake.casualtyModel!.sigma;
    expect(estimateLosses(s, { sigmas: 1 }).sigma).toEqual({ value: 0.5826, from: 'gb18306-east' });
  });

  it('names the degree by the zone (floor): 牌楼 at 6.95 is VI, at the VII zone’s edge; PAGER bins it VII', () => {
    const p = place(day, 'pailou');
    expect(p.intensity).toBeGreaterThan(6.9);
    expect(p.intensity).toBeLessThan(7);
    expect(p.degree).toBe('VI');
    expect(p.pagerBin).toBe('VII');
    expect(place(day, 'chagou').degree).toBe('VII');
  });

  it('PAGER’s binned empirical figure is the central reference: ≈ 12, most places at bin VII × 5.1e-5', () => {
    // 岔沟 26,000 + 牌楼 42,000 + 八里 40,000 + 英落 30,000 + 接文 23,000 + 析木 32,000 + 王石 35,000 = 228,000 at VII × 5.05e-5
    within(day.total.pagerDeaths, 228_000 * 5.05e-5, 0.02);
    expect(place(day, 'pailou').pagerDeaths).toBeCloseTo(42_000 * 5.05e-5, 1);
  });
});

describe('the response level the plan’s criteria indicate', () => {
  const s = haicheng();

  it('uses the death bands: ≈ 15 → III (10–49), 71 → II (50–299), 5 → IV (< 10), 300 → I', () => {
    expect(levelByCriteria(s, 14.8)).toEqual({ level: 'III', by: 'deaths' });
    expect(levelByCriteria(s, 70.9)).toEqual({ level: 'II', by: 'deaths' });
    expect(levelByCriteria(s, 5)).toEqual({ level: 'IV', by: 'deaths' });
    expect(levelByCriteria(s, 9.4)).toEqual({ level: 'IV', by: 'deaths' });
    expect(levelByCriteria(s, 9.6)).toEqual({ level: 'III', by: 'deaths' });
    expect(levelByCriteria(s, 300)).toEqual({ level: 'I', by: 'deaths' });
  });

  it('falls back to the magnitude bands when no death band holds the figure (M5.8 → III)', () => {
    const noBands = structuredClone(s);
    for (const l of noBands.responseLevels) {
      delete l.criteria.deathsMin;
      delete l.criteria.deathsMax;
    }
    expect(levelByCriteria(noBands, 120)).toEqual({ level: 'III', by: 'magnitude' });
  });

  it('a level’s criteria are met by its death band or its magnitude band', () => {
    expect(meetsLevelCriteria(s, 'III', 15)).toBe(true);
    expect(meetsLevelCriteria(s, 'II', 71)).toBe(true); // deaths 50–299, though M5.8 is below II's M6.0
    expect(meetsLevelCriteria(s, 'II', 15)).toBe(false);
    expect(meetsLevelCriteria(s, 'IV', 15)).toBe(false);
  });
});

describe('what the default scenario tells players', () => {
  const text = readScenario('haicheng-m5.8.yaml');

  it('node 4 (from T+24 h) quotes the aftershock odds of its own window: ≈ 1.7 M≥4 and 19 % M≥5 in 7 days, 24 % M≥4.6 in 48 h', () => {
    const n4 = haicheng().nodes.find((n) => n.id === 'n4')!.briefing;
    expect(n4.zh).toContain('从现在起7天内4级以上余震约1.7次，5级以上余震概率约19%');
    expect(n4.zh).toContain('4.6级以上余震的概率约24%');
    expect(n4.zh).not.toContain('约4次');
    expect(n4.en).toContain('about 1.7 aftershocks of M4 or more in the next 7');
  });

  it('the rapid loss estimate states the model’s figures and says the scripted casualty figures are the script’s own', () => {
    expect(text).toContain('估算死亡约15人、重伤约67人、被埋压存活约100人');
    expect(text).toContain('PAGER经验模型中心参考约12人');
    expect(haicheng().nodes.find((n) => n.id === 'n5')!.briefing.zh).toContain('最终统计（脚本设定数字）：死亡23人');
  });

  it('an old casualtyModel block (3.2 serious per death, no σ, no minor floor) still loads, with the defaults', () => {
    const old = text.replace(/ {2}casualtyModel:\n[\s\S]*?source: src-calibration\n/, '  casualtyModel:\n    model: building-mix\n    seriousPerDeath: 3.2\n    minorPerDeath: 9.6\n    trappedAliveShare: 0.45\n    source: src-haicheng1975\n');
    expect(old).not.toEqual(text);
    const s = scenario('old-casualty-model.yaml', old);
    expect(s.earthquake.casualtyModel).toMatchObject({ seriousPerDeath: 3.2, minorFloorShare: 5e-4 });
    expect(s.earthquake.casualtyModel!.sigma).toBeUndefined();
    expect(estimateLosses(s, { sigmas: 1 }).sigma).toEqual({ value: 0.5826, from: 'gb18306-east' });
  });
});
