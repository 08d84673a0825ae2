// Mounts the app into a container and keeps it in step with the UI store and the live drill.
// The screens: the briefing (the scenario, then "start the drill"), the facilitator console
// (导调台), a seat's screen (or the evaluator's / observer's), the scoreboard, the big screen
// (指挥大屏) and the debrief. Every click that changes the drill goes through the session, so it
// is an entry in the log; its outcome is said in the status line.
//
// Hooks for the rest of the app:
// - the map: `mountMap(el)` is called with the element marked data-map-slot whenever a screen with a
//   map appears, and its handle's `update(input)` on every render (about four times a second);
//   `destroy()` when the slot goes away. Without it, the slot shows a placeholder.
// - persistence / the scenario picker / import: `newDrill(source)` shows the briefing of another
//   scenario, `startDrill()` creates a session and starts it, `loadDrill(session)` adopts a session
//   (a reload, an import); `onSession(session)` is told about every session the app starts or adopts,
//   and the store's `session` field holds the current one.
import { render, type TemplateResult } from 'lit-html';
import { createExercise, FACILITATOR, type DrillEvent, type Exercise, type Model, type World } from '../core/index.ts';
import type { LoadResult, Scenario } from '../scenario/index.ts';
import { scoreDrill, type DrillScore } from '../scoring/index.ts';
import { createSession, type ClockSource, type Session } from './drill/session.ts';
import { htmlLang, pick, type Lang } from './i18n.ts';
import { draftAnswer, emptyDraft, type UiState, type UiStore } from './store.ts';
import { bigScreenView } from './views/bigscreen.ts';
import { consoleView } from './views/console.ts';
import { debriefView } from './views/debrief.ts';
import { entryMarks } from './views/drill-data.ts';
import { scoreboardView } from './views/scoreboard.ts';
import { seatView } from './views/seat.ts';
import { shellView } from './views/shell.ts';
import { briefingContent } from './views/summary.ts';
import { documentTitle } from './views/first-screen.ts';

export interface LoadedScenario {
  file: string;
  result: LoadResult;
}

/** What the map is given on every render; the map builds its view model from it (buildMapViewModel). */
export interface MapInput {
  model: Model;
  world: Readonly<World>;
  lang: Lang;
  /** The node the facilitator picked to show, or null for everything so far. */
  nodeFilter: number | null;
  /** 'large' on the big screen. */
  size: 'small' | 'large';
}

export interface MapHandle {
  update(input: MapInput): void;
  resize?(): void;
  destroy(): void;
}

/** The drill as a file: choosing a scenario, exporting the log, starting over (src/app/persist). */
export interface FileActions {
  /** The scenario picker's screen; `close` goes back to the briefing. */
  picker(lang: Lang, close: () => void): TemplateResult;
  exportDrill(session: Session): void;
  newDrill(lang: Lang): void;
  /** What saving has to say (a drill that came back, a failed write), if anything. */
  notice(lang: Lang): string | null;
  /** A saved drill is being restored (page load): starting a drill or choosing a scenario would be undone. */
  restoring?(): boolean;
  /** Called when the picker's or the notice's state changes. */
  subscribe(listener: () => void): () => void;
}

export interface AppOptions {
  /** Choosing, exporting and starting drills over; without it those buttons are not shown. */
  files?: FileActions;
  /** The room clock (performance.now in the browser; a manual clock in tests). */
  clock?: ClockSource;
  /** The seed of a new drill. */
  seed?: () => number;
  /** Mounts the map into its slot; see the header. */
  mountMap?: (el: HTMLElement) => MapHandle;
  /** Told about every session the app starts or adopts (to save its log, for instance). */
  onSession?: (session: Session) => void;
}

export interface App {
  readonly store: UiStore;
  /** The scenario on show (a picker may replace it with newDrill). */
  readonly source: LoadedScenario;
  /** Shows the briefing of another scenario; any drill under way is let go. */
  newDrill(source: LoadedScenario): void;
  /** Creates a session for the scenario on show, starts it and opens the console. */
  startDrill(): Session | null;
  /** Adopts a drill already under way or finished (a reload, an import). */
  loadDrill(session: Session): void;
  /** Moves the drill to the room clock's now; main.ts calls it about four times a second. */
  tick(): void;
  render(): void;
  /** Stops listening and lets the map go. */
  destroy(): void;
}

/** Scores are recomputed when an input or a scoring changes the drill, else at most this often. */
export const SCORE_EVERY_MS = 500;

export function mountApp(container: HTMLElement, initial: LoadedScenario, store: UiStore, options: AppOptions = {}): App {
  const clock = options.clock ?? (() => performance.now());
  const doc = container.ownerDocument;
  let source = initial;
  let session: Session | null = null;
  let unsubscribeSession: (() => void) | null = null;
  let map: { el: HTMLElement; handle: MapHandle } | null = null;
  let scoreCache: { session: Session; key: string; at: number; scores: DrillScore } | null = null;
  let preview: { scenario: Scenario; exercise: Exercise } | null = null;
  let confirmEnd = false;
  /** The node whose early leaving awaits confirmation (null: none); it lapses when the node changes. */
  let confirmNext: number | null = null;
  let nextWasOpen = false;
  let shortcutsWasOpen = false;
  let focusBeforeDialog: Element | null = null;

  // ── actions ───────────────────────────────────────────────────────────────
  const adopt = (next: Session | null) => {
    unsubscribeSession?.();
    unsubscribeSession = null;
    session = next;
    scoreCache = null;
    confirmEnd = false;
    confirmNext = null;
    if (next) unsubscribeSession = next.subscribe(() => draw());
    store.getState().setSession(next);
    if (next) options.onSession?.(next);
  };

  const control = (event: DrillEvent) => {
    if (!session) return;
    const outcome = session.facilitator(event);
    if (event.type === 'end') confirmEnd = false;
    if (event.type === 'next-node') confirmNext = null;
    store.getState().setStatus({ actor: FACILITATOR, event, ok: outcome.ok, ...(outcome.reason ? { reason: outcome.reason } : {}) });
    if (event.type === 'end' && outcome.ok) store.getState().setScreen('debrief');
  };

  /** Is the next-node confirmation showing: opened in this very node, the drill under way. */
  const nextOpen = (): boolean => {
    const w = session?.exercise.world;
    return !!w && confirmNext === w.node && (w.mode === 'running' || w.mode === 'paused');
  };

  /**
   * Next node (button or N): leaving a node early delivers the rest of its script at once, so the
   * console lists it and asks first. On the last node there is nothing to confirm: the authority
   * refuses, and the status line says why.
   */
  const askNextNode = (open: boolean) => {
    if (!session) return;
    const w = session.exercise.world;
    const last = w.node >= session.exercise.model.scenario.nodes.length - 1;
    if (open && (last || (w.mode !== 'running' && w.mode !== 'paused'))) {
      confirmNext = null;
      control({ type: 'next-node' });
      return;
    }
    confirmNext = open ? w.node : null;
    if (open) confirmEnd = false;
    draw();
  };

  const answer = (seat: string, decision: string) => {
    if (!session) return;
    const d = session.exercise.model.decisions.get(decision);
    if (!d) return;
    const st = store.getState();
    const event: DrillEvent = { type: 'answer', decision, ...draftAnswer(d.kind, st.drafts[decision] ?? emptyDraft()) };
    const outcome = session.send(seat, event);
    st.setStatus({ actor: seat, event, ok: outcome.ok, ...(outcome.reason ? { reason: outcome.reason } : {}) });
  };

  const restoring = () => options.files?.restoring?.() ?? false;

  const startDrill = (): Session | null => {
    if (!source.result.ok || restoring()) return null;
    const next = createSession({ scenario: source.result.scenario, file: source.file, seed: options.seed?.() ?? 1, clock });
    adopt(next);
    control({ type: 'start' });
    store.getState().setScreen('console');
    return next;
  };

  const scoresOf = (s: Session): DrillScore => {
    const w = s.exercise.world;
    const scored = Object.values(w.decisions).reduce((n, d) => n + (d.status === 'scored' ? 1 : 0), 0);
    const key = `${w.seq}|${w.mode}|${scored}`;
    const now = clock();
    if (scoreCache && scoreCache.session === s && scoreCache.key === key && now - scoreCache.at < SCORE_EVERY_MS) return scoreCache.scores;
    const scores = scoreDrill(s.scenario, w, s.exercise.log);
    scoreCache = { session: s, key, at: now, scores };
    return scores;
  };

  // ── keyboard: Space pause/resume, N next node, ? the shortcuts ────────────
  const onKey = (e: KeyboardEvent) => {
    const st = store.getState();
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (st.shortcutsOpen) {
      if (e.key === 'Escape') {
        e.preventDefault();
        st.setShortcutsOpen(false);
      }
      return;
    }
    if (!session || (st.screen !== 'console' && st.screen !== 'bigscreen')) return;
    if (isTyping(e.target)) return;
    const mode = session.exercise.world.mode;
    if (nextOpen()) {
      // The confirmation has Enter and Escape; a focused button keeps its own Enter (its click).
      if (e.key === 'Escape') {
        e.preventDefault();
        askNextNode(false);
        return;
      }
      if (e.key === 'Enter') {
        if (activates(e.target)) return;
        e.preventDefault();
        confirmNext = null;
        control({ type: 'next-node' });
        return;
      }
    }
    if (e.key === '?') {
      e.preventDefault();
      st.setShortcutsOpen(true);
    } else if (e.key === ' ' || e.code === 'Space') {
      if (activates(e.target)) return; // Space presses the focused button; do not also pause
      e.preventDefault();
      if (mode === 'running') control({ type: 'pause' });
      else if (mode === 'paused') control({ type: 'resume' });
    } else if (e.key === 'n' || e.key === 'N') {
      e.preventDefault();
      if (!nextOpen()) askNextNode(true);
    }
  };
  doc.addEventListener('keydown', onKey);

  // ── rendering ─────────────────────────────────────────────────────────────
  // While the session catches up with the clock (timers, bots) it may report several entries:
  // they are drawn once, after it.
  let batching = false;
  let dirty = false;
  const draw = () => {
    if (batching) {
      dirty = true;
      return;
    }
    const st = store.getState();
    if (st.session !== session) adopt(st.session); // a session set on the store directly
    const lang = st.lang;
    const screen = session || st.screen === 'picker' ? st.screen : 'briefing';
    const drill = session ? { model: session.exercise.model, world: session.exercise.world } : null;
    render(
      shellView({
        lang,
        screen,
        drill,
        seat: st.seat,
        status: st.status,
        shortcutsOpen: st.shortcutsOpen,
        notice: options.files?.notice(lang) ?? null,
        files: options.files
          ? {
              picker: () => st.setScreen('picker'),
              busy: restoring(),
              exportDrill: session ? () => options.files!.exportDrill(session!) : null,
              newDrill: session ? () => options.files!.newDrill(lang) : null,
            }
          : null,
        body: body(st, screen),
        on: {
          lang: st.setLang,
          screen: (s) => {
            confirmEnd = false;
            st.setScreen(s);
          },
          seat: st.setSeat,
          closeShortcuts: () => st.setShortcutsOpen(false),
        },
      }),
      container,
    );
    syncMap(st, screen);
    syncDocument(lang);
    syncDialogFocus(st.shortcutsOpen);
    syncNextFocus();
  };

  // The confirmation takes the focus when it opens (Enter on its button confirms); it goes back to
  // the next-node button when it closes.
  const syncNextFocus = () => {
    const open = nextOpen();
    if (open && !nextWasOpen) container.querySelector<HTMLElement>('[data-next-confirm]')?.focus();
    else if (!open && nextWasOpen && container.contains(doc.activeElement) === false) container.querySelector<HTMLElement>('button[aria-keyshortcuts="N"]')?.focus();
    nextWasOpen = open;
  };

  const body = (st: UiState, screen: UiState['screen']) => {
    const lang = st.lang;
    if (screen === 'picker' && options.files) return options.files.picker(lang, () => st.setScreen('briefing'));
    if (!session || screen === 'briefing' || screen === 'picker') {
      const running = session !== null && session.exercise.world.mode !== 'debrief';
      return briefingContent(lang, source.file, source.result, {
        running,
        ...(restoring() ? { pending: 'restoring' as const } : {}),
        onStart: () => (running ? st.setScreen('console') : void startDrill()),
      });
    }
    const s = session;
    const { model, world, log } = s.exercise;
    switch (screen) {
      case 'console':
        return consoleView({
          lang,
          model,
          world,
          log,
          marks: entryMarks(model.scenario, log, world.rejections),
          speed: s.speed,
          logFilter: st.logFilter,
          mapNode: st.mapNode,
          confirmEnd,
          confirmNext: nextOpen(),
          on: {
            control,
            speed: (n) => {
              s.setSpeed(n);
              draw();
            },
            goSeat: st.setSeat,
            logFilter: st.setLogFilter,
            mapNode: st.setMapNode,
            shortcuts: () => st.setShortcutsOpen(true),
            confirmEnd: (open) => {
              confirmEnd = open;
              if (open) confirmNext = null;
              draw();
            },
            confirmNext: askNextNode,
            debrief: () => st.setScreen('debrief'),
          },
        });
      case 'seat':
        return seatView({
          lang,
          model,
          world,
          file: s.file,
          seat: st.seat ?? model.hq,
          speed: s.speed,
          scores: scoresOf(s),
          drafts: st.drafts,
          onBehalf: st.onBehalf,
          on: { draft: st.setDraft, submit: (decision) => answer(st.onBehalf ? FACILITATOR : (st.seat ?? model.hq), decision), behalf: st.setOnBehalf },
        });
      case 'scoreboard':
        return scoreboardView(lang, model, world, s.speed, scoresOf(s));
      case 'bigscreen':
        return bigScreenView({
          lang,
          model,
          world,
          scores: scoresOf(s),
          onLang: st.setLang,
          onExit: () => st.setScreen('console'),
          confirmNext: nextOpen() ? { onConfirm: () => control({ type: 'next-node' }), onCancel: () => askNextNode(false) } : null,
        });
      case 'debrief':
        return debriefView(lang, model, world, scoresOf(s));
    }
  };

  const syncMap = (st: UiState, screen: UiState['screen']) => {
    const el = container.querySelector<HTMLElement>('[data-map-slot]');
    if (map && map.el !== el) {
      map.handle.destroy();
      map = null;
    }
    if (!el || !options.mountMap) return;
    if (!map) map = { el, handle: options.mountMap(el) };
    const input = mapInput(st, screen);
    if (input) map.handle.update(input);
  };

  const mapInput = (st: UiState, screen: UiState['screen']): MapInput | null => {
    const size = screen === 'bigscreen' ? 'large' : 'small';
    if (session) return { model: session.exercise.model, world: session.exercise.world, lang: st.lang, nodeFilter: st.mapNode, size };
    if (!source.result.ok) return null;
    // Before the drill: the scenario's region with nothing happened yet.
    if (!preview || preview.scenario !== source.result.scenario) preview = { scenario: source.result.scenario, exercise: createExercise({ scenario: source.result.scenario, seed: 0 }) };
    return { model: preview.exercise.model, world: preview.exercise.world, lang: st.lang, nodeFilter: st.mapNode, size };
  };

  // The tab strip names the scenario on show (a picker may change it), in the interface language.
  const syncDocument = (lang: Lang) => {
    const title = source.result.ok ? pick(lang, source.result.scenario.meta.title) : source.file;
    const text = documentTitle(lang, title);
    if (doc.title !== text) doc.title = text;
    doc.documentElement.lang = htmlLang(lang);
  };

  const syncDialogFocus = (open: boolean) => {
    if (open && !shortcutsWasOpen) {
      focusBeforeDialog = doc.activeElement;
      container.querySelector<HTMLElement>('[role="dialog"] [data-autofocus]')?.focus();
    } else if (!open && shortcutsWasOpen && focusBeforeDialog instanceof HTMLElement && focusBeforeDialog.isConnected) {
      focusBeforeDialog.focus();
    }
    shortcutsWasOpen = open;
  };

  // lit-html renders beside what is already there: drop the static "loading" text of index.html, but
  // keep the first screen main.ts drew with the same templates (views/frame.ts), which lit-html then
  // updates in place.
  for (const el of container.querySelectorAll(':scope > .boot')) el.remove();
  const unsubscribeStore = store.subscribe(draw);
  const unsubscribeFiles = options.files?.subscribe(() => draw());
  if (store.getState().session) adopt(store.getState().session);
  draw();

  return {
    store,
    get source() {
      return source;
    },
    newDrill(next) {
      source = next;
      preview = null;
      adopt(null);
      store.getState().setScreen('briefing');
    },
    startDrill,
    loadDrill(next) {
      adopt(next);
      store.getState().setScreen(next.exercise.world.mode === 'debrief' ? 'debrief' : 'console');
    },
    tick() {
      if (!session) return;
      batching = true;
      dirty = false;
      try {
        session.tick();
      } finally {
        batching = false;
      }
      if (dirty) draw();
    },
    render: draw,
    destroy() {
      unsubscribeStore();
      unsubscribeFiles?.();
      unsubscribeSession?.();
      doc.removeEventListener('keydown', onKey);
      map?.handle.destroy();
      map = null;
    },
  };
}

/** Typing in a field: the keys are the field's. */
function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  return el.isContentEditable || el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/** Elements Space presses by itself. */
function activates(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (target as Element).closest('button, a[href], summary, [role="button"], [role="checkbox"], [role="radio"]') !== null;
}
