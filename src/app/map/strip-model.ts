// The time-node strip's summary: per node, what happened in the drill so far — incidents that
// appeared in its span of scenario time, and its decisions opened, answered and expired.
import type { Model } from '../../core/index.ts';
import type { World } from '../../core/world.ts';
import type { Text } from '../../scenario/schema.ts';

export interface StripNode {
  index: number;
  id: string;
  name: Text;
  phase: 'response' | 'rescue' | 'recovery';
  /** Scenario time it covers, ms after the shock. */
  from: number;
  to: number;
  state: 'past' | 'current' | 'future';
  incidents: {
    appeared: number;
    /** Still reported or escalating. */
    active: number;
    ids: string[];
  };
  decisions: {
    total: number;
    opened: number;
    /** Open now, counting down. */
    open: number;
    answered: number;
    expired: number;
  };
}

/** Which time node a moment of scenario time belongs to: the last node whose span starts at or before it. */
export function nodeOfScenarioMs(model: Model, ms: number): number {
  const nodes = model.scenario.nodes;
  let found = 0;
  for (let i = 0; i < nodes.length; i++) if (nodes[i]!.span.from <= ms) found = i;
  return found;
}

/** The node a decision belongs to: the node it opens in, or the node of the inject it follows. */
function decisionNode(model: Model, d: Model['scenario']['decisions'][number]): string | undefined {
  return 'node' in d.opens ? d.opens.node : model.injects.get(d.opens.after)?.at.node;
}

export function timeNodeStrip(model: Model, world: Readonly<World>): StripNode[] {
  const nodes = model.scenario.nodes;
  const strip: StripNode[] = nodes.map((n, index) => ({
    index,
    id: n.id,
    name: n.name,
    phase: n.phase,
    from: n.span.from,
    to: n.span.to,
    state: world.node < 0 || index > world.node ? 'future' : index === world.node && world.mode !== 'debrief' ? 'current' : 'past',
    incidents: { appeared: 0, active: 0, ids: [] },
    decisions: { total: 0, opened: 0, open: 0, answered: 0, expired: 0 },
  }));
  for (const [id, i] of Object.entries(world.incidents)) {
    if (i.status === 'latent') continue;
    const s = strip[nodeOfScenarioMs(model, i.appearedMs ?? 0)]!;
    s.incidents.appeared++;
    s.incidents.ids.push(id);
    if (i.status === 'reported' || i.status === 'escalating') s.incidents.active++;
  }
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  for (const d of model.scenario.decisions) {
    const at = index.get(decisionNode(model, d) ?? '');
    const state = world.decisions[d.id];
    if (at === undefined || !state) continue;
    const c = strip[at]!.decisions;
    c.total++;
    if (state.status !== 'pending') c.opened++;
    if (state.status === 'open') c.open++;
    if (state.outcome === 'answered') c.answered++;
    if (state.outcome === 'expired') c.expired++;
  }
  return strip;
}
