// The shape of a drill's score: plain JSON-serialisable data (numbers, strings, null — never undefined).
import type { AnsweredBy } from '../core/index.ts';
import type { OutcomeKind } from '../scenario/outcomes.ts';
import type { Text } from '../scenario/schema.ts';

export type { AnsweredBy };

/** HSEEP rating: Performed without challenges, Some challenges, Major challenges, Unable to perform. */
export type Rating = 'P' | 'S' | 'M' | 'U';
/** The same four bands as Chinese practice names them. */
export type RatingZh = '优' | '良' | '中' | '差';

/** A voided decision (the facilitator took it out of the drill) is not scored. */
export type DecisionStatus = 'answered' | 'expired' | 'open' | 'not-opened' | 'voided';

export interface RubricMatch {
  /** 0-based index of the line in the decision's rubric. */
  line: number;
  points: number;
  /** The line's condition in words, e.g. "chose send". */
  when: string;
  because: Text;
}

export interface IncidentConsequence {
  incident: string;
  kind: string;
  place: string;
  trapped: number;
  rescuedAlive: number;
  /** Scenario ms it appeared / was (last) contained; null when it was not. */
  appearedMs: number;
  containedMs: number | null;
  /** Incidents its cascades spawned that appeared, and worsen-cascades that fired. */
  cascadesFired: string[];
  value: number;
  why: string;
}

export interface EffectConsequence {
  /** The expected effect, e.g. "set-level III", "open-shelter shelter-chagou". */
  effect: string;
  /** 1 when it holds in the final world, 0 when not; a share for notifications to several seats. */
  holds: number;
}

export interface ConsequenceBasis {
  /** incidents: outcome of the incidents the decision refers to; effects: the expected effects that hold; correctness: neither applies. */
  method: 'incidents' | 'effects' | 'correctness';
  incidents: IncidentConsequence[];
  effects: EffectConsequence[];
}

export interface DecisionTimes {
  /** Drill time (ms) it opened, was answered, and its deadline (as extended). */
  openedClock: number | null;
  answeredClock: number | null;
  deadlineClock: number | null;
  /** Drill time after opening within which the answer earns full timeliness. */
  targetMs: number | null;
  /** Drill time the facilitator added to the deadline. */
  extendedMs: number;
  /** The same, formatted as drill mm:ss (null when not known). */
  opened: string | null;
  answered: string | null;
  target: string | null;
  deadline: string | null;
}

export interface DecisionScore {
  id: string;
  owner: string;
  capability: string;
  kind: string;
  prompt: Text;
  planClause: string;
  status: DecisionStatus;
  /** Counts in the roll-ups: answered or expired (never voided). */
  applicable: boolean;
  /** The log entry whose answer was accepted, and the answer itself. */
  answeredSeq: number | null;
  answer: { options: string[]; allocations: { team: string; to: string }[]; value?: number; order?: string[]; text?: string } | null;
  /** Answer attempts the authority refused (their seqs). */
  rejectedSeqs: number[];
  /** Who gave the accepted answer: the seat itself, a bot playing it (with its policy), or the facilitator on its behalf; null when unanswered. */
  answeredBy: AnsweredBy | null;
  /** Scenario ms by which the consequence is judged (the end of the node after the one it opened in). */
  horizonMs: number | null;
  /** The consequence may still change (the drill has not reached the horizon, teams are on their way, people wait to be freed): 暂定. */
  provisional: boolean;
  correctness: number | null;
  /** A report answered but not yet ticked by the evaluator: 待评估, left out of the roll-ups until it is (never shown as 0). */
  pendingEvaluation?: true;
  /** How a number, ranking or report was measured, in words (the rubric lines say it for the other kinds). */
  measure?: string;
  /** A report's points the evaluator ticked (their ids). */
  ticked?: string[];
  timeliness: number | null;
  consequence: number | null;
  /** 0–100. */
  total: number | null;
  rating: Rating | null;
  ratingZh: RatingZh | null;
  rubric: { matched: RubricMatch[]; points: number; maxPoints: number; maxFrom: 'expected' | 'positive-lines' };
  times: DecisionTimes;
  consequenceBasis: ConsequenceBasis;
  /** Human-readable, line by line: what was answered, which rubric lines matched, the times, the consequence. */
  explanation: string[];
}

export interface RollUp {
  id: string;
  name: Text;
  kind: 'hq' | 'group' | 'unit' | 'county' | 'capability';
  /** Mean of the applicable decision totals, 0–100; null when none applies. */
  score: number | null;
  rating: Rating | null;
  ratingZh: RatingZh | null;
  /** Decisions that count (answered or expired), and every decision it covers. */
  applicable: number;
  decisions: string[];
  /** How many of the counted decisions are still provisional (暂定). */
  provisional: number;
  /**
   * Unit, group and county roll-ups leave out answers a bot gave (by default): they rate people, not
   * policies. What the bots scored there is shown beside; null when no bot answered.
   */
  bots: { score: number | null; decisions: number } | null;
}

/** Hours places went without a service (e.g. hospital power): per place, the union of its counted incidents' uncontained intervals; summed. */
export interface HoursWithout {
  label: Text;
  /** The incident and facility kinds counted (the scenario's list). */
  incidents: string[];
  hours: number;
  outages: { incident: string; place: string; hours: number; contained: boolean }[];
  /** Per place: hours without (overlapping incidents counted once). */
  places: { place: string; hours: number }[];
}

/** Per counted incident that appeared: hours from appearing to contained (null: never contained). */
export interface TimeToContain {
  label: Text;
  incidents: string[];
  contained: { incident: string; hoursToContain: number | null }[];
}

export interface Outcomes {
  /** The figures the scenario shows and reports, in its order (scenario/outcomes.ts); hoursWithout and timeToContain hold one entry per such figure, in order. */
  figures: OutcomeKind[];
  /** People trapped in incidents that appeared, and the expected number freed alive (one decimal; scores use it unrounded). */
  trapped: number;
  rescuedAlive: number;
  /** The first response-level change: level, scenario ms, drill ms (null when the level never changed). */
  responseLevel: { level: string; scenarioMs: number; clock: number; scenario: string; drill: string; by: string } | null;
  /** The response level in force when the record ends ('none' with `ended` once a response was ended). */
  levelAtEnd: { level: string; ended: boolean };
  /** Per settlement with trapped people or collapses: the scenario ms the first rescue team was on scene (null: never). */
  firstRescue: { settlement: string; name: Text; firstTeamMs: number | null; at: string | null; incidents: string[] }[];
  /** One per hours-without figure the scenario lists (scenario/outcomes.ts), in its order. */
  hoursWithout: HoursWithout[];
  shelter: { opened: number; needed: number; shelters: string[] };
  /** One per time-to-contain figure the scenario lists, in its order. */
  timeToContain: TimeToContain[];
  decisions: { total: number; answered: number; expired: number; open: number; notOpened: number; voided: number };
  rejections: number;
  /** Scenario ms at the end of the record. */
  endScenarioMs: number;
  endClock: number;
}

export interface DrillScore {
  /** Mean of the applicable decision totals, 0–100 (null when no decision applies). */
  overall: number | null;
  /** How many decisions the overall rests on, and how many of them are still provisional (暂定). */
  restsOn: number;
  provisional: number;
  /** How many of them a bot answered (the overall counts them; unit ratings do not). */
  byBots: number;
  rating: Rating | null;
  ratingZh: RatingZh | null;
  weights: { correctness: number; timeliness: number; consequence: number };
  thresholds: { P: number; S: number; M: number };
  decisions: Record<string, DecisionScore>;
  /** Per decision owner (any seat: the HQ, a group, a unit, a county HQ). */
  units: Record<string, RollUp>;
  /** Per working group: its own decisions and its member units'. */
  groups: Record<string, RollUp>;
  counties: Record<string, RollUp>;
  capabilities: Record<string, RollUp>;
  outcomes: Outcomes;
}
