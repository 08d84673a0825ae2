// The hazard model's first estimate of the damage, per settlement, for the briefing: the intensity
// each place feels, and deaths, injuries and people trapped by the scenario's casualty model, with
// PAGER's empirical China rate beside it as the lower reference (SCIENCE.md §7), so a facilitator
// can see why the drill's numbers are what they are.
import { intensityAt, intensityRoman, settlementLosses } from '../hazard/index.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface SettlementEstimate {
  id: string;
  intensity: number;
  /** GB/T 17742 degree, e.g. 'VII'. */
  degree: string;
  population: number;
  deaths: number;
  serious: number;
  trappedAlive: number;
  pagerEmpiricalDeaths: number;
  approximate: boolean;
}

export interface LossEstimate {
  model: 'building-mix' | 'pager-empirical';
  settlements: SettlementEstimate[];
  total: { population: number; deaths: number; serious: number; trappedAlive: number; pagerEmpiricalDeaths: number };
}

/** Places feeling less than this are left out: nothing falls down below intensity V [E]. */
const FELT = 5;

export function estimateLosses(scenario: Scenario): LossEstimate {
  const eq = scenario.earthquake;
  const cm = eq.casualtyModel;
  const model = cm?.model ?? 'building-mix';
  const quake = { lat: eq.epicentre.lat, lon: eq.epicentre.lon, magnitude: eq.magnitude, strikeDeg: eq.strikeDeg, offset: eq.attenuation.offset };
  const settlements = scenario.region.settlements
    .map((s) => {
      const intensity = intensityAt(eq.attenuation.relation, quake, s.lat, s.lon);
      const losses = settlementLosses({
        population: s.population,
        buildings: s.buildings,
        intensity,
        model,
        ...(cm ? { seriousPerDeath: cm.seriousPerDeath, minorPerDeath: cm.minorPerDeath, trappedAliveShare: cm.trappedAliveShare } : {}),
      });
      return {
        id: s.id,
        intensity,
        degree: intensityRoman(intensity),
        population: s.population,
        deaths: losses.deaths,
        serious: losses.serious,
        trappedAlive: losses.trappedAlive,
        pagerEmpiricalDeaths: losses.pagerEmpiricalDeaths,
        approximate: s.approximate ?? false,
      };
    })
    .filter((s) => s.intensity >= FELT)
    .sort((a, b) => b.intensity - a.intensity);
  const sum = (f: (s: SettlementEstimate) => number) => settlements.reduce((a, s) => a + f(s), 0);
  return {
    model,
    settlements,
    total: { population: sum((s) => s.population), deaths: sum((s) => s.deaths), serious: sum((s) => s.serious), trappedAlive: sum((s) => s.trappedAlive), pagerEmpiricalDeaths: sum((s) => s.pagerEmpiricalDeaths) },
  };
}
