// The frame of every screen but the big screen: the masthead (brand, the screens, the file buttons,
// the seat switcher, the language), the notice and status lines, the content, the shortcuts dialog.
// Kept apart from shell.ts, which works out what goes in it from the drill (and so needs the engine),
// because the first screen (main.ts) draws this very frame around the briefing before the engine has
// loaded: the same templates, so when the app arrives lit-html fills the frame in place — nothing
// moves, an open section stays open and the focus stays where it was (issue 8).
import { html, nothing, type TemplateResult } from 'lit-html';
import { htmlLang, t, type Lang } from '../i18n.ts';
import { EVALUATOR, OBSERVER, type Screen } from '../store.ts';
import { langToggle } from './lang-toggle.ts';
import { shortcutsDialog } from './shortcuts.ts';

export const NAV = ['briefing', 'console', 'scoreboard', 'bigscreen', 'debrief'] as const satisfies readonly Screen[];
/** A screen the masthead can have a button for: the seat screen too, for a role whose seat is fixed. */
export type NavScreen = (typeof NAV)[number] | 'seat';

export type SeatGroupKey = 'console.seats.hq' | 'console.seats.groups' | 'console.seats.units' | 'console.seats.counties';

export interface FrameProps {
  lang: Lang;
  screen: Screen;
  /** Is there a drill: the screens but the briefing, and the seat switcher, need one. */
  hasDrill: boolean;
  /** The masthead's screen buttons: NAV unless a server drill's role has fewer (none: no buttons). */
  nav?: readonly NavScreen[];
  /** The seat switcher's choices, grouped; `current` is the seat on show. Null: no switcher (a server drill's seat). */
  seats: null | { groups: { key: SeatGroupKey; seats: { id: string; label: string }[] }[]; current: string | null; readOnly: { id: string; label: string }[] };
  notice: string | null;
  status: { text: string; refused: boolean };
  /** `author` opens the authoring view (编写情景); absent: no such button. */
  files: { picker: () => void; author?: () => void; exportDrill: (() => void) | null; newDrill: (() => void) | null; busy?: boolean } | null;
  /** The mark of a drill whose record is untrusted or unverified (views/trust-badge.ts). */
  badge?: TemplateResult | typeof nothing;
  shortcutsOpen: boolean;
  body: TemplateResult;
  on: {
    lang: (lang: Lang) => void;
    screen: (screen: Screen) => void;
    seat: (seat: string) => void;
    closeShortcuts: () => void;
  };
}

/** The seat switcher's groups, in order. */
export const SEAT_GROUPS: readonly SeatGroupKey[] = ['console.seats.hq', 'console.seats.groups', 'console.seats.units', 'console.seats.counties'];

/** The seats anyone can watch from, drill or not. */
export const readOnlySeats = (lang: Lang) => [
  { id: EVALUATOR, label: t(lang, 'console.seats.evaluator') },
  { id: OBSERVER, label: t(lang, 'console.seats.observer') },
];

export function frameView(p: FrameProps) {
  const { lang } = p;
  return html`<div class="page page-${p.screen}" lang=${htmlLang(lang)}>
    <header class="masthead">
      <p class="brand">
        <span class="brand-name">${t(lang, 'app.name')}</span>
        <span class="brand-tagline">${t(lang, 'app.tagline')}</span>
      </p>
      ${p.badge ?? nothing}
      ${navView(p)} ${fileButtons(lang, p.files)} ${p.seats ? seatSwitcher(p, p.seats) : nothing} ${langToggle(lang, p.on.lang)}
    </header>
    ${p.notice ? html`<p class="notice" role="status">${p.notice}</p>` : nothing} ${statusLine(p.status)}
    <main class="content ${p.screen === 'briefing' ? '' : 'wide'}">${p.body}</main>
    ${shortcutsDialog(lang, p.shortcutsOpen, p.on.closeShortcuts)}
  </div>`;
}

function navView(p: FrameProps) {
  const { lang } = p;
  const nav = p.nav ?? NAV;
  if (nav.length === 0) return nothing;
  return html`<nav class="screens" aria-label=${t(lang, 'console.nav.label')}>
        ${nav.map(
          (screen) => html`<button
            type="button"
            aria-current=${p.screen === screen ? 'page' : 'false'}
            ?disabled=${screen !== 'briefing' && !p.hasDrill}
            @click=${() => p.on.screen(screen)}
          >
            ${t(lang, `console.nav.${screen}`)}
          </button>`,
        )}
      </nav>`;
}

function fileButtons(lang: Lang, files: FrameProps['files']) {
  if (!files) return nothing;
  return html`<div class="file-actions" role="group" aria-label=${t(lang, 'persist.actions')}>
    <button type="button" ?disabled=${!!files.busy} @click=${files.picker}>${t(lang, 'persist.picker.open')}</button>
    ${files.author ? html`<button type="button" data-author-open ?disabled=${!!files.busy} @click=${files.author}>${t(lang, 'app.author')}</button>` : nothing}
    <button type="button" ?disabled=${!files.exportDrill} @click=${() => files.exportDrill?.()}>${t(lang, 'persist.export')}</button>
    <button type="button" ?disabled=${!files.newDrill} @click=${() => files.newDrill?.()}>${t(lang, 'persist.newDrill')}</button>
  </div>`;
}

function seatSwitcher({ lang, hasDrill, on }: FrameProps, seats: NonNullable<FrameProps['seats']>) {
  const { current } = seats;
  return html`<div class="seat-switcher">
    <label for="seat-switcher">${t(lang, 'console.seats.switch')}</label>
    <select id="seat-switcher" ?disabled=${!hasDrill} @change=${(e: Event) => (e.target as HTMLSelectElement).value && on.seat((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${current === null}>${t(lang, 'console.seats.choose')}</option>
      ${seats.groups.map(
        (g) => html`<optgroup label=${t(lang, g.key)}>
          ${g.seats.map((s) => html`<option value=${s.id} ?selected=${current === s.id}>${s.label}</option>`)}
        </optgroup>`,
      )}
      <optgroup label=${t(lang, 'console.seats.readOnly')}>
        ${seats.readOnly.map((s) => html`<option value=${s.id} ?selected=${current === s.id}>${s.label}</option>`)}
      </optgroup>
    </select>
  </div>`;
}

export function statusLine({ text, refused }: FrameProps['status']) {
  return html`<p class="status-line ${refused ? 'refused' : ''}" role="status" aria-live="polite">
    ${text ? html`<span>${text}</span>` : nothing}
  </p>`;
}
