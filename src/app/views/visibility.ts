// What a seat's screens show of the scores and of the plan's expected answers. During the drill,
// what the facilitator released (world.visibility, set by set-visibility; hidden by default); once
// it has ended, both, for the debrief. The facilitator's console and the evaluators' view do not ask:
// they always show both.
import type { World } from '../../core/index.ts';

export const seatSees = (world: Readonly<World>): Readonly<World['visibility']> =>
  world.mode === 'debrief' ? { scores: true, answers: true } : world.visibility;
