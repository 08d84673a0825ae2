// Playing on: timers and bot-played seats interleaved in time order, up to a moment. Live play
// (every animation frame) and headless runs (to the end of the last node) share this loop.
import { randomStream, seedRandom } from '../hazard/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { nextBotAction, type BotAction } from './bots.ts';
import { FACILITATOR, type LogEntry } from './events.ts';
import { createExercise, type Exercise } from './exercise.ts';
import type { Policy } from './world.ts';

export interface Bots {
  policyOf: (seat: string) => Policy | undefined;
  /** A seeded stream: bots' choices enter the log, so replay never needs it. */
  next: () => number;
  /** Actions already drawn, so a random bot does not redraw its moment every frame. */
  drawn: Map<string, BotAction>;
}

export function createBots(seed: string, policyOf: Bots['policyOf']): Bots {
  return { policyOf, next: randomStream(seedRandom(seed)).next, drawn: new Map() };
}

/** Fires timers and lets bots answer, in time order, until log time `t`; returns the bots' entries. */
export function playUntil(ex: Exercise, t: number, bots: Bots): LogEntry[] {
  const entries: LogEntry[] = [];
  for (;;) {
    const timer = ex.nextDueT() ?? Infinity;
    const bot = nextBotAction(ex, bots.policyOf, bots.next, bots.drawn);
    if (bot && bot.t <= timer && bot.t <= t) {
      const policy = bots.policyOf(bot.seat);
      const outcome = ex.apply({ t: Math.max(bot.t, ex.world.t), actor: bot.seat, event: { type: 'answer', decision: bot.decision, ...bot.answer, ...(policy ? { bot: policy } : {}) } });
      // A refused bot gives up on that decision: drawing the same answer again at the same instant would never end.
      if (outcome.ok) bots.drawn.delete(bot.decision);
      else bot.dropped = true;
      entries.push(ex.log.at(-1)!);
    } else if (timer <= t) ex.advance(timer);
    else break;
  }
  if (t > ex.world.t) ex.advance(t);
  return entries;
}

export interface RunOptions {
  scenario: Scenario;
  seed: number;
  policy: Policy;
}

/** A whole drill played headless: every seat a bot with one policy, each node run to its end, where the drill ends itself. */
export function runDrill({ scenario, seed, policy }: RunOptions): Exercise {
  const ex = createExercise({ scenario, seed });
  const bots = createBots(`bots:${seed}`, () => policy);
  ex.apply({ t: 0, actor: FACILITATOR, event: { type: 'start' } });
  while (ex.world.mode !== 'debrief') {
    const w = ex.world;
    // Play to the end of this node: its timer moves the drill on (or, in the last, ends it).
    playUntil(ex, w.t + (w.nodeStartClock + scenario.nodes[w.node]!.length - w.clock), bots);
  }
  return ex;
}
