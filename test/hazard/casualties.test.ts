import { describe, expect, it } from 'vitest';
import {
  BUILDING_CLASS_TO_PAGER,
  PAGER_SEMI_EMPIRICAL,
  classCollapseRate,
  collapseRate,
  pagerFatalityRate,
  settlementLosses,
  type PagerStructureType,
} from '../../src/hazard/casualties.ts';

describe('PAGER empirical fatality rate, China (SCIENCE.md §2)', () => {
  // SCIENCE.md §2: VI 2.8e-8, VII 5.1e-5, VIII 5.3e-3, IX 8.4e-2, X 0.37
  const rates: [number, number][] = [[6, 2.8e-8], [7, 5.1e-5], [8, 5.3e-3], [9, 8.4e-2], [10, 0.37]];
  for (const [i, rate] of rates) {
    it(`ν(${i}) = ${rate} within 2 %`, () => {
      expect(Math.abs(pagerFatalityRate(i) / rate - 1)).toBeLessThanOrEqual(0.02);
    });
  }

  it('rises with intensity and is 0 for no shaking', () => {
    expect(pagerFatalityRate(0)).toBe(0);
    for (let i = 4; i < 12; i += 0.25) expect(pagerFatalityRate(i + 0.25)).toBeGreaterThan(pagerFatalityRate(i));
  });
});

describe('PAGER semi-empirical collapse rates (SCIENCE.md §2)', () => {
  it('reproduces the table at MMI 6, 7, 8, 9', () => {
    const table: Record<PagerStructureType, [number, number, number, number, number]> = {
      'unreinforced-brick': [0.01, 0.04, 0.14, 0.35, 0.08],
      'brick-mud-mortar': [0.02, 0.12, 0.35, 0.7, 0.06],
      'nonductile-rc-frame': [0, 0.002, 0.02, 0.11, 0.15],
      'ductile-rc-frame': [0, 0.01, 0.02, 0.1, 0.15],
      'rc-shear-wall': [0, 0, 0, 0.02, 0.15],
      adobe: [0, 0.1, 0.55, 0.85, 0.06],
      wood: [0, 0, 0.05, 0.1, 0.007],
    };
    for (const [type, [c6, c7, c8, c9, f]] of Object.entries(table) as [PagerStructureType, number[]][]) {
      expect([6, 7, 8, 9].map((i) => collapseRate(type, i))).toEqual([c6, c7, c8, c9]);
      expect(PAGER_SEMI_EMPIRICAL[type].fatalityGivenCollapse).toBe(f);
    }
  });

  it('interpolates linearly between, is 0 below 6 and flat above 9', () => {
    expect(collapseRate('unreinforced-brick', 7.5)).toBeCloseTo(0.09, 12);
    expect(collapseRate('brick-mud-mortar', 8.25)).toBeCloseTo(0.35 + 0.25 * 0.35, 12);
    expect(collapseRate('unreinforced-brick', 5.99)).toBe(0);
    expect(collapseRate('unreinforced-brick', 10.5)).toBe(0.35);
  });

  it('maps the GB/T 17742-2020 classes to PAGER types (an estimate)', () => {
    expect(BUILDING_CLASS_TO_PAGER).toEqual({
      A1: 'brick-mud-mortar',
      A2: 'wood',
      B: 'unreinforced-brick',
      C: 'nonductile-rc-frame',
      D: 'ductile-rc-frame',
    });
    // More vulnerable classes collapse more at every intensity (A2 timber is the exception below VIII).
    for (const i of [6.5, 7, 8, 9]) {
      expect(classCollapseRate('A1', i)).toBeGreaterThan(classCollapseRate('B', i));
      expect(classCollapseRate('B', i)).toBeGreaterThan(classCollapseRate('C', i));
    }
  });

  it('SCIENCE.md §7: unreinforced brick at VII (0.04 × 0.08) kills about 60 times PAGER’s empirical rate', () => {
    const ratio = (collapseRate('unreinforced-brick', 7) * PAGER_SEMI_EMPIRICAL['unreinforced-brick'].fatalityGivenCollapse) / pagerFatalityRate(7);
    expect(ratio).toBeGreaterThan(55);
    expect(ratio).toBeLessThan(70);
  });
});

describe('settlement losses', () => {
  const base = { population: 10_000, buildings: { A1: 0.5, B: 0.5 }, intensity: 7, model: 'building-mix' as const };

  it('building mix: deaths = Σ population · share · collapse · fatality given collapse', () => {
    const l = settlementLosses(base);
    expect(l.collapsedShare).toBeCloseTo(0.5 * 0.12 + 0.5 * 0.04, 12);
    expect(l.occupantsOfCollapsed).toBeCloseTo(800, 9);
    expect(l.deaths).toBeCloseTo(10_000 * (0.5 * 0.12 * 0.06 + 0.5 * 0.04 * 0.08), 9); // 52
    expect(l.buildingMixDeaths).toBe(l.deaths);
    expect(l.serious).toBeCloseTo(52 * 3.2, 9);
    expect(l.minor).toBeCloseTo(52 * 9.6, 9);
    expect(l.trappedAlive).toBeCloseTo(800 * 0.45, 9);
    expect(l.pagerEmpiricalDeaths).toBeCloseTo(10_000 * pagerFatalityRate(7), 12);
  });

  it('PAGER empirical: deaths = population · ν(I); trapped people still come from collapses', () => {
    const l = settlementLosses({ ...base, model: 'pager-empirical' });
    expect(l.deaths).toBe(l.pagerEmpiricalDeaths);
    expect(l.deaths).toBeCloseTo(0.505, 2);
    expect(l.serious).toBeCloseTo(l.deaths * 3.2, 12);
    expect(l.buildingMixDeaths).toBeCloseTo(52, 9);
    expect(l.trappedAlive).toBeCloseTo(360, 9);
  });

  it('occupancy scales the building-mix figures, not PAGER’s empirical rate', () => {
    const night = settlementLosses(base);
    const day = settlementLosses({ ...base, occupancy: 0.4 });
    expect(day.deaths).toBeCloseTo(night.deaths * 0.4, 9);
    expect(day.trappedAlive).toBeCloseTo(night.trappedAlive * 0.4, 9);
    expect(day.pagerEmpiricalDeaths).toBe(night.pagerEmpiricalDeaths);
  });

  it('takes the ratios and the trapped share it is given', () => {
    const l = settlementLosses({ ...base, seriousPerDeath: 2, minorPerDeath: 5, trappedAliveShare: 0.3 });
    expect(l.serious).toBeCloseTo(104, 9);
    expect(l.minor).toBeCloseTo(260, 9);
    expect(l.trappedAlive).toBeCloseTo(240, 9);
  });

  it('the trapped and the dead never outnumber the occupants of collapsed buildings; nothing is negative', () => {
    for (const intensity of [5, 6, 6.5, 7, 8, 9, 10]) {
      for (const trappedAliveShare of [0, 0.45, 0.95, 1]) {
        for (const model of ['building-mix', 'pager-empirical'] as const) {
          const l = settlementLosses({ population: 5000, buildings: { A1: 0.3, A2: 0.1, B: 0.3, C: 0.2, D: 0.1 }, intensity, model, trappedAliveShare });
          expect(l.trappedAlive).toBeGreaterThanOrEqual(0);
          if (model === 'building-mix') expect(l.trappedAlive + l.deaths).toBeLessThanOrEqual(l.occupantsOfCollapsed + 1e-9);
          expect(l.deaths).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('no collapse and no building-mix deaths below intensity VI', () => {
    const l = settlementLosses({ ...base, intensity: 5.9 });
    expect(l.collapsedShare).toBe(0);
    expect(l.deaths).toBe(0);
    expect(l.trappedAlive).toBe(0);
  });
});
