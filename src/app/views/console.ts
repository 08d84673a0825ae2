// The facilitator console (导调台) for the 总策划 and the 控制人员: where the drill stands, the
// controls of the exercise (start, pause/resume, next node, end, fast-forward), the injects still
// to deliver, every seat's open decisions with their countdowns, who plays each seat (a person or a
// bot), and the log as it grows. Every control is an input to the session, so it is in the log.
// The facilitator also writes injects live or edits prepared ones before sending, voids and
// reopens decisions, hands every empty seat to bots at once, decides what the seats see of the
// scores and expected answers, and watches the command hierarchy's state (views/hierarchy.ts).
import { html, nothing } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { FACILITATOR, MAX_REPORT_CHARS, type CommandType, type DrillEvent, type LogEntry, type Model, type Policy, type World } from '../../core/index.ts';
import type { Decision } from '../../scenario/index.ts';
import { drillTime } from '../../scoring/index.ts';
import { scenarioTime } from '../format.ts';
import { pick, t, type Lang } from '../i18n.ts';
import type { InjectForm, LogFilter } from '../store.ts';
import { clockBar } from './clock-bar.ts';
import { logMarks, openDecisions, remainingMs, seatsOf } from './drill-data.ts';
import { hierarchyView } from './hierarchy.ts';
import { injectWriter } from './inject-writer.ts';
import { logView } from './log.ts';
import { timeNodeStripView } from '../map/strip.ts';
import { timeNodeStrip } from '../map/strip-model.ts';
import { mapFrame } from './map-slot.ts';
import { incidentList } from './incident-list.ts';
import { facilitatorPlot } from './plot-tool.ts';
import { endedPanel, nextNodeConfirm } from './next-node.ts';
import { POLICIES, policyLabel, seatKindLabel, seatName } from './words.ts';
import { notesPanel } from './notes.ts';
import type { ReviewRecord } from '../../review/record.ts';

export const SPEEDS = [1, 10, 60] as const;
/** The times, in minutes, the facilitator chooses from to extend a deadline or to reopen a decision. */
export const DEADLINE_MINUTES = [2, 5, 10, 15, 30] as const;

export interface ConsoleProps {
  lang: Lang;
  model: Model;
  world: Readonly<World>;
  log: readonly LogEntry[];
  speed: number;
  logFilter: LogFilter;
  mapNode: number | null;
  confirmEnd: boolean;
  /** Leaving the node early: the list of what it delivers at once, asking to confirm. */
  confirmNext: boolean;
  injectForm: InjectForm | null;
  /** What the deadline buttons add (延时) or give from now (重新开放), ms. */
  deadlineMs: number;
  /**
   * The evaluators' notes: the facilitator reads every one, private ones too, and decides when they
   * are published to the seats (for the 点评); writing them is the evaluators' (their seat screen).
   */
  review?: { record: ReviewRecord; publish: (ids: string[]) => void };
  /** What a server drill's role may use (控制人员: not the drill's flow); absent: everything. */
  can?: { command: (type: CommandType) => boolean; speed: boolean };
  on: {
    /** Sends the facilitator's command; true when the authority accepted it. */
    control: (event: DrillEvent) => boolean;
    speed: (speed: number) => void;
    goSeat: (seat: string) => void;
    logFilter: (filter: Partial<LogFilter>) => void;
    mapNode: (node: number | null) => void;
    shortcuts: () => void;
    confirmEnd: (open: boolean) => void;
    /** Opens (true) or closes the next-node confirmation. */
    confirmNext: (open: boolean) => void;
    debrief: () => void;
    injectForm: (form: InjectForm | null) => void;
    deadlineMs: (ms: number) => void;
  };
}

const may = (p: ConsoleProps, type: CommandType) => p.can?.command(type) ?? true;

export function consoleView(p: ConsoleProps) {
  const { lang } = p;
  return html`<div class="console">
    <h1 class="visually-hidden">${t(lang, 'console.heading')}</h1>
    ${clockBar(lang, p.model, p.world, p.speed)} ${controls(p)}
    <div class="console-grid">
      <div class="console-main">
        <section class="panel map-panel" aria-labelledby="map-heading">
          <div class="panel-head">
            <h2 id="map-heading">${t(lang, 'console.map.heading')}</h2>
          </div>
          ${mapFrame(lang)} ${incidentList(lang, p.model, p.world)} ${timeNodeStripView({ lang, nodes: timeNodeStrip(p.model, p.world), selected: p.mapNode, onSelect: p.on.mapNode })}
          ${facilitatorPlot({ lang, model: p.model, world: p.world, send: p.on.control })}
        </section>
        ${openDecisionsPanel(p)} ${hierarchyView(lang, p.model, p.world)} ${closedDecisionsPanel(p)}
        ${logView({ lang, model: p.model, log: p.log, marks: logMarks(p.model.scenario, p.log, () => p.world.rejections), filter: p.logFilter, onFilter: p.on.logFilter })}
      </div>
      <div class="console-side">
        ${injectsPanel(p)} ${seatsPanel(p)}
        ${p.review ? notesPanel({ lang, model: p.model, record: p.review.record, viewer: FACILITATOR, onPublish: p.review.publish }) : nothing}
      </div>
    </div>
  </div>`;
}

function controls(p: ConsoleProps) {
  const { lang, world } = p;
  const mode = world.mode;
  const under = mode === 'running' || mode === 'paused';
  return html`<section class="controls" aria-label=${t(lang, 'console.controls.label')}>
    ${may(p, 'pause') ? flowButtons(p) : nothing}
    ${p.can?.speed === false ? nothing : speedButtons(p)}
    <button type="button" class="ghost" aria-keyshortcuts="?" @click=${p.on.shortcuts}>${t(lang, 'console.shortcuts.open')}</button>
  </section>
  ${p.confirmNext && under
    ? nextNodeConfirm({
        lang,
        model: p.model,
        world,
        onConfirm: () => {
          p.on.confirmNext(false);
          p.on.control({ type: 'next-node' });
        },
        onCancel: () => p.on.confirmNext(false),
      })
    : nothing}
  ${mode === 'debrief' ? endedPanel(lang, endedItself(p), p.on.debrief) : nothing}`;
}

/** Start, pause/resume, next node, end: the drill's flow. */
function flowButtons(p: ConsoleProps) {
  const { lang, world } = p;
  const mode = world.mode;
  const under = mode === 'running' || mode === 'paused';
  const lastNode = world.node >= p.model.scenario.nodes.length - 1;
  return html`<div class="control-buttons">
      ${mode === 'setup' || mode === 'briefing'
        ? html`<button type="button" class="primary" @click=${() => p.on.control({ type: 'start' })}>${t(lang, 'console.controls.start')}</button>`
        : nothing}
      ${mode === 'paused'
        ? html`<button type="button" class="primary" aria-keyshortcuts="Space" @click=${() => p.on.control({ type: 'resume' })}>${t(lang, 'console.controls.resume')}</button>`
        : html`<button type="button" aria-keyshortcuts="Space" ?disabled=${mode !== 'running'} @click=${() => p.on.control({ type: 'pause' })}>${t(lang, 'console.controls.pause')}</button>`}
      <button type="button" aria-keyshortcuts="N" aria-expanded=${p.confirmNext ? 'true' : 'false'} ?disabled=${!under || lastNode} @click=${() => p.on.confirmNext(true)}>
        ${t(lang, 'console.controls.nextNode')}
      </button>
      ${p.confirmEnd && under
        ? html`<span class="confirm" role="group" aria-label=${t(lang, 'console.controls.confirmEnd')}>
            <span>${t(lang, 'console.controls.confirmEnd')}</span>
            <button type="button" class="danger" @click=${() => p.on.control({ type: 'end' })}>${t(lang, 'console.controls.endYes')}</button>
            <button type="button" @click=${() => p.on.confirmEnd(false)}>${t(lang, 'console.controls.endNo')}</button>
          </span>`
        : html`<button type="button" class="danger-outline" ?disabled=${!under} @click=${() => p.on.confirmEnd(true)}>${t(lang, 'console.controls.end')}</button>`}
    </div>`;
}

function speedButtons(p: ConsoleProps) {
  const { lang } = p;
  return html`<div class="speed" role="group" aria-label=${t(lang, 'console.speed.label')}>
      <span class="muted">${t(lang, 'console.speed.label')}</span>
      ${SPEEDS.map(
        (n) => html`<button type="button" aria-pressed=${p.speed === n ? 'true' : 'false'} @click=${() => p.on.speed(n)}>${t(lang, 'console.speed.value', { n })}</button>`,
      )}
    </div>`;
}

/** The drill reached the end of its last node (no accepted 'end' from the facilitator). */
function endedItself(p: ConsoleProps): boolean {
  const refused = new Set(p.world.rejections.map((r) => r.seq));
  return !p.log.some((e) => e.event.type === 'end' && !refused.has(e.seq));
}


const underWay = (world: Readonly<World>) => world.mode === 'running' || world.mode === 'paused';

/** The time chosen for the deadline buttons, as a select: one choice serves every row. */
function deadlineAmount(p: ConsoleProps) {
  const { lang } = p;
  return html`<label class="deadline-amount">
    <span>${t(lang, 'facilitator.deadline.amount')}</span>
    <select @change=${(e: Event) => p.on.deadlineMs(Number((e.target as HTMLSelectElement).value) * 60_000)}>
      ${DEADLINE_MINUTES.map((n) => html`<option value=${n} ?selected=${p.deadlineMs === n * 60_000}>${t(lang, 'facilitator.deadline.minutes', { n })}</option>`)}
    </select>
  </label>`;
}

/** 作废: opens a reason field and a confirmation under the button. */
function voidControl(p: ConsoleProps, d: Decision) {
  const { lang } = p;
  if (!may(p, 'void-decision')) return nothing;
  const prompt = pick(lang, d.prompt);
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const reason = String(new FormData(form).get('reason') ?? '').trim();
    if (p.on.control({ type: 'void-decision', decision: d.id, ...(reason ? { reason } : {}) })) form.closest('details')?.removeAttribute('open');
  };
  return html`<details class="void-decision">
    <summary aria-label=${t(lang, 'facilitator.void.label', { decision: prompt })}>${t(lang, 'facilitator.void.open')}</summary>
    <form @submit=${submit}>
      <label class="field">
        <span>${t(lang, 'facilitator.void.reason')}</span>
        <input name="reason" maxlength=${MAX_REPORT_CHARS} />
      </label>
      <p class="hint">${t(lang, 'facilitator.void.hint')}</p>
      <button type="submit" class="danger">${t(lang, 'facilitator.void.confirm')}</button>
    </form>
  </details>`;
}

function openDecisionsPanel(p: ConsoleProps) {
  const { lang, model, world } = p;
  const open = openDecisions(model.scenario, world);
  const minutes = p.deadlineMs / 60_000;
  return html`<section class="panel" aria-labelledby="open-heading">
    <div class="panel-head">
      <h2 id="open-heading">${t(lang, 'console.open.heading')} <span class="count">${open.length}</span></h2>
      ${deadlineAmount(p)}
    </div>
    <p class="hint">${t(lang, 'facilitator.deadline.hint')}</p>
    ${open.length === 0
      ? html`<p class="empty">${t(lang, 'console.open.none')}</p>`
      : html`<div class="scroll">
          <table aria-labelledby="open-heading">
            <thead>
              <tr>
                <th scope="col">${t(lang, 'console.open.seat')}</th>
                <th scope="col">${t(lang, 'console.open.decision')}</th>
                <th scope="col" class="num">${t(lang, 'console.open.remaining')}</th>
                <th scope="col">${t(lang, 'console.open.player')}</th>
                <th scope="col"><span class="visually-hidden">${t(lang, 'console.open.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${repeat(
                open,
                (d) => d.id,
                (d) => {
                  const left = remainingMs(world, d.id);
                  const prompt = pick(lang, d.prompt);
                  return html`<tr>
                    <th scope="row">
                      <button type="button" class="link" @click=${() => p.on.goSeat(d.owner)}>${seatName(lang, model, d.owner)}</button>
                    </th>
                    <td>${prompt}</td>
                    <td class="num"><span class="mono countdown ${left <= 60_000 ? 'urgent' : ''}" role="timer">${drillTime(left)}</span></td>
                    <td>${policyLabel(lang, world.seats[d.owner])}</td>
                    <td class="row-actions">
                      <button
                        type="button"
                        aria-label=${t(lang, 'console.open.extendLabel', { decision: prompt, minutes })}
                        @click=${() => p.on.control({ type: 'extend-deadline', decision: d.id, byMs: p.deadlineMs })}
                      >
                        ${t(lang, 'console.open.extend', { minutes })}
                      </button>
                      ${voidControl(p, d)}
                    </td>
                  </tr>`;
                },
              )}
            </tbody>
          </table>
        </div>`}
  </section>`;
}

const CLOSED_STATUSES = ['answered', 'expired', 'scored', 'voided'] as const;
type ClosedStatus = (typeof CLOSED_STATUSES)[number];
const isClosed = (status: string | undefined): status is ClosedStatus => (CLOSED_STATUSES as readonly (string | undefined)[]).includes(status);

/** Decisions answered, expired, scored or voided: each may be reopened, and voided if it is not. */
function closedDecisionsPanel(p: ConsoleProps) {
  const { lang, model, world } = p;
  const closed = model.scenario.decisions
    .flatMap((d) => {
      const state = world.decisions[d.id];
      return state && isClosed(state.status) ? [{ d, state, status: state.status }] : [];
    })
    .sort((a, b) => (b.state.openClock ?? 0) - (a.state.openClock ?? 0));
  const under = underWay(world);
  const minutes = p.deadlineMs / 60_000;
  return html`<section class="panel" aria-labelledby="closed-heading">
    <div class="panel-head">
      <h2 id="closed-heading">${t(lang, 'facilitator.closed.heading')} <span class="count">${closed.length}</span></h2>
      ${under ? deadlineAmount(p) : nothing}
    </div>
    ${closed.length === 0
      ? html`<p class="empty">${t(lang, 'facilitator.closed.none')}</p>`
      : html`<div class="scroll scroll-y">
          <table aria-labelledby="closed-heading">
            <thead>
              <tr>
                <th scope="col">${t(lang, 'console.open.seat')}</th>
                <th scope="col">${t(lang, 'console.open.decision')}</th>
                <th scope="col">${t(lang, 'facilitator.closed.status')}</th>
                <th scope="col"><span class="visually-hidden">${t(lang, 'console.open.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${repeat(
                closed,
                ({ d }) => d.id,
                ({ d, state, status }) => {
                  const prompt = pick(lang, d.prompt);
                  return html`<tr class="decision-${status}">
                    <th scope="row">${seatName(lang, model, d.owner)}</th>
                    <td>${prompt}</td>
                    <td>${status === 'voided' && state.voided?.reason ? t(lang, 'facilitator.closed.voidedBecause', { reason: state.voided.reason }) : t(lang, `console.decisionStatus.${status}`)}</td>
                    <td class="row-actions">
                      ${under && may(p, 'reopen-decision')
                        ? html`<button
                              type="button"
                              aria-label=${t(lang, 'facilitator.reopenLabel', { decision: prompt, minutes })}
                              @click=${() => p.on.control({ type: 'reopen-decision', decision: d.id, byMs: p.deadlineMs })}
                            >
                              ${t(lang, 'facilitator.reopen', { minutes })}
                            </button>`
                        : nothing}
                      ${under && status !== 'voided' ? voidControl(p, d) : nothing}
                    </td>
                  </tr>`;
                },
              )}
            </tbody>
          </table>
        </div>`}
  </section>`;
}

function injectsPanel(p: ConsoleProps) {
  const { lang, model, world } = p;
  const nodes = model.scenario.nodes;
  const nodeIndex = new Map(nodes.map((n, i) => [n.id, i]));
  const injects = model.scenario.injects.slice().sort((a, b) => nodeIndex.get(a.at.node)! - nodeIndex.get(b.at.node)! || a.at.offset - b.at.offset);
  const waiting = injects.filter((x) => world.injects[x.id]?.status !== 'delivered');
  const delivered = deliveredInjects(lang, model, world);
  const under = underWay(world);
  return html`<section class="panel injects" aria-labelledby="injects-heading">
    <div class="panel-head">
      <h2 id="injects-heading">${t(lang, 'console.injects.heading')}</h2>
      <button type="button" class="primary" ?disabled=${!under || p.injectForm?.edit === null} @click=${() => p.on.injectForm({ edit: null })}>
        ${t(lang, 'facilitator.writer.open')}
      </button>
    </div>
    ${p.injectForm && under
      ? injectWriter({
          lang,
          model,
          world,
          form: p.injectForm,
          setForm: p.on.injectForm,
          send: (event) => {
            if (p.on.control(event)) p.on.injectForm(null);
          },
        })
      : nothing}
    <h3 id="injects-waiting">${t(lang, 'console.injects.waiting')} <span class="count">${waiting.length}</span></h3>
    <ul class="inject-list scroll-y" aria-labelledby="injects-waiting">
      ${waiting.map((x) => {
        const status = world.injects[x.id]?.status ?? 'scheduled';
        const title = pick(lang, x.title);
        return html`<li class="inject status-${status}">
          <div>
            <span class="inject-when mono">${t(lang, 'console.injects.at', { n: nodeIndex.get(x.at.node)! + 1, offset: drillTime(x.at.offset) })}</span>
            <span class="tag">${t(lang, `console.injectStatus.${status}`)}</span>
            <span class="inject-title">${title}</span>
          </div>
          <div class="inject-actions">
            <button type="button" ?disabled=${!under} aria-label=${t(lang, 'console.injects.fireLabel', { title })} @click=${() => p.on.control({ type: 'fire-inject', inject: x.id })}>
              ${t(lang, 'console.injects.fire')}
            </button>
            <button type="button" ?disabled=${!under} aria-label=${t(lang, 'facilitator.injects.editLabel', { title })} @click=${() => p.on.injectForm({ edit: x.id })}>
              ${t(lang, 'facilitator.injects.edit')}
            </button>
          </div>
        </li>`;
      })}
    </ul>
    <h3 id="injects-delivered">${t(lang, 'console.injects.delivered')} <span class="count">${delivered.length}</span></h3>
    <ul class="inject-list scroll-y" aria-labelledby="injects-delivered">
      ${delivered.map(
        (x) => html`<li class="inject status-delivered">
          <div>
            <span class="inject-when mono">${drillTime(x.clock)}${x.scenarioMs === undefined ? nothing : ` · ${scenarioTime(x.scenarioMs)}`}</span>
            ${x.live ? html`<span class="tag">${t(lang, 'facilitator.injects.live')}</span>` : x.edited ? html`<span class="tag">${t(lang, 'facilitator.injects.edited')}</span>` : nothing}
            <span class="inject-title">${x.title}</span>
            <span class="muted">→ ${x.to.map((to) => seatName(lang, model, to)).join(t(lang, 'org.listSeparator'))}</span>
            ${x.question ? html`<span class="inject-extra">${t(lang, 'facilitator.injects.question', { text: x.question })}</span>` : nothing}
            ${x.expected ? html`<span class="inject-extra">${t(lang, 'facilitator.injects.expected', { text: x.expected })}</span>` : nothing}
          </div>
        </li>`,
      )}
    </ul>
  </section>`;
}

interface DeliveredInject {
  id: string;
  title: string;
  to: readonly string[];
  clock: number;
  /** Scenario time, for a prepared inject (a live one's messages carry drill time only). */
  scenarioMs?: number;
  edited: boolean;
  live: boolean;
  /** A live inject's question and expected action (the expected action is control's alone: this is the console). */
  question?: string;
  expected?: string;
}

/** The prepared injects delivered (as edited, if they were) and the live ones, latest first. */
function deliveredInjects(lang: Lang, model: Model, world: Readonly<World>): DeliveredInject[] {
  const prepared = model.scenario.injects.flatMap((x): DeliveredInject[] => {
    const s = world.injects[x.id];
    if (s?.status !== 'delivered') return [];
    return [{ id: x.id, title: s.edit?.title ?? pick(lang, x.title), to: s.edit?.to ?? x.to, clock: s.clock ?? 0, scenarioMs: s.scenarioMs ?? 0, edited: s.edit !== undefined, live: false }];
  });
  const live = new Map<string, DeliveredInject>();
  for (const m of world.messages) {
    if (m.kind !== 'inject' || !m.inject || model.injects.has(m.inject)) continue;
    const seen = live.get(m.inject);
    if (seen) (seen.to as string[]).push(m.to);
    else
      live.set(m.inject, {
        id: m.inject,
        title: m.title ?? '',
        to: [m.to],
        clock: m.clock,
        edited: false,
        live: true,
        ...(m.question ? { question: m.question } : {}),
        ...(m.expected ? { expected: m.expected } : {}),
      });
  }
  return [...prepared, ...live.values()].sort((a, b) => b.clock - a.clock || (a.id < b.id ? 1 : -1));
}

/** Seats nobody plays yet: no bot, and no accepted entry of theirs in the log. */
export function emptySeats(model: Model, world: Readonly<World>, log: readonly LogEntry[]): string[] {
  const empty = new Set(seatsOf(model.scenario).map((s) => s.id).filter((id) => world.seats[id] === undefined));
  if (empty.size === 0) return [];
  const refused = new Set(world.rejections.map((r) => r.seq));
  // Seats are taken early: the scan (every render, of a log that may be long) stops once all have played.
  for (let i = 0; i < log.length && empty.size > 0; i++) if (!refused.has(log[i]!.seq)) empty.delete(log[i]!.actor);
  return [...empty];
}

function seatsPanel(p: ConsoleProps) {
  const { lang, model, world } = p;
  const openBy = new Map<string, number>();
  for (const d of openDecisions(model.scenario, world)) openBy.set(d.owner, (openBy.get(d.owner) ?? 0) + 1);
  const assign = (seat: string, value: string) => p.on.control({ type: 'assign-seat', seat, policy: value === '' ? null : (value as Policy) });
  const empty = emptySeats(model, world, p.log);
  const assigns = may(p, 'assign-seat');
  const assignEmpty = (e: Event) => {
    e.preventDefault();
    const policy = String(new FormData(e.currentTarget as HTMLFormElement).get('policy')) as Policy;
    p.on.control({ type: 'assign-seats', seats: empty, policy });
  };
  return html`<section class="panel seats" aria-labelledby="seats-heading">
    <h2 id="seats-heading">${t(lang, 'console.seats.heading')}</h2>
    <p class="hint">${t(lang, 'console.seats.hint')}</p>
    ${assigns ? html`<form class="empty-seats" @submit=${assignEmpty}>
      <label>
        <span>${t(lang, 'facilitator.empty.policy')}</span>
        <select name="policy">
          ${POLICIES.map((x) => html`<option value=${x}>${policyLabel(lang, x)}</option>`)}
        </select>
      </label>
      <button type="submit" ?disabled=${empty.length === 0}>${t(lang, 'facilitator.empty.assign', { n: empty.length })}</button>
      <p class="hint">${t(lang, 'facilitator.empty.hint')}</p>
    </form>` : nothing}
    ${may(p, 'set-visibility') ? visibilityControls(p) : nothing}
    <div class="scroll-y">
      <table aria-labelledby="seats-heading">
        <thead>
          <tr>
            <th scope="col">${t(lang, 'console.seats.seat')}</th>
            <th scope="col" class="num">${t(lang, 'console.seats.open')}</th>
            <th scope="col">${t(lang, 'console.seats.player')}</th>
          </tr>
        </thead>
        <tbody>
          ${seatsOf(model.scenario).map((s) => {
            const name = pick(lang, s.name);
            const policy = world.seats[s.id];
            return html`<tr>
              <th scope="row">
                <button type="button" class="link" @click=${() => p.on.goSeat(s.id)}>${name}</button>
                <span class="muted small">${seatKindLabel(lang, s.kind)}</span>
              </th>
              <td class="num">${openBy.get(s.id) ?? 0}</td>
              <td>
                ${assigns
                  ? html`<select aria-label=${t(lang, 'console.seats.playerOf', { seat: name })} @change=${(e: Event) => assign(s.id, (e.target as HTMLSelectElement).value)}>
                      <option value="" ?selected=${policy === undefined}>${policyLabel(lang, undefined)}</option>
                      ${POLICIES.map((x) => html`<option value=${x} ?selected=${policy === x}>${policyLabel(lang, x)}</option>`)}
                    </select>`
                  : policyLabel(lang, policy)}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
  </section>`;
}

/** What the seats see of the scores and the plan's expected answers (set-visibility). */
function visibilityControls(p: ConsoleProps) {
  const { lang } = p;
  const v = p.world.visibility;
  const set = (change: Partial<World['visibility']>) => p.on.control({ type: 'set-visibility', ...v, ...change });
  return html`<fieldset class="visibility">
    <legend>${t(lang, 'facilitator.visibility.heading')}</legend>
    <label>
      <input type="checkbox" .checked=${live(v.scores)} @change=${(e: Event) => set({ scores: (e.target as HTMLInputElement).checked })} />
      ${t(lang, 'facilitator.visibility.scores')}
    </label>
    <label>
      <input type="checkbox" .checked=${live(v.answers)} @change=${(e: Event) => set({ answers: (e.target as HTMLInputElement).checked })} />
      ${t(lang, 'facilitator.visibility.answers')}
    </label>
    <p class="hint">${t(lang, 'facilitator.visibility.hint')}</p>
  </fieldset>`;
}
