// The actors and viewers of a drill that are not the scenario's seats. A module of its own so that
// the command schemas (events.ts) and the tables they read (marks.ts) share it without importing
// each other.

/** 导调: controls the drill, and may act on a seat's behalf. */
export const FACILITATOR = 'facilitator';
// '@' keeps the two viewers apart from any seat: a scenario's ids never contain it (events.ts `id`).
/** 评估: sees everything control sees, sends nothing. */
export const EVALUATOR = '@evaluator';
/** 观摩: sees what every seat may see. */
export const OBSERVER = '@observer';
