// Tooltips: what the map says about a hovered item, in the chosen language.
import { describe, expect, it } from 'vitest';
import { describeHit } from '../../../src/app/map/describe.ts';
import { hitTest } from '../../../src/app/map/hit-test.ts';
import { playedFor, viewOf } from './helpers.ts';

describe('map tooltips', () => {
  const ex = playedFor(40);

  it('describe an incident: kind, status, severity, time, people trapped', () => {
    const vm = viewOf(ex);
    const i = vm.incidents.find((x) => x.incidentKind === 'collapse' && x.trapped > 0)!;
    const d = describeHit(vm, { kind: 'incident', id: i.id, item: i });
    expect(d.title).toBe(i.name);
    expect(d.lines[0]).toContain('房屋倒塌');
    expect(d.lines).toContain(`严重程度：${i.severity}/5`);
    expect(d.lines.some((l) => /^发生时间：T\+\d+:\d\d$/.test(l))).toBe(true);
    expect(d.lines.some((l) => l.startsWith('被困：'))).toBe(true);
  });

  it('describe a team on its way, with its departure and expected arrival', () => {
    const vm = viewOf(ex, { lang: 'en' });
    const t = vm.teams.find((x) => x.status === 'en-route')!;
    const d = describeHit(vm, { kind: 'team', id: t.id, item: t });
    expect(d.lines[0]).toMatch(/^En route/);
    expect(d.lines).toContain(`To: ${t.targetName}`);
    expect(d.lines.some((l) => /^Expected: T\+/.test(l))).toBe(true);
  });

  it('describe settlements with population and intensity, facilities with their family, the county, the epicentre', () => {
    const vm = viewOf(ex);
    const s = vm.static;
    const chagou = s.settlements.find((x) => x.id === 'chagou')!;
    const d = describeHit(vm, { kind: 'settlement', id: chagou.id, item: chagou });
    expect(d.lines).toContain('人口：约 26,000 人');
    expect(d.lines.some((l) => l.startsWith('烈度：VII 度'))).toBe(true);
    expect(d.lines).toContain('位置为估计值（±5 千米）');
    const chem = s.facilities.find((f) => f.facilityKind === 'chemical-plant')!;
    expect(describeHit(vm, { kind: 'facility', id: chem.id, item: chem }).lines[0]).toBe('危险化学品企业 · 危险源');
    const hit = hitTest(vm, s.epicentre.x, s.epicentre.y, 20)!;
    expect(hit.kind).toBe('epicentre');
    expect(describeHit(vm, hit).lines).toContain('Ms 5.8，震源深度 10 千米');
    const county = s.counties.find((c) => c.id === '台安县')!;
    expect(describeHit(vm, { kind: 'county', id: county.id, item: county }).title).toBe('台安县');
    expect(describeHit(viewOf(ex, { lang: 'en' }), { kind: 'county', id: county.id, item: viewOf(ex, { lang: 'en' }).static.counties.find((c) => c.id === '台安县')! }).title).toBe("Tai'an County");
  });
});
