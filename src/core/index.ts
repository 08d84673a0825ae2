// src/core — owns the drill engine: the statecharts, the clock, the event log and
// createExercise({ scenario, seed }). Imports xstate, src/hazard, the scenario format's types and vocabulary,
// and zod with the format's effect schema: each command's payload schema lives here, beside its rule.
export { createExercise, type Checkpoint, type Exercise, type ExerciseOptions, type Outcome } from './exercise.ts';
export { COMMAND_SCHEMAS, COMMAND_TYPES, FACILITATOR, MAX_EXTEND_MS, MAX_LOG_T, parseCommand, timeProblem, type Answer, type CheckedEvent, type CommandType, type DrillEvent, type LogEntry } from './events.ts';
export { COMMANDS, ORDER_EFFECT_RIGHTS, ROLES, refuseRole, roleOf, type Role } from './commands.ts';
export { runDrill, playUntil, createBots, type Bots, type RunOptions } from './run.ts';
export { createAuthority, READ_ONLY, type Authority, type AuthorityOptions, type ClockSource } from './authority.ts';
export { nextBotAction, plannedAnswer, randomAnswer, type BotAction } from './bots.ts';
export { buildModel, type Model } from './model.ts';
export { canMove, groupActive, groupState, guideOf, hierarchyPaths, leadOf, mayOrder, mayReport, orderTargets, refuseGroupMove, refuseHqMove, refuseLevelMove, refuseOrder, refuseReport, reportTargets } from './hierarchy.ts';
export { createHierarchyMachine, hierarchyConfig } from './machines/hierarchy.machine.ts';
export { leftInNode, type LeftInNode } from './next-node.ts';
export { stateHash, canonicalJson } from './hash.ts';
export { GLOSSARY } from './glossary.ts';
export type * from './world.ts';
export { HQ_MOVES, POLICIES, REPORT_KINDS } from './world.ts';
export { estimateLosses, type LossEstimate, type SettlementEstimate } from './estimate.ts';
export { localDarkness, speedFactorAt, survivalScale, travelUnderConditions } from './conditions.ts';
export { AUDIENCES, MARK_KINDS, MARK_KIND_IDS, MARK_SYMBOLS, MAX_MARK_POINTS, MAX_MARK_TEXT, visibleTo, type Audience, type MarkKind, type MarkSymbol, type Viewer } from './marks.ts';
export { EVALUATOR, OBSERVER } from './actors.ts';
export { MAX_REPORT_CHARS, MAX_TITLE_CHARS } from './events.ts';
export { injectReaches, injectRecipients } from './injects.ts';
