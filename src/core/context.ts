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
  let i = q.length;
  while (i > 0 && (q[i - 1]!.atMs > item.atMs || (q[i - 1]!.atMs === item.atMs && q[i - 1]!.id > item.id))) i--;
  q.splice(i, 0, item);
}

export function recordEffect(ctx: Ctx, source: string, effect: string): void {
  ctx.world.effects.push({ clock: ctx.world.clock, scenarioMs: ctx.world.scenarioMs, source, effect });
}
