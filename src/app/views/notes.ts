// The evaluators' notes (评估记录, issue 10 §2): written live on the evaluator's screen or at the
// playhead of a replay, each anchored to the log entry and log time of its moment — a strength (亮点)
// or an area for improvement (待改进), the capability and the unit it concerns, and perhaps a rating
// override with its reason. The list shows what `viewer` may read (notesFor): until published, a note
// is the evaluators' and the facilitator's only, so a seat's screen shows published notes alone.
import { html, nothing } from 'lit-html';
import type { Model } from '../../core/index.ts';
import { notesFor, type Note, type ReviewEvent, type ReviewRecord } from '../../review/record.ts';
import { drillTime, type Rating } from '../../scoring/index.ts';
import { t, type Lang } from '../i18n.ts';
import { newReviewId } from '../review/record-store.ts';
import { capabilityChoices, capabilityName, clear, clearProblem, field, keepProblem, options, problemSlot, ratingChoices, refuse, seatChoices } from './eval-fields.ts';
import { ratingLabel, seatName } from './words.ts';

/** A moment of the drill: the last log entry (0 before the first) and the log time. */
export interface Moment {
  seq: number;
  t: number;
}

export type ReviewOutcome = { ok: boolean; reason?: string };

export interface NotesPanelProps {
  lang: Lang;
  model: Model;
  record: ReviewRecord;
  /** Who is looking: EVALUATOR, the facilitator, or a seat (which sees published notes only). */
  viewer: string;
  /** Where a new note is anchored: the playhead, or the live drill's last entry and clock (the form needs it). */
  anchor?: Moment;
  /** Writes a note (the form shows only with it); the outcome says whether the record took it. */
  onAdd?: (event: ReviewEvent<'note'>) => ReviewOutcome;
  /** Publishes notes (the publish buttons show only with it). */
  onPublish?: (ids: string[]) => void;
  onDelete?: (id: string) => void;
  /** Moves the replay to a note's moment (the review screen); live screens have none. */
  onJump?: (at: Moment) => void;
  /** Why the record could not be kept in this browser, if it could not. */
  problem?: string | null;
}

/** The panel; a seat's panel shows only once there is a published note to read. */
export function notesPanel(p: NotesPanelProps) {
  const { lang } = p;
  const notes = notesFor(p.record, p.viewer);
  const writes = p.onAdd !== undefined || p.onPublish !== undefined;
  if (!writes && notes.length === 0) return nothing;
  const unpublished = notes.filter((n) => !n.published).map((n) => n.id);
  return html`<section class="panel notes" aria-labelledby="notes-heading" data-notes>
    <div class="panel-head">
      <h2 id="notes-heading">${t(lang, writes ? 'eval.notes.heading' : 'eval.notes.publishedHeading')} <span class="count">${t(lang, 'eval.notes.count', { n: notes.length })}</span></h2>
      ${p.onPublish && unpublished.length > 0
        ? html`<button type="button" data-note-publish-all @click=${() => p.onPublish!(unpublished)}>${t(lang, 'eval.notes.publishAll', { n: unpublished.length })}</button>`
        : nothing}
    </div>
    ${writes ? html`<p class="muted small">${t(lang, 'eval.notes.privateHint')}</p>${keepProblem(lang, p.problem)}` : nothing} ${p.onAdd && p.anchor ? noteForm(p, p.anchor) : nothing}
    ${notes.length === 0 ? html`<p class="empty">${t(lang, 'eval.notes.empty')}</p>` : html`<ol class="note-list">${notes.map((n) => noteItem(p, n, writes))}</ol>`}
  </section>`;
}

function noteItem(p: NotesPanelProps, n: Note, showPrivacy: boolean) {
  const { lang, model } = p;
  return html`<li data-note=${n.id} class=${`note note-${n.kind}`}>
    <p class="meta">
      <span class="mono">${t(lang, 'eval.notes.time', { time: drillTime(n.t) })}</span>
      <span class="tag">${t(lang, `eval.kind.${n.kind}`)}</span>
      ${n.capability ? html`<span class="tag">${capabilityName(lang, model, n.capability)}</span>` : nothing}
      ${n.unit ? html`<span class="tag">${seatName(lang, model, n.unit)}</span>` : nothing}
      ${showPrivacy ? html`<span class=${n.published ? 'tag published' : 'tag private'}>${t(lang, n.published ? 'eval.notes.published' : 'eval.notes.private')}</span>` : nothing}
    </p>
    <p class="note-text">${n.text}</p>
    ${n.override ? html`<p class="small">${t(lang, 'eval.notes.overridden', { rating: ratingLabel(lang, n.override.rating), reason: n.override.reason })}</p>` : nothing}
    ${p.onJump || (p.onPublish && !n.published) || p.onDelete
      ? html`<p class="note-actions">
          ${p.onJump ? html`<button type="button" data-note-jump @click=${() => p.onJump!({ seq: n.seq, t: n.t })}>${t(lang, 'eval.notes.jump')}</button>` : nothing}
          ${p.onPublish && !n.published ? html`<button type="button" data-note-publish @click=${() => p.onPublish!([n.id])}>${t(lang, 'eval.notes.publish')}</button>` : nothing}
          ${p.onDelete ? html`<button type="button" class="quiet" @click=${() => p.onDelete!(n.id)}>${t(lang, 'eval.notes.delete')}</button>` : nothing}
        </p>`
      : nothing}
  </li>`;
}

/**
 * The form keeps what is typed in its own controls (nothing binds their values), so the screen's
 * re-renders four times a second leave a half-written note alone; it is read when sent.
 */
function noteForm(p: NotesPanelProps, anchor: Moment) {
  const { lang, model } = p;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const text = field(form, 'text');
    if (text === '') return refuse(form, 'text', t(lang, 'eval.notes.textNeeded'));
    const rating = field(form, 'rating') as Rating | '';
    const reason = field(form, 'reason');
    if (rating !== '' && reason === '') return refuse(form, 'reason', t(lang, 'eval.notes.reasonNeeded'));
    const capability = field(form, 'capability');
    const unit = field(form, 'unit');
    const outcome = p.onAdd!({
      type: 'note',
      id: newReviewId('note'),
      seq: anchor.seq,
      t: anchor.t,
      kind: field(form, 'kind') === 'strength' ? 'strength' : 'improvement',
      text,
      ...(capability ? { capability } : {}),
      ...(unit ? { unit } : {}),
      ...(rating ? { override: { rating, reason } } : {}),
    });
    if (outcome.ok) form.reset();
    else refuse(form, 'text', t(lang, 'eval.notes.refused', { reason: outcome.reason ?? '' }));
  };
  // Without a rating there is no reason to ask for: a problem said on it goes with the rating.
  const onRating = (e: Event) => clear((e.currentTarget as HTMLSelectElement).form?.elements.namedItem('reason'));
  return html`<form class="compose-form note-form" data-note-form @submit=${submit} @input=${clearProblem}>
    <p class="muted small">${t(lang, 'eval.notes.at', { time: drillTime(anchor.t), seq: anchor.seq })}</p>
    <label class="field wide">
      <span>${t(lang, 'eval.notes.text')}</span>
      <textarea name="text" data-note-text rows="3" maxlength="2000"></textarea>
    </label>
    <label class="field">
      <span>${t(lang, 'eval.notes.kind')}</span>
      <select name="kind" data-note-kind>
        <option value="improvement">${t(lang, 'eval.kind.improvement')}</option>
        <option value="strength">${t(lang, 'eval.kind.strength')}</option>
      </select>
    </label>
    <label class="field">
      <span>${t(lang, 'eval.notes.capability')}</span>
      <select name="capability">${options(lang, 'eval.notes.none', capabilityChoices(lang, model))}</select>
    </label>
    <label class="field">
      <span>${t(lang, 'eval.notes.unit')}</span>
      <select name="unit">${options(lang, 'eval.notes.none', seatChoices(lang, model))}</select>
    </label>
    <label class="field">
      <span>${t(lang, 'eval.notes.override')}</span>
      <select name="rating" @change=${onRating}>${options(lang, 'eval.notes.noOverride', ratingChoices(lang))}</select>
    </label>
    <label class="field">
      <span>${t(lang, 'eval.notes.reason')}</span>
      <input name="reason" maxlength="2000" aria-describedby="note-reason-hint note-reason-problem" />
    </label>
    <p id="note-reason-hint" class="hint small">${t(lang, 'eval.notes.reasonHint')}</p>
    ${problemSlot('reason', 'note-reason-problem')}
    <button type="submit" class="primary" data-note-submit>${t(lang, 'eval.notes.submit')}</button>
  </form>`;
}
