// Symbols that would sit on top of each other at the usual zoom are gathered on a small grid around
// their common centre: a township with five facilities shows five symbols, not one. Offsets are in
// screen pixels, so the grid keeps its spacing at every zoom.

export interface Placeable {
  x: number;
  y: number;
  dx: number;
  dy: number;
  /** Half the symbol's side, screen pixels. */
  r: number;
}

/**
 * Greedy clustering at `scale` (screen pixels per map unit): an item joins the first group whose
 * centre is closer than two symbols; each group is laid out on a grid, in the items' given order.
 * Mutates x, y, dx, dy of the items.
 */
export function spreadOverlapping(items: Placeable[], scale: number, spacing: number): void {
  if (items.length === 0) return;
  let maxR = 0;
  for (const it of items) maxR = Math.max(maxR, it.r);
  const reach = (2 * maxR + spacing) / scale;
  const reach2 = reach * reach;
  // A coarse grid of cells `reach` wide, so each item looks at its neighbourhood only.
  const cells = new Map<number, number[]>();
  const groups: { cx: number; cy: number; sx: number; sy: number; members: Placeable[] }[] = [];
  const cellOf = (x: number, y: number) => Math.floor(x / reach) * 100_003 + Math.floor(y / reach);
  for (const it of items) {
    const gx = Math.floor(it.x / reach);
    const gy = Math.floor(it.y / reach);
    let found = -1;
    for (let ix = gx - 1; ix <= gx + 1 && found < 0; ix++) {
      for (let iy = gy - 1; iy <= gy + 1 && found < 0; iy++) {
        for (const g of cells.get(ix * 100_003 + iy) ?? []) {
          const group = groups[g]!;
          const ddx = group.cx - it.x;
          const ddy = group.cy - it.y;
          if (ddx * ddx + ddy * ddy < reach2) {
            found = g;
            break;
          }
        }
      }
    }
    if (found < 0) {
      found = groups.length;
      groups.push({ cx: it.x, cy: it.y, sx: 0, sy: 0, members: [] });
      const key = cellOf(it.x, it.y);
      cells.set(key, [...(cells.get(key) ?? []), found]);
    }
    const group = groups[found]!;
    group.members.push(it);
    group.sx += it.x;
    group.sy += it.y;
  }
  for (const g of groups) {
    const n = g.members.length;
    if (n === 1) continue;
    const cx = g.sx / n;
    const cy = g.sy / n;
    let size = 0;
    for (const m of g.members) size = Math.max(size, 2 * m.r);
    const cell = size + spacing;
    const cols = Math.ceil(Math.sqrt(n));
    const rows = Math.ceil(n / cols);
    g.members.forEach((m, k) => {
      m.x = cx;
      m.y = cy;
      m.dx = ((k % cols) - (cols - 1) / 2) * cell;
      m.dy = (Math.floor(k / cols) - (rows - 1) / 2) * cell;
    });
  }
}
