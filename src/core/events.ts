// The inputs of a drill. The log holds these and nothing derived: timers fire from the clock.
import type { Effect } from '../scenario/schema.ts';
import type { Level, Policy } from './world.ts';

/** A seat's answer to a decision. */
export interface Answer {
  options?: string[];
  allocations?: { team: string; to: string }[];
}

export type DrillEvent =
  // the facilitator (导调) — actor 'facilitator'
  | { type: 'brief' }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'next-node' }
  | { type: 'end' }
  | { type: 'fire-inject'; inject: string }
  | { type: 'extend-deadline'; decision: string; byMs: number }
  | { type: 'assign-seat'; seat: string; policy: Policy | null }
  // the seats — actor is the seat id (a unit, working group, county HQ or the HQ)
  | { type: 'answer'; decision: string } & Answer
  | { type: 'order'; to: string; effect: Effect }
  | { type: 'report'; to: string; text: string }
  | { type: 'set-level'; level: Level };

/** One entry of the drill's log: `t` ms after the drill was created, `actor` the seat that sent it. */
export interface LogEntry {
  seq: number;
  t: number;
  actor: string;
  event: DrillEvent;
}

export const FACILITATOR = 'facilitator';
