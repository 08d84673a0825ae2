// The drill's state as plain data: everything the fold has built so far. Plain so that a checkpoint
// is a structured copy and two runs compare field by field.
import type { Answer } from './events.ts';
import type { DecisionStatus } from './machines/decision.machine.ts';
import type { IncidentStatus } from './machines/incident.machine.ts';
import type { TeamStatus } from './machines/team.machine.ts';
import type { Audience, MarkKind, MarkSymbol } from './marks.ts';

export type Phase = 'response' | 'rescue' | 'recovery';
export type Level = 'none' | 'I' | 'II' | 'III' | 'IV';
export type Mode = 'setup' | 'briefing' | 'running' | 'paused' | 'debrief';
/** How a bot plays a seat; the facilitator's seat menu, `assign-seat` and `run --policy` read this list. */
export const POLICIES = ['plan', 'late', 'random', 'idle', 'longest'] as const;
export type Policy = (typeof POLICIES)[number];
/** 报告 (report) and 请示 (request) go up the hierarchy; 协调 (coordinate) goes sideways to a peer. */
export const REPORT_KINDS = ['report', 'request', 'coordinate'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
/** The HQ's own moves (the `hq` command): 会商, 开设指挥部, 开设前方指挥部, 响应结束. */
export const HQ_MOVES = ['consult', 'open', 'forward-post', 'end'] as const;
export type HqMove = (typeof HQ_MOVES)[number];

/** The command hierarchy statechart's state value (src/core/machines/hierarchy.machine.ts), as plain data. */
export interface Hierarchy {
  /** 接报 → 会商 → 指挥部开设 → 前方指挥部 → 响应结束. */
  hq: 'receiving' | 'consulting' | 'opened' | 'forwardPost' | 'ended';
  /** The response level; `ended` once a response was ended (world.level reads 'none' again then). */
  level: Level | 'ended';
  /** Working group id → its state. */
  groups: Record<string, GroupState>;
  /** County HQ id → its state. */
  counties: Record<string, CountyState>;
}
export type GroupState = 'standby' | 'activated' | 'deployed' | 'stoodDown';
export type CountyState = 'standby' | 'activated' | 'stoodDown';

export interface InjectState {
  status: 'scheduled' | 'held' | 'delivered' | 'skipped';
  clock?: number;
  scenarioMs?: number;
  /** What the facilitator changed before sending it (fire-inject's edit): the seats received this, not the script's words. */
  edit?: InjectEdit;
}

/** A prepared inject as edited before sending; what is left out is the script's. */
export interface InjectEdit {
  title?: string;
  narrative?: string;
  to?: string[];
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
  /** Set while it is voided (the facilitator took it out of the drill): when, and why if said. */
  voided?: { clock: number; reason?: string };
  /** Drill time the facilitator last reopened it. */
  reopenedClock?: number;
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
  kind: 'order' | 'report' | 'notify' | 'inject' | 'request' | 'coordinate';
  from: string;
  to: string;
  text?: string;
  /** An order's effect, by its kind (`do`, e.g. 'dispatch'); `text` is then the order's free text. */
  effect?: string;
  /** An inject's (kind 'inject'): its title, the inject id (`live-<seq>` for one written live), its question. */
  title?: string;
  inject?: string;
  question?: string;
  /** 期望行动: facilitator and evaluator material, never shown to the seats. */
  expected?: string;
}

/** 态势标绘: a mark on the shared map, keyed in the world by the seq of the plot entry. */
export interface Mark {
  seq: number;
  /** The seat (or the facilitator) that plotted it. */
  by: string;
  clock: number;
  kind: MarkKind;
  symbol?: MarkSymbol;
  /** [lat, lon] in degrees. */
  points: [number, number][];
  text?: string;
  audience: Audience;
  /** Taken off the map (unplot): kept, so a review still shows it. */
  removed?: true;
}

/** What the seats see of the scores and of the expected answers (control always sees both). */
export interface Visibility {
  scores: boolean;
  answers: boolean;
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
  /** The log time the drill ended (推演结束), by the facilitator or at the end of its last node; absent before. */
  endT?: number;
  node: number;
  nodeStartClock: number;
  /** Scenario time, ms after the earthquake. */
  scenarioMs: number;
  level: Level;
  levelChanges: { clock: number; scenarioMs: number; level: Level; by: string }[];
  /** The command hierarchy: read it through src/core/hierarchy.ts. */
  hierarchy: Hierarchy;
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
  marks: Record<string, Mark>;
  visibility: Visibility;
  /** The last applied log entry. */
  seq: number;
}
