// The improvement plan (纠正行动 / HSEEP IP): the findings of the drill, each graded 不足项 > 整改项 >
// 改进项, with what is to be done, the unit that owns it, when it is due, and the plan clause, the
// capability and the evaluator's note it rests on. Added, edited and deleted here; every change is an
// entry of the drill's review record, so the plan is saved with the drill and goes into the reports.
import { html, nothing } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { Model } from '../../core/index.ts';
import { GRADES, type Finding, type Grade, type ReviewEvent, type ReviewRecord } from '../../review/record.ts';
import { drillTime } from '../../scoring/index.ts';
import { t, type Lang } from '../i18n.ts';
import { newReviewId } from '../review/record-store.ts';
import { capabilityChoices, clearProblem, field, options, refuse, seatChoices, type Choice } from './eval-fields.ts';
import type { ReviewOutcome } from './notes.ts';

export type FindingEvent = ReviewEvent<'finding' | 'edit-finding' | 'delete-finding'>;

export interface ImprovementPlanProps {
  lang: Lang;
  model: Model;
  record: ReviewRecord;
  onEvent: (event: FindingEvent) => ReviewOutcome;
}

/** A finding's fields as its form holds them ('' for an optional one left out). */
type Fields = Required<Omit<Finding, 'id'>>;
const OPTIONAL = ['clause', 'capability', 'note'] as const;

/** The plan's clauses the scenario's decisions test, for the clause field's suggestions. */
const clausesOf = (model: Model): string[] => [...new Set(model.scenario.decisions.map((d) => d.planClause))];

const noteChoices = (record: ReviewRecord): Choice[] =>
  record.notes.map((n) => ({ id: n.id, label: `${drillTime(n.t)} ${n.text.length > 40 ? `${n.text.slice(0, 40)}…` : n.text}` }));

export function improvementPlan(p: ImprovementPlanProps) {
  const { lang, record } = p;
  return html`<section class="panel improvement-plan" aria-labelledby="plan-heading">
    <h2 id="plan-heading">${t(lang, 'eval.plan.heading')} <span class="count">${record.findings.length}</span></h2>
    <datalist id="plan-clauses">${clausesOf(p.model).map((c) => html`<option value=${c}></option>`)}</datalist>
    ${record.findings.length === 0
      ? html`<p class="empty">${t(lang, 'eval.plan.empty')}</p>`
      : html`<ol class="findings">
          ${repeat(
            record.findings,
            (f) => f.id,
            (f) => html`<li>${findingForm(p, f)}</li>`,
          )}
        </ol>`}
    <h3>${t(lang, 'eval.plan.add')}</h3>
    ${findingForm(p, null)}
  </section>`;
}

/** The form of a finding (editing it) or of a new one (null). */
function findingForm(p: ImprovementPlanProps, f: Finding | null) {
  const { lang, model, record } = p;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const fields = read(form);
    if (fields.text === '') return refuse(form, 'text', t(lang, 'eval.plan.textNeeded'));
    if (fields.owner === '') return refuse(form, 'owner', t(lang, 'eval.plan.ownerNeeded'));
    const event = f ? edit(f, fields, touched(form)) : add(fields);
    if (!event) return;
    const outcome = p.onEvent(event);
    if (!outcome.ok) refuse(form, 'text', outcome.reason ?? '');
    else if (!f) form.reset();
    else for (const el of form.querySelectorAll('[data-touched]')) el.removeAttribute('data-touched');
  };
  const onEdit = (e: Event) => {
    clearProblem(e);
    (e.target as HTMLElement).setAttribute('data-touched', '');
  };
  // An owner written elsewhere (a review file) that is not one of the scenario's seats stays offered.
  const seats = seatChoices(lang, model);
  const owners = f && !seats.some((s) => s.id === f.owner) ? [...seats, { id: f.owner, label: f.owner }] : seats;
  return html`<form class="compose-form finding" data-finding=${f?.id ?? nothing} ?data-finding-new=${!f} @submit=${submit} @input=${onEdit} @change=${onEdit}>
    <label class="field">
      <span>${t(lang, 'eval.plan.grade')}</span>
      <select name="grade">
        ${GRADES.map((g) => html`<option value=${g} ?selected=${g === (f?.grade ?? 'improve')}>${t(lang, `eval.grade.${g}`)}</option>`)}
      </select>
    </label>
    <label class="field wide">
      <span>${t(lang, 'eval.plan.text')}</span>
      <textarea name="text" rows="2" maxlength="2000" .value=${f?.text ?? ''}></textarea>
    </label>
    <label class="field">
      <span>${t(lang, 'eval.plan.owner')}</span>
      <select name="owner">${options(lang, 'eval.plan.none', owners, f?.owner ?? '')}</select>
    </label>
    <label class="field">
      <span>${t(lang, 'eval.plan.due')}</span>
      <input type="date" name="due" .value=${f?.due ?? ''} />
    </label>
    <label class="field">
      <span>${t(lang, 'eval.plan.clause')}</span>
      <input name="clause" list="plan-clauses" maxlength="200" .value=${f?.clause ?? ''} />
    </label>
    <label class="field">
      <span>${t(lang, 'eval.plan.capability')}</span>
      <select name="capability">${options(lang, 'eval.plan.none', capabilityChoices(lang, model), f?.capability ?? '')}</select>
    </label>
    <label class="field">
      <span>${t(lang, 'eval.plan.note')}</span>
      <select name="note">${options(lang, 'eval.plan.none', noteChoices(record), f?.note ?? '')}</select>
    </label>
    <p class="finding-actions">
      <button type="submit" class=${f ? '' : 'primary'}>${t(lang, f ? 'eval.plan.save' : 'eval.plan.add')}</button>
      ${f ? html`<button type="button" data-finding-delete @click=${() => p.onEvent({ type: 'delete-finding', id: f.id })}>${t(lang, 'eval.plan.delete')}</button>` : nothing}
    </p>
  </form>`;
}

function read(form: HTMLFormElement): Fields {
  const grade = field(form, 'grade') as Grade;
  return {
    grade: GRADES.includes(grade) ? grade : 'improve',
    text: field(form, 'text'),
    owner: field(form, 'owner'),
    due: field(form, 'due'),
    clause: field(form, 'clause'),
    capability: field(form, 'capability'),
    note: field(form, 'note'),
  };
}

function add(x: Fields): ReviewEvent<'finding'> {
  const { clause, capability, note, ...rest } = x;
  return { type: 'finding', id: newReviewId('finding'), ...rest, ...(clause ? { clause } : {}), ...(capability ? { capability } : {}), ...(note ? { note } : {}) };
}

/** The names of the controls the user has changed since the finding was last saved. */
const touched = (form: HTMLFormElement): Set<string> => new Set([...form.querySelectorAll<HTMLInputElement>('[data-touched]')].map((el) => el.name));

/**
 * The fields the user changed that differ from the finding, an optional one left empty cleared
 * (null); undefined when none does. Only what was touched: the rest stays as the record has it.
 */
function edit(f: Finding, x: Fields, changed: ReadonlySet<string>): ReviewEvent<'edit-finding'> | undefined {
  const changes: Record<string, string | null> = {};
  for (const k of ['grade', 'text', 'owner', 'due'] as const) if (changed.has(k) && x[k] !== f[k]) changes[k] = x[k];
  for (const k of OPTIONAL) if (changed.has(k) && x[k] !== (f[k] ?? '')) changes[k] = x[k] === '' ? null : x[k];
  return Object.keys(changes).length === 0 ? undefined : ({ type: 'edit-finding', id: f.id, ...changes } as ReviewEvent<'edit-finding'>);
}
