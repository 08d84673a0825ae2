// The evaluation forms (评估表) per core capability, in the shape of GB/T 46792-2025 Annexes B–D
// (src/review/forms.ts computes them): each indicator's score and rating with the moments it rests on,
// the capability's score (scoring's roll-up, the one the scores table shows) and verdict. An evaluator
// may rate an indicator, or the verdict itself (indicator `verdict`), otherwise with the reason: a
// form-rating entry of the review record, which the form then shows in place of the computed rating.
import { html, nothing } from 'lit-html';
import type { LogEntry, Model, World } from '../../core/index.ts';
import { evaluationForms, VERDICT, type CapabilityForm, type Evidence } from '../../review/forms.ts';
import type { FormRating, ReviewEvent, ReviewRecord } from '../../review/record.ts';
import { drillTime, type DrillScore, type Rating } from '../../scoring/index.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { clear, clearProblem, field, options, ratingChoices, refuse } from './eval-fields.ts';
import type { Moment, ReviewOutcome } from './notes.ts';
import { scoreText } from './scores.ts';
import { ratingLabel } from './words.ts';

export interface EvalFormsProps {
  lang: Lang;
  model: Model;
  world: Readonly<World>;
  log: readonly LogEntry[];
  scores: DrillScore;
  record: ReviewRecord;
  /** Rates an indicator otherwise (the override controls show only with it). */
  onRate?: (event: ReviewEvent<'form-rating'>) => ReviewOutcome;
  /** Moves the replay to a piece of evidence (the review screen). */
  onJump?: (at: Moment) => void;
}

// The forms change when the scores or the record do; the screen re-renders far more often.
let memo: { scores: DrillScore; record: ReviewRecord; forms: CapabilityForm[] } | null = null;
function formsOf(p: EvalFormsProps): CapabilityForm[] {
  if (memo?.scores !== p.scores || memo.record !== p.record) memo = { scores: p.scores, record: p.record, forms: evaluationForms(p.model.scenario, p.world, p.log, p.scores, p.record) };
  return memo.forms;
}

export function evalForms(p: EvalFormsProps) {
  const { lang } = p;
  const forms = formsOf(p);
  return html`<section class="panel eval-forms" aria-labelledby="eval-forms-heading">
    <h2 id="eval-forms-heading">${t(lang, 'eval.forms.heading')}</h2>
    ${forms.length === 0 ? html`<p class="empty">${t(lang, 'eval.forms.empty')}</p>` : forms.map((f) => capabilityForm(p, f))}
  </section>`;
}

/** A capability with nothing scored and nothing overridden yet starts folded: twelve forms of blanks are a long page. */
function capabilityForm(p: EvalFormsProps, form: CapabilityForm) {
  const { lang } = p;
  const headingId = `eval-form-${form.capability}`;
  const open = form.score !== null || form.indicators.some((r) => r.override);
  return html`<article class="eval-form" aria-labelledby=${headingId} data-eval-form=${form.capability}>
    <details ?open=${open}>
      <summary>
        <h3 id=${headingId}>${pick(lang, form.name)}</h3>
        <span class="muted" data-verdict>${t(lang, 'eval.forms.verdict', { score: scoreText(form.score), rating: ratingLabel(lang, form.verdict) })}</span>
      </summary>
      ${form.verdictOverride
        ? html`<p class="small" data-verdict-override>${t(lang, 'eval.forms.verdictOverridden', {
            rating: ratingLabel(lang, form.verdictOverride.rating),
            computed: ratingLabel(lang, p.scores.capabilities[form.capability]?.rating ?? null),
            reason: form.verdictOverride.reason,
          })}</p>`
        : nothing}
      <div class="scroll">
        <table aria-labelledby=${headingId}>
          <thead>
            <tr>
              <th scope="col">${t(lang, 'eval.forms.indicator')}</th>
              <th scope="col" class="num">${t(lang, 'eval.forms.score')}</th>
              <th scope="col">${t(lang, 'eval.forms.rating')}</th>
              <th scope="col">${t(lang, 'eval.forms.evidence')}</th>
              ${p.onRate ? html`<th scope="col">${t(lang, 'eval.forms.override')}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${form.indicators.map(
              (row) => html`<tr data-indicator=${row.id}>
                <th scope="row">${pick(lang, row.name)}</th>
                <td class="num">${scoreText(row.score)}</td>
                <td>
                  ${ratingLabel(lang, row.rating)}
                  ${row.override ? html`<p class="small muted">${t(lang, 'eval.forms.overridden', { rating: ratingLabel(lang, row.override.rating), reason: row.override.reason })}</p>` : nothing}
                </td>
                <td>${evidenceList(p, row.evidence)}</td>
                ${p.onRate ? html`<td>${overrideForm(p, form.capability, row.id, row.override)}</td>` : nothing}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="small muted">${t(lang, 'eval.forms.indicatorNote')}</p>
      ${p.onRate
        ? html`<div class="verdict-override"><span>${t(lang, 'eval.forms.verdictOverride')}</span> ${overrideForm(p, form.capability, VERDICT, form.verdictOverride)}</div>`
        : nothing}
    </details>
  </article>`;
}

function evidenceList(p: EvalFormsProps, evidence: readonly Evidence[]) {
  const { lang } = p;
  if (evidence.length === 0) return html`<span class="muted">${t(lang, 'eval.forms.noEvidence')}</span>`;
  return html`<details>
    <summary>${evidence.length}</summary>
    <ul class="evidence">
      ${evidence.map(
        (e) => html`<li>
          ${p.onJump
            ? html`<button type="button" class="link" data-evidence=${e.seq} @click=${() => p.onJump!({ seq: e.seq, t: e.t })}>${drillTime(e.t)}</button>`
            : html`<span class="mono">${drillTime(e.t)}</span>`}
          ${pick(lang, e.label)}
        </li>`,
      )}
    </ul>
  </details>`;
}

/**
 * Rates one indicator, or the verdict (`VERDICT`), otherwise. A missing reason is said beside the field
 * as well as in the browser's bubble, which vanishes at the next click: the rating chosen stays.
 */
function overrideForm(p: EvalFormsProps, capability: string, indicator: string, current: FormRating | undefined) {
  const { lang } = p;
  const problemId = `form-rating-problem-${capability}-${indicator}`;
  const say = (form: HTMLFormElement, name: string, message: string) => {
    refuse(form, name, message);
    form.querySelector('[data-form-problem]')!.textContent = message;
  };
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const rating = field(form, 'rating') as Rating | '';
    if (rating === '') return say(form, 'rating', t(lang, 'eval.forms.ratingNeeded'));
    const reason = field(form, 'reason');
    if (reason === '') return say(form, 'reason', t(lang, 'eval.notes.reasonNeeded'));
    const outcome = p.onRate!({ type: 'form-rating', capability, indicator, rating, reason });
    if (!outcome.ok) say(form, 'reason', outcome.reason ?? '');
  };
  const edited = (e: Event) => {
    clearProblem(e);
    const form = (e.target as HTMLInputElement).form;
    if (!form) return;
    // Choosing no rating takes back a problem said on the reason: there is then nothing to give a reason for.
    if ((e.target as HTMLSelectElement).name === 'rating') clear(form.elements.namedItem('reason'));
    form.querySelector('[data-form-problem]')!.textContent = '';
  };
  return html`<form class="override-form" data-form-rating=${`${capability}:${indicator}`} @submit=${submit} @input=${edited} @change=${edited}>
    <select name="rating" aria-label=${t(lang, 'eval.notes.override')} aria-describedby=${problemId}>${options(lang, 'eval.notes.noOverride', ratingChoices(lang), current?.rating ?? '')}</select>
    <input name="reason" maxlength="2000" aria-label=${t(lang, 'eval.notes.reason')} aria-describedby=${problemId} placeholder=${t(lang, 'eval.notes.reason')} .value=${current?.reason ?? ''} />
    <button type="submit">${t(lang, 'eval.forms.apply')}</button>
    <span class="problem small" id=${problemId} role="alert" data-form-problem></span>
  </form>`;
}
