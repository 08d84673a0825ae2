// The facilitator's hand on a decision's lifecycle: void it (taken out of the drill and its scores)
// or reopen it (it counts down again and the next answer is the one scored).
import type { Ctx } from './context.ts';
import type { CheckedEvent } from './events.ts';
import { opened } from './indexes.ts';
import { decisionMachine } from './machines/decision.machine.ts';
import { moved, step } from './statechart.ts';

export function refuseVoid(ctx: Ctx, e: CheckedEvent<'void-decision'>): string | undefined {
  const state = ctx.model.decisions.has(e.decision) ? ctx.world.decisions[e.decision]! : undefined;
  if (!state) return `there is no decision '${e.decision}'`;
  return step(decisionMachine, state.status, 'void') ? undefined : `decision '${e.decision}' is already voided`;
}

/**
 * A voided decision never opens or expires (the due-index reads its status), and scoring leaves it
 * out, saying why. Its answer, if it had one, stays on record for the review.
 */
export function voidDecision(ctx: Ctx, e: CheckedEvent<'void-decision'>): void {
  const state = ctx.world.decisions[e.decision]!;
  state.status = moved(decisionMachine, state.status, 'void');
  state.voided = { clock: ctx.world.clock, ...(e.reason !== undefined ? { reason: e.reason } : {}) };
}

export function refuseReopen(ctx: Ctx, e: CheckedEvent<'reopen-decision'>): string | undefined {
  const state = ctx.model.decisions.has(e.decision) ? ctx.world.decisions[e.decision]! : undefined;
  if (!state) return `there is no decision '${e.decision}'`;
  if (ctx.world.mode !== 'running' && ctx.world.mode !== 'paused') return `the drill is not under way (${ctx.world.mode}): a reopened decision could not count down`;
  if (step(decisionMachine, state.status, 'reopen')) return undefined;
  return state.status === 'open' ? `decision '${e.decision}' is still open: extend its deadline instead` : `decision '${e.decision}' has not opened yet`;
}

/**
 * Opens it again, timed from now with the deadline `byMs` away. The earlier answer is forgotten for
 * scoring (the next one replaces it), but what it set going in the simulation — teams sent, shelters
 * opened, its consequences — already happened and stays: the room cannot take back an order.
 */
export function reopenDecision(ctx: Ctx, e: CheckedEvent<'reopen-decision'>): void {
  const w = ctx.world;
  const state = w.decisions[e.decision]!;
  state.status = moved(decisionMachine, state.status, 'reopen');
  delete state.answer;
  delete state.answerClock;
  delete state.answeredBy;
  delete state.outcome;
  delete state.voided;
  state.openClock = w.clock;
  state.openNode = w.node;
  state.deadlineClock = w.clock + e.byMs;
  state.reopenedClock = w.clock;
  opened(ctx, e.decision);
}
