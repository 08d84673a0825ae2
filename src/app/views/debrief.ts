// The debrief (复盘) once the drill has ended: the overall score and rating, each capability with
// P/S/M/U and 优良中差, each seat, the outcomes in the simulation, and every decision's score with
// its explanation — what the evaluators (评估组) read out in the 演练点评.
import { html, nothing } from 'lit-html';
import type { Model, World } from '../../core/index.ts';
import type { DrillScore } from '../../scoring/index.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { capabilitiesTable, countiesTable, decisionScoresList, groupsTable, outcomesView, overallView, unitsTable } from './scores.ts';

export function debriefView(lang: Lang, model: Model, world: Readonly<World>, scores: DrillScore) {
  return html`<div class="debrief">
    <header class="seat-head">
      <p class="eyebrow">${pick(lang, model.scenario.meta.title)}</p>
      <h1>${t(lang, 'console.debrief.heading')}</h1>
      ${world.mode !== 'debrief' ? html`<p class="bot-note">${t(lang, 'console.debrief.notEnded')}</p>` : nothing}
    </header>
    <div class="debrief-top">${overallView(lang, scores)} ${outcomesView(lang, scores)}</div>
    ${capabilitiesTable(lang, model, scores)}
    <div class="two-col">${unitsTable(lang, model, scores)} ${groupsTable(lang, model, scores)}</div>
    ${countiesTable(lang, model, scores)} ${decisionScoresList(lang, model, world, scores)}
  </div>`;
}
