// The map's own coordinates: an equirectangular projection scaled by cos(latitude) at the middle of
// the region's bounds, so a kilometre is (nearly) the same length east–west and north–south. The
// bounds fill a canvas MAP_WIDTH units wide, north up: (west, north) → (0, 0), (east, south) →
// (width, height). The Pixi layer pans and zooms this canvas; the view model never sees the screen.

export interface Bounds {
  readonly south: number;
  readonly west: number;
  readonly north: number;
  readonly east: number;
}

export interface Projection {
  readonly bounds: Bounds;
  /** Map units across the bounds (west → east). */
  readonly width: number;
  /** Map units down the bounds (north → south). */
  readonly height: number;
  /** Map units per kilometre. */
  readonly unitsPerKm: number;
  /** Map units per degree of longitude and of latitude. */
  readonly kx: number;
  readonly ky: number;
}

export interface XY {
  x: number;
  y: number;
}

/** The canvas width the view model lays the region out on, in map units. */
export const MAP_WIDTH = 1000;
// 111.32 km per degree = WGS-84 equatorial circumference 40,075 km / 360 (as src/hazard/intensity.ts)
export const KM_PER_DEGREE = 111.32;

export function fitProjection(bounds: Bounds, width = MAP_WIDTH): Projection {
  if (!(bounds.east > bounds.west && bounds.north > bounds.south)) throw new RangeError('the region bounds are empty');
  const cosLat = Math.cos((((bounds.north + bounds.south) / 2) * Math.PI) / 180);
  const kmAcross = (bounds.east - bounds.west) * KM_PER_DEGREE * cosLat;
  const unitsPerKm = width / kmAcross;
  const ky = unitsPerKm * KM_PER_DEGREE;
  return { bounds, width, height: (bounds.north - bounds.south) * ky, unitsPerKm, kx: ky * cosLat, ky };
}

export function project(p: Projection, lat: number, lon: number): XY {
  return { x: (lon - p.bounds.west) * p.kx, y: (p.bounds.north - lat) * p.ky };
}

export function unproject(p: Projection, x: number, y: number): { lat: number; lon: number } {
  return { lat: p.bounds.north - y / p.ky, lon: p.bounds.west + x / p.kx };
}
