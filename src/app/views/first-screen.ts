// The first screen (main.ts): the default scenario's briefing in the app's own frame, drawn before
// the engine has loaded — the start button disabled and saying why, the file buttons and the seat
// switcher disabled, the map's box at its final size. The same templates as the app's briefing
// (frame.ts, summary.ts), so when the app renders into the same container lit-html updates these
// very elements: nothing moves, an open section stays open, the focus stays (issue 8).
import { html, nothing } from 'lit-html';
import { t, type Lang } from '../i18n.ts';
import { frameView, readOnlySeats, SEAT_GROUPS } from './frame.ts';
import { screenBody } from './persist-banner.ts';
import { briefingContent, type ScenarioBrief } from './summary.ts';

export interface FirstScreenProps {
  lang: Lang;
  file: string;
  brief: ScenarioBrief;
  /** The app or the scenario did not download: the start row says so. */
  failed: boolean;
  onLang: (lang: Lang) => void;
  /** Downloads what failed again, without a reload (main.ts); shown with `failed`. */
  onRetry?: () => void;
}

const noop = () => undefined;

export function firstScreenView({ lang, file, brief, failed, onLang, onRetry }: FirstScreenProps) {
  const retry = failed && onRetry ? html`<p class="persist-banner retry-banner"><button type="button" class="primary" @click=${onRetry}>${t(lang, 'persist.retry')}</button></p>` : nothing;
  return frameView({
    lang,
    screen: 'briefing',
    hasDrill: false,
    seats: { current: null, groups: SEAT_GROUPS.map((key) => ({ key, seats: [] })), readOnly: readOnlySeats(lang) },
    notice: null,
    status: { text: '', refused: false },
    files: { picker: noop, author: noop, exportDrill: null, newDrill: null, busy: true },
    shortcutsOpen: false,
    body: screenBody(retry, false, briefingContent(lang, file, { ok: true, scenario: brief }, { running: false, pending: failed ? 'failed' : 'loading', onStart: noop })),
    on: { lang: onLang, screen: noop, seat: noop, closeShortcuts: noop },
  });
}

/** The tab strip's title for a scenario. */
export const documentTitle = (lang: Lang, title: string) => `${title} · ${t(lang, 'app.name')}`;
