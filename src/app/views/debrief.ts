// The debrief (复盘) once the drill has ended: the overall score and rating, each capability with
// P/S/M/U and 优良中差, each seat, the outcomes in the simulation, and every decision's score with
// its explanation — what the evaluators (评估组) read out in the 演练点评. Then the evaluation:
// notes to publish, self-assessments, the forms, the improvement plan and the reports.
import { html, nothing } from 'lit-html';
import { FACILITATOR, type LogEntry, type Model, type World } from '../../core/index.ts';
import type { ReviewEvent, ReviewRecord } from '../../review/record.ts';
import type { DrillScore } from '../../scoring/index.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { capabilitiesTable, countiesTable, decisionScoresList, groupsTable, outcomesView, overallView, unitsTable } from './scores.ts';
import { evalForms } from './eval-forms.ts';
import { keepProblem } from './eval-fields.ts';
import { improvementPlan } from './improvement-plan.ts';
import { notesPanel, type ReviewOutcome } from './notes.ts';
import { reportActions, type ReportActionsProps } from './report-actions.ts';
import { selfAssessmentTable } from './self-assessment.ts';

/**
 * The evaluation at the debrief (AQ/T 9009 §7: 点评 → 自评 → 评估 → 报告 → 纠正行动): the evaluators'
 * notes to publish, who has assessed themselves, the forms per capability, the improvement plan,
 * the reports. Written as the facilitator's, whose screen the debrief is.
 */
export interface DebriefEvaluation {
  log: readonly LogEntry[];
  record: ReviewRecord;
  add: (actor: string, event: ReviewEvent) => ReviewOutcome;
  /** Why the record could not be kept in this browser, if it could not. */
  problem: string | null;
  report: ReportActionsProps['input'];
  /** Downloads the review record beside the log (null: nothing written yet; absent: no files in this app). */
  exportReview?: ReportActionsProps['exportReview'];
}

function evaluation(lang: Lang, model: Model, world: Readonly<World>, scores: DrillScore, e: DebriefEvaluation) {
  const add = (event: ReviewEvent) => e.add(FACILITATOR, event);
  return html`${keepProblem(lang, e.problem)} ${reportActions({ lang, input: e.report, ...(e.exportReview === undefined ? {} : { exportReview: e.exportReview }) })}
    ${evalForms({ lang, model, world, log: e.log, scores, record: e.record, onRate: add })}
    ${notesPanel({ lang, model, record: e.record, viewer: FACILITATOR, onPublish: (ids) => add({ type: 'publish-notes', ids }) })}
    ${selfAssessmentTable(lang, model, e.record)} ${improvementPlan({ lang, model, record: e.record, onEvent: add })}`;
}

/** `onReview` opens the drill in the replay view (复盘回放). */
export function debriefView(lang: Lang, model: Model, world: Readonly<World>, scores: DrillScore, onReview?: () => void, evaluate?: DebriefEvaluation) {
  return html`<div class="debrief">
    <header class="seat-head">
      <p class="eyebrow">${pick(lang, model.scenario.meta.title)}</p>
      <h1>${t(lang, 'console.debrief.heading')}</h1>
      ${world.mode !== 'debrief' ? html`<p class="bot-note">${t(lang, 'console.debrief.notEnded')}</p>` : nothing}
      ${onReview ? html`<button type="button" class="primary" data-open-review @click=${onReview}>${t(lang, 'review.open')}</button>` : nothing}
    </header>
    <div class="debrief-top">${overallView(lang, scores)} ${outcomesView(lang, scores, model)}</div>
    ${capabilitiesTable(lang, model, scores)} ${evaluate ? evaluation(lang, model, world, scores, evaluate) : nothing}
    <div class="two-col">${unitsTable(lang, model, scores)} ${groupsTable(lang, model, scores)}</div>
    ${countiesTable(lang, model, scores)} ${decisionScoresList(lang, model, world, scores)}
  </div>`;
}
