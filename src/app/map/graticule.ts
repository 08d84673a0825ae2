// The plain grid drawn when a scenario has no basemap (or its basemap cannot be drawn): meridians and
// parallels at a round step, labelled in degrees, so the map still reads as a map without showing
// outlines that are not the scenario's.
import { t, type Lang } from '../i18n.ts';
import { project, type Projection, type XY } from './projection.ts';

export interface GridLine {
  axis: 'meridian' | 'parallel';
  /** [x0, y0, x1, y1], map units, edge to edge of the region. */
  points: number[];
  label: string;
  /** Where the label goes: the top end of a meridian, the left end of a parallel. */
  labelAt: XY;
}

/** Steps in degrees a grid may use: round numbers a reader can count on [E]. */
const STEPS = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10];
/** At most this many lines along the longer side, so the grid stays in the background [E]. */
const MAX_LINES = 8;
const EPS = 1e-9;

/** The smallest round step that gives at most MAX_LINES lines across `span` degrees. */
const gridStep = (span: number) => STEPS.find((s) => span / s <= MAX_LINES + EPS) ?? 10;

/** Degrees without float noise or trailing zeros: 122.5, 40.25. */
const degrees = (v: number) => String(Number(Math.abs(v).toFixed(2)));

export function graticule(p: Projection, lang: Lang): GridLine[] {
  const { west, east, south, north } = p.bounds;
  const step = gridStep(Math.max(east - west, north - south));
  const lines: GridLine[] = [];
  // Whole multiples of the step (counted in steps, not added up, so 0.1 steps do not drift; EPS keeps
  // a line that falls on an edge, 122.4 / 0.1 being 1223.9999… or 1224.0000…1 in floating point).
  for (let i = Math.ceil(west / step - EPS); i * step <= east + EPS; i++) {
    const lon = i * step;
    const top = project(p, north, lon);
    const bottom = project(p, south, lon);
    lines.push({ axis: 'meridian', points: [top.x, top.y, bottom.x, bottom.y], label: t(lang, lon < 0 ? 'map.grid.west' : 'map.grid.east', { deg: degrees(lon) }), labelAt: top });
  }
  for (let i = Math.ceil(south / step - EPS); i * step <= north + EPS; i++) {
    const lat = i * step;
    const left = project(p, lat, west);
    const right = project(p, lat, east);
    lines.push({ axis: 'parallel', points: [left.x, left.y, right.x, right.y], label: t(lang, lat < 0 ? 'map.grid.south' : 'map.grid.north', { deg: degrees(lat) }), labelAt: left });
  }
  return lines;
}
