// Two clocks, one mapping (DESIGN.md, "Time"): each node maps its drill length onto its span of
// scenario time; scenario time stops at the end of a node's span until the next node opens.
import type { Model } from './model.ts';
import type { World } from './world.ts';

const rateOf = (n: { length: number; span: { from: number; to: number } }) => (n.span.to - n.span.from) / n.length;

/** Scenario time (ms after the earthquake) at drill time `clock` in the current node. */
export function scenarioAt(model: Model, world: World, clock: number): number {
  const n = model.scenario.nodes[world.node];
  if (!n) return world.scenarioMs;
  return Math.max(world.scenarioMs, Math.min(n.span.to, n.span.from + (clock - world.nodeStartClock) * rateOf(n)));
}

/** The drill time at which scenario time `ms` is reached in the current node, if it is. */
export function clockAt(model: Model, world: World, ms: number): number | undefined {
  const n = model.scenario.nodes[world.node];
  if (ms <= world.scenarioMs) return world.clock;
  if (!n || ms > n.span.to) return undefined;
  return world.nodeStartClock + Math.ceil((ms - n.span.from) / rateOf(n));
}

export const HOUR = 3_600_000;
