// What the interface remembers, apart from the drill's own state: the language, which screen and
// seat are shown, the log filters, the time node the map shows, half-filled decision cards, the
// last action's outcome — and the live drill session itself. A zustand vanilla store, so views
// re-render from one subscription and tests can drive it without a DOM.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Answer, DrillEvent } from '../core/index.ts';
import type { Decision, DecisionKind } from '../scenario/index.ts';
import type { Session } from './drill/session.ts';
import { DEFAULT_LANG, type Lang } from './i18n.ts';

export type Screen = 'briefing' | 'picker' | 'author' | 'console' | 'seat' | 'scoreboard' | 'bigscreen' | 'debrief' | 'review';

/** What the replay view (views/review.ts) shows of the drill as it stood under the playhead. */
export type ReviewView = 'console' | 'seat' | 'scoreboard' | 'map';
export const REVIEW_VIEWS: readonly ReviewView[] = ['console', 'seat', 'scoreboard', 'map'];

/** The two read-only places in the seat switcher beside the playing seats: the core's viewers. */
export { EVALUATOR, OBSERVER } from '../core/actors.ts';

/**
 * A decision card being filled in: chosen options, for an allocation the place per team, a number
 * as typed, a ranking's order (the options' order until moved), a report's text.
 */
export interface Draft {
  options: string[];
  allocations: Record<string, string>;
  value?: string;
  order?: string[];
  /** A ranking's last move in words, for the screen reader's live line. */
  moved?: string;
  text?: string;
}

/** A message being written on a seat's screen (views/compose.ts): an order or a report. */
export interface MessageDraft {
  to: string;
  /** An order's action ('' for words only), or a report's kind (报告/请示/协调). */
  what: string;
  /** The action's fields as the form holds them: ids, numbers as typed, a list of seats. */
  fields: Record<string, string | string[]>;
  text: string;
}

export interface LogFilter {
  /** A seat id (or 'facilitator'): entries it sent or that concern it. */
  unit: string | null;
  /** A node index: entries made while it was the current node. */
  node: number | null;
  /** How many of the latest matching entries are shown (views/window.ts; absent: LOG_WINDOW). */
  limit?: number;
}

/** What the last action did: shown in the aria-live status line, in the current language. */
export interface Status {
  /** Increases with every action, so the same message twice is still announced. */
  n: number;
  actor: string;
  event: DrillEvent;
  ok: boolean;
  reason?: string;
  /** Sent to a server, its acknowledgement awaited. */
  pending?: true;
  /** The reason is a server's refusal, already in the interface language. */
  worded?: true;
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
  /**
   * Another tab writes the drill and this one follows it (src/app/persist/tab-lock.ts): views show, never
   * act — no start, no choosing or importing, no input (the read-only session refuses them anyway).
   */
  readOnly: boolean;
  /** Orders and reports being written, by `${seat}:order` / `${seat}:report`. */
  compose: Record<string, MessageDraft>;
  /** Messages a seat has read, by `${seat}#${index in world.messages}`. */
  read: Record<string, true>;
  /** New decisions a seat has acknowledged, by `${decision}@${openClock}` (a reopened one is new again). */
  seenDecisions: Record<string, true>;
  /** A new decision also beeps (off until the user turns it on). */
  sound: boolean;
  /** The console's inject form (views/inject-writer.ts): closed (null), a live inject, or a prepared one being edited. */
  injectForm: InjectForm | null;
  /** What the console's deadline buttons add to a deadline (延长) or give a reopened decision (重新开放), ms. */
  deadlineMs: number;
  /** The replay view's choice of view, and the seat it shows (a seat id, EVALUATOR or OBSERVER; null: the HQ). */
  reviewView: ReviewView;
  reviewSeat: string | null;
  /** How many rows a seat's long lists show, by `${seat}:inbox` / `${seat}:sent` (absent: MAIL_WINDOW). */
  listLimits: Record<string, number>;

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
  setReadOnly: (readOnly: boolean) => void;
  setCompose: (key: string, draft: MessageDraft) => void;
  markRead: (keys: readonly string[]) => void;
  markSeen: (keys: readonly string[]) => void;
  setSound: (sound: boolean) => void;
  setInjectForm: (form: InjectForm | null) => void;
  setDeadlineMs: (ms: number) => void;
  setReviewView: (view: ReviewView) => void;
  setReviewSeat: (seat: string) => void;
  setListLimit: (key: string, limit: number) => void;
}

/** The inject being written: `edit` is the prepared inject's id (null: a live one); `problem`, what stops it going out. */
export interface InjectForm {
  edit: string | null;
  problem?: 'title' | 'text' | 'to';
}

export type UiStore = StoreApi<UiState>;

export const emptyDraft = (): Draft => ({ options: [], allocations: {} });

/** The answer a draft stands for, per kind, in the shape the authority takes (which refuses what is missing, in words). */
const DRAFT_ANSWERS = {
  single: (_d, draft) => ({ options: [...draft.options] }),
  multiple: (_d, draft) => ({ options: [...draft.options] }),
  // Keys are a team type, or `type#2`… for its further teams (see allocation() in decision-card.ts).
  allocation: (_d, draft) => ({ allocations: Object.entries(draft.allocations).filter(([, to]) => to !== '').map(([key, to]) => ({ team: key.replace(/#\d+$/, ''), to })) }),
  acknowledge: () => ({}),
  // Nothing typed, or not a number: no value, which the authority refuses with the range to give.
  number: (_d, draft) => {
    const value = draft.value?.trim() ? Number(draft.value) : Number.NaN;
    return Number.isFinite(value) ? { value } : {};
  },
  ranking: (d, draft) => ({ order: [...(draft.order ?? d.options.map((o) => o.id))] }),
  report: (_d, draft) => (draft.text ? { text: draft.text } : {}),
} satisfies Record<DecisionKind, (d: Decision, draft: Draft) => Answer>;

export const draftAnswer = (d: Decision, draft: Draft): Answer => DRAFT_ANSWERS[d.kind](d, draft);

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
    readOnly: false,
    compose: {},
    read: {},
    seenDecisions: {},
    sound: false,
    injectForm: null,
    deadlineMs: 2 * 60_000,
    reviewView: 'console',
    reviewSeat: null,
    listLimits: {},

    setLang: (next) => set({ lang: next }),
    setScreen: (screen) => set({ screen }),
    setSeat: (seat) => set({ seat, screen: 'seat' }),
    setLogFilter: (filter) => set({ logFilter: { ...get().logFilter, ...filter } }),
    setMapNode: (mapNode) => set({ mapNode }),
    setDraft: (decision, draft) => set({ drafts: { ...get().drafts, [decision]: draft } }),
    setStatus: (status) => set({ status: status && { ...status, n: (get().status?.n ?? 0) + 1 } }),
    setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
    setOnBehalf: (onBehalf) => set({ onBehalf }),
    setReadOnly: (readOnly) => set({ readOnly }),
    setSession: (session) => set({ session, drafts: {}, status: null, logFilter: { unit: null, node: null }, mapNode: null, injectForm: null, compose: {}, read: {}, seenDecisions: {}, listLimits: {} }),
    setCompose: (key, draft) => set({ compose: { ...get().compose, [key]: draft } }),
    markRead: (keys) => set({ read: { ...get().read, ...Object.fromEntries(keys.map((k) => [k, true as const])) } }),
    markSeen: (keys) => set({ seenDecisions: { ...get().seenDecisions, ...Object.fromEntries(keys.map((k) => [k, true as const])) } }),
    setSound: (sound) => set({ sound }),
    setInjectForm: (injectForm) => set({ injectForm }),
    setDeadlineMs: (deadlineMs) => set({ deadlineMs }),
    setReviewView: (reviewView) => set({ reviewView }),
    setListLimit: (key, limit) => set({ listLimits: { ...get().listLimits, [key]: limit } }),
    setReviewSeat: (reviewSeat) => set({ reviewSeat, reviewView: 'seat' }),
  }));
}
