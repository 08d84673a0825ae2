// 参演人员自评 (AQ/T 9009-2015 §7, after the 点评): once the drill is over, each seat rates itself 1–5
// and says what went well, what was hard and what it suggests for the plan. The answers are entries
// of the review record (a later answer replaces the earlier one) and go into the report; the debrief
// lists who has answered.
import { html, nothing } from 'lit-html';
import type { Model } from '../../core/index.ts';
import type { ReviewEvent, ReviewRecord, SelfAssessment } from '../../review/record.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { seatsOf } from './drill-data.ts';
import { clearProblem, field, refuse } from './eval-fields.ts';
import type { ReviewOutcome } from './notes.ts';

const RATINGS = [1, 2, 3, 4, 5] as const;
const ANSWERS = ['well', 'hard', 'plan'] as const;

export interface SelfAssessmentProps {
  lang: Lang;
  seat: string;
  record: ReviewRecord;
  onSubmit: (event: ReviewEvent<'self-assessment'>) => ReviewOutcome;
}

/** The seat's form, showing its earlier answers when it has given some. */
export function selfAssessmentForm(p: SelfAssessmentProps) {
  const { lang } = p;
  const saved: SelfAssessment | undefined = p.record.selfAssessments[p.seat];
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const rating = Number(form.querySelector<HTMLInputElement>('input[name="rating"]:checked')?.value ?? 0);
    if (!RATINGS.includes(rating as SelfAssessment['rating'])) return refuse(form, 'rating', t(lang, 'eval.self.ratingNeeded'));
    const outcome = p.onSubmit({ type: 'self-assessment', seat: p.seat, rating, well: field(form, 'well'), hard: field(form, 'hard'), plan: field(form, 'plan') });
    if (!outcome.ok) refuse(form, 'well', outcome.reason ?? '');
  };
  return html`<section class="panel self-assessment" aria-labelledby="self-assessment-heading">
    <h2 id="self-assessment-heading">${t(lang, 'eval.self.heading')}</h2>
    <p class="muted small">${t(lang, 'eval.self.intro')}</p>
    <form class="compose-form" data-self-assessment @submit=${submit} @input=${clearProblem} @change=${clearProblem}>
      <fieldset class="report-kinds">
        <legend>${t(lang, 'eval.self.rating')}</legend>
        ${RATINGS.map((n) => html`<label><input type="radio" name="rating" value=${n} .checked=${saved?.rating === n} /> ${t(lang, 'eval.self.ratingValue', { n })}</label>`)}
      </fieldset>
      ${ANSWERS.map(
        (k) => html`<label class="field wide">
          <span>${t(lang, `eval.self.${k}`)}</span>
          <textarea name=${k} rows="2" maxlength="2000" .value=${saved?.[k] ?? ''}></textarea>
        </label>`,
      )}
      <button type="submit" class="primary">${t(lang, saved ? 'eval.self.update' : 'eval.self.submit')}</button>
      ${saved ? html`<p class="done-status" role="status">${t(lang, 'eval.self.saved')}</p>` : nothing}
    </form>
  </section>`;
}

/** The debrief's table: every seat, its rating and answers, or that it has not answered. */
export function selfAssessmentTable(lang: Lang, model: Model, record: ReviewRecord) {
  const seats = seatsOf(model.scenario);
  const answered = seats.filter((s) => record.selfAssessments[s.id]).length;
  return html`<section class="panel" aria-labelledby="self-assessments-heading">
    <h2 id="self-assessments-heading">${t(lang, 'eval.self.tableHeading')}</h2>
    <p class="muted small">${t(lang, 'eval.self.answered', { n: answered, total: seats.length })}</p>
    <div class="scroll">
      <table aria-labelledby="self-assessments-heading" data-self-assessments>
        <thead>
          <tr>
            <th scope="col">${t(lang, 'eval.self.seat')}</th>
            <th scope="col" class="num">${t(lang, 'eval.self.rating')}</th>
            ${ANSWERS.map((k) => html`<th scope="col">${t(lang, `eval.self.${k}`)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${seats.map((s) => {
            const a = record.selfAssessments[s.id];
            return html`<tr data-seat=${s.id}>
              <th scope="row">${pick(lang, s.name)}</th>
              ${a
                ? html`<td class="num">${a.rating}</td>
                    ${ANSWERS.map((k) => html`<td>${a[k]}</td>`)}`
                : html`<td class="muted" colspan="4">${t(lang, 'eval.self.notAnswered')}</td>`}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
  </section>`;
}
