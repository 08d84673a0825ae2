// The scores a drill's participants may see. Their scenario has no rubric and no expected answers
// (protocol/views.ts), so a seat cannot score the drill itself: the server scores it with the whole
// scenario and sends the result once the facilitator shows the scores to the seats (set-visibility),
// or at the debrief, as the seat screens show them (app/views/visibility.ts). While the expected
// answers are hidden, everything in a score that tells the plan's answer in other words goes too.
import { seatSees } from '../app/views/visibility.ts';
import type { LogEntry, World } from '../core/index.ts';
import { REDACTED } from '../protocol/views.ts';
import type { Scenario } from '../scenario/index.ts';
import { scoreDrill, type DecisionScore, type DrillScore, type ReportTicks } from '../scoring/index.ts';

const CLOSED = new Set<DecisionScore['status']>(['answered', 'expired', 'voided']);

/** The drill's scores as its participants may see them now (reports by the evaluator's `ticks`); null while they are hidden. */
export function participantScores(scenario: Scenario, world: Readonly<World>, log: readonly LogEntry[], ticks: ReportTicks = {}): DrillScore | null {
  const sees = seatSees(world);
  if (!sees.scores) return null;
  const score = scoreDrill(scenario, world, log, ticks);
  if (sees.answers) return score;
  const decisions: Record<string, DecisionScore> = {};
  for (const [id, d] of Object.entries(score.decisions)) decisions[id] = withoutAnswers(d);
  return { ...score, decisions };
}

/**
 * The rubric lines matched (their reasons are the plan's), the expected effects, the plan clause,
 * the measure of a number, ranking or report, and the explanation (which repeats them) go; an unclosed decision's prompt goes too (another seat's is
 * held back until it closes: views.ts). The numbers stay: they are the scores.
 */
function withoutAnswers(d: DecisionScore): DecisionScore {
  // A number's or ranking's measure names the plan's number or order; a report's ticks, its rubric points.
  const { measure: _measure, ticked: _ticked, ...kept } = d;
  return {
    ...kept,
    prompt: CLOSED.has(d.status) ? d.prompt : { zh: REDACTED, en: REDACTED },
    planClause: REDACTED,
    rubric: { ...d.rubric, matched: [] },
    consequenceBasis: { ...d.consequenceBasis, effects: [] },
    explanation: [],
  };
}
