import type { Model } from './model.ts';
import type { World } from './world.ts';

/** What every rule of the fold works on: the scenario's model and the world it changes. */
export interface Ctx {
  model: Model;
  world: World;
}

/** Keeps the queue sorted by scenario time, then id, so equal times fire in one fixed order. */
export function schedule(world: World, item: World['queue'][number]): void {
  const q = world.queue;
  // After every item due before it or at the same time with an id not after its own (binary search).
  let lo = 0;
  let hi = q.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = q[mid]!;
    if (x.atMs > item.atMs || (x.atMs === item.atMs && x.id > item.id)) hi = mid;
    else lo = mid + 1;
  }
  if (lo === q.length) q.push(item);
  else q.splice(lo, 0, item);
}

export function recordEffect(ctx: Ctx, source: string, effect: string): void {
  ctx.world.effects.push({ clock: ctx.world.clock, scenarioMs: ctx.world.scenarioMs, source, effect });
}
