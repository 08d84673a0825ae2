// The frame around every screen: the brand, the screens (简介, 导调台, 记分板, 指挥大屏, 复盘), the
// seat switcher for a facilitator playing hot seat, the language toggle, and one aria-live status
// line that says what the last action did — or why the authority refused it.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Model, World } from '../../core/index.ts';
import { htmlLang, pick, t, type Lang } from '../i18n.ts';
import { EVALUATOR, OBSERVER, type Screen, type Status } from '../store.ts';
import { openDecisions, seatsOf, type SeatKind } from './drill-data.ts';
import { langToggle } from './lang-toggle.ts';
import { shortcutsDialog } from './shortcuts.ts';
import { describeEvent, reasonText, seatName } from './words.ts';

export const NAV = ['briefing', 'console', 'scoreboard', 'bigscreen', 'debrief'] as const satisfies readonly Screen[];

export interface ShellProps {
  lang: Lang;
  screen: Screen;
  /** The drill, once there is one: the other screens need it. */
  drill: { model: Model; world: Readonly<World> } | null;
  seat: string | null;
  status: Status | null;
  shortcutsOpen: boolean;
  /** What saving has to say, if anything (a drill that came back, a failed write). */
  notice?: string | null;
  /** Choose a scenario, export the log, start over; null where the app has no persistence. */
  files?: { picker: () => void; exportDrill: (() => void) | null; newDrill: (() => void) | null } | null;
  body: TemplateResult;
  on: {
    lang: (lang: Lang) => void;
    screen: (screen: Screen) => void;
    seat: (seat: string) => void;
    closeShortcuts: () => void;
  };
}

export function shellView(p: ShellProps) {
  const { lang } = p;
  if (p.screen === 'bigscreen') {
    // The big screen is the whole page: no masthead, the status line kept for the keyboard.
    return html`<div class="page page-bigscreen" lang=${htmlLang(lang)}>
      ${statusLine(p)} ${p.body} ${shortcutsDialog(lang, p.shortcutsOpen, p.on.closeShortcuts)}
    </div>`;
  }
  return html`<div class="page page-${p.screen}" lang=${htmlLang(lang)}>
    <header class="masthead">
      <p class="brand">
        <span class="brand-name">${t(lang, 'app.name')}</span>
        <span class="brand-tagline">${t(lang, 'app.tagline')}</span>
      </p>
      <nav class="screens" aria-label=${t(lang, 'console.nav.label')}>
        ${NAV.map(
          (screen) => html`<button
            type="button"
            aria-current=${p.screen === screen ? 'page' : 'false'}
            ?disabled=${screen !== 'briefing' && !p.drill}
            @click=${() => p.on.screen(screen)}
          >
            ${t(lang, `console.nav.${screen}`)}
          </button>`,
        )}
      </nav>
      ${fileButtons(p)} ${seatSwitcher(p)} ${langToggle(lang, p.on.lang)}
    </header>
    ${p.notice ? html`<p class="notice" role="status">${p.notice}</p>` : nothing} ${statusLine(p)}
    <main class="content ${p.screen === 'briefing' ? '' : 'wide'}">${p.body}</main>
    ${shortcutsDialog(lang, p.shortcutsOpen, p.on.closeShortcuts)}
  </div>`;
}

function fileButtons({ lang, files }: ShellProps) {
  if (!files) return nothing;
  return html`<div class="file-actions" role="group" aria-label=${t(lang, 'persist.actions')}>
    <button type="button" @click=${files.picker}>${t(lang, 'persist.picker.open')}</button>
    <button type="button" ?disabled=${!files.exportDrill} @click=${() => files.exportDrill?.()}>${t(lang, 'persist.export')}</button>
    <button type="button" ?disabled=${!files.newDrill} @click=${() => files.newDrill?.()}>${t(lang, 'persist.newDrill')}</button>
  </div>`;
}

const GROUPS: { kind: SeatKind; key: 'console.seats.hq' | 'console.seats.groups' | 'console.seats.units' | 'console.seats.counties' }[] = [
  { kind: 'hq', key: 'console.seats.hq' },
  { kind: 'group', key: 'console.seats.groups' },
  { kind: 'unit', key: 'console.seats.units' },
  { kind: 'county', key: 'console.seats.counties' },
];

function seatSwitcher(p: ShellProps) {
  const { lang, drill } = p;
  const current = p.screen === 'seat' ? p.seat : null;
  const seats = drill ? seatsOf(drill.model.scenario) : [];
  const openBy = new Map<string, number>();
  if (drill) for (const d of openDecisions(drill.model.scenario, drill.world)) openBy.set(d.owner, (openBy.get(d.owner) ?? 0) + 1);
  const label = (id: string, name: string) => {
    const n = openBy.get(id) ?? 0;
    return n > 0 ? t(lang, 'console.seats.withOpen', { name, n }) : name;
  };
  return html`<div class="seat-switcher">
    <label for="seat-switcher">${t(lang, 'console.seats.switch')}</label>
    <select id="seat-switcher" ?disabled=${!drill} @change=${(e: Event) => (e.target as HTMLSelectElement).value && p.on.seat((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${current === null}>${t(lang, 'console.seats.choose')}</option>
      ${GROUPS.map(
        (g) => html`<optgroup label=${t(lang, g.key)}>
          ${seats.filter((s) => s.kind === g.kind).map((s) => html`<option value=${s.id} ?selected=${current === s.id}>${label(s.id, pick(lang, s.name))}</option>`)}
        </optgroup>`,
      )}
      <optgroup label=${t(lang, 'console.seats.readOnly')}>
        <option value=${EVALUATOR} ?selected=${current === EVALUATOR}>${t(lang, 'console.seats.evaluator')}</option>
        <option value=${OBSERVER} ?selected=${current === OBSERVER}>${t(lang, 'console.seats.observer')}</option>
      </optgroup>
    </select>
  </div>`;
}

function statusLine(p: ShellProps) {
  const { lang, status, drill } = p;
  const text =
    status && drill
      ? status.ok
        ? t(lang, 'console.statusLine.ok', { actor: seatName(lang, drill.model, status.actor), what: describeEvent(lang, drill.model, status.event) })
        : t(lang, 'console.statusLine.refused', { actor: seatName(lang, drill.model, status.actor), what: describeEvent(lang, drill.model, status.event), reason: reasonText(lang, drill.model, status.reason ?? '') })
      : '';
  return html`<p class="status-line ${status && !status.ok ? 'refused' : ''}" role="status" aria-live="polite">
    ${text ? html`<span>${text}</span>` : nothing}
  </p>`;
}
