// Small geometry for lines the map draws itself: dashes (Pixi strokes have none) and arrowheads.
// Pure functions on flat [x0, y0, x1, y1, …] arrays, so they are tested in Node.

/**
 * Cuts a polyline into dashes `dash` long with `gap` between them, carrying the pattern across
 * vertices. Returns flat segments [x0, y0, x1, y1] per dash.
 */
export function dashes(points: readonly number[], dash: number, gap: number): number[][] {
  const out: number[][] = [];
  if (dash <= 0 || points.length < 4) return out;
  let on = true;
  let left = dash;
  let current: number[] = [points[0]!, points[1]!];
  for (let i = 0; i + 3 < points.length; i += 2) {
    let ax = points[i]!;
    let ay = points[i + 1]!;
    const bx = points[i + 2]!;
    const by = points[i + 3]!;
    let len = Math.hypot(bx - ax, by - ay);
    while (len > 0) {
      const step = Math.min(left, len);
      const f = step / len;
      const nx = ax + (bx - ax) * f;
      const ny = ay + (by - ay) * f;
      if (on) current.push(nx, ny);
      ax = nx;
      ay = ny;
      len -= step;
      left -= step;
      if (left <= 1e-9) {
        if (on && current.length >= 4) out.push(current);
        on = !on;
        left = on ? dash : gap;
        current = [ax, ay];
      }
    }
  }
  if (on && current.length >= 4) out.push(current);
  return out;
}

/**
 * An arrow from a to b, both ends pulled back by `trimA` / `trimB` (the symbols' radii) and a
 * triangular head `head` long at b. Undefined when the ends are too close to draw one.
 */
export function arrow(ax: number, ay: number, bx: number, by: number, trimA: number, trimB: number, head: number): { line: [number, number, number, number]; head: [number, number, number, number, number, number] } | undefined {
  const len = Math.hypot(bx - ax, by - ay);
  if (len <= trimA + trimB + head * 0.5) return undefined;
  const ux = (bx - ax) / len;
  const uy = (by - ay) / len;
  const sx = ax + ux * trimA;
  const sy = ay + uy * trimA;
  const tx = bx - ux * trimB;
  const ty = by - uy * trimB;
  const baseX = tx - ux * head;
  const baseY = ty - uy * head;
  const w = head * 0.55;
  return { line: [sx, sy, baseX, baseY], head: [tx, ty, baseX - uy * w, baseY + ux * w, baseX + uy * w, baseY - ux * w] };
}
