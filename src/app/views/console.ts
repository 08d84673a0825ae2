// The facilitator console (导调台) for the 总策划 and the 控制人员: where the drill stands, the
// controls of the exercise (start, pause/resume, next node, end, fast-forward), the injects still
// to deliver, every seat's open decisions with their countdowns, who plays each seat (a person or a
// bot), and the log as it grows. Every control is an input to the session, so it is in the log.
import { html, nothing } from 'lit-html';
import type { DrillEvent, LogEntry, Model, Policy, World } from '../../core/index.ts';
import { drillTime } from '../../scoring/index.ts';
import { scenarioTime } from '../format.ts';
import { pick, t, type Lang } from '../i18n.ts';
import type { LogFilter } from '../store.ts';
import { clockBar } from './clock-bar.ts';
import { openDecisions, remainingMs, seatsOf, type EntryMark } from './drill-data.ts';
import { logView } from './log.ts';
import { timeNodeStripView } from '../map/strip.ts';
import { timeNodeStrip } from '../map/strip-model.ts';
import { mapFrame } from './map-slot.ts';
import { endedPanel, nextNodeConfirm } from './next-node.ts';
import { POLICIES, policyLabel, seatKindLabel, seatName } from './words.ts';

export const SPEEDS = [1, 10, 60] as const;
/** What "extend" adds to a deadline. */
export const EXTEND_MS = 2 * 60_000;

export interface ConsoleProps {
  lang: Lang;
  model: Model;
  world: Readonly<World>;
  log: readonly LogEntry[];
  marks: Map<number, EntryMark>;
  speed: number;
  logFilter: LogFilter;
  mapNode: number | null;
  confirmEnd: boolean;
  /** Leaving the node early: the list of what it delivers at once, asking to confirm. */
  confirmNext: boolean;
  on: {
    control: (event: DrillEvent) => void;
    speed: (speed: number) => void;
    goSeat: (seat: string) => void;
    logFilter: (filter: Partial<LogFilter>) => void;
    mapNode: (node: number | null) => void;
    shortcuts: () => void;
    confirmEnd: (open: boolean) => void;
    /** Opens (true) or closes the next-node confirmation. */
    confirmNext: (open: boolean) => void;
    debrief: () => void;
  };
}

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
          ${mapFrame(lang)} ${timeNodeStripView({ lang, nodes: timeNodeStrip(p.model, p.world), selected: p.mapNode, onSelect: p.on.mapNode })}
        </section>
        ${openDecisionsPanel(p)}
        ${logView({ lang, model: p.model, log: p.log, marks: p.marks, filter: p.logFilter, onFilter: p.on.logFilter })}
      </div>
      <div class="console-side">${injectsPanel(p)} ${seatsPanel(p)}</div>
    </div>
  </div>`;
}

function controls(p: ConsoleProps) {
  const { lang, world } = p;
  const mode = world.mode;
  const under = mode === 'running' || mode === 'paused';
  const lastNode = world.node >= p.model.scenario.nodes.length - 1;
  return html`<section class="controls" aria-label=${t(lang, 'console.controls.label')}>
    <div class="control-buttons">
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
    </div>
    <div class="speed" role="group" aria-label=${t(lang, 'console.speed.label')}>
      <span class="muted">${t(lang, 'console.speed.label')}</span>
      ${SPEEDS.map(
        (n) => html`<button type="button" aria-pressed=${p.speed === n ? 'true' : 'false'} @click=${() => p.on.speed(n)}>${t(lang, 'console.speed.value', { n })}</button>`,
      )}
    </div>
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

/** The drill reached the end of its last node (no accepted 'end' from the facilitator). */
function endedItself(p: ConsoleProps): boolean {
  const refused = new Set(p.world.rejections.map((r) => r.seq));
  return !p.log.some((e) => e.event.type === 'end' && !refused.has(e.seq));
}

function openDecisionsPanel(p: ConsoleProps) {
  const { lang, model, world } = p;
  const open = openDecisions(model.scenario, world);
  return html`<section class="panel" aria-labelledby="open-heading">
    <h2 id="open-heading">${t(lang, 'console.open.heading')} <span class="count">${open.length}</span></h2>
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
              ${open.map((d) => {
                const left = remainingMs(world, d.id);
                const prompt = pick(lang, d.prompt);
                return html`<tr>
                  <th scope="row">
                    <button type="button" class="link" @click=${() => p.on.goSeat(d.owner)}>${seatName(lang, model, d.owner)}</button>
                  </th>
                  <td>${prompt}</td>
                  <td class="num"><span class="mono countdown ${left <= 60_000 ? 'urgent' : ''}" role="timer">${drillTime(left)}</span></td>
                  <td>${policyLabel(lang, world.seats[d.owner])}</td>
                  <td>
                    <button
                      type="button"
                      aria-label=${t(lang, 'console.open.extendLabel', { decision: prompt, minutes: EXTEND_MS / 60_000 })}
                      @click=${() => p.on.control({ type: 'extend-deadline', decision: d.id, byMs: EXTEND_MS })}
                    >
                      ${t(lang, 'console.open.extend', { minutes: EXTEND_MS / 60_000 })}
                    </button>
                  </td>
                </tr>`;
              })}
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
  const delivered = injects.filter((x) => world.injects[x.id]?.status === 'delivered').reverse();
  const under = world.mode === 'running' || world.mode === 'paused';
  return html`<section class="panel injects" aria-labelledby="injects-heading">
    <h2 id="injects-heading">${t(lang, 'console.injects.heading')}</h2>
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
          <button type="button" ?disabled=${!under} aria-label=${t(lang, 'console.injects.fireLabel', { title })} @click=${() => p.on.control({ type: 'fire-inject', inject: x.id })}>
            ${t(lang, 'console.injects.fire')}
          </button>
        </li>`;
      })}
    </ul>
    <h3 id="injects-delivered">${t(lang, 'console.injects.delivered')} <span class="count">${delivered.length}</span></h3>
    <ul class="inject-list scroll-y" aria-labelledby="injects-delivered">
      ${delivered.map((x) => {
        const s = world.injects[x.id]!;
        return html`<li class="inject status-delivered">
          <div>
            <span class="inject-when mono">${drillTime(s.clock ?? 0)} · ${scenarioTime(s.scenarioMs ?? 0)}</span>
            <span class="inject-title">${pick(lang, x.title)}</span>
            <span class="muted">→ ${x.to.map((to) => seatName(lang, model, to)).join(t(lang, 'org.listSeparator'))}</span>
          </div>
        </li>`;
      })}
    </ul>
  </section>`;
}

function seatsPanel(p: ConsoleProps) {
  const { lang, model, world } = p;
  const openBy = new Map<string, number>();
  for (const d of openDecisions(model.scenario, world)) openBy.set(d.owner, (openBy.get(d.owner) ?? 0) + 1);
  const assign = (seat: string, value: string) => p.on.control({ type: 'assign-seat', seat, policy: value === '' ? null : (value as Policy) });
  return html`<section class="panel seats" aria-labelledby="seats-heading">
    <h2 id="seats-heading">${t(lang, 'console.seats.heading')}</h2>
    <p class="hint">${t(lang, 'console.seats.hint')}</p>
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
                <select aria-label=${t(lang, 'console.seats.playerOf', { seat: name })} @change=${(e: Event) => assign(s.id, (e.target as HTMLSelectElement).value)}>
                  <option value="" ?selected=${policy === undefined}>${policyLabel(lang, undefined)}</option>
                  ${POLICIES.map((x) => html`<option value=${x} ?selected=${policy === x}>${policyLabel(lang, x)}</option>`)}
                </select>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
  </section>`;
}
