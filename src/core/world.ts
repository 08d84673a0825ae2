// The drill's state as plain data: everything the fold has built so far. Plain so that a checkpoint
// is a structured copy and two runs compare field by field.
import type { Answer } from './events.ts';
import type { DecisionStatus } from './machines/decision.machine.ts';
import type { IncidentStatus } from './machines/incident.machine.ts';
import type { TeamStatus } from './machines/team.machine.ts';

export type Phase = 'response' | 'rescue' | 'recovery';
export type Level = 'none' | 'I' | 'II' | 'III' | 'IV';
export type Mode = 'setup' | 'briefing' | 'running' | 'paused' | 'debrief';
/** How a bot plays a seat; the facilitator's seat menu, `assign-seat` and `run --policy` read this list. */
export const POLICIES = ['plan', 'late', 'random', 'idle', 'longest'] as const;
export type Policy = (typeof POLICIES)[number];

export interface InjectState {
  status: 'scheduled' | 'held' | 'delivered' | 'skipped';
  clock?: number;
  scenarioMs?: number;
}

export type AnsweredBy = { kind: 'seat' } | { kind: 'bot'; policy: Policy } | { kind: 'facilitator' };

export interface DecisionState {
  status: DecisionStatus;
  /** Drill time it opened, and its deadline (moved by extend-deadline). */
  openClock?: number;
  deadlineClock?: number;
  /** The node (index) it opened in: its consequences are judged by the end of the next one. */
  openNode?: number;
  answerClock?: number;
  answer?: Answer;
  /** Who gave the answer: the seat itself, a bot playing it, or the facilitator on its behalf. */
  answeredBy?: AnsweredBy;
  outcome?: 'answered' | 'expired';
}

export interface IncidentState {
  status: IncidentStatus;
  kind: string;
  place: string;
  severity: number;
  trapped: number;
  displaced: number;
  appearedMs?: number;
  containedMs?: number;
  /** Scenario time the first team able to free its trapped arrived (and started digging). */
  firstTeamMs?: number;
  /** Scenario time the trapped were freed (a capable team on scene, after working the rubble). */
  rescuedMs?: number;
  /** Expected number freed alive, unrounded. */
  rescuedAlive: number;
  /** Who contained it: an effect's source (decision, order) or a team. */
  containedBy?: string;
}

export interface TeamState {
  unit: string;
  /** The team type id in the scenario (a unit's `teams[].id`); instances are `${type}#${n}`. */
  type: string;
  status: TeamStatus;
  target?: string;
  /** Scenario time it set out, and will arrive. */
  departMs?: number;
  arriveMs?: number;
  /** What sent it: a decision or an order's seq. */
  source?: string;
}

export interface Scheduled {
  /** Scenario time it is due. */
  atMs: number;
  kind: 'cascade' | 'depart' | 'arrival' | 'rescue' | 'aftershock' | 'resolve' | 'grow';
  id: string;
  magnitude?: number;
}

export interface Rejection {
  seq: number;
  t: number;
  actor: string;
  type: string;
  reason: string;
}

export interface Message {
  seq: number;
  clock: number;
  kind: 'order' | 'report' | 'notify';
  from: string;
  to: string;
  text?: string;
}

export interface AppliedEffect {
  clock: number;
  scenarioMs: number;
  source: string;
  effect: string;
}

export interface World {
  /** Time of the last input, ms since the drill was created (pauses included). */
  t: number;
  /** Drill time: running time only. Deadlines and node lengths count in it. */
  clock: number;
  mode: Mode;
  node: number;
  nodeStartClock: number;
  /** Scenario time, ms after the earthquake. */
  scenarioMs: number;
  level: Level;
  levelChanges: { clock: number; scenarioMs: number; level: Level; by: string }[];
  groupsActive: string[];
  injects: Record<string, InjectState>;
  decisions: Record<string, DecisionState>;
  incidents: Record<string, IncidentState>;
  teams: Record<string, TeamState>;
  sheltersOpen: Record<string, number>;
  evacuated: number;
  routesClosed: string[];
  restored: Record<string, number>;
  /** Scenario-timed consequences still to come, kept sorted by time then id. */
  queue: Scheduled[];
  aftershocks: { atMs: number; magnitude: number }[];
  /** Seeded generator state (see hazard/random). */
  rng: number;
  seats: Record<string, Policy>;
  rejections: Rejection[];
  messages: Message[];
  effects: AppliedEffect[];
  /** The last applied log entry. */
  seq: number;
}
