// A seat's screen (参演席位): the decisions that are its own, open ones first with their countdowns,
// a new one announcing itself; what it may send of its own accord (orders, reports, the level, the
// HQ's moves); what it has been told (the injects addressed to it or to its working groups, with
// their question and media); its inbox and what it sent; its teams and where they are. The HQ sees
// the map. The evaluator (评估人员) and the observer (观摩) get read-only views of the whole drill
// instead, the observer with the map.
import { html, nothing } from 'lit-html';
import type { DrillEvent, LogEntry, Model, Policy, World } from '../../core/index.ts';
import type { Inject } from '../../scenario/index.ts';
import { drillTime, type DrillScore } from '../../scoring/index.ts';
import { scenarioTime } from '../format.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { EVALUATOR, OBSERVER, emptyDraft, type Draft, type MessageDraft } from '../store.ts';
import { clockBar } from './clock-bar.ts';
import { composeView } from './compose.ts';
import { decisionCard } from './decision-card.ts';
import { decisionCue, unseenFor } from './decision-cue.ts';
import { decisionsOf, figuresOf, injectsFor, mediaUrl, seatInfo, teamSummary, teamTypesFor, TEAM_STATUSES } from './drill-data.ts';
import { inboxView, sentView } from './inbox.ts';
import { reportTicks } from './report-ticks.ts';
import { mapFrame } from './map-slot.ts';
import { incidentList } from './incident-list.ts';
import { plotPanel } from './plot-tool.ts';
import { capabilitiesTable, decisionScoresList, figuresView, unitsTable } from './scores.ts';
import { notesPanel, type ReviewOutcome } from './notes.ts';
import { selfAssessmentForm } from './self-assessment.ts';
import type { ReviewEvent, ReviewRecord } from '../../review/record.ts';
import { placeName, policyLabel, seatKindLabel, seatName, teamName } from './words.ts';

export interface SeatProps {
  lang: Lang;
  model: Model;
  world: Readonly<World>;
  log: readonly LogEntry[];
  /** The scenario file, to find media files beside it. */
  file: string;
  seat: string;
  speed: number;
  scores: DrillScore | null;
  drafts: Record<string, Draft>;
  /** Whether answers go in as the facilitator's, for this seat (导调代答). */
  onBehalf: boolean;
  /** Offers 导调代答 (false: a server drill's seat, or a role that answers for none). */
  canBehalf?: boolean;
  /** Orders and reports being written (store.compose). */
  compose: Readonly<Record<string, MessageDraft>>;
  /** Messages read and new decisions acknowledged (store.read, store.seenDecisions). */
  read: Readonly<Record<string, true>>;
  seen: Readonly<Record<string, true>>;
  sound: boolean;
  /** This tab follows a drill another one holds: nothing can be sent from here. */
  readOnly: boolean;
  /** How many rows the inbox and the sent list show (store.listLimits); absent, their latest only. */
  listLimits?: Readonly<Record<string, number>>;
  /** The drill's review record (notes, self-assessments): its own stream, beside the log; none in a replay. */
  review?: {
    record: ReviewRecord;
    add: (actor: string, event: ReviewEvent) => ReviewOutcome;
    /** Why the record could not be kept in this browser, if it could not. */
    problem?: string | null;
  };
  on: {
    draft: (decision: string, draft: Draft) => void;
    submit: (decision: string) => void;
    behalf: (onBehalf: boolean) => void;
    compose: (key: string, draft: MessageDraft) => void;
    /** Sends the event as this seat; true when the authority accepted it. */
    send: (event: DrillEvent) => boolean;
    read: (keys: string[]) => void;
    seen: (keys: string[]) => void;
    sound: (on: boolean) => void;
    listLimit?: (key: string, limit: number) => void;
  };
}

export function seatView(p: SeatProps) {
  if (p.seat === EVALUATOR) return evaluatorView(p);
  if (p.seat === OBSERVER) return observerView(p);
  const { lang, model, world, review } = p;
  const mail = { lang, model, world, log: p.log, seat: p.seat, limits: p.listLimits, onLimit: p.on.listLimit };
  const info = seatInfo(model.scenario, p.seat);
  if (!info) return html`<p class="empty">${t(lang, 'console.seat.unknown', { seat: p.seat })}</p>`;
  const policy: Policy | undefined = world.seats[p.seat];
  const { open, done } = decisionsOf(model.scenario, world, p.seat);
  const card = (d: (typeof open)[number]) =>
    decisionCard({
      lang,
      model,
      world,
      decision: d,
      draft: p.drafts[d.id] ?? emptyDraft(),
      score: p.scores?.decisions[d.id],
      policy,
      onDraft: (draft) => p.on.draft(d.id, draft),
      onSubmit: () => p.on.submit(d.id),
    });
  return html`<div class="seat-screen">
    <header class="seat-head">
      <p class="eyebrow">${seatKindLabel(lang, info.kind)}${info.seat ? html` · ${pick(lang, info.seat)}` : nothing}</p>
      <h1>${pick(lang, info.name)}</h1>
      ${policy ? html`<p class="bot-note">${t(lang, 'console.seat.botPlays', { policy: policyLabel(lang, policy) })}</p>` : nothing}
      ${p.canBehalf === false
        ? nothing
        : html`<label class="small"><input type="checkbox" .checked=${p.onBehalf} @change=${(e: Event) => p.on.behalf((e.target as HTMLInputElement).checked)} /> ${t(lang, 'console.seat.onBehalf')}</label>`}
    </header>
    ${clockBar(lang, model, world, p.speed)}
    ${decisionCue({ lang, unseen: unseenFor(model, world, p.seat, p.seen), sound: p.sound, on: { seen: p.on.seen, sound: p.on.sound } })}
    <div class="seat-grid">
      <div class="seat-main">
        ${review && world.mode === 'debrief' ? selfAssessmentForm({ lang, seat: p.seat, record: review.record, onSubmit: (event) => review.add(p.seat, event) }) : nothing}
        ${p.seat === model.hq ? mapPanel(lang, model, world) : nothing}
        ${plotPanel({ lang, model, world, actor: p.seat, viewer: p.seat, readOnly: p.readOnly, send: p.on.send })}
        <section class="panel" aria-labelledby="seat-open-heading">
          <h2 id="seat-open-heading">${t(lang, 'console.seat.open')} <span class="count">${open.length}</span></h2>
          ${open.length === 0 ? html`<p class="empty">${t(lang, 'console.seat.noOpen')}</p>` : html`<div class="cards-list">${open.map(card)}</div>`}
        </section>
        ${composeView({ lang, model, world, seat: p.seat, drafts: p.compose, readOnly: p.readOnly, on: { draft: p.on.compose, send: p.on.send } })}
        <section class="panel" aria-labelledby="seat-done-heading">
          <h2 id="seat-done-heading">${t(lang, 'console.seat.done')} <span class="count">${done.length}</span></h2>
          ${done.length === 0 ? html`<p class="empty">${t(lang, 'console.seat.noDone')}</p>` : html`<div class="cards-list">${done.map(card)}</div>`}
        </section>
      </div>
      <div class="seat-side">
        ${review ? notesPanel({ lang, model, record: review.record, viewer: p.seat }) : nothing}
        ${inboxView({ ...mail, read: p.read, onRead: p.on.read })}
        ${injectsView(lang, model, world, p.file, toldScript(world, injectsFor(model, world, p.seat), p.seat), 'seat-injects-heading')}
        ${resourcesView(lang, model, world, p.seat)} ${sentView(mail)}
      </div>
    </div>
  </div>`;
}

/** The situation map, for the HQ (one slot per screen: app.ts mounts the map into it). */
const mapPanel = (lang: Lang, model: Model, world: Readonly<World>) =>
  html`<section class="panel seat-map" aria-labelledby="seat-map-heading">
    <h2 id="seat-map-heading">${t(lang, 'seat.map.heading')}</h2>
    ${mapFrame(lang)} ${incidentList(lang, model, world)}
  </section>`;

/** The prepared injects as told: one the facilitator edited and sent to this very seat is in its inbox, with the edited words. */
const toldScript = (world: Readonly<World>, injects: Inject[], seat: string): Inject[] =>
  injects.filter((x) => !world.injects[x.id]?.edit || !world.messages.some((m) => m.kind === 'inject' && m.inject === x.id && m.to === seat));

/** Injects as the recipients read them: title, when, how, the narrative, the question, the media. */
export function injectsView(lang: Lang, model: Model, world: Readonly<World>, file: string, injects: Inject[], headingId: string) {
  return html`<section class="panel" aria-labelledby=${headingId}>
    <h2 id=${headingId}>${t(lang, 'console.seat.told')} <span class="count">${injects.length}</span></h2>
    ${injects.length === 0
      ? html`<p class="empty">${t(lang, 'console.seat.toldNone')}</p>`
      : html`<ol class="told" reversed>
          ${injects.map((x) => {
            const s = world.injects[x.id]!;
            return html`<li>
              <article class="inject-card" aria-labelledby=${`inject-${x.id}`}>
                <p class="meta">
                  <span class="mono">${scenarioTime(s.scenarioMs ?? 0)}</span>
                  <span class="muted">${t(lang, 'console.seat.toldAt', { time: drillTime(s.clock ?? 0) })}</span>
                  <span class="tag">${t(lang, `console.via.${x.via}`)}</span>
                </p>
                <h3 id=${`inject-${x.id}`}>${s.edit?.title ?? pick(lang, x.title)}</h3>
                <p>${s.edit?.narrative ?? pick(lang, x.narrative)}</p>
                ${x.media ? media(lang, file, x.media) : nothing}
                ${x.question ? html`<p class="question"><span class="label">${t(lang, 'console.seat.question')}</span> ${pick(lang, x.question)}</p>` : nothing}
                <p class="muted small">${t(lang, 'console.seat.to', { to: x.to.map((to) => seatName(lang, model, to)).join(t(lang, 'org.listSeparator')) })}</p>
              </article>
            </li>`;
          })}
        </ol>`}
  </section>`;
}

function media(lang: Lang, file: string, m: NonNullable<Inject['media']>) {
  const url = mediaUrl(file, m.file);
  if (!url) return nothing;
  const caption = m.caption ? pick(lang, m.caption) : '';
  const body =
    m.kind === 'image'
      ? html`<img src=${url} alt=${caption || t(lang, 'console.seat.mediaImage')} loading="lazy" />`
      : m.kind === 'video'
        ? html`<video src=${url} controls preload="metadata" aria-label=${caption || t(lang, 'console.seat.mediaVideo')}></video>`
        : html`<audio src=${url} controls preload="metadata" aria-label=${caption || t(lang, 'console.seat.mediaAudio')}></audio>`;
  return html`<figure class="media">${body}${caption ? html`<figcaption>${caption}</figcaption>` : nothing}</figure>`;
}

function resourcesView(lang: Lang, model: Model, world: Readonly<World>, seat: string) {
  const types = teamTypesFor(model, seat);
  return html`<section class="panel" aria-labelledby="seat-teams-heading">
    <h2 id="seat-teams-heading">${t(lang, 'console.seat.teams')}</h2>
    ${types.length === 0
      ? html`<p class="empty">${t(lang, 'console.seat.noTeams')}</p>`
      : html`<div class="scroll scroll-y">
          <table aria-labelledby="seat-teams-heading">
            <thead>
              <tr>
                <th scope="col">${t(lang, 'console.seat.team')}</th>
                ${TEAM_STATUSES.map((s) => html`<th scope="col" class="num">${t(lang, `console.team.${s}`)}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${types.map(({ unit, type }) => {
                const sum = teamSummary(world, type);
                const u = model.units.get(unit);
                return html`<tr>
                  <th scope="row">
                    ${teamName(lang, model, type)} <span class="muted small">${u && seat !== unit ? pick(lang, u.short ?? u.name) : ''}</span>
                    ${sum.busy.length > 0
                      ? html`<ul class="busy">
                          ${sum.busy.map(
                            (b) => html`<li>
                              ${t(lang, `console.team.${b.status}`)} → ${placeName(lang, model, b.target)}${b.status === 'en-route' && b.arriveMs !== undefined
                                ? html` <span class="muted">${t(lang, 'console.seat.eta', { time: scenarioTime(b.arriveMs) })}</span>`
                                : nothing}
                            </li>`,
                          )}
                        </ul>`
                      : nothing}
                  </th>
                  ${TEAM_STATUSES.map((s) => html`<td class="num">${sum.counts[s]}</td>`)}
                </tr>`;
              })}
            </tbody>
          </table>
        </div>`}
  </section>`;
}

/** 评估人员: every decision with its status and score, the roll-ups — read only, live — and the evaluators' notes. */
function evaluatorView(p: SeatProps) {
  const { lang, model, world, scores } = p;
  return html`<div class="seat-screen evaluator">
    <header class="seat-head">
      <p class="eyebrow">${t(lang, 'console.seat.readOnly')}</p>
      <h1>${t(lang, 'console.seats.evaluator')}</h1>
    </header>
    ${clockBar(lang, model, world, p.speed)} ${p.review ? evaluatorNotes(p, p.review) : nothing}
    ${p.review ? reportTicks({ lang, model, world, record: p.review.record, onTick: (event) => p.review!.add(EVALUATOR, event) }) : nothing}
    ${scores
      ? html`<div class="two-col">${capabilitiesTable(lang, model, scores)} ${unitsTable(lang, model, scores)}</div>
          ${decisionScoresList(lang, model, world, scores, { onlyStarted: true })}`
      : nothing}
  </div>`;
}

/** The evaluator writes a note at the drill's moment: its last entry and its clock as the note is added. */
function evaluatorNotes(p: SeatProps, review: NonNullable<SeatProps['review']>) {
  const add = (event: ReviewEvent) => review.add(EVALUATOR, event);
  return notesPanel({
    lang: p.lang,
    model: p.model,
    record: review.record,
    problem: review.problem,
    viewer: EVALUATOR,
    anchor: { seq: p.world.seq, t: p.world.t },
    onAdd: add,
    onPublish: (ids) => add({ type: 'publish-notes', ids }),
    onDelete: (id) => add({ type: 'delete-note', id }),
  });
}

/** 观摩: the situation — the figures, every inject delivered so far — and nothing to press. */
function observerView(p: SeatProps) {
  const { lang, model, world } = p;
  return html`<div class="seat-screen observer">
    <header class="seat-head">
      <p class="eyebrow">${t(lang, 'console.seat.readOnly')}</p>
      <h1>${t(lang, 'console.seats.observer')}</h1>
    </header>
    ${clockBar(lang, model, world, p.speed)} ${figuresView(lang, figuresOf(model, world))} ${mapPanel(lang, model, world)}
    ${plotPanel({ lang, model, world, actor: null, viewer: OBSERVER, readOnly: true, send: p.on.send })}
    ${injectsView(lang, model, world, p.file, injectsFor(model, world, null), 'observer-injects-heading')}
  </div>`;
}
