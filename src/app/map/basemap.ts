// The basemap: the boundaries a scenario names in `region.basemap` (a GeoJSON FeatureCollection of
// (Multi)Polygons beside it), read into rings for the view model. Which file, where it comes from,
// its licence, coordinate system and English names are the scenario's; nothing here knows a region.
import { extentOf, reachesInto } from '../../scenario/basemap-file.ts';
import type { Scenario } from '../../scenario/schema.ts';

/** What the scenario says of its basemap: file, source, licence, crs, English names. */
export type BasemapInfo = NonNullable<Scenario['region']['basemap']>;

export interface BasemapFeature {
  /** The area's name in the source file (`properties.name`, Chinese); the scenario's `names` give its English. */
  readonly name: string;
  /** Outer rings, [lon, lat] pairs, as in GeoJSON. */
  readonly rings: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** The label point the source gives (its `cp`), [lon, lat]. */
  readonly centre?: readonly [number, number];
}

export interface Basemap {
  readonly features: readonly BasemapFeature[];
  /** The scenario's `region.basemap`: the legend's source line, the attribution, the English names. */
  readonly info: BasemapInfo;
}

type Position = [number, number];
interface GeoJsonFeature {
  type: 'Feature';
  properties?: { name?: unknown; cp?: unknown } | null;
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] } | { type: string };
}

/** Reads a GeoJSON FeatureCollection of (Multi)Polygons; anything else is skipped, never thrown. */
export function parseBasemap(json: unknown, info: BasemapInfo): Basemap {
  const features: BasemapFeature[] = [];
  const list = (json as { features?: unknown } | null)?.features;
  for (const f of Array.isArray(list) ? (list as GeoJsonFeature[]) : []) {
    const g = f?.geometry as { type?: string; coordinates?: unknown } | undefined;
    const polygons = g?.type === 'Polygon' ? [g.coordinates as Position[][]] : g?.type === 'MultiPolygon' ? (g.coordinates as Position[][][]) : [];
    const rings = polygons.map((poly) => poly[0]).filter((r): r is Position[] => Array.isArray(r) && r.length >= 3);
    if (rings.length === 0) continue;
    const cp = f.properties?.cp;
    features.push({
      name: typeof f.properties?.name === 'string' ? f.properties.name : '',
      rings,
      ...(Array.isArray(cp) && cp.length === 2 ? { centre: [Number(cp[0]), Number(cp[1])] as const } : {}),
    });
  }
  return { features, info };
}

/** Whether any of the basemap's areas reaches into the box: one that does not is another region's, never drawn. */
export const basemapCovers = (basemap: Basemap, bounds: Scenario['region']['bounds']) => reachesInto(extentOf(basemap.features.flatMap((f) => f.rings.flat())), bounds);

/** The label of an area in the interface language: the scenario's English name, else the file's own. */
export const areaName = (basemap: Basemap, name: string, lang: 'zh' | 'en') => (lang === 'en' ? (basemap.info.names?.[name] ?? name) : name);
