// What the fold looks up instead of scanning: due decisions by time, the open decisions, the teams on
// scene by place. Derived data, kept beside the world and never in it: the world stays plain data that
// a checkpoint copies and a replay compares field by field. Built from the world the first time it is
// asked for (a new drill, a restored checkpoint), then kept up by the few rules that change what it
// indexes (a decision opens or its deadline moves, an inject is delivered, a team arrives). Entries
// may go stale (a decision answered, a deadline moved): each is checked against the world when read.
import type { Ctx } from './context.ts';
import type { Model } from './model.ts';
import type { World } from './world.ts';

/** A binary min-heap of (clock, id), ordered by clock then id: the order timers.ts fires equal times in. */
class DueHeap {
  private readonly clocks: number[] = [];
  private readonly ids: string[] = [];

  get size(): number {
    return this.clocks.length;
  }

  private less(i: number, j: number): boolean {
    const a = this.clocks[i]!;
    const b = this.clocks[j]!;
    return a < b || (a === b && this.ids[i]! < this.ids[j]!);
  }

  private swap(i: number, j: number): void {
    [this.clocks[i], this.clocks[j]] = [this.clocks[j]!, this.clocks[i]!];
    [this.ids[i], this.ids[j]] = [this.ids[j]!, this.ids[i]!];
  }

  push(clock: number, id: string): void {
    this.clocks.push(clock);
    this.ids.push(id);
    for (let i = this.clocks.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (!this.less(i, up)) break;
      this.swap(i, up);
      i = up;
    }
  }

  /** The smallest entry that `valid` accepts, dropping the stale ones above it. */
  peek(valid: (clock: number, id: string) => boolean): { clock: number; id: string } | undefined {
    while (this.clocks.length) {
      const clock = this.clocks[0]!;
      const id = this.ids[0]!;
      if (valid(clock, id)) return { clock, id };
      this.pop();
    }
    return undefined;
  }

  private pop(): void {
    const last = this.clocks.length - 1;
    this.swap(0, last);
    this.clocks.pop();
    this.ids.pop();
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < last && this.less(l, m)) m = l;
      if (r < last && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }
}

export interface Indexes {
  /** Open decisions by deadline (drill time). */
  deadlines: DueHeap;
  /** Pending decisions whose inject has been delivered, by the drill time they open. */
  armed: DueHeap;
  /** Per node: how far along its inject and offset-decision lists everything has left 'scheduled' / 'pending' (they never go back). */
  injectsPassed: number[];
  decisionsPassed: number[];
  /** Open decisions in world order (stale ones dropped when read). */
  open: string[];
  /** Place (or incident) id → teams on scene there, in world order. A team on scene stays there. */
  onSceneAt: Map<string, string[]>;
}

/**
 * Keyed by the world object itself: whoever reads indexes through an Exercise (bots) must get the
 * very object the fold changes (Drill.world), since a copy would get indexes nothing keeps up.
 */
const byWorld = new WeakMap<World, Indexes>();

/** The indexes of `world`, built from it on first use. */
export function indexesOf(model: Model, world: Readonly<World>): Indexes {
  let ix = byWorld.get(world as World);
  if (!ix) byWorld.set(world as World, (ix = build(model, world)));
  return ix;
}

function build(model: Model, w: Readonly<World>): Indexes {
  const ix: Indexes = { deadlines: new DueHeap(), armed: new DueHeap(), injectsPassed: [], decisionsPassed: [], open: [], onSceneAt: new Map() };
  for (const [id, d] of Object.entries(w.decisions)) if (d.status === 'open') addOpen(ix, model, id, d.deadlineClock!);
  for (const [after, ds] of model.decisionsAfter) arm(ix, model, w, after, ds);
  for (const [id, t] of Object.entries(w.teams)) if (t.status === 'on-scene') addOnScene(ix, model, id, t.target);
  return ix;
}

/** Inserts `id` into `list` (kept in `order`), once. */
function insert(list: string[], id: string, order: ReadonlyMap<string, number>): void {
  const at = order.get(id)!;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order.get(list[mid]!)! < at) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] !== id) list.splice(lo, 0, id);
}

function addOpen(ix: Indexes, model: Model, id: string, deadline: number): void {
  ix.deadlines.push(deadline, id);
  insert(ix.open, id, model.decisionOrder);
}

function arm(ix: Indexes, model: Model, w: Readonly<World>, after: string, ds: readonly { id: string; opens: unknown }[]): void {
  const inject = w.injects[after];
  if (inject?.status !== 'delivered') return;
  for (const d of ds) if (w.decisions[d.id]!.status === 'pending') ix.armed.push(inject.clock! + (d.opens as { delay: number }).delay, d.id);
}

function addOnScene(ix: Indexes, model: Model, teamId: string, target: string | undefined): void {
  if (target === undefined) return;
  // Where takeOn finds it: at its target, and at the place of the incident it was sent to.
  const place = model.incidents.get(target)?.place;
  for (const key of place === undefined ? [target] : [target, place]) {
    let list = ix.onSceneAt.get(key);
    if (!list) ix.onSceneAt.set(key, (list = []));
    insert(list, teamId, model.teamOrder);
  }
}

// ── kept up by the rules ─────────────────────────────────────────────────────

/** A decision opened (its deadline set) or its deadline moved. */
export function opened(ctx: Ctx, id: string): void {
  const ix = byWorld.get(ctx.world);
  if (ix) addOpen(ix, ctx.model, id, ctx.world.decisions[id]!.deadlineClock!);
}

/** An inject was delivered: the decisions waiting for it are due. */
export function injectDelivered(ctx: Ctx, id: string): void {
  const ix = byWorld.get(ctx.world);
  const ds = ctx.model.decisionsAfter.get(id);
  if (ix && ds) arm(ix, ctx.model, ctx.world, id, ds);
}

export function onScene(ctx: Ctx, teamId: string): void {
  const ix = byWorld.get(ctx.world);
  if (ix) addOnScene(ix, ctx.model, teamId, ctx.world.teams[teamId]?.target);
}

// ── read by the rules ────────────────────────────────────────────────────────

/** The open decisions, in world order. */
export function openDecisions(model: Model, world: Readonly<World>): readonly string[] {
  const ix = indexesOf(model, world);
  if (ix.open.some((id) => world.decisions[id]!.status !== 'open')) ix.open = ix.open.filter((id) => world.decisions[id]!.status === 'open');
  return ix.open;
}

/** The teams on scene at a place (or sent to an incident there), in world order. */
export function teamsOnSceneAt(model: Model, world: Readonly<World>, place: string): readonly string[] {
  return indexesOf(model, world).onSceneAt.get(place) ?? [];
}
