// src/core — owns the drill engine: the statecharts, the clock, the event log and
// createExercise({ scenario, seed }). Imports xstate, src/hazard, and the scenario format's types and vocabulary.
export { createExercise, type Checkpoint, type Exercise, type ExerciseOptions, type Outcome } from './exercise.ts';
export { FACILITATOR, type Answer, type DrillEvent, type LogEntry } from './events.ts';
export { runDrill, playUntil, createBots, type Bots, type RunOptions } from './run.ts';
export { nextBotAction, plannedAnswer, randomAnswer, type BotAction } from './bots.ts';
export { buildModel, type Model } from './model.ts';
export { stateHash, canonicalJson } from './hash.ts';
export { GLOSSARY } from './glossary.ts';
export type * from './world.ts';
export { estimateLosses, type LossEstimate, type SettlementEstimate } from './estimate.ts';
