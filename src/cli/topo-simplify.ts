// Topology-preserving simplification for `quake-drill basemap`: neighbouring areas share their border
// vertex for vertex in the source, so each ring is cut into arcs at the vertices where borders meet
// (junctions), each distinct arc is simplified once (Douglas–Peucker) and every ring that runs along
// it gets the same simplified line — neighbours still meet, without gaps or overlaps (the method of
// TopoJSON, Bostock 2012; Douglas & Peucker 1973, Cartographica 10(2):112–122).

export type Position = readonly [number, number];
/** A ring as GeoJSON writes it: closed, its last position repeating the first. */
export type Ring = readonly Position[];
/** A polygon: its outer ring, then its holes. */
export type Polygon = readonly Ring[];

const key = (p: Position) => `${p[0]},${p[1]}`;

/** The ring's distinct vertices: GeoJSON's closing repetition (and repeated neighbours) dropped. */
function openRing(ring: Ring): Position[] {
  const out: Position[] = [];
  for (const p of ring) if (out.length === 0 || key(out[out.length - 1]!) !== key(p)) out.push(p);
  while (out.length > 1 && key(out[0]!) === key(out[out.length - 1]!)) out.pop();
  return out;
}

/** Vertices of all rings, open (no closing repetition): what the CLI reports as the vertex count. */
export const vertexCount = (polygons: readonly Polygon[]) => polygons.reduce((n, poly) => n + poly.reduce((m, ring) => m + openRing(ring).length, 0), 0);

/** Distance from p to the segment a–b, in the coordinates' own units (degrees here). */
function segmentDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Douglas–Peucker: the indices of `line` kept at `tolerance` (both ends always). */
function douglasPeucker(line: readonly Position[], tolerance: number): number[] {
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let at = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(line[i]!, line[first]!, line[last]!);
      if (d > worst) [worst, at] = [d, i];
    }
    if (at >= 0 && worst > tolerance) {
      keep[at] = 1;
      stack.push([first, at], [at, last]);
    }
  }
  return [...keep.keys()].filter((i) => keep[i] === 1);
}

/** An arc that starts and ends at one vertex (a loop) is split at its farthest vertex, so DP has a chord to measure from. */
function simplifyArc(arc: readonly Position[], tolerance: number): Position[] {
  if (arc.length <= 2) return [...arc];
  if (key(arc[0]!) !== key(arc[arc.length - 1]!)) return douglasPeucker(arc, tolerance).map((i) => arc[i]!);
  let far = 1;
  for (let i = 2; i < arc.length - 1; i++) if (Math.hypot(arc[i]![0] - arc[0]![0], arc[i]![1] - arc[0]![1]) > Math.hypot(arc[far]![0] - arc[0]![0], arc[far]![1] - arc[0]![1])) far = i;
  const head = simplifyArc(arc.slice(0, far + 1), tolerance);
  return [...head, ...simplifyArc(arc.slice(far), tolerance).slice(1)];
}

interface ArcUse {
  /** The arc's canonical key (its direction with the smaller key string). */
  id: string;
  reversed: boolean;
}

export interface Topology {
  /**
   * Every feature's polygons simplified at `tolerance` (degrees), shared borders still shared. A ring
   * that would fall below a triangle has its arcs simplified more finely (and so do its neighbours along them).
   */
  simplify(tolerance: number): Polygon[][];
}

/** Cuts the features' rings into arcs once; `simplify` can then be tried at several tolerances. */
export function topology(features: readonly (readonly Polygon[])[]): Topology {
  const rings = features.flatMap((polys) => polys.flatMap((poly) => poly.map(openRing)));
  // A junction is a vertex with more than two distinct neighbours over all rings: where borders meet.
  const neighbours = new Map<string, Set<string>>();
  for (const ring of rings) {
    ring.forEach((p, i) => {
      const set = neighbours.get(key(p)) ?? new Set<string>();
      set.add(key(ring[(i + ring.length - 1) % ring.length]!)).add(key(ring[(i + 1) % ring.length]!));
      neighbours.set(key(p), set);
    });
  }
  const junction = (p: Position) => (neighbours.get(key(p))?.size ?? 0) > 2;

  const arcs = new Map<string, Position[]>();
  const cut = (ring: Position[]): ArcUse[] => {
    if (ring.length < 3) return [];
    // A ring with no junction (an island, or an enclave shared whole) starts at its smallest vertex, the same for every ring that holds it.
    let start = ring.findIndex(junction);
    if (start < 0) start = ring.reduce((best, p, i) => (p[0] < ring[best]![0] || (p[0] === ring[best]![0] && p[1] < ring[best]![1]) ? i : best), 0);
    const rotated = [...ring.slice(start), ...ring.slice(0, start), ring[start]!];
    const uses: ArcUse[] = [];
    let from = 0;
    for (let i = 1; i < rotated.length; i++) {
      if (i < rotated.length - 1 && !junction(rotated[i]!)) continue;
      const arc = rotated.slice(from, i + 1);
      const forward = arc.map(key).join(';');
      const backward = [...arc].reverse().map(key).join(';');
      const reversed = backward < forward;
      const id = reversed ? backward : forward;
      if (!arcs.has(id)) arcs.set(id, reversed ? [...arc].reverse() : arc);
      uses.push({ id, reversed });
      from = i;
    }
    return uses;
  };
  const shape = features.map((polys) => polys.map((poly) => poly.map((ring) => cut(openRing(ring)))));

  return { simplify: (tolerance) => simplifyArcs(shape, arcs, tolerance) };
}

function simplifyArcs(shape: ArcUse[][][][], arcs: ReadonlyMap<string, Position[]>, tolerance: number): Polygon[][] {
  /** Arcs of rings that collapsed, at a smaller tolerance than the rest (0: kept whole). */
  const finer = new Map<string, number>();
  const simplified = new Map<string, { tolerance: number; line: Position[] }>();
  const arcLine = (id: string) => {
    const t = finer.get(id) ?? tolerance;
    let done = simplified.get(id);
    if (!done || done.tolerance !== t) simplified.set(id, (done = { tolerance: t, line: t > 0 ? simplifyArc(arcs.get(id)!, t) : arcs.get(id)! }));
    return done.line;
  };
  const ringOf = (uses: readonly ArcUse[]): Position[] => {
    const out: Position[] = [];
    for (const u of uses) {
      const line = u.reversed ? [...arcLine(u.id)].reverse() : arcLine(u.id);
      out.push(...(out.length === 0 ? line : line.slice(1)));
    }
    return out;
  };
  // A ring that fell below a triangle has its arcs simplified again at a quarter of the tolerance
  // (its neighbours along them too), until it stands; at a tolerance under 1e-9° an arc is kept whole.
  for (;;) {
    const collapsed = shape.flat(2).filter((uses) => uses.length > 0 && new Set(ringOf(uses).map(key)).size < 3);
    if (collapsed.length === 0) break;
    for (const id of new Set(collapsed.flatMap((uses) => uses.map((u) => u.id)))) {
      const t = (finer.get(id) ?? tolerance) / 4;
      finer.set(id, t < 1e-9 ? 0 : t);
    }
  }
  return shape.map((polys) => polys.map((poly) => poly.filter((uses) => uses.length > 0).map(ringOf)).filter((poly) => poly.length > 0));
}
