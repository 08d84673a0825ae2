// What the interface remembers, apart from the drill's own state: the language, which screen and
// seat are shown, the log filters, the time node the map shows, half-filled decision cards, the
// last action's outcome — and the live drill session itself. A zustand vanilla store, so views
// re-render from one subscription and tests can drive it without a DOM.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Answer, DrillEvent } from '../core/index.ts';
import type { Session } from './drill/session.ts';
import { DEFAULT_LANG, type Lang } from './i18n.ts';

export type Screen = 'briefing' | 'picker' | 'console' | 'seat' | 'scoreboard' | 'bigscreen' | 'debrief';
export const SCREENS: readonly Screen[] = ['briefing', 'picker', 'console', 'seat', 'scoreboard', 'bigscreen', 'debrief'];

/** The two read-only places in the seat switcher beside the playing seats (ids never contain '@'). */
export const EVALUATOR = '@evaluator';
export const OBSERVER = '@observer';

/** A decision card being filled in: chosen options, and for an allocation the place per team. */
export interface Draft {
  options: string[];
  allocations: Record<string, string>;
}

export interface LogFilter {
  /** A seat id (or 'facilitator'): entries it sent or that concern it. */
  unit: string | null;
  /** A node index: entries made while it was the current node. */
  node: number | null;
}

/** What the last action did: shown in the aria-live status line, in the current language. */
export interface Status {
  /** Increases with every action, so the same message twice is still announced. */
  n: number;
  actor: string;
  event: DrillEvent;
  ok: boolean;
  reason?: string;
}

export interface UiState {
  lang: Lang;
  screen: Screen;
  /** The seat shown on the seat screen: a seat id, EVALUATOR or OBSERVER. */
  seat: string | null;
  logFilter: LogFilter;
  /** The time node the map shows (null: everything so far). */
  mapNode: number | null;
  drafts: Record<string, Draft>;
  status: Status | null;
  shortcutsOpen: boolean;
  /** Answers from the seat screen go in as the facilitator's, on the seat's behalf (导调代答), not as the seat's own. */
  onBehalf: boolean;
  /** The drill being played in this browser, once started or loaded. */
  session: Session | null;

  setLang: (lang: Lang) => void;
  setScreen: (screen: Screen) => void;
  /** Shows a seat (switching to the seat screen). */
  setSeat: (seat: string) => void;
  setLogFilter: (filter: Partial<LogFilter>) => void;
  setMapNode: (node: number | null) => void;
  setDraft: (decision: string, draft: Draft) => void;
  setStatus: (status: Omit<Status, 'n'> | null) => void;
  setShortcutsOpen: (open: boolean) => void;
  setOnBehalf: (onBehalf: boolean) => void;
  setSession: (session: Session | null) => void;
}

export type UiStore = StoreApi<UiState>;

export const emptyDraft = (): Draft => ({ options: [], allocations: {} });

/** The answer a draft stands for, in the shape the authority takes. */
export function draftAnswer(kind: string, draft: Draft): Answer {
  if (kind === 'acknowledge') return {};
  if (kind === 'allocation') {
    // Keys are a team type, or `type#2`… for its further teams (see allocation() in decision-card.ts).
    return { allocations: Object.entries(draft.allocations).filter(([, to]) => to !== '').map(([key, to]) => ({ team: key.replace(/#\d+$/, ''), to })) };
  }
  return { options: [...draft.options] };
}

export function createUiStore(lang: Lang = DEFAULT_LANG): UiStore {
  return createStore<UiState>()((set, get) => ({
    lang,
    screen: 'briefing',
    seat: null,
    logFilter: { unit: null, node: null },
    mapNode: null,
    drafts: {},
    status: null,
    shortcutsOpen: false,
    onBehalf: false,
    session: null,

    setLang: (next) => set({ lang: next }),
    setScreen: (screen) => set({ screen }),
    setSeat: (seat) => set({ seat, screen: 'seat' }),
    setLogFilter: (filter) => set({ logFilter: { ...get().logFilter, ...filter } }),
    setMapNode: (mapNode) => set({ mapNode }),
    setDraft: (decision, draft) => set({ drafts: { ...get().drafts, [decision]: draft } }),
    setStatus: (status) => set({ status: status && { ...status, n: (get().status?.n ?? 0) + 1 } }),
    setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
    setOnBehalf: (onBehalf) => set({ onBehalf }),
    setSession: (session) => set({ session, drafts: {}, status: null, logFilter: { unit: null, node: null }, mapNode: null }),
  }));
}
