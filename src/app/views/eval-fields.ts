// What the evaluation forms (notes, the improvement plan, the form ratings, the self-assessment)
// share: the scenario's choices in the interface language, and a form's problem said on the field
// itself — the browser's own validation bubble, with our words, cleared as soon as the field is typed in.
import { html, nothing } from 'lit-html';
import type { Model } from '../../core/index.ts';
import { RATINGS } from '../../review/record.ts';
import { pick, t, type Lang, type MessageKey } from '../i18n.ts';
import { seatsOf } from './drill-data.ts';
import { ratingLabel } from './words.ts';

export interface Choice {
  id: string;
  label: string;
}

export const capabilityChoices = (lang: Lang, model: Model): Choice[] => model.scenario.scoring.capabilities.map((c) => ({ id: c.id, label: pick(lang, c.name) }));

export const seatChoices = (lang: Lang, model: Model): Choice[] => seatsOf(model.scenario).map((s) => ({ id: s.id, label: pick(lang, s.name) }));

export const capabilityName = (lang: Lang, model: Model, id: string): string => capabilityChoices(lang, model).find((c) => c.id === id)?.label ?? id;

/** Says that the record could not be kept in this browser (ReviewStore's failure), if it could not. */
export const keepProblem = (lang: Lang, problem: string | null | undefined) =>
  problem ? html`<p class="notice" role="alert">${t(lang, 'eval.store.saveFailed', { reason: problem })}</p>` : nothing;

/** `<option>`s of the choices after an empty one (`none`); `selected` marks the current one. */
export const options = (lang: Lang, none: MessageKey, choices: readonly Choice[], selected = '') =>
  html`<option value="" ?selected=${selected === ''}>${t(lang, none)}</option>
    ${choices.map((c) => html`<option value=${c.id} ?selected=${c.id === selected}>${c.label}</option>`)}`;

export const ratingChoices = (lang: Lang): Choice[] => RATINGS.map((r) => ({ id: r, label: ratingLabel(lang, r) }));

/** The trimmed value of the form's control `name` ('' when it has none). */
export function field(form: HTMLFormElement, name: string): string {
  const el = form.elements.namedItem(name);
  return el && 'value' in el ? String(el.value).trim() : '';
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Says what is wrong on the control `name` and leaves the form unsent. */
export function refuse(form: HTMLFormElement, name: string, message: string): void {
  const found = form.elements.namedItem(name);
  // Radio buttons come as a list: the problem is said on the first.
  const el = (found && !(found instanceof Element) ? found[0] : found) as Control | null | undefined;
  if (!el) return;
  el.setCustomValidity(message);
  el.setAttribute('aria-invalid', 'true');
  // The browser's bubble goes when the pointer moves on; a form that has a place for it says it there too.
  const said = problemOf(form, name);
  if (said) said.textContent = message;
  el.reportValidity();
  el.focus();
}

/** Where a form says the problem of its control `name` in words beside it (`[data-problem-for]`), if it does. */
const problemOf = (form: HTMLFormElement | null, name: string): Element | null => form?.querySelector(`[data-problem-for="${name}"]`) ?? null;

/** The place for the problem of control `name`, beside it (read by refuse and clear). */
export const problemSlot = (name: string, id: string) => html`<p id=${id} class="field-problem small" data-problem-for=${name} role="alert"></p>`;

/** Takes back the problem said on a control. */
export function clear(el: Element | RadioNodeList | null | undefined): void {
  if (!(el instanceof Element) || !el.hasAttribute('aria-invalid')) return;
  const control = el as Control;
  control.setCustomValidity('');
  el.removeAttribute('aria-invalid');
  const said = problemOf(control.form, control.name);
  if (said) said.textContent = '';
}

/** Put on a form's `@input` (and `@change`): typing or choosing clears the problem said on that field. */
export function clearProblem(e: Event): void {
  const el = e.target as Control;
  // A radio button's problem is said on the first of its group, whichever is then chosen.
  const group = el.type === 'radio' && el.form ? el.form.elements.namedItem(el.name) : null;
  clear(group && !(group instanceof Element) ? group[0] : el);
}
