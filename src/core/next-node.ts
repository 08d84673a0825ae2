// What leaving a node early delivers at once: the facilitator sees the list before confirming, and
// the engine delivers exactly that list.
import type { Model } from './model.ts';
import type { World } from './world.ts';

export interface LeftInNode {
  /** Injects of the node not yet delivered (a contingent one is delivered only if its condition holds). */
  injects: string[];
  /** Decisions of the node that have not opened yet, and those that open after one of these injects. */
  decisions: string[];
}

export function leftInNode(model: Model, world: Readonly<World>): LeftInNode {
  const node = model.scenario.nodes[world.node];
  if (!node) return { injects: [], decisions: [] };
  const injects = model.scenario.injects.filter((x) => x.at.node === node.id && world.injects[x.id]!.status === 'scheduled').map((x) => x.id);
  const coming = new Set(injects);
  return {
    injects,
    // The node's own decisions, and those waiting for an inject it delivers (they open right after it, as in the room).
    decisions: model.scenario.decisions
      .filter((d) => world.decisions[d.id]!.status === 'pending' && ('node' in d.opens ? d.opens.node === node.id : coming.has(d.opens.after)))
      .map((d) => d.id),
  };
}
