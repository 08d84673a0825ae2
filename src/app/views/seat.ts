// A seat's screen (参演席位): the decisions that are its own, open ones first with their countdowns;
// what it has been told (the injects addressed to it or to its working groups, with their question
// and media); its teams and where they are; the orders and reports it sent and received. The
// evaluator (评估人员) and the observer (观摩) get read-only views of the whole drill instead.
import { html, nothing } from 'lit-html';
import type { Model, Policy, World } from '../../core/index.ts';
import type { Inject } from '../../scenario/index.ts';
import { drillTime, type DrillScore } from '../../scoring/index.ts';
import { scenarioTime } from '../format.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { EVALUATOR, OBSERVER, emptyDraft, type Draft } from '../store.ts';
import { clockBar } from './clock-bar.ts';
import { decisionCard } from './decision-card.ts';
import { decisionsOf, figuresOf, injectsFor, mediaUrl, messagesOf, seatInfo, teamSummary, teamTypesFor, TEAM_STATUSES } from './drill-data.ts';
import { capabilitiesTable, decisionScoresList, figuresView, unitsTable } from './scores.ts';
import { placeName, policyLabel, seatKindLabel, seatName, teamName } from './words.ts';

export interface SeatProps {
  lang: Lang;
  model: Model;
  world: Readonly<World>;
  /** The scenario file, to find media files beside it. */
  file: string;
  seat: string;
  speed: number;
  scores: DrillScore | null;
  drafts: Record<string, Draft>;
  /** Whether answers go in as the facilitator's, for this seat (导调代答). */
  onBehalf: boolean;
  on: {
    draft: (decision: string, draft: Draft) => void;
    submit: (decision: string) => void;
    behalf: (onBehalf: boolean) => void;
  };
}

export function seatView(p: SeatProps) {
  if (p.seat === EVALUATOR) return evaluatorView(p);
  if (p.seat === OBSERVER) return observerView(p);
  const { lang, model, world } = p;
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
      <label class="small"><input type="checkbox" .checked=${p.onBehalf} @change=${(e: Event) => p.on.behalf((e.target as HTMLInputElement).checked)} /> ${t(lang, 'console.seat.onBehalf')}</label>
    </header>
    ${clockBar(lang, model, world, p.speed)}
    <div class="seat-grid">
      <div class="seat-main">
        <section class="panel" aria-labelledby="seat-open-heading">
          <h2 id="seat-open-heading">${t(lang, 'console.seat.open')} <span class="count">${open.length}</span></h2>
          ${open.length === 0 ? html`<p class="empty">${t(lang, 'console.seat.noOpen')}</p>` : html`<div class="cards-list">${open.map(card)}</div>`}
        </section>
        <section class="panel" aria-labelledby="seat-done-heading">
          <h2 id="seat-done-heading">${t(lang, 'console.seat.done')} <span class="count">${done.length}</span></h2>
          ${done.length === 0 ? html`<p class="empty">${t(lang, 'console.seat.noDone')}</p>` : html`<div class="cards-list">${done.map(card)}</div>`}
        </section>
      </div>
      <div class="seat-side">
        ${injectsView(lang, model, world, p.file, injectsFor(model, world, p.seat), 'seat-injects-heading')}
        ${resourcesView(lang, model, world, p.seat)} ${messagesView(lang, model, world, p.seat)}
      </div>
    </div>
  </div>`;
}

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
                <h3 id=${`inject-${x.id}`}>${pick(lang, x.title)}</h3>
                <p>${pick(lang, x.narrative)}</p>
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

function messagesView(lang: Lang, model: Model, world: Readonly<World>, seat: string) {
  const messages = messagesOf(world, seat);
  return html`<section class="panel" aria-labelledby="seat-messages-heading">
    <h2 id="seat-messages-heading">${t(lang, 'console.seat.messages')}</h2>
    ${messages.length === 0
      ? html`<p class="empty">${t(lang, 'console.seat.noMessages')}</p>`
      : html`<ul class="messages">
          ${messages.map(
            (m) => html`<li>
              <span class="mono">${drillTime(m.clock)}</span>
              <span class="tag">${t(lang, `console.message.${m.kind}`)}</span>
              ${m.from === seat
                ? t(lang, 'console.seat.sentTo', { to: seatName(lang, model, m.to) })
                : t(lang, 'console.seat.receivedFrom', { from: senderName(lang, model, m.from) })}
              ${m.text ? html`<span class="message-text">${m.text}</span>` : nothing}
            </li>`,
          )}
        </ul>`}
  </section>`;
}

/** Who sent a message: a seat, or the seat whose decision's effect it was (a notify from 'd01-level' or 'd01-level:expired'). */
function senderName(lang: Lang, model: Model, from: string): string {
  const owner = model.decisions.get(from.split(':')[0]!)?.owner;
  return seatName(lang, model, owner ?? from);
}

/** 评估人员: every decision with its status and score, the roll-ups — read only, live. */
function evaluatorView(p: SeatProps) {
  const { lang, model, world, scores } = p;
  return html`<div class="seat-screen evaluator">
    <header class="seat-head">
      <p class="eyebrow">${t(lang, 'console.seat.readOnly')}</p>
      <h1>${t(lang, 'console.seats.evaluator')}</h1>
    </header>
    ${clockBar(lang, model, world, p.speed)}
    ${scores
      ? html`<div class="two-col">${capabilitiesTable(lang, model, scores)} ${unitsTable(lang, model, scores)}</div>
          ${decisionScoresList(lang, model, world, scores, { onlyStarted: true })}`
      : nothing}
  </div>`;
}

/** 观摩: the situation — the figures, every inject delivered so far — and nothing to press. */
function observerView(p: SeatProps) {
  const { lang, model, world } = p;
  return html`<div class="seat-screen observer">
    <header class="seat-head">
      <p class="eyebrow">${t(lang, 'console.seat.readOnly')}</p>
      <h1>${t(lang, 'console.seats.observer')}</h1>
    </header>
    ${clockBar(lang, model, world, p.speed)} ${figuresView(lang, figuresOf(model, world))}
    ${injectsView(lang, model, world, p.file, injectsFor(model, world, null), 'observer-injects-heading')}
  </div>`;
}
