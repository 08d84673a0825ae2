// The replay view (复盘回放): a scrubber over the drill's record with its markers (node, inject,
// decision, answer, level change, arrival, note) as ticks and as a list, playback at 1×/10×/60×, a
// step entry by entry, and — exactly as they stood under the playhead — the console, any seat's view,
// the scoreboard or the map, all read-only; beside them the evaluators' notes at the playhead, the
// what-if branch and, for a branch, the comparison with the drill it came from.
import { html, nothing, type TemplateResult } from 'lit-html';
import { FACILITATOR } from '../../core/index.ts';
import type { Trust } from '../../review/log-file.ts';
import type { Marker } from '../../review/markers.ts';
import type { ReviewRecord } from '../../review/record.ts';
import { drillTime, scenarioTime } from '../format.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { REVIEW_SPEEDS, type ReviewSession, type ReviewSource, type ReviewSpeed } from '../review/review-session.ts';
import { compareDrills, ComparisonRefused, type DrillInput } from '../../review/compare.ts';
import { compareView } from './compare.ts';
import { EVALUATOR, OBSERVER, REVIEW_VIEWS, type LogFilter, type ReviewView } from '../store.ts';
import { consoleView } from './console.ts';
import { figuresOf, seatsOf } from './drill-data.ts';
import { incidentList } from './incident-list.ts';
import { mapFrame } from './map-slot.ts';
import { screenBody } from './persist-banner.ts';
import { scoreboardView } from './scoreboard.ts';
import { figuresView } from './scores.ts';
import { seatView } from './seat.ts';

export interface ReviewProps {
  lang: Lang;
  review: ReviewSession;
  view: ReviewView;
  /** The seat the seat view shows (a seat id, EVALUATOR or OBSERVER); null: the HQ. */
  seat: string | null;
  /** The evaluators' notes at the playhead (views/notes.ts), placed beside the replay. */
  notes: TemplateResult | typeof nothing;
  /** The drill's review record, for the replayed seat screens' own note panels (inert here). */
  record: ReviewRecord;
  /** The comparison with the parent drill, when open. */
  comparison: TemplateResult | null;
  /** A what-if may start here (not in a tab that only follows another, nor while a saved drill comes back). */
  canBranch: boolean;
  /** Whether this drill has a parent to compare with, and whether the comparison is open. */
  compare: { open: boolean } | null;
  /** The replayed log's filter and window, and how many rows the seat's lists show (the store's, as live). */
  logFilter: LogFilter;
  listLimits: Readonly<Record<string, number>>;
  on: {
    seek: (t: number) => void;
    play: () => void;
    pause: () => void;
    speed: (speed: ReviewSpeed) => void;
    step: (dir: 1 | -1) => void;
    jump: (marker: Marker) => void;
    view: (view: ReviewView) => void;
    seat: (seat: string) => void;
    branch: () => void;
    compare: (open: boolean) => void;
    logFilter: (filter: Partial<LogFilter>) => void;
    listLimit: (key: string, limit: number) => void;
  };
}

/** The scrubber moves in whole seconds (its arrow keys); markers and steps reach any millisecond. */
const SCRUB_STEP_MS = 1_000;

export function reviewView(p: ReviewProps) {
  const { lang, review } = p;
  const { world, model } = review.exercise;
  const { header } = review.source;
  return html`<div class="review" data-review>
    <header class="seat-head review-head">
      <p class="eyebrow">${pick(lang, model.scenario.meta.title)} · ${t(lang, 'review.drill', { drill: header.drill })}</p>
      <h1>${t(lang, 'review.heading')}</h1>
      ${header.parent ? html`<p class="bot-note" data-what-if>${t(lang, 'review.branchOf', { drill: header.parent.drill, seq: header.parent.seq })}</p>` : nothing}
      ${trustBadge(lang, review.source.trust)}
    </header>
    <section class="panel review-controls" aria-label=${t(lang, 'review.controls')}>
      <p class="review-time mono" data-review-time aria-live="off">${t(lang, 'review.time', { log: drillTime(review.t), drill: drillTime(world.clock), scenario: scenarioTime(world.scenarioMs) })}</p>
      ${scrubber(p)} ${playback(p)}
    </section>
    <div class="review-grid">
      <div class="review-main">
        ${viewSwitcher(p)}
        <p class="hint">${t(lang, 'review.readOnly')}</p>
        ${screenBody(null, true, replayed(p))}
      </div>
      <aside class="review-side">
        ${branchPanel(p)} ${p.notes} ${markerList(p)}
      </aside>
    </div>
    ${p.comparison ?? nothing}
  </div>`;
}

export function trustBadge(lang: Lang, trust: Trust) {
  const text =
    trust.kind === 'verified'
      ? t(lang, 'review.trust.verified')
      : trust.kind === 'unchained'
        ? t(lang, 'review.trust.unchained')
        : trust.line === 0
          ? t(lang, 'review.trust.brokenSession')
          : t(lang, `review.trust.broken.${trust.part}`, { line: trust.line, seq: trust.seq ?? '' });
  return html`<p class="trust trust-${trust.kind}" data-trust=${trust.kind} role=${trust.kind === 'broken' ? 'alert' : nothing} title=${trust.kind === 'broken' ? trust.reason : nothing}>
    <span>${text}</span>
    ${trust.kind === 'verified' ? html` <span class="muted small mono" title=${trust.final}>${t(lang, 'review.trust.final', { hash: trust.final.slice(0, 16) })}</span>` : nothing}
  </p>`;
}

function scrubber(p: ReviewProps) {
  const { lang, review } = p;
  const { world } = review.exercise;
  const end = Math.max(review.end, 1);
  const max = Math.ceil(end / SCRUB_STEP_MS) * SCRUB_STEP_MS;
  const at = (x: number) => `${((100 * x) / max).toFixed(3)}%`;
  const words = markerWords(lang, review);
  return html`<div class="scrubber">
    <input
      type="range"
      data-scrubber
      min="0"
      max=${max}
      step=${SCRUB_STEP_MS}
      .value=${String(review.t)}
      aria-label=${t(lang, 'review.scrubber')}
      aria-valuetext=${t(lang, 'review.scrubberValue', { log: drillTime(review.t), drill: drillTime(world.clock), scenario: scenarioTime(world.scenarioMs) })}
      @input=${(e: Event) => p.on.seek(Number((e.target as HTMLInputElement).value))}
    />
    <div class="paused-bands">
      ${review.paused.map(
        (s) => html`<span class="paused-band" data-paused style="left: ${at(s.from)}; width: ${at(s.to - s.from)}" title=${t(lang, 'review.paused', { from: drillTime(s.from), to: drillTime(s.to) })}></span>`,
      )}
    </div>
    <div class="marker-ticks">
      ${review.markers.map((m, i) => {
        const { title } = words[i]!;
        return html`<button
          type="button"
          tabindex="-1"
          class="marker-tick marker-${m.kind}"
          data-marker-kind=${m.kind}
          style="left: ${at(m.t)}"
          title=${title}
          aria-label=${title}
          @click=${() => p.on.jump(m)}
        ></button>`;
      })}
    </div>
    <div class="scrubber-ends muted small mono">
      <span>${t(lang, 'review.logTime', { time: drillTime(0) })}</span><span>${t(lang, 'review.logTime', { time: drillTime(review.end) })}</span>
    </div>
  </div>`;
}

/** A marker's words: its time as the room knew it (the drill clock) and its title, with the record's log time beside. */
interface MarkerWords {
  time: string;
  title: string;
}

/** The markers' words, made once per marker list (a new one when the notes change) and language, not on every scrub. */
const worded = new WeakMap<readonly Marker[], { lang: Lang; words: MarkerWords[] }>();

function markerWords(lang: Lang, review: ReviewSession): MarkerWords[] {
  const markers = review.markers;
  const kept = worded.get(markers);
  if (kept?.lang === lang) return kept.words;
  const words = markers.map((m) => {
    const time = t(lang, 'review.markerTime', { drill: drillTime(review.drillClockAt(m.t)) });
    return { time, title: t(lang, 'review.markerTitle', { time, log: drillTime(m.t), kind: t(lang, `review.marker.${m.kind}`), label: pick(lang, m.label) }) };
  });
  worded.set(markers, { lang, words });
  return words;
}

function playback(p: ReviewProps) {
  const { lang, review } = p;
  return html`<div class="review-playback">
    <button type="button" class="primary" data-play aria-pressed=${review.playing ? 'true' : 'false'} @click=${() => (review.playing ? p.on.pause() : p.on.play())}>
      ${t(lang, review.playing ? 'review.pause' : 'review.play')}
    </button>
    <button type="button" data-step="-1" ?disabled=${review.t <= 0} @click=${() => p.on.step(-1)}>${t(lang, 'review.stepBack')}</button>
    <button type="button" data-step="1" ?disabled=${review.t >= review.end} @click=${() => p.on.step(1)}>${t(lang, 'review.stepForward')}</button>
    <span class="speed" role="group" aria-label=${t(lang, 'review.speed')}>
      <span class="muted">${t(lang, 'review.speed')}</span>
      ${REVIEW_SPEEDS.map(
        (n) => html`<button type="button" data-speed=${n} aria-pressed=${review.speed === n ? 'true' : 'false'} @click=${() => p.on.speed(n)}>${t(lang, 'review.speedValue', { n })}</button>`,
      )}
    </span>
  </div>`;
}

function viewSwitcher(p: ReviewProps) {
  const { lang, review } = p;
  const { model } = review.exercise;
  const seat = p.seat ?? model.hq;
  return html`<div class="review-views">
    <div role="group" aria-label=${t(lang, 'review.views')}>
      ${REVIEW_VIEWS.map(
        (v) => html`<button type="button" data-review-view=${v} aria-pressed=${p.view === v ? 'true' : 'false'} @click=${() => p.on.view(v)}>${t(lang, `review.view.${v}`)}</button>`,
      )}
    </div>
    <label class="review-seat">
      <span>${t(lang, 'review.seat')}</span>
      <select data-review-seat @change=${(e: Event) => p.on.seat((e.target as HTMLSelectElement).value)}>
        ${seatsOf(model.scenario).map((s) => html`<option value=${s.id} ?selected=${seat === s.id}>${pick(lang, s.name)}</option>`)}
        <option value=${EVALUATOR} ?selected=${seat === EVALUATOR}>${t(lang, 'console.seats.evaluator')}</option>
        <option value=${OBSERVER} ?selected=${seat === OBSERVER}>${t(lang, 'console.seats.observer')}</option>
      </select>
    </label>
  </div>`;
}

const noop = () => {};

/** The chosen view of the drill as it stood: the live views themselves, fed the seeked world, every handler inert. */
function replayed(p: ReviewProps): TemplateResult {
  const { lang, review } = p;
  const { model, world, log } = review.exercise;
  // review.scores scores the drill up to the playhead: asked for only by the views that show them.
  switch (p.view) {
    case 'console':
      return consoleView({
        lang,
        model,
        world,
        log,
        speed: 1,
        logFilter: p.logFilter,
        mapNode: null,
        confirmEnd: false,
        confirmNext: false,
        injectForm: null,
        deadlineMs: 2 * 60_000,
        on: { control: () => false, speed: noop, goSeat: noop, logFilter: p.on.logFilter, mapNode: noop, shortcuts: noop, confirmEnd: noop, confirmNext: noop, debrief: noop, injectForm: noop, deadlineMs: noop },
      });
    case 'seat':
      return seatView({
        lang,
        model,
        world,
        log,
        file: review.source.file,
        seat: p.seat ?? model.hq,
        speed: 1,
        scores: review.scores,
        drafts: {},
        onBehalf: false,
        compose: {},
        read: {},
        seen: {},
        sound: false,
        readOnly: true,
        listLimits: p.listLimits,
        on: { draft: noop, submit: noop, behalf: noop, compose: noop, send: () => false, read: noop, seen: noop, sound: noop, listLimit: p.on.listLimit },
      });
    case 'scoreboard':
      // The review shows the scores as they stood even where the room did not see them then.
      return html`${world.visibility.scores ? nothing : html`<p class="hint">${t(lang, 'review.scoresHidden')}</p>`}
      ${scoreboardView(lang, model, { ...world, visibility: { ...world.visibility, scores: true } }, 1, review.scores)}`;
    case 'map':
      return html`<section class="panel map-panel review-map" aria-label=${t(lang, 'review.view.map')}>
        ${mapFrame(lang, 'large')} ${figuresView(lang, figuresOf(model, world))} ${incidentList(lang, model, world)}
      </section>`;
  }
}

/** Whose plotted marks the replayed map shows: the seat on show, else the facilitator's (everything). */
export const reviewViewer = (view: ReviewView, seat: string | null, hq: string): string => (view === 'seat' ? (seat ?? hq) : FACILITATOR);

function branchPanel(p: ReviewProps) {
  const { lang } = p;
  return html`<section class="panel review-branch">
    <button type="button" class="primary" data-branch ?disabled=${!p.canBranch} @click=${p.on.branch}>${t(lang, 'review.branch')}</button>
    <p class="hint">${t(lang, 'review.branchHint')}</p>
    ${p.compare
      ? html`<button type="button" data-compare aria-expanded=${p.compare.open ? 'true' : 'false'} @click=${() => p.on.compare(!p.compare!.open)}>
          ${t(lang, p.compare.open ? 'review.compareClose' : 'review.compare')}
        </button>`
      : nothing}
  </section>`;
}

function markerList(p: ReviewProps) {
  const { lang, review } = p;
  const markers = review.markers;
  const words = markerWords(lang, review);
  return html`<section class="panel review-markers" aria-labelledby="review-markers-heading">
    <h2 id="review-markers-heading">${t(lang, 'review.markers.heading')} <span class="count">${markers.length}</span></h2>
    ${markers.length === 0
      ? html`<p class="empty">${t(lang, 'review.markers.empty')}</p>`
      : html`<ol class="marker-list scroll-y">
          ${markers.map((m, i) => {
            const { time, title } = words[i]!;
            return html`<li>
              <button
                type="button"
                class="marker-item marker-${m.kind}"
                aria-current=${m.t === review.t ? 'true' : 'false'}
                aria-label=${t(lang, 'review.markers.jump', { title })}
                title=${t(lang, 'review.logTime', { time: drillTime(m.t) })}
                @click=${() => p.on.jump(m)}
              >
                <span class="mono">${time}</span> <span class="tag">${t(lang, `review.marker.${m.kind}`)}</span> ${pick(lang, m.label)}
              </button>
            </li>`;
          })}
        </ol>`}
  </section>`;
}

/** The parent of a what-if, to compare with: its record, or still being read, or not to be found. */
export type ParentRecord = ReviewSource | 'loading' | 'missing';

/** Comparisons made, by the drill under review's record: made once per parent and language (it replays both drills). */
const compared = new WeakMap<ReviewSource, { parent: ReviewSource; lang: Lang; view: TemplateResult }>();

/** The branch against its parent on aligned scenario time (H5's compareDrills): the deltas by unit, decision and capability. */
export function comparisonPanel(lang: Lang, review: ReviewSession, parent: ParentRecord): TemplateResult {
  const self = review.source;
  if (parent === 'loading') return html`<p class="hint" role="status">${t(lang, 'review.compareLoading')}</p>`;
  if (parent === 'missing') return html`<p class="hint" role="status">${t(lang, 'review.compareMissing', { drill: self.header.parent?.drill ?? '' })}</p>`;
  const cached = compared.get(self);
  if (cached && cached.parent === parent && cached.lang === lang) return cached.view;
  const input = (s: ReviewSource, label: string): DrillInput => ({ label, header: s.header, log: s.log, trust: s.trust });
  let view: TemplateResult;
  try {
    // The branch is `a`: every delta reads as what the what-if changed.
    const comparison = compareDrills(self.scenario, input(self, t(lang, 'review.labelThis')), input(parent, t(lang, 'review.labelParent')));
    view = html`<div data-comparison>${compareView({ lang, comparison })}</div>`;
  } catch (e) {
    if (!(e instanceof ComparisonRefused)) throw e;
    view = html`<p class="hint" role="alert">${lang === 'zh' ? e.zh : e.message}</p>`;
  }
  compared.set(self, { parent, lang, view });
  return view;
}
