// `quake-drill basemap`: two hand-made squares sharing an edge (test/fixtures/basemap/two-squares.geojson).
// 甲县 runs (0,0) → (0.5,0.0005) → (1,0) → up the shared edge x = 1 with a 0.001° kink at (1.001,0.5) →
// (1,1) → (0,1); 乙县 is its neighbour east, with the same shared-edge vertices in reverse. At 0.002°
// the kink (0.001° off its chord) and the 0.0005° bump go, the corners stay (each 1° off): worked by hand.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBasemap, parseSimplify } from '../../src/cli/basemap.ts';
import { topology, type Ring } from '../../src/cli/topo-simplify.ts';
import { quakeDrill, tempDir } from './helpers.ts';

const FIXTURE = 'test/fixtures/basemap/two-squares.geojson';
const fixture = () => JSON.parse(readFileSync(FIXTURE, 'utf8'));

type Geometry = { type: string; coordinates: number[][][] };
const edges = (ring: number[][]) => ring.slice(1).map((p, i) => [ring[i]!, p].map((q) => q.join(',')).sort().join(' '));

describe('quake-drill basemap', () => {
  it('keeps the named features, simplified so the neighbours still share their edge', () => {
    const r = buildBasemap(fixture(), ['甲县', '乙县'], { tolerance: 0.002 });
    const out = JSON.parse(r.text) as { features: { properties: Record<string, unknown>; geometry: Geometry }[] };
    expect(out.features.map((f) => f.properties)).toEqual([{ name: '甲县', cp: [0.5123, 0.4568] }, { name: '乙县' }]);
    const [a, b] = out.features.map((f) => f.geometry);
    expect(a).toEqual({ type: 'Polygon', coordinates: [[[1, 0], [1, 1], [0, 1], [0, 0], [1, 0]]] });
    expect(b).toEqual({ type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]] });
    // The shared edge is one edge of each: no gap, no overlap.
    expect(edges(a!.coordinates[0]!).filter((e) => edges(b!.coordinates[0]!).includes(e))).toEqual(['1,0 1,1']);
    expect([r.before, r.after]).toEqual([15, 8]);
  });

  it('simplifies a shared border once: both rings get the same vertices along it at any tolerance', () => {
    const polys = fixture().features.slice(0, 2).map((f: { geometry: Geometry }) => [f.geometry.coordinates]);
    // At 0.0001° the kink stays (0.001° > 0.0001°): it must stay in both rings, not in one.
    const [a, b] = topology(polys).simplify(0.0001).map((feature) => feature[0]!);
    const onEdge = (ring: Ring) => ring.filter(([x]) => x >= 1 && x <= 1.001).map((p) => p.join(',')).sort();
    expect(onEdge(a![0]!)).toEqual(['1,0', '1,0', '1,0.25', '1,0.75', '1,1', '1.001,0.5']);
    expect(onEdge(b![0]!)).toEqual(['1,0', '1,0', '1,0.25', '1,0.75', '1,1', '1.001,0.5']);
  });

  it('never lets a ring fall below a triangle: at 10° each square is simplified again, more finely, until it stands', () => {
    // At 10° each square's own arc and the shared arc shrink to their ends (two vertices a ring); at a
    // quarter of a quarter, 0.625°, the corners (1° and 0.71° off their chords) come back, the kink does not.
    const out = JSON.parse(buildBasemap(fixture(), ['甲县', '乙县'], { tolerance: 10 }).text) as { features: { geometry: Geometry }[] };
    expect(out.features.map((f) => f.geometry.coordinates[0])).toEqual([
      [[1, 0], [1, 1], [0, 1], [0, 0], [1, 0]],
      [[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]],
    ]);
  });

  it('with a share, finds the tolerance that keeps at most that many vertices', () => {
    // 60% of 15 is 9: only dropping the 0.001° kink (once for both rings) gets there, leaving 8, so the
    // tolerance found is the kink's distance from its chord, 0.001°.
    const r = buildBasemap(fixture(), ['甲县', '乙县'], { share: 0.6 });
    expect(r.after).toBe(8);
    expect(r.tolerance).toBeCloseTo(0.001, 8);
  });

  it('says which names the source has when one asked for is not there', async () => {
    const { dir } = tempDir();
    const { code, stderr } = await quakeDrill(['basemap', '--from', FIXTURE, '--names', '甲县,丁县', '--out', join(dir, 'x.geojson')]);
    expect(code).toBe(1);
    expect(stderr).toBe("quake-drill basemap: no feature named '丁县' in the source; its names are: 甲县, 乙县, 丙县\n");
    expect(existsSync(join(dir, 'x.geojson'))).toBe(false);
  });

  it('writes the file, prints the vertices and bytes, and adds a NOTICE stub beside it', async () => {
    const { dir } = tempDir();
    const out = join(dir, 'two.geojson');
    const { code, stdout } = await quakeDrill(['basemap', '--from', FIXTURE, '--names', '甲县，乙县', '--simplify', '0.002deg', '--out', out]);
    expect(code).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(stdout).toContain('vertices 15 → 8 (tolerance 0.00200°)');
    expect(stdout).toContain(`bytes ${readFileSync(FIXTURE).length} → ${Buffer.byteLength(written)}: wrote ${out}`);
    const notice = readFileSync(join(dir, 'NOTICE.md'), 'utf8');
    expect(notice).toContain('## two.geojson');
    expect(notice).toContain('Vertices 15 → 8');
    expect(notice).toContain('TODO (author)');
    // A second run leaves the section the author completed alone.
    await quakeDrill(['basemap', '--from', FIXTURE, '--names', '甲县,乙县', '--out', out]);
    expect(readFileSync(join(dir, 'NOTICE.md'), 'utf8')).toBe(notice);
  });

  it('refuses wrong use with the usage line (exit 2)', async () => {
    const { code, stderr } = await quakeDrill(['basemap', '--from', FIXTURE, '--names', '甲县', '--out', 'x.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--out is the GeoJSON to write.*\nusage: quake-drill basemap/);
    expect((await quakeDrill(['basemap', '--from', FIXTURE, '--out', 'x.geojson'])).code).toBe(2);
  });

  it('reads --simplify as degrees (0.002deg) or as a share of vertices to keep (5%, 0.05)', () => {
    expect(parseSimplify('0.002deg')).toEqual({ tolerance: 0.002 });
    expect(parseSimplify('0.002°')).toEqual({ tolerance: 0.002 });
    expect(parseSimplify('5%')).toEqual({ share: 0.05 });
    expect(parseSimplify('0.05')).toEqual({ share: 0.05 });
    expect(() => parseSimplify('2')).toThrow(/--simplify takes/);
  });

  it('says what is wrong with a source that is not a FeatureCollection of polygons', async () => {
    const { file, dir } = tempDir();
    const points = file('points.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Point', coordinates: [1, 2] } }] }));
    const { code, stderr } = await quakeDrill(['basemap', '--from', points, '--names', 'a', '--out', join(dir, 'o.geojson')]);
    expect(code).toBe(1);
    expect(stderr).toContain("feature 1 is 'Point': a basemap holds Polygons and MultiPolygons");
  });
});
