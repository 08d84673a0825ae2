// Timers are data, not XState delays: what is due next is computed from the world, so restoring a
// checkpoint loses nothing (statelyai/xstate #5331) and live play and replay fire the same things.
import type { Ctx } from './context.ts';
import { clockAt } from './time.ts';

export type Due =
  | { kind: 'deadline'; clock: number; id: string }
  | { kind: 'inject'; clock: number; id: string }
  | { kind: 'open'; clock: number; id: string }
  | { kind: 'scheduled'; clock: number; id: string }
  | { kind: 'node-end'; clock: number; id: string };

/** At one instant: deadlines first (a contingency may wait for them), the node's end last. */
const ORDER: Record<Due['kind'], number> = { deadline: 0, inject: 1, open: 2, scheduled: 3, 'node-end': 4 };

const before = (a: Due, b: Due) => a.clock - b.clock || ORDER[a.kind] - ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The next thing due in the current node, if any. */
export function nextDue(ctx: Ctx): Due | undefined {
  const { model, world: w } = ctx;
  const node = model.scenario.nodes[w.node];
  if (!node || w.mode !== 'running') return undefined;
  let best: Due | undefined;
  const consider = (d: Due) => {
    if (!best || before(d, best) < 0) best = d;
  };
  for (const x of model.scenario.injects) {
    if (x.at.node === node.id && w.injects[x.id]!.status === 'scheduled') consider({ kind: 'inject', clock: w.nodeStartClock + x.at.offset, id: x.id });
  }
  for (const d of model.scenario.decisions) {
    const state = w.decisions[d.id]!;
    if (state.status === 'open') consider({ kind: 'deadline', clock: state.deadlineClock!, id: d.id });
    else if (state.status === 'pending') {
      if ('node' in d.opens) {
        if (d.opens.node === node.id) consider({ kind: 'open', clock: w.nodeStartClock + d.opens.offset, id: d.id });
      } else {
        const after = w.injects[d.opens.after];
        if (after?.status === 'delivered') consider({ kind: 'open', clock: after.clock! + d.opens.delay, id: d.id });
      }
    }
  }
  const head = w.queue[0];
  const headClock = head && clockAt(model, w, head.atMs);
  if (head && headClock !== undefined) consider({ kind: 'scheduled', clock: headClock, id: head.id });
  if (w.node < model.scenario.nodes.length - 1) consider({ kind: 'node-end', clock: w.nodeStartClock + node.length, id: node.id });
  return best;
}
