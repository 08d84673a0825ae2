// The frame around every screen: the brand, the screens (简介, 导调台, 记分板, 指挥大屏, 复盘), the
// seat switcher for a facilitator playing hot seat, the language toggle, and one aria-live status
// line that says what the last action did — or why the authority refused it. The frame itself is
// frame.ts (the first screen draws it too); this works out what goes in it from the drill.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Model, World } from '../../core/index.ts';
import { htmlLang, pick, t, type Lang } from '../i18n.ts';
import type { Screen, Status } from '../store.ts';
import { openDecisions, seatsOf, type SeatKind } from './drill-data.ts';
import { frameView, NAV, readOnlySeats, SEAT_GROUPS, statusLine, type FrameProps } from './frame.ts';
import { shortcutsDialog } from './shortcuts.ts';
import { describeEvent, reasonText, seatName } from './words.ts';
import { trustBadge } from './trust-badge.ts';
import type { Trust } from '../../review/log-file.ts';

export { NAV };

export interface ShellProps {
  lang: Lang;
  screen: Screen;
  /** The drill, once there is one: the other screens need it. */
  drill: { model: Model; world: Readonly<World> } | null;
  seat: string | null;
  /** A server drill's role: its screen buttons, and no seat switcher when its seat is fixed. */
  role?: { nav: FrameProps['nav']; switcher: boolean } | null;
  status: Status | null;
  shortcutsOpen: boolean;
  /** What saving has to say, if anything (a drill that came back, a failed write). */
  notice?: string | null;
  /** Choose a scenario, export the log, start over; null where the app has no persistence. */
  files?: FrameProps['files'];
  body: TemplateResult;
  on: FrameProps['on'];
  /** How far the record of the drill on show can be trusted: anything but verified is marked on every screen. */
  trust?: Trust['kind'] | null;
  /** The drill a what-if branched from and the last entry they share: marked on every screen, so nobody takes the branch for the drill. */
  whatIf?: { drill: string; seq: number } | null;
}

/** The mark of a what-if (假设推演) wherever it is played. */
const whatIfBanner = (lang: Lang, parent: ShellProps['whatIf']) =>
  parent ? html`<span class="tag what-if" data-what-if role="note">${t(lang, 'review.branchOf', { drill: parent.drill, seq: parent.seq })}</span>` : nothing;

export function shellView(p: ShellProps) {
  const { lang } = p;
  const status = statusOf(p);
  if (p.screen === 'bigscreen') {
    // The big screen is the whole page: no masthead, the status line kept for the keyboard.
    return html`<div class="page page-bigscreen" lang=${htmlLang(lang)}>
      ${statusLine(status)} ${trustBadge(lang, p.trust)} ${whatIfBanner(lang, p.whatIf)} ${p.body} ${shortcutsDialog(lang, p.shortcutsOpen, p.on.closeShortcuts)}
    </div>`;
  }
  return frameView({
    lang,
    screen: p.screen,
    hasDrill: !!p.drill,
    ...(p.role ? { nav: p.role.nav } : {}),
    seats: p.role?.switcher === false ? null : seatChoices(p),
    notice: p.notice ?? null,
    status,
    files: p.files ?? null,
    badge: html`${trustBadge(lang, p.trust)} ${whatIfBanner(lang, p.whatIf)}`,
    shortcutsOpen: p.shortcutsOpen,
    body: p.body,
    on: p.on,
  });
}

const KINDS: readonly SeatKind[] = ['hq', 'group', 'unit', 'county'];

function seatChoices(p: ShellProps): FrameProps['seats'] {
  const { lang, drill } = p;
  const seats = drill ? seatsOf(drill.model.scenario) : [];
  const openBy = new Map<string, number>();
  if (drill) for (const d of openDecisions(drill.model.scenario, drill.world)) openBy.set(d.owner, (openBy.get(d.owner) ?? 0) + 1);
  const label = (id: string, name: string) => {
    const n = openBy.get(id) ?? 0;
    return n > 0 ? t(lang, 'console.seats.withOpen', { name, n }) : name;
  };
  return {
    current: p.screen === 'seat' ? p.seat : null,
    groups: SEAT_GROUPS.map((key, i) => ({ key, seats: seats.filter((s) => s.kind === KINDS[i]).map((s) => ({ id: s.id, label: label(s.id, pick(lang, s.name)) })) })),
    readOnly: readOnlySeats(lang),
  };
}

function statusOf(p: ShellProps): FrameProps['status'] {
  const { lang, status, drill } = p;
  // The big screen is read by the whole room: an answer there says only that it was given.
  const answers = p.screen !== 'bigscreen';
  const text =
    status && drill
      ? status.pending
        ? t(lang, 'server.status.sending', { actor: seatName(lang, drill.model, status.actor), what: describeEvent(lang, drill.model, status.event, { answers }) })
        : status.ok
        ? t(lang, 'console.statusLine.ok', { actor: seatName(lang, drill.model, status.actor), what: describeEvent(lang, drill.model, status.event, { answers }) })
        : t(lang, 'console.statusLine.refused', { actor: seatName(lang, drill.model, status.actor), what: describeEvent(lang, drill.model, status.event, { answers }), reason: status.worded ? (status.reason ?? '') : reasonText(lang, drill.model, status.reason ?? '') })
      : '';
  return { text, refused: !!status && !status.ok };
}
