// SCIENCE.md §7.2's calibration, checked against values worked out by hand from its table.
import { describe, expect, it } from 'vitest';
import {
  PAGER_SEMI_EMPIRICAL,
  collapseRate,
  destroyedShare,
  injuriesFor,
  localHourOf,
  occupancyAtHour,
  pagerBinnedFatalityRate,
  pagerFatalityRate,
  pagerIntensityBin,
  settlementLosses,
  type BuildingClass,
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

describe('PAGER bins intensity to whole degrees (losspager/models/exposure.py: [N − 0.5, N + 0.5) → N)', () => {
  it('puts 6.49 in VI, 6.5 and 牌楼’s 6.95 and 岔沟’s 7.39 in VII, and keeps 1…10', () => {
    expect(pagerIntensityBin(6.49)).toBe(6);
    expect(pagerIntensityBin(6.5)).toBe(7);
    expect(pagerIntensityBin(6.95)).toBe(7);
    expect(pagerIntensityBin(7.39)).toBe(7);
    expect(pagerIntensityBin(7.5)).toBe(8);
    expect(pagerIntensityBin(0.4)).toBe(0);
    expect(pagerIntensityBin(11.2)).toBe(10);
  });

  it('applies ν at the bin’s centre: 6.95 gets ν(7) ≈ 5.1e-5, not ν(6.95)', () => {
    expect(Math.abs(pagerBinnedFatalityRate(6.95) / 5.1e-5 - 1)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(pagerBinnedFatalityRate(6.4) / 2.8e-8 - 1)).toBeLessThanOrEqual(0.02);
    expect(pagerBinnedFatalityRate(0.2)).toBe(0);
  });
});

describe('destroyed share by GB/T 17742 class and degree (SCIENCE.md §7.2)', () => {
  it('sits on the table at each zone’s middle, I = N + 0.5', () => {
    const table: Record<BuildingClass, number[]> = {
      A1: [0.001, 0.02, 0.12, 0.35],
      A2: [0, 0.005, 0.05, 0.15],
      B: [0, 0.005, 0.04, 0.18],
      C: [0, 0, 0.005, 0.04],
      D: [0, 0, 0.003, 0.02],
    };
    for (const [c, row] of Object.entries(table) as [BuildingClass, number[]][]) {
      expect([6.5, 7.5, 8.5, 9.5].map((i) => destroyedShare(c, i))).toEqual(row.map((v) => expect.closeTo(v, 12)));
    }
  });

  it('is log-linear between two non-zero anchors: A1 at 7.0 = √(0.001 · 0.02) = 0.004472, at 8.0 = √(0.02 · 0.12) = 0.04899', () => {
    expect(destroyedShare('A1', 7.0)).toBeCloseTo(0.0044721, 6);
    expect(destroyedShare('A1', 8.0)).toBeCloseTo(0.0489898, 6);
  });

  it('is linear from a zero anchor: B at 7.0 = 0.0025, C at 8.0 = 0.0025; 0 where both anchors are 0', () => {
    expect(destroyedShare('B', 7.0)).toBeCloseTo(0.0025, 12);
    expect(destroyedShare('C', 8.0)).toBeCloseTo(0.0025, 12);
    expect(destroyedShare('C', 7.2)).toBe(0);
  });

  it('tapers linearly from 6.5 to 0 at 6.0, with no step at 6.0', () => {
    expect(destroyedShare('A1', 6.25)).toBeCloseTo(0.0005, 12);
    expect(destroyedShare('A1', 6.01)).toBeCloseTo(0.00002, 12);
    expect(destroyedShare('A1', 6.0)).toBe(0);
    expect(destroyedShare('A1', 5.5)).toBe(0);
  });

  it('above IX continues the VIII→IX slope, capped at 1: A1 at 10.0 = 0.35 · √(0.35/0.12) = 0.5977 (√2.9167 = 1.70783); at 10.5 and beyond 1', () => {
    expect(destroyedShare('A1', 10.0)).toBeCloseTo(0.59774, 4);
    expect(destroyedShare('A1', 10.5)).toBe(1);
    expect(destroyedShare('A1', 12)).toBe(1);
  });

  it('never falls as the intensity rises and stays within 0…1', () => {
    for (const c of ['A1', 'A2', 'B', 'C', 'D'] as const) {
      let last = 0;
      for (let i = 5; i <= 12; i += 0.05) {
        const s = destroyedShare(c, i);
        expect(s).toBeGreaterThanOrEqual(last - 1e-15);
        expect(s).toBeLessThanOrEqual(1);
        last = s;
      }
    }
  });
});

describe('occupancy from the local origin time (SCIENCE.md §7.2)', () => {
  it('22–05 h 0.95, 05–10 h 0.6, otherwise 0.5', () => {
    expect(occupancyAtHour(2.5)).toBe(0.95);
    expect(occupancyAtHour(22)).toBe(0.95);
    expect(occupancyAtHour(4.99)).toBe(0.95);
    expect(occupancyAtHour(5)).toBe(0.6);
    expect(occupancyAtHour(9.5)).toBe(0.6);
    expect(occupancyAtHour(10)).toBe(0.5);
    expect(occupancyAtHour(21.9)).toBe(0.5);
    expect(() => occupancyAtHour(24)).toThrow(RangeError);
  });

  it('reads the local hour from the origin time as written, whatever its offset', () => {
    expect(localHourOf('2026-11-21T09:30+08:00')).toBe(9.5);
    expect(localHourOf('2026-11-21T02:30:36-05:00')).toBeCloseTo(2.51, 12);
  });
});

describe('settlement losses (SCIENCE.md §7.2)', () => {
  // 10,000 people, half A1 and half B, I 7.0 at 09:30 (0.6 indoors): worked by hand —
  // A1 0.5 · 0.0044721 = 0.0022361 destroyed, B 0.5 · 0.0025 = 0.00125;
  // deaths = 6,000 · (0.0022361 · 0.06 + 0.00125 · 0.08) = 1.40498;
  // occupants of destroyed buildings = 6,000 · 0.0034861 = 20.9164, trapped alive · 0.45 = 9.4124.
  const base = { population: 10_000, buildings: { A1: 0.5, B: 0.5 }, intensity: 7, occupancy: 0.6 };

  it('deaths, injuries and the trapped of a worked example', () => {
    const l = settlementLosses(base);
    expect(l.destroyedShare).toBeCloseTo(0.0034861, 6);
    expect(l.deaths).toBeCloseTo(1.40498, 4);
    expect(l.serious).toBeCloseTo(4.5 * 1.40498, 3);
    expect(l.minor).toBeCloseTo(9.6 * 1.40498, 3); // 13.49 > the floor 5e-4 · 10,000 = 5
    expect(l.occupantsOfDestroyed).toBeCloseTo(20.9164, 3);
    expect(l.trappedAlive).toBeCloseTo(9.4124, 3);
    expect(l.pagerDeaths).toBeCloseTo(10_000 * pagerFatalityRate(7), 12); // 0.505
  });

  it('minor injuries never fall below 5e-4 of the people at I ≥ 6.5, and have no floor below', () => {
    const at65 = settlementLosses({ ...base, intensity: 6.5 }); // deaths 6,000 · 0.5 · 0.001 · 0.06 = 0.18 → 9.6 · 0.18 = 1.73 < 5
    expect(at65.deaths).toBeCloseTo(0.18, 12);
    expect(at65.minor).toBeCloseTo(5, 12);
    const at64 = settlementLosses({ ...base, intensity: 6.4 }); // A1 0.5 · 0.0008 · 6,000 · 0.06 = 0.144
    expect(at64.minor).toBeCloseTo(9.6 * 0.144, 12);
    expect(injuriesFor(0, 20_000, 6.7)).toEqual({ serious: 0, minor: 10 });
  });

  it('night occupancy scales the building figures, not PAGER’s', () => {
    const day = settlementLosses(base);
    const night = settlementLosses({ ...base, occupancy: 0.95 });
    expect(night.deaths).toBeCloseTo((day.deaths * 0.95) / 0.6, 9);
    expect(night.trappedAlive).toBeCloseTo((day.trappedAlive * 0.95) / 0.6, 9);
    expect(night.pagerDeaths).toBe(day.pagerDeaths);
  });

  it('takes the ratios and the trapped share it is given', () => {
    const l = settlementLosses({ ...base, seriousPerDeath: 2, minorPerDeath: 5, trappedAliveShare: 0.3 });
    expect(l.serious).toBeCloseTo(2 * 1.40498, 4);
    expect(l.minor).toBeCloseTo(5 * 1.40498, 4);
    expect(l.trappedAlive).toBeCloseTo(0.3 * 20.9164, 3);
  });

  it('nothing destroyed and nobody killed or trapped at 6.0 and below', () => {
    const l = settlementLosses({ ...base, intensity: 6.0 });
    expect(l.destroyedShare).toBe(0);
    expect(l.deaths).toBe(0);
    expect(l.trappedAlive).toBe(0);
    expect(l.minor).toBe(0);
  });

  it('the trapped and the dead never outnumber the occupants of destroyed buildings', () => {
    for (const intensity of [5, 6, 6.5, 7, 8, 9, 10, 11, 12]) {
      for (const trappedAliveShare of [0, 0.45, 1]) {
        const l = settlementLosses({ population: 5000, buildings: { A1: 0.3, A2: 0.1, B: 0.3, C: 0.2, D: 0.1 }, intensity, occupancy: 0.95, trappedAliveShare });
        expect(l.trappedAlive).toBeGreaterThanOrEqual(0);
        expect(l.trappedAlive + l.deaths).toBeLessThanOrEqual(l.occupantsOfDestroyed + 1e-9);
      }
    }
  });
});

describe('PAGER semi-empirical collapse rates, kept as reference data (SCIENCE.md §2)', () => {
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

  it('SCIENCE.md §7.1: at VII the calibrated B share (0.005 at 7.5) is 8 times below PAGER’s global unreinforced brick (0.04 at 7)', () => {
    expect(collapseRate('unreinforced-brick', 7) / destroyedShare('B', 7.5)).toBeCloseTo(8, 12);
  });
});
