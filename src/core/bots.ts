// Bots for the seats nobody plays, and for dry runs: what a seat with a given policy answers, when.
import type { Decision } from '../scenario/schema.ts';
import { kindOf } from '../scenario/decision-kinds.ts';
import type { Answer } from './events.ts';
import type { Exercise } from './exercise.ts';
import { openDecisions } from './indexes.ts';
import type { Policy } from './world.ts';

/** A plan bot answers after reading the card (20 s [E]); a late one just before the deadline (10 s [E]: late, never a miss). */
export const PLAN_DELAY_MS = 20_000;
export const LATE_MARGIN_MS = 10_000;

export interface BotAction {
  /** Log time to act at (from `clock`, while the drill runs). */
  t: number;
  /** Drill time to act at: a pause delays the bot as it delays everyone. */
  clock: number;
  seat: string;
  decision: string;
  answer: Answer;
  /** The opening it was drawn for: a reopened decision is drawn afresh. */
  openClock: number;
  /** The authority refused this answer: the bot leaves the decision to expire. */
  dropped?: boolean;
}

/** The plan's own answer to a decision. */
export const plannedAnswer = (d: Decision): Answer => kindOf(d).planned(d);

/** A uniformly random valid answer, drawn from `next` (a seeded stream). */
export const randomAnswer = (d: Decision, next: () => number): Answer => kindOf(d).random(d, next);

/**
 * What a player gaming the form would answer, knowing nothing of the plan (per kind in
 * decision-kinds.ts): the option with the longest Chinese text; for a multiple choice, the options
 * longer than the median length; allocations at random; a number, the middle of its range; a ranking,
 * longest first; a report, everything.
 */
export const longestAnswer = (d: Decision, next: () => number): Answer => kindOf(d).longest(d, next);

/**
 * The next action of any bot-played seat, or undefined. Bots act only while the drill runs, at a
 * drill time drawn once per decision (`drawn`); `random` draws from the stream given.
 */
export function nextBotAction(ex: Exercise, policyOf: (seat: string) => Policy | undefined, next: () => number, drawn: Map<string, BotAction>): BotAction | undefined {
  const w = ex.world;
  if (w.mode !== 'running') return undefined;
  let best: BotAction | undefined;
  for (const id of openDecisions(ex.model, w)) {
    const state = w.decisions[id]!;
    const d = ex.model.decisions.get(id)!;
    const policy = policyOf(d.owner);
    if (!policy || policy === 'idle') continue;
    let action = drawn.get(id);
    // Drawn before the decision was reopened: that draw belonged to its earlier opening.
    if (action && action.openClock !== state.openClock) action = undefined;
    if (action?.dropped) continue;
    if (!action) {
      const open = state.openClock!;
      const deadline = state.deadlineClock!;
      const clock =
        policy === 'plan' || policy === 'longest' ? Math.min(open + PLAN_DELAY_MS, deadline - 1)
        : policy === 'late' ? Math.max(open, deadline - LATE_MARGIN_MS)
        : open + Math.floor(next() * (deadline - open));
      const answer = policy === 'random' ? randomAnswer(d, next) : policy === 'longest' ? longestAnswer(d, next) : plannedAnswer(d);
      action = { t: 0, clock, seat: d.owner, decision: id, answer, openClock: open };
      drawn.set(id, action);
    }
    action.t = Math.max(w.t, w.t + (action.clock - w.clock));
    if (!best || action.t < best.t || (action.t === best.t && action.decision < best.decision)) best = action;
  }
  return best;
}
