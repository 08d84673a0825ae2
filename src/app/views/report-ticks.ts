// 书面报告评估: the evaluator reads each written report a seat sent and ticks the points of its
// rubric it contains. A tick is an entry of the review record (src/review/record.ts `tick`), which
// scores read: until ticked, the report is pending evaluation. The evaluators' screen only.
import { html, nothing } from 'lit-html';
import type { Model, World } from '../../core/index.ts';
import type { ReviewEvent, ReviewRecord } from '../../review/record.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { seatName } from './words.ts';

export interface ReportTicksProps {
  lang: Lang;
  model: Model;
  world: Readonly<World>;
  record: ReviewRecord;
  /** Adds the tick to the review record as the evaluator's. */
  onTick: (event: Extract<ReviewEvent, { type: 'tick' }>) => void;
}

export function reportTicks(p: ReportTicksProps) {
  const { lang, model, world, record } = p;
  const written = model.scenario.decisions.filter((d) => d.kind === 'report' && world.decisions[d.id]?.answer?.text !== undefined);
  if (!model.scenario.decisions.some((d) => d.kind === 'report')) return nothing;
  return html`<section class="panel report-ticks" aria-labelledby="report-ticks-heading">
    <h2 id="report-ticks-heading">${t(lang, 'console.ticks.heading')}</h2>
    ${written.length === 0
      ? html`<p class="empty">${t(lang, 'console.ticks.none')}</p>`
      : written.map((d) => {
          const ticked = Object.hasOwn(record.ticks, d.id) ? record.ticks[d.id]! : undefined;
          const points = d.report?.points ?? [];
          const earned = points.filter((x) => ticked?.includes(x.id)).reduce((a, x) => a + x.points, 0);
          const total = points.reduce((a, x) => a + x.points, 0);
          const submit = (e: Event) => {
            e.preventDefault();
            const form = e.currentTarget as HTMLFormElement;
            const chosen = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((x) => x.checked).map((x) => x.value);
            p.onTick({ type: 'tick', decision: d.id, points: chosen });
          };
          const headingId = `report-tick-${d.id}`;
          return html`<article class="report-tick" aria-labelledby=${headingId}>
            <h3 id=${headingId}>${pick(lang, d.prompt)}</h3>
            <p class="muted small">${t(lang, 'console.ticks.from', { seat: seatName(lang, model, d.owner) })}</p>
            <blockquote class="report-text">${world.decisions[d.id]!.answer!.text}</blockquote>
            <p class="status">${ticked === undefined ? t(lang, 'console.card.pendingEvaluation') : t(lang, 'console.ticks.ticked', { earned, total })}</p>
            <form @submit=${submit}>
              <fieldset aria-labelledby=${headingId}>
                ${points.map((x) => html`<label class="tick-point"><input type="checkbox" name="point" value=${x.id} ?checked=${ticked?.includes(x.id) ?? false} /> ${t(lang, 'console.card.reportPoint', { text: pick(lang, x.text), points: x.points })}</label>`)}
              </fieldset>
              <button type="submit">${t(lang, 'console.ticks.record')}</button>
            </form>
          </article>`;
        })}
  </section>`;
}
