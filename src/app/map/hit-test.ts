// What is under a point of the map: the topmost item, in the order the Pixi layer draws them
// (teams over incidents over facilities … over the county underneath). Pure, so hover and click
// work the same in tests as on screen.
import type {
  BaseItem, CountyItem, EpicentreItem, FacilityItem, IncidentItem, MapViewModel, PointItem, RouteItem, SettlementItem, TeamItem,
} from './view-model.ts';

export type Hit =
  | { kind: 'team'; id: string; item: TeamItem }
  | { kind: 'incident'; id: string; item: IncidentItem }
  | { kind: 'facility'; id: string; item: FacilityItem }
  | { kind: 'base'; id: string; item: BaseItem }
  | { kind: 'epicentre'; id: string; item: EpicentreItem }
  | { kind: 'settlement'; id: string; item: SettlementItem }
  | { kind: 'route'; id: string; item: RouteItem }
  | { kind: 'county'; id: string; item: CountyItem };

/** Extra reach around a symbol, screen pixels, so small symbols are easy to point at. */
const SLACK_PX = 2;

/** Is (x, y) within the square symbol of `item` at `scale` screen pixels per map unit? */
export function covers(item: PointItem, x: number, y: number, scale: number, minHalfPx = 0): boolean {
  const half = (Math.max(item.r, minHalfPx) + SLACK_PX) / scale;
  return Math.abs(x - (item.x + item.dx / scale)) <= half && Math.abs(y - (item.y + item.dy / scale)) <= half;
}

function topmost<T extends PointItem>(items: readonly T[], x: number, y: number, scale: number, minHalfPx = 0): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (covers(items[i]!, x, y, scale, minHalfPx)) return items[i];
  return undefined;
}

/** Distance from (x, y) to a flat polyline, map units. */
export function distanceToPolyline(points: readonly number[], x: number, y: number): number {
  let best = Infinity;
  for (let i = 0; i + 3 < points.length; i += 2) {
    const ax = points[i]!;
    const ay = points[i + 1]!;
    const bx = points[i + 2]!;
    const by = points[i + 3]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    best = Math.min(best, Math.hypot(x - (ax + u * dx), y - (ay + u * dy)));
  }
  return best;
}

/** Even–odd point-in-polygon over flat rings. */
export function insideRings(rings: readonly (readonly number[])[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const xi = ring[i]!;
      const yi = ring[i + 1]!;
      const xj = ring[j]!;
      const yj = ring[j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * The topmost item at map point (x, y) when the map is drawn at `scale` screen pixels per map unit,
 * or undefined over empty ground outside every county.
 */
export function hitTest(vm: MapViewModel, x: number, y: number, scale: number): Hit | undefined {
  const s = vm.static;
  const team = topmost(vm.teams, x, y, scale);
  if (team) return { kind: 'team', id: team.id, item: team };
  const incident = topmost(vm.incidents, x, y, scale);
  if (incident) return { kind: 'incident', id: incident.id, item: incident };
  const base = topmost(s.bases, x, y, scale);
  if (base) return { kind: 'base', id: base.id, item: base };
  const facility = topmost(s.facilities, x, y, scale);
  if (facility) return { kind: 'facility', id: facility.id, item: facility };
  if (covers(s.epicentre, x, y, scale)) return { kind: 'epicentre', id: s.epicentre.id, item: s.epicentre };
  const settlement = topmost(s.settlements, x, y, scale, 5);
  if (settlement) return { kind: 'settlement', id: settlement.id, item: settlement };
  for (let i = vm.routes.length - 1; i >= 0; i--) {
    const route = vm.routes[i]!;
    if (distanceToPolyline(route.points, x, y) <= (route.style.width / 2 + 3) / scale) return { kind: 'route', id: route.id, item: route };
  }
  const county = s.counties.find((c) => insideRings(c.rings, x, y));
  return county ? { kind: 'county', id: county.id, item: county } : undefined;
}
