// A scenario's basemap file (`region.basemap.file`): a GeoJSON FeatureCollection of Polygons and
// MultiPolygons beside the scenario. What it may be named, and whether a text is such a file — the
// checks the loader makes when it can read beside the scenario (the CLI), the build makes for the
// shipped scenarios, and `quake-drill basemap` makes of its input. Pure: the caller reads the file.
import { mediaPathProblem, URL_SCHEME } from './media-path.ts';
import type { Finding } from './problem.ts';
import type { Scenario } from './schema.ts';

/** Reads a file beside the scenario (a path relative to its folder): its text, or undefined when there is none. */
export type ReadBeside = (path: string) => string | undefined;

export interface BasemapFileProblem {
  message: string;
  zh: string;
}

/** Why `file` cannot name a basemap beside the scenario, or undefined when it may. */
export function basemapPathProblem(file: string): BasemapFileProblem | undefined {
  if (URL_SCHEME.test(file) || file.startsWith('//')) return { message: 'a basemap is a file beside the scenario, not an address', zh: '底图应是情景文件旁的文件，不能是网址' };
  return mediaPathProblem(file);
}

const isPosition = (p: unknown) => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);
const isRing = (r: unknown) => Array.isArray(r) && r.length >= 4 && r.every(isPosition);
const isPolygon = (p: unknown) => Array.isArray(p) && p.length >= 1 && p.every(isRing);

/** Why `json` (parsed) is not a FeatureCollection of (Multi)Polygons, or undefined when it is. */
export function basemapGeoJsonProblem(json: unknown): BasemapFileProblem | undefined {
  const o = json as { type?: unknown; features?: unknown } | null;
  if (!o || typeof o !== 'object' || o.type !== 'FeatureCollection' || !Array.isArray(o.features)) {
    return { message: 'a basemap is a GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": […]})', zh: '底图应是 GeoJSON FeatureCollection（{"type": "FeatureCollection", "features": […]}）' };
  }
  if (o.features.length === 0) return { message: 'the basemap has no features', zh: '底图中没有要素' };
  for (const [i, f] of o.features.entries()) {
    const g = (f as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
    const ok = g?.type === 'Polygon' ? isPolygon(g.coordinates) : g?.type === 'MultiPolygon' ? Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(isPolygon) : false;
    if (!ok) {
      const kind = typeof g?.type === 'string' ? g.type : 'no geometry';
      return {
        message: `feature ${i + 1} is ${kind === 'Polygon' || kind === 'MultiPolygon' ? `a ${kind} with bad coordinates` : `'${kind}'`}: a basemap holds Polygons and MultiPolygons of [lon, lat] rings`,
        zh: `第 ${i + 1} 个要素${kind === 'Polygon' || kind === 'MultiPolygon' ? `（${kind}）坐标有误` : `是 '${kind}'`}：底图只能包含由 [经度, 纬度] 环组成的 Polygon 和 MultiPolygon`,
      };
    }
  }
  return undefined;
}

/** The basemap file's text checked: its parsed JSON, or why it is not a basemap. */
export function readBasemapText(text: string): { ok: true; json: unknown } | { ok: false; problem: BasemapFileProblem } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: { message: `the basemap is not JSON: ${(e as Error).message}`, zh: `底图文件不是有效的 JSON：${(e as Error).message}` } };
  }
  const problem = basemapGeoJsonProblem(json);
  return problem ? { ok: false, problem } : { ok: true, json };
}

type Bounds = Scenario['region']['bounds'];
/** [west, south, east, north]. */
export type Extent = [number, number, number, number];

/** The box round [lon, lat] points. */
export function extentOf(points: Iterable<readonly [number, number]>): Extent {
  const box: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  }
  return box;
}

/** Whether a basemap's box reaches into the region's bounds at all: one that does not is another region's. */
export const reachesInto = ([west, south, east, north]: Extent, bounds: Bounds) => west < bounds.east && east > bounds.west && south < bounds.north && north > bounds.south;

/** Every vertex of a checked basemap (basemapGeoJsonProblem said yes). */
function* vertices(json: unknown): Generator<[number, number]> {
  for (const f of (json as { features: { geometry: { type: string; coordinates: unknown } }[] }).features) {
    const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as [number, number][][][];
    for (const poly of polys) for (const ring of poly) yield* ring;
  }
}

/**
 * The problems of `region.basemap.file`: its name always; when the file can be read (`readBeside`, the
 * CLI and the build), that it is there, is a FeatureCollection of (Multi)Polygons and lies in the region.
 */
export function basemapFindings(scenario: Scenario, readBeside?: ReadBeside): Finding[] {
  const b = scenario.region.basemap;
  if (!b) return [];
  const at = { path: ['region', 'basemap', 'file'], rule: 'basemap' };
  const named = basemapPathProblem(b.file);
  if (named) return [{ ...at, message: named.message, hint: 'name a file beside the scenario, e.g. geo/x.geojson', zh: { message: named.zh, hint: '请写情景文件旁的文件，例如 geo/x.geojson' } }];
  if (!readBeside) return [];
  const text = readBeside(b.file);
  if (text === undefined) {
    return [{ ...at, message: `no basemap file '${b.file}' beside the scenario`, hint: 'put the GeoJSON there (make one with npx quake-drill basemap), or remove region.basemap to draw a plain grid', zh: { message: `情景文件旁没有底图文件 '${b.file}'`, hint: '把 GeoJSON 放到该位置（可用 npx quake-drill basemap 制作），或删除 region.basemap 改用经纬网格' } }];
  }
  const read = readBasemapText(text);
  if (!read.ok) return [{ ...at, message: `${b.file}: ${read.problem.message}`, hint: 'make the basemap with npx quake-drill basemap', zh: { message: `${b.file}：${read.problem.zh}`, hint: '可用 npx quake-drill basemap 制作底图' } }];
  const there = new Set((read.json as { features: { properties?: { name?: unknown } | null }[] }).features.map((f) => f.properties?.name).filter((n) => typeof n === 'string'));
  const unknown = Object.keys(b.names ?? {}).filter((n) => !there.has(n));
  if (unknown.length > 0) {
    const list = [...there].join(', ');
    return unknown.map((n) => ({
      path: ['region', 'basemap', 'names', n],
      rule: 'basemap',
      message: `the basemap has no area named '${n}'; its areas are: ${list}`,
      hint: 'use the names as the file writes them (properties.name)',
      zh: { message: `底图中没有名为 '${n}' 的区域；其区域为：${list}`, hint: '请使用文件中的名称（properties.name）' },
    }));
  }
  const box = extentOf(vertices(read.json));
  if (!reachesInto(box, scenario.region.bounds)) {
    const [w, s, e, n] = box.map((x) => x.toFixed(2));
    return [{
      ...at,
      message: `the basemap lies outside region.bounds (its areas span lon ${w}–${e}, lat ${s}–${n}): it is another region's`,
      hint: "name this region's basemap, or remove region.basemap to draw a plain grid",
      zh: { message: `底图不在 region.bounds 范围内（其区域经度 ${w}–${e}、纬度 ${s}–${n}）：这是别的地区的底图`, hint: '请指定本地区的底图，或删除 region.basemap 改用经纬网格' },
    }];
  }
  return [];
}
