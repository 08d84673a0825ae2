// Timers are data, not XState delays: what is due next is computed from the world, so restoring a
// checkpoint loses nothing (statelyai/xstate #5331) and live play and replay fire the same things.
import type { Ctx } from './context.ts';
import { indexesOf } from './indexes.ts';
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

/**
 * The next thing due in the current node, if any. Read from indexes (indexes.ts), not by scanning:
 * the first inject and offset decision of the node still waiting (lists sorted by offset), the
 * earliest decision armed by a delivered inject, the earliest deadline, the queue's head, the node's end.
 */
export function nextDue(ctx: Ctx): Due | undefined {
  const { model, world: w } = ctx;
  const node = model.scenario.nodes[w.node];
  if (!node || w.mode !== 'running') return undefined;
  best.kind = undefined;
  best.clock = Infinity;
  best.id = '';
  const ix = indexesOf(model, w);
  const injects = model.injectsOfNode.get(node.id)!;
  let i = ix.injectsPassed[w.node] ?? 0;
  while (i < injects.length && w.injects[injects[i]!.id]!.status !== 'scheduled') i++;
  ix.injectsPassed[w.node] = i;
  if (i < injects.length) consider('inject', w.nodeStartClock + injects[i]!.at.offset, injects[i]!.id);
  const decisions = model.decisionsOfNode.get(node.id)!;
  let j = ix.decisionsPassed[w.node] ?? 0;
  while (j < decisions.length && w.decisions[decisions[j]!.id]!.status !== 'pending') j++;
  ix.decisionsPassed[w.node] = j;
  if (j < decisions.length) consider('open', w.nodeStartClock + (decisions[j]!.opens as { offset: number }).offset, decisions[j]!.id);
  const armed = ix.armed.peek((_, id) => w.decisions[id]!.status === 'pending');
  if (armed) consider('open', armed.clock, armed.id);
  const deadline = ix.deadlines.peek((clock, id) => w.decisions[id]!.status === 'open' && w.decisions[id]!.deadlineClock === clock);
  if (deadline) consider('deadline', deadline.clock, deadline.id);
  const head = w.queue[0];
  const headClock = head && clockAt(model, w, head.atMs);
  if (head && headClock !== undefined) consider('scheduled', headClock, head.id);
  consider('node-end', w.nodeStartClock + node.length, node.id);
  return best.kind === undefined ? undefined : { kind: best.kind, clock: best.clock, id: best.id };
}
