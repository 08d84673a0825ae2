// A scenario's basemap on disk: `quake-drill validate` checks the file its region.basemap names (there,
// a FeatureCollection of polygons, in the region) at the `file:` value's line and column; the build
// (src/cli/shipped-scenarios.ts) carries each shipped basemap as a chunk of its own, and the app finds
// the one a scenario names (src/app/map/preload.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basemapFor } from '../../src/app/map/preload.ts';
import { BASEMAPS } from '../../src/app/shipped.ts';
import { loadShipped, shippedModules } from '../../src/cli/shipped-scenarios.ts';
import { minimal, positionOf } from '../scenario/helpers.ts';
import { quakeDrill, tempDir } from './helpers.ts';

/** A square inside minimal.yaml's bounds (40.4–41.1 N, 122.4–123.2 E). */
const SQUARE = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '甲' }, geometry: { type: 'Polygon', coordinates: [[[122.5, 40.5], [123, 40.5], [123, 41], [122.5, 41], [122.5, 40.5]]] } }] });
const BOUNDS = '  bounds: { south: 40.4, west: 122.4, north: 41.1, east: 123.2 }\n';
const withBasemap = (file: string) => {
  const text = minimal();
  expect(text).toContain(BOUNDS);
  return text.replace(BOUNDS, `${BOUNDS}  basemap:\n    file: ${file}\n    source: { zh: 测试底图, en: test basemap }\n    licence: CC0\n    crs: wgs84\n`);
};

describe('quake-drill validate and a scenario’s basemap', () => {
  it('reports a basemap file that is not beside the scenario at the file: value', async () => {
    const { file } = tempDir();
    const text = withBasemap('geo/missing.geojson');
    const { line, column } = positionOf(text, 'geo/missing.geojson');
    const { code, stdout } = await quakeDrill(['validate', file('s.yaml', text)]);
    expect(code).toBe(1);
    expect(stdout).toContain(`s.yaml:${line}:${column}: no basemap file 'geo/missing.geojson' beside the scenario\n`);
  });

  it('accepts one that is there and lies in the region; refuses points and another region’s outlines', async () => {
    const { dir, file } = tempDir();
    mkdirSync(join(dir, 'geo'));
    writeFileSync(join(dir, 'geo/ok.geojson'), SQUARE);
    const ok = await quakeDrill(['validate', file('ok.yaml', withBasemap('geo/ok.geojson'))]);
    expect([ok.code, ok.stdout.split('\n')[0]]).toEqual([0, `OK ${join(dir, 'ok.yaml')}`]);
    writeFileSync(join(dir, 'geo/far.geojson'), SQUARE.replaceAll('122.5', '102.5').replaceAll('123,', '103,'));
    expect((await quakeDrill(['validate', file('far.yaml', withBasemap('geo/far.geojson'))])).stdout).toContain('the basemap lies outside region.bounds (its areas span lon 102.50–103.00, lat 40.50–41.00)');
    writeFileSync(join(dir, 'geo/pt.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [122.5, 40.5] } }] }));
    expect((await quakeDrill(['validate', file('pt.yaml', withBasemap('geo/pt.geojson'))])).stdout).toContain("geo/pt.geojson: feature 1 is 'Point'");
    expect((await quakeDrill(['validate', file('up.yaml', withBasemap('../up.geojson'))])).stdout).toContain("`..` leads out of the scenario's folder");
    const typo = withBasemap('geo/ok.geojson').replace('    crs: wgs84\n', '    crs: wgs84\n    names: { 乙: B }\n');
    const at = positionOf(typo, 'B }');
    expect((await quakeDrill(['validate', file('typo.yaml', typo)])).stdout).toContain(`typo.yaml:${at.line}:${at.column}: the basemap has no area named '乙'; its areas are: 甲\n`);
  });
});

describe('the build’s basemaps', () => {
  it('carries the file a shipped scenario names as a chunk, listed under the path it is named by', () => {
    const { dir } = tempDir();
    mkdirSync(join(dir, 'scenarios/geo'), { recursive: true });
    writeFileSync(join(dir, 'scenarios/geo/sq.geojson'), SQUARE);
    writeFileSync(join(dir, 'scenarios/a.yaml'), withBasemap('./geo/sq.geojson'));
    const files = loadShipped(dir);
    expect(files[0]!.basemap).toEqual({ path: 'geo/sq.geojson', text: SQUARE });
    const modules = shippedModules(files, 'scenarios/a.yaml');
    expect(modules.get('virtual:shipped-scenarios')).toContain('export const BASEMAPS = {"geo/sq.geojson": () => import("virtual:shipped-basemap/geo/sq.geojson").then((m) => m.default)};');
    const chunk = modules.get('virtual:shipped-basemap/geo/sq.geojson')!;
    expect((0, eval)(chunk.replace(/^export default /, '').replace(/;$/, ''))).toEqual(JSON.parse(SQUARE));
  });

  it('stops on a shipped scenario whose basemap is missing', () => {
    const { dir } = tempDir();
    mkdirSync(join(dir, 'scenarios'));
    const text = withBasemap('geo/gone.geojson');
    writeFileSync(join(dir, 'scenarios/a.yaml'), text);
    const { line, column } = positionOf(text, 'geo/gone.geojson');
    expect(() => loadShipped(dir)).toThrow(`scenarios/a.yaml:${line}:${column}: no basemap file 'geo/gone.geojson' beside the scenario`);
  });

  it('gives the app the default scenario’s basemap, and nothing for a file it was not built with or no basemap', async () => {
    expect(Object.keys(BASEMAPS)).toContain('geo/anshan-counties.geojson');
    const info = { file: 'geo/anshan-counties.geojson', source: { zh: '甲' }, licence: 'x', crs: 'gcj02' as const };
    const b = await basemapFor(info);
    expect(b?.features).toHaveLength(7);
    expect(b?.info).toBe(info);
    expect(await basemapFor({ ...info, file: 'geo/own.geojson' })).toBeUndefined();
    expect(await basemapFor(undefined)).toBeUndefined();
  });
});
