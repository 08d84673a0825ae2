// Who leads at each response level, and how orders and reports follow: the default scenario's plan
// gives Level IV to the Haicheng county HQ (the city HQ guides and supports it) and Level III to the
// city HQ (scenarios/haicheng-m5.8.yaml, responseLevels).
import { describe, expect, it } from 'vitest';
import { guideOf, hierarchyPaths, leadOf, orderTargets, refuseOrder, reportTargets } from '../../src/core/index.ts';
import { MIN, TestDrill, scenario } from './test-drill.ts';

const HQ = 'anshan-hq';
const COUNTY = 'county-haicheng';
const GROUPS = ['g-coord', 'g-rescue', 'g-medical', 'g-comms', 'g-transport', 'g-monitor', 'g-living', 'g-security', 'g-publicity', 'g-military', 'g-recovery'];
const notify = (to: string) => ({ type: 'order' as const, to, effect: { do: 'notify' as const, to: [to] } });

/** The HQ answers d01 (open at 4:30) with the plan's option for `level`: 'iv' (wrong, but the script's) or 'iii'. */
function atLevel(option: 'iv' | 'iii'): TestDrill {
  const d = new TestDrill(scenario('haicheng-m5.8.yaml')).start().wait(4.5 * MIN);
  expect(d.seat(HQ, { type: 'answer', decision: 'd01-level', options: [option] })).toEqual({ ok: true });
  return d;
}

describe('the lead follows the level', () => {
  it('before any level the city HQ leads, no one guides', () => {
    const d = new TestDrill(scenario('haicheng-m5.8.yaml')).start();
    expect(leadOf(d.ex.model, d.world)).toBe(HQ);
    expect(guideOf(d.ex.model, d.world)).toBeUndefined();
  });

  it('Level IV: the county HQ leads, the city HQ guides; orders and reports follow', () => {
    const d = atLevel('iv');
    expect(hierarchyPaths(d.world)).toContain('level.IV');
    expect(leadOf(d.ex.model, d.world)).toBe(COUNTY);
    expect(guideOf(d.ex.model, d.world)).toBe(HQ);
    // The city HQ guides the county that leads: it coordinates with it rather than ordering it …
    d.expectRefused(d.seat(HQ, notify(COUNTY)), 'at level IV county-haicheng leads the response and the city HQ guides it: coordinate with it (协调) rather than order it');
    expect(d.seat(HQ, { type: 'report', to: COUNTY, text: '市指挥部派出工作组赴海城指导', kind: 'coordinate' })).toEqual({ ok: true });
    // … and still commands its own groups and the other county HQs.
    expect(d.seat(HQ, notify('g-rescue'))).toEqual({ ok: true });
    expect(d.seat(HQ, notify('county-taian'))).toEqual({ ok: true });
    // The leading county tasks the city's groups sent to support it; they report to it.
    expect(d.seat(COUNTY, notify('g-rescue'))).toEqual({ ok: true });
    expect(d.seat('g-rescue', { type: 'report', to: COUNTY, text: '救援队已抵达岔沟' })).toEqual({ ok: true });
    expect(d.seat(COUNTY, { type: 'report', to: HQ, text: '请求增派重型救援队', kind: 'request' })).toEqual({ ok: true });
    // Another county leads nothing.
    d.expectRefused(d.seat('county-taian', notify('g-rescue')), "county-taian orders the city's working groups only while it leads the response; now county-haicheng leads");
    // The rules the interface shows are the authority's.
    expect(orderTargets(d.ex.model, d.world, COUNTY)).toEqual([...GROUPS, COUNTY]);
    expect(orderTargets(d.ex.model, d.world, HQ)).toEqual([...GROUPS, 'county-tiedong', 'county-tiexi', 'county-lishan', 'county-qianshan', 'county-taian', 'county-xiuyan']);
    expect(reportTargets(d.ex.model, d.world, 'g-rescue')).toEqual([HQ, COUNTY]);
    expect(reportTargets(d.ex.model, d.world, HQ, 'coordinate')).toEqual([COUNTY]);
    expect(d.world.messages.filter((m) => m.from === COUNTY || m.to === COUNTY).map((m) => `${m.kind} ${m.from} → ${m.to}`)).toEqual([
      `coordinate ${HQ} → ${COUNTY}`,
      `order ${COUNTY} → g-rescue`,
      `report g-rescue → ${COUNTY}`,
      `request ${COUNTY} → ${HQ}`,
    ]);
  });

  it('Level III: the city HQ leads; the county HQ is under it again', () => {
    const d = atLevel('iii');
    expect(hierarchyPaths(d.world)).toContain('level.III');
    expect(leadOf(d.ex.model, d.world)).toBe(HQ);
    expect(guideOf(d.ex.model, d.world)).toBeUndefined();
    expect(d.seat(HQ, notify(COUNTY))).toEqual({ ok: true });
    d.expectRefused(d.seat(COUNTY, notify('g-rescue')), "county-haicheng orders the city's working groups only while it leads the response; now anshan-hq leads");
    d.expectRefused(d.seat('g-rescue', { type: 'report', to: COUNTY, text: 'x' }), 'g-rescue reports to the HQ, not to county-haicheng: reports flow up');
    d.expectRefused(d.seat(HQ, { type: 'report', to: COUNTY, text: 'x', kind: 'coordinate' }), /^anshan-hq and county-haicheng are not peers/);
    expect(orderTargets(d.ex.model, d.world, COUNTY)).toEqual([COUNTY]);
    expect(reportTargets(d.ex.model, d.world, 'g-rescue')).toEqual([HQ]);
  });

  it('from IV to III and back to the end: each move by the level\'s lead', () => {
    const d = atLevel('iv');
    d.expectRefused(d.seat(HQ, { type: 'set-level', level: 'none' }), `${COUNTY} leads the level IV response: it ends it, not ${HQ}`);
    d.expectRefused(d.seat(COUNTY, { type: 'set-level', level: 'IV' }), 'the response is already at level IV');
    d.expectRefused(d.seat(COUNTY, { type: 'set-level', level: 'III' }), `level III is led by ${HQ}, not ${COUNTY}`);
    // The city HQ takes over: Level III, within its criteria (≈15 deaths estimated).
    expect(d.seat(HQ, { type: 'set-level', level: 'III' })).toEqual({ ok: true });
    expect(leadOf(d.ex.model, d.world)).toBe(HQ);
    expect(refuseOrder(d.ex.model, d.world, HQ, COUNTY)).toBeUndefined();
    d.expectRefused(d.seat(COUNTY, { type: 'set-level', level: 'none' }), `${HQ} leads the level III response: it ends it, not ${COUNTY}`);
    expect(d.seat(HQ, { type: 'set-level', level: 'none' })).toEqual({ ok: true });
    expect(hierarchyPaths(d.world).slice(0, 2)).toEqual(['hq.ended', 'level.ended']);
    expect(d.world.levelChanges.map((c) => `${c.level} by ${c.by}`)).toEqual(['IV by d01-level', `III by ${HQ}`, `none by ${HQ}`]);
  });

  it('at a level the province leads, the city HQ leads the drill\'s side (the province is no seat) and ends it here', () => {
    const d = new TestDrill(scenario('haicheng-m5.8.yaml')).start().wait(4.5 * MIN);
    d.seat(HQ, { type: 'answer', decision: 'd01-level', options: ['ii'] });
    expect(hierarchyPaths(d.world)).toContain('level.II');
    expect(leadOf(d.ex.model, d.world)).toBe(HQ);
    d.expectRefused(d.seat(HQ, { type: 'set-level', level: 'I' }), 'level I is led by the state; the city HQ reports and requests it');
    d.expectRefused(d.seat(COUNTY, { type: 'set-level', level: 'none' }), `${HQ} leads the level II response: it ends it, not ${COUNTY}`);
    expect(d.seat(HQ, { type: 'set-level', level: 'none' })).toEqual({ ok: true });
  });
});
