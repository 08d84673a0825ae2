// The scenario the product exists for: it loads, and it is rich enough for a real two-hour drill.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.ts';
import { readScenario } from './helpers.ts';

const result = loadScenario(readScenario('haicheng-m5.8.yaml'), 'scenarios/haicheng-m5.8.yaml');
const s = result.ok ? result.scenario : undefined;

describe('scenarios/haicheng-m5.8.yaml', () => {
  it('validates', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('is an M5.8 near 岔沟 at about 10 km depth, with Wang 2000 attenuation', () => {
    expect(s!.earthquake).toMatchObject({ magnitude: 5.8, attenuation: { relation: 'wang2000' } });
    expect(s!.earthquake.depthKm).toBeGreaterThanOrEqual(8);
    expect(s!.earthquake.depthKm).toBeLessThanOrEqual(12);
    expect(Math.abs(s!.earthquake.epicentre.lat - 40.683)).toBeLessThan(0.05);
    expect(Math.abs(s!.earthquake.epicentre.lon - 122.833)).toBeLessThan(0.05);
  });

  it('has the organisation of the Anshan plan and the nine rescue forces of the 2024 drill', () => {
    expect(s!.organisation.groups.length).toBeGreaterThanOrEqual(8);
    expect(s!.organisation.units.length).toBeGreaterThanOrEqual(15);
    const names = s!.organisation.units.map((u) => u.name.zh).join('|');
    for (const force of ['消防救援支队', '120急救中心', '千山风景区森林消防大队', '鞍钢矿业设备检修协力救护队', '鞍钢化学科技危险化学品事故应急救援队', '红十字应急救援队', '通管办', '国网鞍山供电公司', '蓝天救援队']) {
      expect(names, force).toContain(force);
    }
    expect(s!.organisation.counties.length).toBeGreaterThanOrEqual(7);
  });

  it('runs five time nodes through response, rescue and recovery, about two hours of drill time', () => {
    expect(s!.nodes).toHaveLength(5);
    expect(new Set(s!.nodes.map((n) => n.phase))).toEqual(new Set(['response', 'rescue', 'recovery']));
    const minutes = s!.nodes.reduce((a, n) => a + n.length, 0) / 60_000;
    expect(minutes).toBeGreaterThanOrEqual(90);
    expect(minutes).toBeLessThanOrEqual(180);
  });

  it('has at least 40 injects with cascades, and 30 decisions over every node', () => {
    expect(s!.injects.length).toBeGreaterThanOrEqual(40);
    expect(s!.cascades.length).toBeGreaterThanOrEqual(8);
    expect(s!.decisions.length).toBeGreaterThanOrEqual(30);
    const nodeOf = (d: (typeof s & object)['decisions'][number]) => ('node' in d.opens ? d.opens.node : s!.injects.find((x) => x.id === (d.opens as { after: string }).after)!.at.node);
    expect(new Set(s!.decisions.map(nodeOf))).toEqual(new Set(s!.nodes.map((n) => n.id)));
    expect(new Set(s!.decisions.map((d) => d.kind))).toEqual(new Set(['single', 'multiple', 'allocation', 'acknowledge']));
  });

  it('covers the cascades the drill rehearses', () => {
    const kinds = new Set([...s!.injects.flatMap((x) => (x.incident ? [x.incident.kind] : [])), ...s!.cascades.flatMap((c) => ('spawn' in c.then ? [c.then.spawn.kind] : []))]);
    for (const kind of ['collapse', 'power-outage', 'telecom-outage', 'hospital-power', 'gas-leak', 'fire', 'chemical-leak', 'landslide', 'dam-risk', 'aftershock', 'rumour']) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('is bilingual throughout and labels its estimates', () => {
    const missingEnglish: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.zh === 'string' && !o.en) missingEnglish.push(path);
        for (const [k, x] of Object.entries(o)) walk(x, `${path}.${k}`);
      }
    };
    walk(s, '');
    expect(missingEnglish).toEqual([]);
    expect(s!.region.settlements.filter((x) => x.kind === 'township').every((x) => x.approximate)).toBe(true);
    expect(s!.meta.assumptions?.length).toBeGreaterThan(0);
    expect(s!.meta.sources.length).toBeGreaterThan(5);
  });
});
