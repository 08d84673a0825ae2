// Timers are data, not XState delays: what is due next is computed from the world, so restoring a
// checkpoint loses nothing (statelyai/xstate #5331) and live play and replay fire the same things.
import type { Ctx } from './context.ts';
import { clockAt } from './time.ts';

export type DueKind = 'deadline' | 'inject' | 'open' | 'scheduled' | 'node-end';

export interface Due {
  kind: DueKind;
  clock: number;
  id: string;
}

/** At one instant: deadlines first (a contingency may wait for them), the node's end last. */
const ORDER: Record<DueKind, number> = { deadline: 0, inject: 1, open: 2, scheduled: 3, 'node-end': 4 };

/** The best candidate so far; one scratch object, as this runs before and after every input. */
const best: { kind: DueKind | undefined; clock: number; id: string } = { kind: undefined, clock: Infinity, id: '' };

function consider(kind: DueKind, clock: number, id: string): void {
  if (clock < best.clock || (clock === best.clock && (ORDER[kind] < ORDER[best.kind!] || (ORDER[kind] === ORDER[best.kind!] && id < best.id)))) {
    best.kind = kind;
    best.clock = clock;
    best.id = id;
  }
}

/** The next thing due in the current node, if any; stops early in the lists kept sorted by offset. */
export function nextDue(ctx: Ctx): Due | undefined {
  const { model, world: w } = ctx;
  const node = model.scenario.nodes[w.node];
  if (!node || w.mode !== 'running') return undefined;
  best.kind = undefined;
  best.clock = Infinity;
  best.id = '';
  for (const x of model.injectsOfNode.get(node.id)!) {
    if (w.injects[x.id]!.status !== 'scheduled') continue;
    consider('inject', w.nodeStartClock + x.at.offset, x.id);
    break;
  }
  for (const d of model.decisionsOfNode.get(node.id)!) {
    if (w.decisions[d.id]!.status !== 'pending') continue;
    consider('open', w.nodeStartClock + (d.opens as { offset: number }).offset, d.id);
    break;
  }
  for (const d of model.decisionsAfterInjects) {
    if (w.decisions[d.id]!.status !== 'pending') continue;
    const opens = d.opens as { after: string; delay: number };
    const after = w.injects[opens.after]!;
    if (after.status === 'delivered') consider('open', after.clock! + opens.delay, d.id);
  }
  for (const d of model.scenario.decisions) {
    const state = w.decisions[d.id]!;
    if (state.status === 'open') consider('deadline', state.deadlineClock!, d.id);
  }
  const head = w.queue[0];
  const headClock = head && clockAt(model, w, head.atMs);
  if (head && headClock !== undefined) consider('scheduled', headClock, head.id);
  consider('node-end', w.nodeStartClock + node.length, node.id);
  return best.kind === undefined ? undefined : { kind: best.kind, clock: best.clock, id: best.id };
}
