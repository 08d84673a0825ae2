// The scenario the product exists for: it loads, and it is rich enough for a real two-hour drill.
import { describe, expect, it } from 'vitest';
import { runDrill } from '../../src/core/index.ts';
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

  it('labels every unit\'s team numbers (count, people, speed) with [E] and a reason (issue 7 §5)', () => {
    // In the file, the line above each unit's `teams:` is a comment carrying [E] and what the numbers are.
    const lines = readScenario('haicheng-m5.8.yaml').split('\n');
    const unlabelled = lines.flatMap((l, i) => (l === '      teams:' && !/^\s*#.*\[E\].{20,}/.test(lines[i - 1]!) ? [i + 1] : []));
    expect(unlabelled).toEqual([]);
    expect(lines.filter((l) => l === '      teams:')).toHaveLength(s!.organisation.units.length);
  });

  it('stations county responders near 岔沟: the Haicheng brigade and the Chagou health centre\'s ambulances (issue 7 §3)', () => {
    const team = (id: string) => s!.organisation.units.flatMap((u) => u.teams.map((t) => ({ unit: u.id, ...t }))).find((t) => t.id === id);
    expect(team('fire-haicheng')).toMatchObject({ unit: 'fire-rescue', base: 'haicheng-city', mobilise: 10 * 60_000, capabilities: ['usar', 'fire'] });
    expect(team('hc-amb')).toMatchObject({ unit: 'ems-120', base: 'hc-chagou', mobilise: 5 * 60_000, capabilities: ['medical'] });
    expect(s!.organisation.units.flatMap((u) => u.teams)).toHaveLength(36); // 34 before, + the two county teams
  });

  it('under the plan, a county team is first on scene at the 岔沟 collapse, about 40 minutes after the quake', () => {
    // By hand: d04 opens at node 1 + 4:00, the plan bot answers 20 s later (drill 4:20 × 1.5 = T+6.5 min);
    // 10 min to turn out, then Haicheng city → 岔沟 ≈ 19 km by the county road at 50 km/h ≈ 23 min: T+≈40 min.
    // A team from urban Anshan needs 30 min to assemble and ≈ 62 km on the road: not before T+1.5 h.
    const world = runDrill({ scenario: s!, seed: 7, policy: 'plan' }).world;
    const arrivals = Object.entries(world.teams)
      .filter(([, t]) => t.target === 'inc-collapse-chagou' && t.arriveMs !== undefined)
      .sort(([, a], [, b]) => a.arriveMs! - b.arriveMs!);
    expect(arrivals[0]![1].type).toBe('fire-haicheng');
    expect(arrivals[0]![1].arriveMs! / 60_000).toBeGreaterThan(35);
    expect(arrivals[0]![1].arriveMs! / 60_000).toBeLessThan(45);
    expect(world.incidents['inc-collapse-chagou']!.firstTeamMs).toBe(arrivals[0]![1].arriveMs);
  });

  it('quotes aftershock odds after the M4.6 for the window the players are in (issue 7 §5, SCIENCE.md §7.3)', () => {
    // RJ89 generic from T+≈30 h over 7 days: ≈ 1.6 M≥4 and ≈ 18 % for M≥5 (not the T+1 h 4 and 40 %).
    const d29 = s!.decisions.find((d) => d.id === 'd29-aftershock-trend')!;
    const line = d29.rubric.find((r) => 'chose' in r.when && r.when.chose === 'normal')!;
    expect(line.because.zh).toContain('自震后约30小时起7天内，4级以上余震约1.6次、5级以上概率约18%');
    expect(line.because.en).toContain('about 1.6 aftershocks of M4+ and an 18 % chance of an M5+');
    expect(d29.expected.options).toEqual(['normal']);
  });
});
