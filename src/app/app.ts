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
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { createExercise, FACILITATOR, type CommandType, type DrillEvent, type Exercise, type Model, type Outcome, type World } from '../core/index.ts';
import type { LoadResult, Scenario } from '../scenario/index.ts';
import { scoreDrill, type DrillScore } from '../scoring/index.ts';
import { createSession, type ClockSource, type Session } from './drill/session.ts';
import { isPending } from './remote/pending.ts';
import type { RoleScreens } from './remote/role-screens.ts';
import { htmlLang, pick, type Lang } from './i18n.ts';
import { draftAnswer, emptyDraft, OBSERVER, type UiState, type UiStore } from './store.ts';
import { bigScreenView } from './views/bigscreen.ts';
import { consoleView } from './views/console.ts';
import { debriefView } from './views/debrief.ts';
import { screenBody } from './views/persist-banner.ts';
import { createChime, cueTitle, openFor, unseenFor } from './views/decision-cue.ts';
import { scoreboardView } from './views/scoreboard.ts';
import { seatView } from './views/seat.ts';
import { shellView } from './views/shell.ts';
import { activates, isTyping, spaceAction } from './views/shortcuts.ts';
import { briefingContent } from './views/summary.ts';
import { documentTitle } from './views/first-screen.ts';
import { archivedParent, ReviewSession, sourceOf, type ReviewSource } from './review/review-session.ts';
import { comparisonPanel, reviewView, reviewViewer, type ParentRecord } from './views/review.ts';
import { notesPanel } from './views/notes.ts';
import { createRecordStore, type RecordStore } from './review/record-store.ts';
import { memoryReviewStore } from './persist/review-store.ts';
import type { DrillArchive } from './persist/archive.ts';
import { EMPTY_RECORD, type ReviewEntry, type ReviewEvent } from '../review/record.ts';

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
  /** Who is looking — a seat id, the facilitator, EVALUATOR or OBSERVER (the big screen): which plotted marks show. */
  viewer: string;
}

export interface MapHandle {
  update(input: MapInput): void;
  resize?(): void;
  destroy(): void;
  /** The plot tool's hook (views/plot-tool.ts): while a listener is set, a click on the map gives it the place clicked. */
  onPoint?(listener: ((at: { lat: number; lon: number }) => void) | null): void;
}

/** The drill as a file: choosing a scenario, exporting the log, starting over (src/app/persist). */
export interface FileActions {
  /** The scenario picker's screen; `close` goes back to the briefing. */
  picker(lang: Lang, close: () => void): TemplateResult;
  exportDrill(session: Session): void;
  /** Downloads the drill's review record (notes, self-assessments, the plan) beside its log's name. */
  exportReview?(session: Session, entries: readonly ReviewEntry[]): void;
  newDrill(lang: Lang): void;
  /** What saving has to say (a drill that came back, a failed write), if anything. */
  notice(lang: Lang): string | null;
  /** A saved drill is being restored (page load): starting a drill or choosing a scenario would be undone. */
  restoring?(): boolean;
  /** Shown above every screen: the tab that follows another (接管), an unreadable saved drill, a question. */
  banner?(lang: Lang): TemplateResult | null;
  /** Asked before 开始推演 throws away the drill on show (an imported or finished one); resolves to go on or not. */
  confirmDiscard?(): Promise<boolean>;
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
  /** Mounts the authoring view (编写情景, src/app/authoring) into its slot; without it the screen is not offered. */
  mountAuthoring?: (el: HTMLElement, lang: Lang, close: () => void) => AuthoringHandle;
  /** Told about every session the app starts or adopts (to save its log, for instance). */
  onSession?: (session: Session) => void;
  /** This browser's archived drills: a what-if branch's parent is read from it to compare with. */
  archive?: Pick<DrillArchive, 'get'>;
  /** The evaluators' record (notes …) of the drill on show, kept by drill id; default one kept in memory. */
  records?: RecordStore;
  /** A drill on a server (src/app/remote): its connection above every screen, its join links on the console. */
  remote?: RemoteHooks;
}

/** The authoring view in its slot: told the interface language on every render, let go when the slot goes. */
export interface AuthoringHandle {
  update(lang: Lang): void;
  destroy(): void;
}

export interface RemoteHooks {
  banner(lang: Lang): TemplateResult;
  /** The join links panel, for a role that controls the drill. */
  links?(lang: Lang): TemplateResult;
  /** The join link's role: the screens and controls it has (its name and seat are in the banner). */
  role?: RoleScreens;
  /** A participant's scores, as the server sent them (its scenario has no rubric to compute them); null while hidden. */
  scores?(): DrillScore | null;
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
  /** Opens a recorded drill in the replay view; the live drill, if any, is left as it is. */
  openReview(source: ReviewSource): void;
  /** The drill under review, once one was opened. */
  readonly review: ReviewSession | null;
  /** The review record (notes, self-assessments, findings, form ratings) of the drill on show. */
  readonly records: RecordStore;
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
  let authoring: { el: HTMLElement; handle: AuthoringHandle } | null = null;
  let scoreCache: { session: Session; key: string; at: number; scores: DrillScore } | null = null;
  let preview: { scenario: Scenario; exercise: Exercise } | null = null;
  /** The replay view's own state, apart from the live session's. */
  let review: ReviewSession | null = null;
  /** The comparison of the drill under review with its parent, while open. */
  let comparing: { parent: ParentRecord } | null = null;
  /** The drills what-if branches were made from in this page, by drill id: compared with when the archive lacks them. */
  const branchedFrom = new Map<string, ReviewSource>();
  let confirmEnd = false;
  /** The node whose early leaving awaits confirmation (null: none); it lapses when the node changes. */
  let confirmNext: number | null = null;
  let nextWasOpen = false;
  let shortcutsWasOpen = false;
  let focusBeforeDialog: Element | null = null;
  const chime = createChime(doc.defaultView);

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

  const control = (event: DrillEvent): boolean => {
    if (!session) return false;
    const outcome = session.facilitator(event);
    if (event.type === 'end') confirmEnd = false;
    if (event.type === 'next-node') confirmNext = null;
    report(FACILITATOR, event, outcome, (settled) => {
      if (event.type === 'end' && settled.ok) store.getState().setScreen('debrief');
    });
    return outcome.ok;
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
    const event: DrillEvent = { type: 'answer', decision, ...draftAnswer(d, st.drafts[decision] ?? emptyDraft()) };
    send(seat, event);
  };

  /** A seat's input (an answer, an order, a report, a level, an HQ move), its outcome said in the status line. */
  const send = (seat: string, event: DrillEvent): boolean => {
    if (!session) return false;
    const outcome = session.send(seat, event);
    report(seat, event, outcome);
    return outcome.ok;
  };

  /** An outcome in the status line; a server's comes with its acknowledgement, "sending…" until then. */
  const report = (actor: string, event: DrillEvent, outcome: Outcome, then?: (settled: Outcome) => void) => {
    const said = (o: Outcome & { worded?: true }, pending?: true) =>
      store.getState().setStatus({ actor, event, ok: o.ok, ...(o.reason ? { reason: o.reason } : {}), ...(o.worded ? { worded: true as const } : {}), ...(pending ? { pending } : {}) });
    if (!isPending(outcome)) {
      said(outcome);
      then?.(outcome);
      return;
    }
    said(outcome, true);
    void outcome.ack.then((settled) => {
      said(settled);
      then?.(settled);
    });
  };

  const restoring = () => options.files?.restoring?.() ?? false;

  const startDrill = (): Session | null => {
    // A server drill is the server's: this page never starts one of its own over it.
    if (!source.result.ok || restoring() || store.getState().readOnly || options.remote) return null;
    const next = createSession({ scenario: source.result.scenario, file: source.file, seed: options.seed?.() ?? 1, clock });
    adopt(next);
    control({ type: 'start' });
    store.getState().setScreen('console');
    // The start button is gone: the focus goes to the console's first control, not to the page.
    container.querySelector<HTMLElement>('button[aria-keyshortcuts="Space"]')?.focus();
    return next;
  };

  /** 开始推演 over a drill still on show (imported, or finished): asked first, in the app's own dialog. */
  const startAsking = async () => {
    if (session && options.files?.confirmDiscard && !(await options.files.confirmDiscard())) return;
    startDrill();
  };

  /** The persistence banner above the screen; a tab that follows another gets every control disabled. */
  // The replay changes no drill, so a tab that follows another may scrub it too (only its what-if is disabled).
  const readOnlyGuard = (st: UiState, screen: UiState['screen'], content: TemplateResult) =>
    screenBody(options.files?.banner?.(st.lang) ?? options.remote?.banner(st.lang) ?? null, st.readOnly && !(screen === 'review' && review), content);

  const scoresOf = (s: Session): DrillScore => {
    const w = s.exercise.world;
    const scored = Object.values(w.decisions).reduce((n, d) => n + (d.status === 'scored' ? 1 : 0), 0);
    // The evaluator's ticks of written reports (the review record's) score them; a new tick is a new key.
    const rec = records.getState();
    const ticks = rec.drill === s.drill ? rec.record.ticks : {};
    const key = `${w.seq}|${w.mode}|${scored}|${rec.drill === s.drill ? rec.entries.length : 0}`;
    const now = clock();
    if (scoreCache && scoreCache.session === s && scoreCache.key === key && now - scoreCache.at < SCORE_EVERY_MS) return scoreCache.scores;
    const scores = scoreDrill(s.scenario, w, s.exercise.log, ticks);
    scoreCache = { session: s, key, at: now, scores };
    return scores;
  };

  // ── the replay view (复盘回放) and the what-if ─────────────────────────────
  const records = options.records ?? createRecordStore(memoryReviewStore());

  /**
   * The record store holds one drill's record at a time: the one under review on the review screen,
   * the live drill's everywhere else (often the same drill). Called on every draw.
   */
  const syncRecords = (screen: UiState['screen']) => {
    const on = screen === 'review' && review ? { drill: review.source.header.drill, model: review.exercise.model } : session ? { drill: session.drill, model: session.exercise.model } : null;
    if (on && records.getState().drill !== on.drill) void records.getState().load(on.drill, on.model.seats);
  };

  /** The live drill's review record and the way to add to it, for its screens (notes, self-assessments, findings). */
  const liveReview = (s: Session) => {
    const rec = records.getState();
    const mine = rec.drill === s.drill;
    return {
      record: mine ? rec.record : EMPTY_RECORD,
      problem: mine ? rec.problem : null,
      add: (actor: string, event: ReviewEvent) => (records.getState().drill === s.drill ? records.getState().add(actor, event) : { ok: false, reason: 'the record on show is another drill’s' }),
    };
  };

  /** The debrief's 导出评估记录: the live drill's entries as the record store holds them (null: none yet). */
  const reviewExport = (s: Session) => {
    const rec = records.getState();
    const entries = rec.drill === s.drill ? rec.entries : [];
    return entries.length === 0 ? null : () => options.files!.exportReview!(s, entries);
  };

  const openReview = (next: ReviewSource) => {
    review?.pause();
    review = new ReviewSession(next);
    comparing = null;
    store.getState().setScreen('review');
  };

  /** A new live drill from the playhead, adopted like any other: the console, paused where the replay stood. */
  const branch = () => {
    if (!review || restoring() || store.getState().readOnly) return;
    review.pause();
    branchedFrom.set(review.source.header.drill, review.source);
    adopt(review.branch(clock));
    store.getState().setScreen('console');
  };

  /** The parent drill's record for the comparison: kept from this page's branching, else from the archive. */
  const compare = (open: boolean) => {
    const parent = review?.source.header.parent;
    if (!open || !parent) comparing = null;
    else {
      const kept = branchedFrom.get(parent.drill);
      if (kept) comparing = { parent: kept };
      else if (!options.archive) comparing = { parent: 'missing' };
      else {
        const asked: { parent: ParentRecord } = { parent: 'loading' };
        comparing = asked;
        void archivedParent(options.archive, review!.source).then((found) => {
          asked.parent = found;
          draw();
        });
      }
    }
    draw();
  };

  const reviewBody = (st: UiState, r: ReviewSession) => {
    const { lang } = st;
    const { model } = r.exercise;
    const rec = records.getState();
    const record = rec.drill === r.source.header.drill ? rec.record : EMPTY_RECORD;
    r.setNotes(record.notes);
    r.setTicks(record.ticks);
    const seek = (t: number) => {
      r.seek(t);
      draw();
    };
    return reviewView({
      lang,
      review: r,
      view: st.reviewView,
      seat: st.reviewSeat,
      canBranch: !restoring() && !st.readOnly,
      record,
      notes: notesPanel({
        lang,
        model,
        record,
        viewer: FACILITATOR,
        anchor: r.anchor,
        // The tab that holds the drill writes its record; one that follows only reads it.
        ...(st.readOnly
          ? {}
          : {
              onAdd: (event: ReviewEvent<'note'>) => records.getState().add(FACILITATOR, event),
              onPublish: (ids: string[]) => void records.getState().add(FACILITATOR, { type: 'publish-notes', ids }),
            }),
        onJump: (at) => seek(at.t),
      }),
      comparison: comparing ? comparisonPanel(lang, r, comparing.parent) : null,
      compare: r.source.header.parent ? { open: comparing !== null } : null,
      logFilter: st.logFilter,
      listLimits: st.listLimits,
      on: {
        seek,
        logFilter: st.setLogFilter,
        listLimit: st.setListLimit,
        play: () => {
          r.play(clock());
          draw();
        },
        pause: () => {
          r.pause();
          draw();
        },
        speed: (n) => {
          r.setSpeed(n);
          draw();
        },
        step: (dir) => {
          r.step(dir);
          draw();
        },
        jump: (m) => seek(m.t),
        view: st.setReviewView,
        seat: st.setReviewSeat,
        branch,
        compare,
      },
    });
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
    if (!session || st.readOnly) return;
    if (e.key === ' ' || e.code === 'Space') {
      // Space pauses on every drill screen, wherever the focus is (views/shortcuts.ts).
      const act = spaceAction(screenOf(st), session.exercise.world.mode, e.target);
      if (act && may(act)) {
        e.preventDefault();
        control({ type: act });
      }
      return;
    }
    if (screenOf(st) !== 'console' && screenOf(st) !== 'bigscreen') return;
    if (isTyping(e.target)) return;
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
    } else if ((e.key === 'n' || e.key === 'N') && may('next-node')) {
      e.preventDefault();
      if (!nextOpen()) askNextNode(true);
    }
  };
  doc.addEventListener('keydown', onKey);

  // ── a server drill's role ─────────────────────────────────────────────────
  const role = options.remote?.role ?? null;
  /** A command the role's controls offer; every one in a drill of this browser's own. */
  const may = (type: CommandType) => role?.may(type) ?? true;
  /** The screen on show: the one asked for, if there is a drill for it and the role has it. */
  const screenOf = (st: UiState): UiState['screen'] => {
    const asked = session || st.screen === 'picker' || (st.screen === 'author' && options.mountAuthoring) || (st.screen === 'review' && review) ? st.screen : 'briefing';
    return role && !role.screens.includes(asked) ? role.home : asked;
  };

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
    const screen = screenOf(st);
    syncRecords(screen);
    const drill = session ? { model: session.exercise.model, world: session.exercise.world } : null;
    render(
      shellView({
        lang,
        screen,
        drill,
        seat: st.seat,
        role: role ? { nav: role.nav, switcher: role.seat === null } : null,
        status: st.status,
        shortcutsOpen: st.shortcutsOpen,
        trust: screen === 'review' ? (review?.source.trust.kind ?? null) : (session?.trust ?? null),
        // The review screen names the parent of the drill it replays in its own header.
        whatIf: screen === 'review' ? null : (session?.parent ?? null),
        notice: options.files?.notice(lang) ?? null,
        files: options.files
          ? {
              picker: () => st.setScreen('picker'),
              ...(options.mountAuthoring ? { author: () => st.setScreen('author') } : {}),
              busy: restoring() || st.readOnly,
              exportDrill: session ? () => options.files!.exportDrill(session!) : null,
              newDrill: session && !st.readOnly ? () => options.files!.newDrill(lang) : null,
            }
          : null,
        body: readOnlyGuard(st, screen, body(st, screen)),
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
    syncAuthoring(st.lang);
    syncDocument(lang, syncCue(st, screen));
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
    // The authoring view draws itself into this slot (syncAuthoring): its editor must outlive the app's renders.
    if (screen === 'author' && options.mountAuthoring) return html`<section class="authoring-slot" data-authoring-slot></section>`;
    if (screen === 'review' && review) return reviewBody(st, review);
    if (!session || screen === 'briefing' || screen === 'picker' || screen === 'author') {
      const running = session !== null && session.exercise.world.mode !== 'debrief';
      return briefingContent(lang, source.file, source.result, {
        running,
        ...(restoring() ? { pending: 'restoring' as const } : {}),
        onStart: () => (running ? st.setScreen('console') : void startAsking()),
      });
    }
    const s = session;
    const { model, world, log } = s.exercise;
    switch (screen) {
      case 'console':
        return html`${consoleView({
          lang,
          model,
          world,
          log,
          speed: s.speed,
          logFilter: st.logFilter,
          mapNode: st.mapNode,
          confirmEnd,
          confirmNext: nextOpen(),
          injectForm: st.injectForm,
          deadlineMs: st.deadlineMs,
          review: { record: liveReview(s).record, publish: (ids) => void liveReview(s).add(FACILITATOR, { type: 'publish-notes', ids }) },
          ...(role ? { can: { command: may, speed: role.speed } } : {}),
          on: {
            control,
            injectForm: st.setInjectForm,
            deadlineMs: st.setDeadlineMs,
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
        })}${options.remote?.links?.(lang) ?? nothing}`;
      case 'seat':
        return seatView({
          lang,
          model,
          world,
          log,
          file: s.file,
          seat: st.seat ?? model.hq,
          speed: s.speed,
          scores: options.remote?.scores ? options.remote.scores() : scoresOf(s),
          drafts: st.drafts,
          onBehalf: st.onBehalf,
          // 导调代答 is the facilitator's, at the switcher's seats: not a seat's own screen, not a role that answers for none.
          canBehalf: !role || (role.seat === null && role.may('answer')),
          compose: st.compose,
          read: st.read,
          seen: st.seenDecisions,
          sound: st.sound,
          listLimits: st.listLimits,
          readOnly: s.readOnly,
          review: liveReview(s),
          on: {
            draft: st.setDraft,
            submit: (decision) => answer(st.onBehalf ? FACILITATOR : (st.seat ?? model.hq), decision),
            behalf: st.setOnBehalf,
            compose: st.setCompose,
            // Orders and reports go as the seat's own: "on its behalf" is for answering its decisions.
            send: (event) => send(st.seat ?? model.hq, event),
            read: st.markRead,
            seen: st.markSeen,
            sound: st.setSound,
            listLimit: st.setListLimit,
          },
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
      case 'review': // nothing under review: the debrief it opens from
        return debriefView(lang, model, world, scoresOf(s), () => openReview(sourceOf(s)), {
          log,
          ...liveReview(s),
          report: (files) => files.liveReportInput(s, liveReview(s).record),
          ...(options.files?.exportReview ? { exportReview: reviewExport(s) } : {}),
        });
    }
  };

  /** The seat on show hears its new decisions (if the sound is on); returns how many it has not acknowledged, for the tab's title. */
  const syncCue = (st: UiState, screen: UiState['screen']): number => {
    const seat = session && screen === 'seat' ? (st.seat ?? session.exercise.model.hq) : null;
    if (!session || seat === null) {
      chime.sync(null, [], st.sound);
      return 0;
    }
    const { model, world } = session.exercise;
    chime.sync(seat, openFor(model, world, seat).map((d) => d.key), st.sound);
    return unseenFor(model, world, seat, st.seenDecisions).length;
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

  const syncAuthoring = (lang: Lang) => {
    const el = container.querySelector<HTMLElement>('[data-authoring-slot]');
    if (authoring && authoring.el !== el) {
      authoring.handle.destroy();
      authoring = null;
    }
    if (!el || !options.mountAuthoring) return;
    if (!authoring) authoring = { el, handle: options.mountAuthoring(el, lang, () => store.getState().setScreen('briefing')) };
    else authoring.handle.update(lang);
  };

  const mapInput = (st: UiState, screen: UiState['screen']): MapInput | null => {
    const size = screen === 'bigscreen' ? 'large' : 'small';
    if (screen === 'review' && review) {
      // The map as it stood under the playhead.
      const { model, world } = review.exercise;
      return { model, world, lang: st.lang, nodeFilter: null, size: st.reviewView === 'map' ? 'large' : 'small', viewer: reviewViewer(st.reviewView, st.reviewSeat, model.hq) };
    }
    const viewer = screen === 'console' ? FACILITATOR : screen === 'seat' && st.seat !== null ? st.seat : screen === 'seat' && session ? session.exercise.model.hq : OBSERVER;
    if (session) return { model: session.exercise.model, world: session.exercise.world, lang: st.lang, nodeFilter: st.mapNode, size, viewer };
    if (!source.result.ok) return null;
    // Before the drill: the scenario's region with nothing happened yet.
    if (!preview || preview.scenario !== source.result.scenario) preview = { scenario: source.result.scenario, exercise: createExercise({ scenario: source.result.scenario, seed: 0 }) };
    return { model: preview.exercise.model, world: preview.exercise.world, lang: st.lang, nodeFilter: st.mapNode, size, viewer };
  };

  // The tab strip names the scenario on show (a picker may change it), in the interface language.
  const syncDocument = (lang: Lang, unseen: number) => {
    const title = source.result.ok ? pick(lang, source.result.scenario.meta.title) : source.file;
    const text = cueTitle(lang, documentTitle(lang, title), unseen);
    if (doc.title !== text) doc.title = text;
    doc.documentElement.lang = htmlLang(lang);
  };

  const syncDialogFocus = (open: boolean) => {
    if (open && !shortcutsWasOpen) {
      focusBeforeDialog = doc.activeElement;
      container.querySelector<HTMLElement>('[role="dialog"] [data-autofocus]')?.focus();
    } else if (!open && shortcutsWasOpen) {
      // Back to the opener; if it went away meanwhile (or "?" opened it from the page), to the shortcuts button.
      const back = focusBeforeDialog instanceof HTMLElement && focusBeforeDialog.isConnected && focusBeforeDialog !== doc.body ? focusBeforeDialog : container.querySelector<HTMLElement>('button[aria-keyshortcuts="?"]');
      back?.focus();
    }
    shortcutsWasOpen = open;
  };

  // lit-html renders beside what is already there: drop the static "loading" text of index.html, but
  // keep the first screen main.ts drew with the same templates (views/frame.ts), which lit-html then
  // updates in place.
  for (const el of container.querySelectorAll(':scope > .boot')) el.remove();
  const unsubscribeStore = store.subscribe(draw);
  const unsubscribeFiles = options.files?.subscribe(() => draw());
  const unsubscribeRecords = records.subscribe(() => draw());
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
    openReview,
    get review() {
      return review;
    },
    records,
    loadDrill(next) {
      adopt(next);
      store.getState().setScreen(next.exercise.world.mode === 'debrief' ? 'debrief' : 'console');
    },
    tick() {
      if (review?.tick(clock()) && store.getState().screen === 'review') draw();
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
      unsubscribeRecords();
      unsubscribeSession?.();
      doc.removeEventListener('keydown', onKey);
      map?.handle.destroy();
      map = null;
      authoring?.handle.destroy();
      authoring = null;
      chime.close();
    },
  };
}

