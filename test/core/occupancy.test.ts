// Occupancy by time of day: the share of people indoors the loss estimate multiplies by — SCIENCE.md
// §7.2's windows by default, the scenario's own shares over them, a place's own over the scenario's,
// and at each level the shares of the drill's season (conditions.season) over the year-round ones.
import { describe, expect, it } from 'vitest';
import { estimateLosses } from '../../src/core/estimate.ts';
import { OCCUPANCY_DEFAULTS, occupancyAtHour } from '../../src/hazard/casualties.ts';
import { replaced } from '../scenario/helpers.ts';
import { scenario } from './test-drill.ts';

describe('occupancy by time of day', () => {
  it('defaults to SCIENCE.md §7.2: 0.95 at night (22–05 h), 0.6 in the morning (05–10 h), 0.5 by day', () => {
    expect(OCCUPANCY_DEFAULTS).toEqual({ night: 0.95, morning: 0.6, day: 0.5 });
    expect(occupancyAtHour(23)).toBe(0.95);
    expect(occupancyAtHour(9.5)).toBe(0.6);
    expect(occupancyAtHour(14)).toBe(0.5);
    expect(occupancyAtHour(2, { night: 0.8, morning: 0.6, day: 0.5 })).toBe(0.8);
  });

  it("takes the scenario's shares: 0.9 indoors at 09:30 instead of 0.6 raises the deaths by half", () => {
    const plain = estimateLosses(scenario());
    const own = estimateLosses(scenario('occupancy.yaml', scenarioText('occupancy: { morning: 0.9 }\n')));
    expect(plain.occupancy).toBe(0.6);
    expect(own.occupancy).toBe(0.9);
    // Deaths are population × occupancy × share destroyed × deaths given collapse: linear in occupancy, 0.9 / 0.6 = 1.5.
    expect(own.total.deaths / plain.total.deaths).toBeCloseTo(1.5, 12);
  });

  it("lets a place set its own over the scenario's: Chagou at 0.3 in the morning halves its deaths", () => {
    const plain = estimateLosses(scenario());
    const text = replaced('      buildings: { A1: 0.4, B: 0.4, C: 0.2 }\n', '      buildings: { A1: 0.4, B: 0.4, C: 0.2 }\n      occupancy: { morning: 0.3 }\n');
    const own = estimateLosses(scenario('place-occupancy.yaml', text));
    expect(own.occupancy).toBe(0.6);
    expect(own.settlements[0]!.deaths / plain.settlements[0]!.deaths).toBeCloseTo(0.5, 12);
  });

  it("takes the season's shares when the scenario says its season, and only then", () => {
    const shares = 'occupancy: { morning: 0.9, winter: { morning: 0.75 }, summer: { morning: 0.3 } }\n';
    const winter = estimateLosses(scenario('winter.yaml', scenarioText(`${shares}conditions: { season: winter }\n`)));
    const autumn = estimateLosses(scenario('autumn.yaml', scenarioText(`${shares}conditions: { season: autumn }\n`)));
    const none = estimateLosses(scenario('no-season.yaml', scenarioText(shares)));
    expect(winter.occupancy).toBe(0.75); // winter's own morning share
    expect(autumn.occupancy).toBe(0.9); // autumn sets none: the year-round 0.9
    expect(none.occupancy).toBe(0.9); // no season given: no season's shares
  });

  it("a place's season shares win over the scenario's", () => {
    const text = replaced('      buildings: { A1: 0.4, B: 0.4, C: 0.2 }\n', '      buildings: { A1: 0.4, B: 0.4, C: 0.2 }\n      occupancy: { summer: { morning: 0.3 } }\n');
    const summer = estimateLosses(scenario('place-summer.yaml', scenarioText('occupancy: { summer: { morning: 0.9 } }\nconditions: { season: summer }\n', text)));
    const plain = estimateLosses(scenario());
    expect(summer.occupancy).toBe(0.9);
    // Chagou at 0.3 instead of the default 0.6: its deaths halve.
    expect(summer.settlements[0]!.deaths / plain.settlements[0]!.deaths).toBeCloseTo(0.5, 12);
  });
});

/** The minimal scenario (or `text`) with a top-level block put before its scoring. */
function scenarioText(block: string, text?: string): string {
  return replaced('scoring:\n', `${block}scoring:\n`, text);
}
