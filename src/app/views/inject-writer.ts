// The facilitator's inject form on the console: an inject written live (title, text, the seats
// that receive it, an optional question and the expected action), or a prepared inject edited
// before it goes out (its title, narrative and recipients, prefilled in the interface language).
// The fields are the browser's own until 下达: what is typed is read from the form when it is sent,
// so the console's re-renders never touch it.
import { html, nothing } from 'lit-html';
import { keyed } from 'lit-html/directives/keyed.js';
import { MAX_REPORT_CHARS, MAX_TITLE_CHARS, type DrillEvent, type Model, type World } from '../../core/index.ts';
import { pick, t, type Lang } from '../i18n.ts';
import type { InjectForm } from '../store.ts';
import { seatsOf, type SeatKind } from './drill-data.ts';

export interface InjectWriterProps {
  lang: Lang;
  model: Model;
  world: Readonly<World>;
  form: InjectForm;
  send: (event: DrillEvent) => void;
  setForm: (form: InjectForm | null) => void;
}

/** The seats in the order the recipients' checkboxes are grouped. */
const GROUPS: readonly { kind: SeatKind; key: 'console.seats.hq' | 'console.seats.groups' | 'console.seats.units' | 'console.seats.counties' }[] = [
  { kind: 'hq', key: 'console.seats.hq' },
  { kind: 'group', key: 'console.seats.groups' },
  { kind: 'unit', key: 'console.seats.units' },
  { kind: 'county', key: 'console.seats.counties' },
];

export function injectWriter(p: InjectWriterProps) {
  const { lang, model, form } = p;
  const prepared = form.edit === null ? undefined : model.injects.get(form.edit);
  const initial = prepared
    ? { title: pick(lang, prepared.title), text: pick(lang, prepared.narrative), to: prepared.to }
    : { title: '', text: '', to: [] as readonly string[] };
  const headingId = 'inject-writer-heading';
  const submit = (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const title = String(data.get('title') ?? '').trim();
    const text = String(data.get('text') ?? '').trim();
    const to = data.getAll('to').map(String);
    const problem = !title ? 'title' : !text ? 'text' : to.length === 0 ? 'to' : undefined;
    if (problem) return p.setForm({ ...form, problem });
    if (prepared) {
      // Only what the facilitator changed goes in the edit: the rest is delivered as the scenario
      // wrote it, so each seat still reads it in its own language.
      const edit = {
        ...(title !== initial.title ? { title } : {}),
        ...(text !== initial.text ? { narrative: text } : {}),
        ...(sameSet(to, initial.to) ? {} : { to }),
      };
      p.send({ type: 'fire-inject', inject: prepared.id, ...(Object.keys(edit).length > 0 ? { edit } : {}) });
    } else {
      const question = String(data.get('question') ?? '').trim();
      const expected = String(data.get('expected') ?? '').trim();
      p.send({ type: 'live-inject', title, text, to, ...(question ? { question } : {}), ...(expected ? { expected } : {}) });
    }
  };
  const seats = seatsOf(model.scenario);
  // A fresh form for each inject edited (and for each language its text is prefilled in): what was
  // typed into one never shows in another. A live inject's form starts empty, so it keeps its
  // text across a change of language.
  return keyed(
    prepared ? `${prepared.id}|${lang}` : '@live',
    html`<form class="inject-writer" aria-labelledby=${headingId} @submit=${submit} novalidate>
      <h3 id=${headingId}>${prepared ? t(lang, 'facilitator.writer.editHeading', { title: pick(lang, prepared.title) }) : t(lang, 'facilitator.writer.heading')}</h3>
      ${prepared ? html`<p class="hint">${t(lang, 'facilitator.writer.editHint')}</p>` : nothing}
      ${prepared && p.world.injects[prepared.id]?.status === 'delivered'
        ? html`<p class="form-problem" role="alert">${t(lang, 'facilitator.writer.deliveredMeanwhile')}</p>`
        : nothing}
      <label class="field">
        <span>${t(lang, 'facilitator.writer.title')}</span>
        <input name="title" required maxlength=${MAX_TITLE_CHARS} .value=${initial.title} aria-invalid=${form.problem === 'title' ? 'true' : 'false'} />
      </label>
      <label class="field">
        <span>${t(lang, 'facilitator.writer.text')}</span>
        <textarea name="text" required rows="4" maxlength=${MAX_REPORT_CHARS} .value=${initial.text} aria-invalid=${form.problem === 'text' ? 'true' : 'false'}></textarea>
      </label>
      <fieldset class="recipients" aria-invalid=${form.problem === 'to' ? 'true' : 'false'}>
        <legend>${t(lang, 'facilitator.writer.to')}</legend>
        ${GROUPS.map(({ kind, key }) => {
          const ofKind = seats.filter((s) => s.kind === kind);
          return ofKind.length === 0
            ? nothing
            : html`<div class="recipient-group" role="group" aria-label=${t(lang, key)}>
                <span class="muted small">${t(lang, key)}</span>
                ${ofKind.map((s) => html`<label><input type="checkbox" name="to" value=${s.id} ?checked=${initial.to.includes(s.id)} /> ${pick(lang, s.name)}</label>`)}
              </div>`;
        })}
      </fieldset>
      ${prepared
        ? nothing
        : html`<label class="field">
              <span>${t(lang, 'facilitator.writer.question')}</span>
              <input name="question" maxlength=${MAX_REPORT_CHARS} />
            </label>
            <label class="field">
              <span>${t(lang, 'facilitator.writer.expected')}</span>
              <textarea name="expected" rows="2" maxlength=${MAX_REPORT_CHARS}></textarea>
            </label>`}
      ${form.problem ? html`<p class="form-problem" role="alert">${t(lang, `facilitator.writer.problem.${form.problem}`)}</p>` : nothing}
      <div class="form-buttons">
        <button type="submit" class="primary">${t(lang, 'facilitator.writer.send')}</button>
        <button type="button" @click=${() => p.setForm(null)}>${t(lang, 'facilitator.writer.cancel')}</button>
      </div>
    </form>`,
  );
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
