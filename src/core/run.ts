// A whole drill played headless: every seat a bot with one policy, the facilitator letting each
// node run its course, the drill ended when the last node's time is up.
import { randomStream, seedRandom } from '../hazard/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { nextBotAction, type BotAction } from './bots.ts';
import { FACILITATOR } from './events.ts';
import { createExercise, type Exercise } from './exercise.ts';
import type { Policy } from './world.ts';

export interface RunOptions {
  scenario: Scenario;
  seed: number;
  policy: Policy;
}

export function runDrill({ scenario, seed, policy }: RunOptions): Exercise {
  const ex = createExercise({ scenario, seed });
  // Bots draw from their own stream: their choices enter the log, so replay never needs it.
  const bots = randomStream(seedRandom(`bots:${seed}`));
  const facilitator = (t: number, event: Parameters<Exercise['apply']>[0]['event']) => ex.apply({ t, actor: FACILITATOR, event });
  facilitator(0, { type: 'start' });
  const drawn = new Map<string, BotAction>();
  for (;;) {
    const w = ex.world;
    const lastNode = w.node === scenario.nodes.length - 1;
    const endT = lastNode ? w.t + (w.nodeStartClock + scenario.nodes[w.node]!.length - w.clock) : Infinity;
    const timer = ex.nextDueT() ?? Infinity;
    const bot = nextBotAction(ex, () => policy, bots.next, drawn);
    const botT = bot?.t ?? Infinity;
    if (botT <= timer && botT < endT) {
      ex.apply({ t: botT, actor: bot!.seat, event: { type: 'answer', decision: bot!.decision, ...bot!.answer } });
      drawn.delete(bot!.decision);
    } else if (timer < endT) ex.advance(timer);
    else if (endT < Infinity) {
      facilitator(endT, { type: 'end' });
      return ex;
    } else return ex;
  }
}
