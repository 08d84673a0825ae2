// A decision (分析决策) as a seat sees it. Open: the question, a visible countdown and the form of
// its kind — single choice, multiple choice, teams allocated to places, acknowledge/report, a number
// with its unit, a ranking (up/down buttons) or a written report (a textarea with a counter); one
// table (KIND_VIEWS) keyed by the decision kinds, so a kind without a form is a type error.
// Done: the answer given; once scored, the plan's expected answer and the score with its reasons.
// The expected answer is not rendered at all before the decision is scored, nor, during the drill,
// what the facilitator has not released to the seats (views/visibility.ts).
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import type { Answer, Model, Policy, World } from '../../core/index.ts';
import type { Decision, DecisionKind } from '../../scenario/index.ts';
import type { DecisionScore } from '../../scoring/index.ts';
import { drillLength, drillTime } from '../format.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { MAX_DECISION_REPORT_CHARS } from '../../scenario/decision-kinds.ts';
import type { Draft } from '../store.ts';
import { isOpen, remainingMs } from './drill-data.ts';
import { seatSees } from './visibility.ts';
import { answerParts, answerText, answeredByText, effectText, expectedOf, placeName, policyLabel, provisionalMark, ratingLabel, teamName } from './words.ts';
import { workingLines } from './working.ts';

export interface CardProps {
  lang: Lang;
  model: Model;
  world: Readonly<World>;
  decision: Decision;
  draft: Draft;
  /** Its score, once scoreDrill has run over a world where it is scored. */
  score?: DecisionScore | undefined;
  /** The bot playing the seat, if any. */
  policy?: Policy | undefined;
  /** Evaluator and observer views: no form. */
  readOnly?: boolean;
  onDraft: (draft: Draft) => void;
  onSubmit: () => void;
}

const URGENT_MS = 60_000;

export function decisionCard(p: CardProps) {
  const { lang, decision: d, world } = p;
  const headingId = `decision-${d.id}`;
  const open = isOpen(world, d.id);
  return html`<article class="decision-card ${open ? 'is-open' : 'is-done'}" aria-labelledby=${headingId}>
    <header class="card-head">
      <span class="kind">${t(lang, `console.kind.${d.kind}`)}</span>
      <h3 id=${headingId}>${pick(lang, d.prompt)}</h3>
    </header>
    ${open ? openBody(p) : doneBody(p)}
  </article>`;
}

function countdown(lang: Lang, world: Readonly<World>, id: string) {
  const left = remainingMs(world, id);
  return html`<p class="countdown ${left <= URGENT_MS ? 'urgent' : ''}" role="timer" aria-label=${t(lang, 'console.card.remaining')}>
    ${t(lang, 'console.card.remainingValue', { time: drillTime(left) })}
  </p>`;
}

function openBody(p: CardProps) {
  const { lang, decision: d } = p;
  const submit = (e: Event) => {
    e.preventDefault();
    p.onSubmit();
  };
  return html`${countdown(lang, p.world, d.id)}
    ${p.policy ? html`<p class="bot-note">${t(lang, 'console.card.botPlays', { policy: policyLabel(lang, p.policy) })}</p>` : nothing}
    ${p.readOnly
      ? html`<p class="muted">${t(lang, 'console.card.waiting')}</p>`
      : html`<form class="decision-form" @submit=${submit}>
          ${KIND_VIEWS[d.kind].form(p)}
          <button type="submit" class="primary">${t(lang, KIND_VIEWS[d.kind].submit)}</button>
        </form>`}`;
}

function choices(p: CardProps) {
  const { lang, decision: d, draft } = p;
  const multiple = d.kind === 'multiple';
  const toggle = (id: string, on: boolean) =>
    p.onDraft({ ...draft, options: multiple ? (on ? [...draft.options.filter((x) => x !== id), id] : draft.options.filter((x) => x !== id)) : [id] });
  // The card's heading names the fieldset: the question is written once.
  return html`<fieldset aria-labelledby=${`decision-${d.id}`}>
    ${multiple ? html`<p class="hint">${t(lang, 'console.card.chooseMany')}</p>` : nothing}
    <ul class="choices">
      ${d.options.map(
        (o) => html`<li>
          <label>
            <input
              type=${multiple ? 'checkbox' : 'radio'}
              name=${`answer-${d.id}`}
              value=${o.id}
              .checked=${live(draft.options.includes(o.id))}
              @change=${(e: Event) => toggle(o.id, (e.target as HTMLInputElement).checked)}
            />
            <span>${pick(lang, o.label)}</span>
          </label>
        </li>`,
      )}
    </ul>
  </fieldset>`;
}

/**
 * One list per team to send: a team type starts with one, and 再派一支 adds another (up to the
 * teams of that type) so several teams of a type can go to different places, or the same one.
 * Draft keys: the type's id for its first list, `type#2`, `type#3`… for the others.
 */
function allocation(p: CardProps) {
  const { lang, model, decision: d, draft, world } = p;
  const teams = d.allocate?.teams ?? [];
  const places = d.allocate?.places ?? [];
  const set = (key: string, to: string) => p.onDraft({ ...draft, allocations: { ...draft.allocations, [key]: to } });
  return html`<fieldset aria-labelledby=${`decision-${d.id}`}>
    <p class="hint">${t(lang, 'console.card.allocateHint')}</p>
    <ul class="allocations">
      ${teams.map((team) => {
        const unit = model.teamTypes.get(team)?.unit;
        const ofType = Object.values(world.teams).filter((x) => x.type === team);
        const free = ofType.filter((x) => x.status === 'available').length;
        const rows = 1 + Object.keys(draft.allocations).filter((k) => k.startsWith(`${team}#`)).length;
        const name = teamName(lang, model, team);
        const select = (key: string) => {
          const chosen = draft.allocations[key] ?? '';
          return html`<select @change=${(e: Event) => set(key, (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${chosen === ''}>${t(lang, 'console.card.notSent')}</option>
            ${places.map((place) => html`<option value=${place} ?selected=${chosen === place}>${placeName(lang, model, place)}</option>`)}
          </select>`;
        };
        return html`<li>
          <label>
            <span class="team-name">${name}</span>
            <span class="muted">${t(lang, 'console.card.teamFree', { unit: unit ? pick(lang, model.units.get(unit)!.short ?? model.units.get(unit)!.name) : '', n: free })}</span>
            ${select(team)}
          </label>
          ${Array.from({ length: rows - 1 }, (_, i) => html`<label>
            <span class="team-name">${t(lang, 'console.card.teamNth', { team: name, n: i + 2 })}</span>
            <span></span>
            ${select(`${team}#${i + 2}`)}
          </label>`)}
          ${rows < ofType.length
            ? html`<button type="button" class="add-team" @click=${() => set(`${team}#${rows + 1}`, '')}>${t(lang, 'console.card.addTeam', { team: name })}</button>`
            : nothing}
        </li>`;
      })}
    </ul>
  </fieldset>`;
}

/** A number with its unit: the range is the decision's, the authority refuses anything outside it. */
function numberForm(p: CardProps) {
  const { lang, decision: d, draft } = p;
  const n = d.number;
  if (!n) return nothing;
  return html`<fieldset aria-labelledby=${`decision-${d.id}`}>
    <label class="number-answer">
      <span>${t(lang, 'console.card.numberLabel', { min: n.min, max: n.max })}</span>
      <input
        type="number"
        name=${`answer-${d.id}`}
        min=${n.min}
        max=${n.max}
        step="any"
        .value=${live(draft.value ?? '')}
        @input=${(e: Event) => p.onDraft({ ...draft, value: (e.target as HTMLInputElement).value })}
      />
      <span class="unit">${pick(lang, n.unit)}</span>
    </label>
  </fieldset>`;
}

/**
 * The items in the seat's order, each with 上移/下移 buttons (named with the item, so a screen reader
 * says what moves); the focus follows the moved item's button, and a live line says where it went.
 */
function rankingForm(p: CardProps) {
  const { lang, decision: d, draft } = p;
  const order = draft.order ?? d.options.map((o) => o.id);
  const label = (id: string) => {
    const o = d.options.find((x) => x.id === id);
    return o ? pick(lang, o.label) : id;
  };
  const move = (e: Event, i: number, by: -1 | 1) => {
    const next = [...order];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    const list = (e.currentTarget as HTMLElement).closest('ol');
    const item = order[i]!;
    p.onDraft({ ...draft, order: next, moved: t(lang, 'console.card.moved', { item: label(item), n: i + by + 1 }) });
    // Keep the keyboard on the item that moved (the re-render may have moved its node); ids are [a-z0-9-], safe in a selector.
    const refocus = () => {
      const row = list?.querySelector(`[data-item="${item}"]`);
      (row?.querySelector<HTMLButtonElement>(`button.${by < 0 ? 'up' : 'down'}:not([disabled])`) ?? row?.querySelector<HTMLButtonElement>('button:not([disabled])'))?.focus();
    };
    refocus();
    globalThis.requestAnimationFrame?.(refocus);
  };
  return html`<fieldset aria-labelledby=${`decision-${d.id}`}>
    <p class="hint">${t(lang, 'console.card.rankHint')}</p>
    <ol class="ranking">
      ${repeat(
        order,
        (id) => id,
        (id, i) => html`<li data-item=${id}>
          <span class="rank">${i + 1}</span>
          <span class="item">${label(id)}</span>
          <button type="button" class="up" aria-label=${t(lang, 'console.card.moveUp', { item: label(id) })} ?disabled=${i === 0} @click=${(e: Event) => move(e, i, -1)}>↑</button>
          <button type="button" class="down" aria-label=${t(lang, 'console.card.moveDown', { item: label(id) })} ?disabled=${i === order.length - 1} @click=${(e: Event) => move(e, i, 1)}>↓</button>
        </li>`,
      )}
    </ol>
    <p class="visually-hidden" aria-live="polite">${draft.moved ?? ''}</p>
  </fieldset>`;
}

/** A written report: a textarea held to the decision's limit, with a counter of what is left. */
function reportForm(p: CardProps) {
  const { lang, decision: d, draft } = p;
  const max = d.report?.maxChars ?? MAX_DECISION_REPORT_CHARS;
  const text = draft.text ?? '';
  const counterId = `report-count-${d.id}`;
  return html`<fieldset aria-labelledby=${`decision-${d.id}`}>
    <label class="report-answer">
      <span>${t(lang, 'console.card.reportLabel')}</span>
      <textarea
        name=${`answer-${d.id}`}
        rows="8"
        maxlength=${max}
        aria-describedby=${counterId}
        .value=${live(text)}
        @input=${(e: Event) => p.onDraft({ ...draft, text: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
    </label>
    <p class="counter muted small" id=${counterId}>${t(lang, 'console.card.charCount', { n: [...text].length, max })}</p>
  </fieldset>`;
}

/** Each decision kind's form, its submit button's words, and how its score is explained. */
interface KindView {
  form: (p: CardProps) => TemplateResult | typeof nothing;
  submit: 'console.card.submit' | 'console.card.acknowledge';
  why: (lang: Lang, d: Decision, score: DecisionScore) => TemplateResult;
}

const KIND_VIEWS = {
  single: { form: choices, submit: 'console.card.submit', why: rubricWhy },
  multiple: { form: choices, submit: 'console.card.submit', why: rubricWhy },
  allocation: { form: allocation, submit: 'console.card.submit', why: rubricWhy },
  acknowledge: { form: () => nothing, submit: 'console.card.acknowledge', why: rubricWhy },
  number: { form: numberForm, submit: 'console.card.submit', why: numberWhy },
  ranking: { form: rankingForm, submit: 'console.card.submit', why: rankingWhy },
  report: { form: reportForm, submit: 'console.card.submit', why: reportWhy },
} satisfies Record<DecisionKind, KindView>;

function doneBody(p: CardProps) {
  const { lang, model, decision: d, world, score } = p;
  const state = world.decisions[d.id]!;
  const answered = state.outcome === 'answered';
  const took = answered && state.answerClock !== undefined && state.openClock !== undefined ? drillLength(lang, state.answerClock - state.openClock) : null;
  // Left open when the drill ended: scored as expired, so its expected answer may be shown.
  const endedOpen = state.status === 'open' && world.mode === 'debrief';
  return html`<p class="done-status ${answered ? 'answered' : 'expired'}">
      ${answered ? t(lang, 'console.card.answered', { took: took ?? '—' }) : t(lang, endedOpen ? 'console.card.endedOpen' : 'console.card.expired')}
    </p>
    ${answered
      ? html`${answerView(lang, model, d, t(lang, 'console.card.yourAnswer'), state.answer ?? {})}
          <p class="answered-by muted small">${t(lang, 'scores.answeredBy', { who: answeredByText(lang, state.answeredBy) })}</p>`
      : nothing}
    ${state.status === 'voided'
      ? html`<p class="done-status voided">${state.voided?.reason ? t(lang, 'facilitator.closed.voidedBecause', { reason: state.voided.reason }) : t(lang, 'console.decisionStatus.voided')}</p>`
      : nothing}
    ${state.status === 'scored' || endedOpen ? scored(lang, model, d, score, seatSees(world), answered ? (state.answer ?? {}) : null) : nothing}`;
}

/**
 * An answer under its label: one option or allocation per line when there are several, so a
 * multiple choice reads as a list, not a run-on sentence.
 */
export function answerView(lang: Lang, model: Model, d: Decision | undefined, label: string, answer: Answer) {
  const lines = answerParts(lang, model, d, answer);
  if (lines.length < 2) return html`<p><span class="label">${label}</span> ${answerText(lang, model, d, answer)}</p>`;
  return html`<div class="answer-block"><span class="label">${label}</span>
    <ul class="answer-lines">${lines.map((x) => html`<li>${x}</li>`)}</ul>
  </div>`;
}

/**
 * What the seat left out of the plan's expected answer, and what each would have done: the expected
 * options not chosen with their effects in words, or the expected allocations not made.
 */
export function missedView(lang: Lang, model: Model, d: Decision, answer: Answer) {
  if (d.kind === 'allocation') {
    const sent = new Set((answer.allocations ?? []).map((a) => `${a.team}→${a.to}`));
    const missed = (d.expected.allocations ?? []).filter((a) => !sent.has(`${a.team}→${a.to}`));
    if (missed.length === 0) return nothing;
    return html`<div class="missed"><span class="label">${t(lang, 'working.allocationsMissed')}</span>
      <ul class="answer-lines">${missed.map((a) => html`<li>${effectText(lang, model, { do: 'dispatch', team: a.team, to: a.to, count: 1 })}</li>`)}</ul>
    </div>`;
  }
  if (d.kind !== 'multiple' && d.kind !== 'single') return nothing;
  const chosen = new Set(answer.options ?? []);
  const missed = d.options.filter((o) => (d.expected.options ?? []).includes(o.id) && !chosen.has(o.id));
  if (missed.length === 0) return nothing;
  const would = (o: Decision['options'][number]) =>
    o.effects.length === 0
      ? t(lang, 'working.missedNothing', { option: pick(lang, o.label) })
      : t(lang, 'working.missedWould', { option: pick(lang, o.label), effects: o.effects.map((e) => effectText(lang, model, e)).join(t(lang, 'working.effectSeparator')) });
  return html`<div class="missed"><span class="label">${t(lang, 'working.missed')}</span>
    <ul class="answer-lines">${missed.map((o) => html`<li>${would(o)}</li>`)}</ul>
  </div>`;
}

/** The plan's expected answer under its label; for a report, the points the evaluator looks for. */
function expectedView(lang: Lang, model: Model, d: Decision) {
  if (d.kind !== 'report') return answerView(lang, model, d, t(lang, 'console.card.expected'), expectedOf(d));
  return html`<div class="answer-block"><span class="label">${t(lang, 'console.card.expected')}</span>
    <ul class="answer-lines">${(d.report?.points ?? []).map((x) => html`<li>${t(lang, 'console.card.reportPoint', { text: pick(lang, x.text), points: x.points })}</li>`)}</ul>
  </div>`;
}

/**
 * Only for a scored decision: the expected answer, what was missed of it, the score and why, as far
 * as the seat may see them. The why (rubric lines, consequences) tells the plan's answer in other
 * words, so it comes with the expected answer, not with the score alone.
 */
function scored(lang: Lang, model: Model, d: Decision, score: DecisionScore | undefined, sees: Readonly<World['visibility']>, answer: Answer | null) {
  if (!sees.answers && !sees.scores) return html`<p class="muted small">${t(lang, 'facilitator.hidden.answers')}</p>`;
  return html`<section class="scored" aria-label=${t(lang, 'console.card.scoreRegion')}>
    ${sees.answers ? html`${expectedView(lang, model, d)} ${answer ? missedView(lang, model, d, answer) : nothing}` : nothing}
    ${sees.scores && score?.pendingEvaluation ? html`<p class="pending-evaluation">${t(lang, 'console.card.pendingEvaluation')}</p>` : nothing}
    ${sees.scores && score && score.total !== null
      ? html`<p class="score-line">
            <span class="label">${t(lang, 'console.card.score')}</span>
            <strong class="score-value">${score.total}</strong>
            <span class="rating rating-${score.rating}">${ratingLabel(lang, score.rating)}</span>
            ${score.provisional ? provisionalMark(lang, score.horizonMs) : nothing}
          </p>
          ${sees.answers ? whyView(lang, model, score) : nothing}`
      : nothing}
  </section>`;
}

/** Why a decision scored what it did: the rubric lines it matched, the times, the three parts. */
export function whyView(lang: Lang, model: Model, score: DecisionScore) {
  const times = score.times;
  const d = model.decisions.get(score.id);
  return html`<div class="why">
    <p class="parts">
      ${t(lang, 'console.card.parts', {
        correctness: (score.correctness ?? 0).toFixed(2),
        timeliness: (score.timeliness ?? 0).toFixed(2),
        consequence: (score.consequence ?? 0).toFixed(2),
      })}
    </p>
    <p class="times">
      ${times.answeredClock !== null && times.openedClock !== null
        ? t(lang, 'working.timesAnswered', {
            took: drillLength(lang, times.answeredClock - times.openedClock),
            target: times.targetMs === null ? '—' : drillLength(lang, times.targetMs),
            deadline: times.deadline ?? '—',
          })
        : t(lang, 'working.timesExpired', { deadline: times.deadline ?? '—' })}
      ${times.extendedMs > 0 ? t(lang, 'working.extended', { by: drillLength(lang, times.extendedMs) }) : nothing}
    </p>
    ${d ? KIND_VIEWS[d.kind].why(lang, d, score) : rubricWhy(lang, d, score)}
    <details class="explanation">
      <summary>${t(lang, 'console.card.working')}</summary>
      <ul>
        ${workingLines(lang, model, score).map((line) => html`<li>${line}</li>`)}
      </ul>
    </details>
  </div>`;
}

/** The rubric lines the answer matched (single, multiple, allocation, acknowledge). */
function rubricWhy(lang: Lang, _d: Decision | undefined, score: DecisionScore) {
  return score.rubric.matched.length > 0
    ? html`<ul class="rubric" aria-label=${t(lang, 'console.card.rubric')}>
        ${score.rubric.matched.map((m) => html`<li><span class="points ${m.points < 0 ? 'negative' : ''}">${m.points >= 0 ? '+' : ''}${m.points}</span> ${pick(lang, m.because)}</li>`)}
      </ul>`
    : html`<p class="muted">${t(lang, 'console.card.noRubric', { max: score.rubric.maxPoints })}</p>`;
}

/** A number against the plan's, with the tolerance that gave full credit and the distance that gives none. */
function numberWhy(lang: Lang, d: Decision, score: DecisionScore) {
  const n = d.number;
  const unit = n ? pick(lang, n.unit) : '';
  const shown = (x: number | undefined) => (x === undefined ? '—' : `${x} ${unit}`.trim());
  return html`<p class="measure">${t(lang, 'console.card.measureNumber', {
    value: shown(score.answer?.value),
    expected: shown(n?.expected),
    tolerance: shown(n?.tolerance),
    double: shown(n === undefined ? undefined : 2 * n.tolerance),
  })}</p>`;
}

function rankingWhy(lang: Lang, _d: Decision, score: DecisionScore) {
  return html`<p class="measure">${t(lang, 'console.card.measureRanking', { value: (score.correctness ?? 0).toFixed(2) })}</p>`;
}

/** The report's points, ticked or not, as the evaluator marked them. */
function reportWhy(lang: Lang, d: Decision, score: DecisionScore) {
  const ticked = new Set(score.ticked ?? []);
  const points = d.report?.points ?? [];
  return html`<p class="measure">${t(lang, ticked.size ? 'console.card.measureReport' : 'console.card.noPointTicked')}</p>
    <ul class="rubric report-points">
      ${points.map((x) => html`<li class=${ticked.has(x.id) ? 'ticked' : 'unticked'}>${ticked.has(x.id) ? '✓' : '✗'} ${t(lang, 'console.card.reportPoint', { text: pick(lang, x.text), points: x.points })}</li>`)}
    </ul>`;
}

/** Drill time, for cards and tables. */
export const clockText = (ms: number | undefined) => (ms === undefined ? '—' : drillTime(ms));
