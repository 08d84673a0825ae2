// The briefing's loss estimate: the epicentral township feels VII, the city VI, and PAGER's
// empirical rate stays far below the building-mix model (SCIENCE.md §7).
import { describe, expect, it } from 'vitest';
import { estimateLosses } from '../../src/core/index.ts';
import { settlementLosses } from '../../src/hazard/index.ts';
import { scenario } from './test-drill.ts';

describe('the loss estimate for the briefing', () => {
  const estimate = estimateLosses(scenario('haicheng-m5.8.yaml'));

  it('orders places by intensity, Chagou first at VII, Haicheng city at VI', () => {
    const intensities = estimate.settlements.map((s) => s.intensity);
    expect(intensities).toEqual([...intensities].sort((a, b) => b - a));
    const chagou = estimate.settlements.find((s) => s.id.includes('chagou'))!;
    expect(chagou.degree).toBe('VII');
    expect(estimate.settlements[0]!.id).toBe(chagou.id);
    const city = estimate.settlements.find((s) => s.id.includes('haicheng'))!;
    expect(city.degree).toBe('VI');
  });

  it('totals are the sums, and each row is the hazard model’s', () => {
    const s = estimate.settlements[0]!;
    const place = scenario('haicheng-m5.8.yaml').region.settlements.find((x) => x.id === s.id)!;
    const cm = scenario('haicheng-m5.8.yaml').earthquake.casualtyModel!;
    expect(s.deaths).toBeCloseTo(settlementLosses({ population: place.population, buildings: place.buildings, intensity: s.intensity, model: cm.model, trappedAliveShare: cm.trappedAliveShare }).deaths, 6);
    expect(estimate.total.deaths).toBeCloseTo(estimate.settlements.reduce((a, x) => a + x.deaths, 0), 6);
  });

  it('shows PAGER’s empirical figure as the lower reference', () => {
    expect(estimate.total.pagerEmpiricalDeaths).toBeGreaterThan(0);
    expect(estimate.total.pagerEmpiricalDeaths).toBeLessThan(estimate.total.deaths);
  });
});
