// Intensity zones (烈度圈) as map polygons: for each whole degree from V up to the epicentral
// intensity, the ellipse of src/hazard's zoneRadii — a km along the strike, b across it — turned
// into a ring of map points around the epicentre.
import { epicentralIntensity, romanNumeral, zoneRadii } from '../../hazard/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { KM_PER_DEGREE, project, type Projection, type XY } from './projection.ts';
import { intensityColor } from './symbols.ts';

export interface ZoneItem {
  /** Whole intensity degree: the zone is where I ≥ degree. */
  readonly degree: number;
  readonly roman: string;
  readonly color: number;
  /** Semi-axes, km: along and across the strike. */
  readonly aKm: number;
  readonly bKm: number;
  /** Flat [x0, y0, x1, y1, …] ring in map units, not closed. */
  readonly ring: number[];
  /** Where its Roman numeral goes: the far end of the long axis, on the strike side. */
  readonly labelAt: XY;
}

/** The lowest intensity drawn: V is felt by nearly everyone; below it nothing needs doing. */
export const LOWEST_ZONE = 5;
const RING_POINTS = 144;

/**
 * A point a km along and b km across the strike from the epicentre, in lat/lon: the inverse of
 * hazard's projectAlongStrike (same flat-earth km per degree and cos(epicentre latitude)).
 */
export function offsetFromEpicentre(quake: { lat: number; lon: number; strikeDeg: number }, along: number, across: number): { lat: number; lon: number } {
  const s = (quake.strikeDeg * Math.PI) / 180;
  const east = along * Math.sin(s) + across * Math.cos(s);
  const north = along * Math.cos(s) - across * Math.sin(s);
  return { lat: quake.lat + north / KM_PER_DEGREE, lon: quake.lon + east / (KM_PER_DEGREE * Math.cos((quake.lat * Math.PI) / 180)) };
}

export function intensityZones(eq: Scenario['earthquake'], p: Projection): ZoneItem[] {
  const quake = { lat: eq.epicentre.lat, lon: eq.epicentre.lon, strikeDeg: eq.strikeDeg };
  const { relation, offset } = eq.attenuation;
  const top = Math.floor(epicentralIntensity(relation, eq.magnitude, offset) + 1e-9);
  const zones: ZoneItem[] = [];
  for (let degree = LOWEST_ZONE; degree <= Math.min(12, top); degree++) {
    const { a, b } = zoneRadii(relation, eq.magnitude, degree, offset);
    if (!(a > 0 && b > 0)) continue;
    const ring: number[] = [];
    for (let k = 0; k < RING_POINTS; k++) {
      const t = (2 * Math.PI * k) / RING_POINTS;
      const at = offsetFromEpicentre(quake, a * Math.cos(t), b * Math.sin(t));
      const xy = project(p, at.lat, at.lon);
      ring.push(xy.x, xy.y);
    }
    const end = offsetFromEpicentre(quake, a, 0);
    zones.push({ degree, roman: romanNumeral(degree), color: intensityColor(degree), aKm: a, bKm: b, ring, labelAt: project(p, end.lat, end.lon) });
  }
  return zones;
}
