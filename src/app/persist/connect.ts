// Persistence wired to the app shell, so main.ts needs a few lines (see the README of this folder
// in index.ts): every session the app starts or adopts is saved as it happens; on page load a saved
// drill is put back, paused; "new drill" asks, then forgets it; export downloads the log; the
// picker's choices open a briefing or continue an imported drill.
//
// One drill, one writer (tab-lock.ts): on page load this tab either holds the drill (and saves it,
// and sends every new entry to the other tabs) or follows the tab that does, read-only — its own
// copy of the drill built from the holder's entries, folded the same way. A follower may take the
// drill over: it then restores the drill from the log as saved and the old holder turns follower.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { canonicalJson, type LogEntry } from '../../core/index.ts';
import type { LoadedScenario } from '../app.ts';
import { isDownloadError } from '../download.ts';
import type { ReviewSource } from '../review/review-session.ts';
import type { LogOrigin } from '../../review/log-file.ts';
import { createSession, identityOf, type ClockSource, type Session, type SessionOptions } from '../drill/session.ts';
import { archivedDrill, indexedDbArchive, type DrillArchive } from './archive.ts';
import { t, type Lang } from '../i18n.ts';
import type { DrillBackend, SavedMeta } from './backend.ts';
import { indexedDbBackend, plain } from './idb.ts';
import { downloadText, exportDrill } from './export-log.ts';
import { exportReview } from './review-file.ts';
import type { ReviewStore } from './review-store.ts';
import type { ReviewEntry } from '../../review/record.ts';
import { restoreNotice, unreadableFile } from './notice.ts';
import { createPickerStore, type PickerStore } from './picker-state.ts';
import { recordSession, type Recording } from './recorder.ts';
import type { ImportedDrill } from './log-io.ts';
import { checkEntries, checkMeta, restoreDrill, savedIdentity, savedScenario, type Restored } from './saved.ts';
import { SHIPPED, type ShippedScenario } from './scenarios.ts';
import { createTabLock, type Role, type SharedDrill, type TabLock, type TabMessage } from './tab-lock.ts';

/** How long an export waits for the entries it holds to be saved before it downloads anyway [E]. */
const EXPORT_WAIT_MS = 1_000;

/** The shell's hooks persistence uses (mountApp's App has them). */
export interface Shell {
  /** The scenario on show. */
  readonly source: LoadedScenario;
  /** Shows the briefing of a scenario; any drill under way is let go. */
  newDrill(source: LoadedScenario): void;
  /** Adopts a drill under way or finished (calls onSession). */
  loadDrill(session: Session): void;
  /** Opens a recorded drill in the review view (复盘); without it the picker offers no review. */
  openReview?(source: ReviewSource): void;
}

export interface PersistenceOptions {
  /** The room clock sessions run on (performance.now in the browser). */
  clock: ClockSource;
  /** Default: IndexedDB. */
  backend?: DrillBackend;
  shipped?: readonly ShippedScenario[];
  /** Offers a file for download; default a Blob link. */
  download?: (name: string, text: string) => void;
  /** Who holds the drill among this browser's tabs; default this tab alone (boot passes the real one). */
  lock?: TabLock;
  /** Wall-clock ms; default Date.now. */
  wallClock?: () => number;
  /** This browser's finished drills; default IndexedDB, where there is one. */
  archive?: DrillArchive;
  /** The review records by drill (the app's record store writes there): exported beside the log, imported with it, deleted with the drill. */
  reviews?: ReviewStore;
  /** The text of the scenario the page opened with when it is not shipped (a local file reopened by a reload): its drills save with it. */
  opened?: { file: string; text: string };
  /** Told of the scenario the user put on show (chosen in the picker, or an imported drill's): a reload before starting comes back to it (start-page.ts). */
  onChosen?: (chosen: { file: string; text: string }) => void;
}

/** What is about to be thrown away, and by what: the app's dialog asks (views/confirm-dialog.ts). */
export type DiscardKind = 'start' | 'scenario' | 'import' | 'new';

/** What the shell may show about saving, in the interface language (null: nothing to say). */
export interface PersistState {
  /** After a restore: which drill came back, or why none did. */
  notice: ((lang: Lang) => string) | null;
  /** The last write failed (it is retried). */
  saveError: ((lang: Lang) => string) | null;
  /** Entries saved of the current drill. */
  saved: number;
  /** A saved drill is being looked for and rebuilt (page load): starting or choosing now would be undone. */
  restoring: boolean;
  /** 'holder': this tab writes the drill; 'follower': another tab does, and this one follows it read-only. */
  role: Role;
  /** Why this tab follows: it opened while another held the drill, or another took it over from it. */
  following: 'opened' | 'taken' | null;
  /** A follower has no copy of the holder's drill yet. */
  waiting: boolean;
  takingOver: boolean;
  /** A saved drill that could not be read: what to say, and the file to offer (the record as it was). */
  unreadable: { message: (lang: Lang) => string; file: { name: string; text: string } } | null;
  /** A question awaiting its answer before a drill is thrown away. */
  question: { kind: DiscardKind; entries: number; ended: boolean } | null;
  dismiss(): void;
}

/** What resume() found: a restore's outcome, or that this tab follows another, or that the user went on meanwhile. */
export type Resumed = Restored | { kind: 'following' } | { kind: 'superseded' };

export interface Persistence {
  /** Pass as mountApp's `onSession`: saves every session the app starts or adopts. */
  onSession(session: Session): void;
  /**
   * On page load: holds the drill or follows the tab that does. Holding, a saved drill goes back into
   * the app (paused) unless the user started or imported one meanwhile; otherwise the app stays on its briefing.
   */
  resume(app: Shell): Promise<Resumed>;
  /** The picker's state, wired to the app: a scenario opens its briefing, an imported log continues paused. */
  picker(app: Shell, onDone?: () => void): PickerStore;
  /** Downloads the drill's log (the CLI's JSON Lines; `npx quake-drill report <file>` reads it), and its review file when it has one. */
  exportDrill(session: Session): void;
  /** Downloads the drill's review record as `<the log's name minus .jsonl>.review.jsonl`, which `report` reads beside the log. */
  exportReview(session: Session, entries: readonly ReviewEntry[]): void;
  /** Asks, then forgets the saved drill and shows the briefing again; false when the user said no. */
  newDrill(app: Shell): Promise<boolean>;
  /** Before a drill on show is thrown away by `kind`: asks (true at once when there is nothing to lose). */
  confirmDiscard(kind: DiscardKind): Promise<boolean>;
  /** The answer to the question on show. */
  answer(yes: boolean): void;
  /** A follower takes the drill over: it restores the drill as saved and writes from then on. */
  takeOver(): Promise<void>;
  /** Offers the unreadable drill (if any) as a file. */
  downloadUnreadable(): void;
  /** Resolves when everything logged so far is saved. */
  flush(): Promise<void>;
  readonly state: StoreApi<PersistState>;
  /** The YAML text a scenario on show was loaded from, where this page has it (a local file's; a shipped one's once fetched). */
  textOf(file: string): string | undefined;
}

/** Which drill a message is about: the same through reloads and takeovers, another for a new drill. */
const drillId = (meta: SavedMeta) => `${meta.savedAt}:${meta.seed}:${meta.file}`;

export function createPersistence(options: PersistenceOptions): Persistence {
  const backend = options.backend ?? indexedDbBackend();
  const shipped = options.shipped ?? SHIPPED;
  const lock = options.lock ?? createTabLock({ locks: null, channel: null });
  const wall = options.wallClock ?? Date.now;
  const archive = options.archive ?? (typeof indexedDB === 'undefined' ? undefined : indexedDbArchive());
  /** Archive writes, one after another: a branch's parent is kept before anything after it. */
  let archiving: Promise<void> = Promise.resolve();
  let picked: PickerStore | null = null;
  const keep = (put: () => Promise<void>) =>
    (archiving = archiving
      .then(put)
      .catch(() => undefined) // a full or disabled store loses the archive copy only: the drill itself is saved apart
      .then(() => void picked?.getState().refreshSaved()));
  /** Archives a drill this tab played (a follower's copy is its holder's to keep); not one never started. */
  const retire = (session: Session | null) => {
    if (!archive || !session || session.readOnly || session.exercise.log.length === 0) return;
    const own = shipped.some((s) => s.file === session.file) ? undefined : texts.get(session.file);
    keep(() => archive.put(archivedDrill(session, own)));
  };
  /** Stops watching the drill on show for its end. */
  let unwatch: (() => void) | null = null;
  /** Archives the session when it ends (once; again if it is replaced after going on). */
  const watchEnd = (session: Session) => {
    unwatch?.();
    let ended = session.exercise.world.mode === 'debrief';
    unwatch = session.subscribe(() => {
      if (ended || session.exercise.world.mode !== 'debrief') return;
      ended = true;
      retire(session);
    });
  };
  /** The text a drill's scenario was loaded from, by file; a shipped one's is fetched when a drill starts. */
  const texts = new Map<string, string>(options.opened ? [[options.opened.file, options.opened.text]] : []);
  let recording: Recording | null = null;
  /**
   * Settles once a drill thrown away for another scenario is gone from the storage: a reload then shows
   * the scenario chosen, not the drill it replaced. Every recording writes after it, so a drill started
   * at once is never wiped by the clearing of the one before.
   */
  let clearing: Promise<void> = Promise.resolve();
  const writes: DrillBackend = {
    read: () => backend.read(),
    claim: (owner) => backend.claim(owner),
    replace: (meta, entries) => clearing.then(() => backend.replace(meta, entries)),
    append: (entries) => clearing.then(() => backend.append(entries)),
    heartbeat: (beat) => clearing.then(() => backend.heartbeat(beat)),
    clear: () => backend.clear(),
    quarantine: (drill) => backend.quarantine(drill),
  };
  /** Forgets the saved drill once its last writes are done (the drill itself is archived by retire). */
  const forgetSaved = () => {
    const stopping = recording?.stop();
    clearing = clearing
      .then(() => stopping)
      .then(() => backend.clear())
      .catch(() => undefined); // no storage, or another tab writes: nothing of this tab's to forget
  };
  /** Settles when a shipped scenario's text has been added to the current drill's save (or could not be). */
  let starting: Promise<void> = Promise.resolve();
  let role: Role = 'holder';
  let shell: Shell | null = null;
  /** The drill on show (every session the app adopts comes through onSession; null: a briefing). */
  let current: Session | null = null;
  /** Bumped by every drill the user starts, imports or chooses: a restore under way yields to it. */
  let generation = 0;
  /** Set while persistence itself hands the app a session, which is then not the user's doing. */
  let adopting: { createdAt?: number } | null = null;
  /** Stops sending the drill's entries to followers. */
  let sharing: (() => void) | null = null;
  /** The drill as this tab holds it, for a follower that asks (null: no drill on show). */
  let sharedNow: () => SharedDrill | null = () => null;
  /** The drill a follower has asked for whole, so it asks once, not at every message. */
  let asked: string | null = null;
  /** The drill a follower shows, and the holder's entries that came while it was being built. */
  let followed: { id: string; session: Session | null; queued: TabMessage[] } | null = null;
  let answerQuestion: ((yes: boolean) => void) | undefined;

  const state = createStore<PersistState>()((set) => ({
    notice: null,
    saveError: null,
    saved: 0,
    restoring: false,
    role: 'holder',
    following: null,
    waiting: false,
    takingOver: false,
    unreadable: null,
    question: null,
    dismiss: () => set({ notice: null, unreadable: null }),
  }));

  // ── the holder: saving, and sending the drill to the tabs that follow ─────
  const share = (session: Session | null) => {
    sharing?.();
    sharing = null;
    const rec = recording;
    sharedNow = () => (session && rec ? { id: drillId(rec.meta), meta: rec.meta, entries: session.exercise.log.map(plain), t: session.now() } : null);
    lock.post({ type: 'drill', from: lock.id, drill: sharedNow() });
    if (!session || !rec) return;
    let sent = session.exercise.log.length;
    sharing = session.subscribe(() => {
      const log = session.exercise.log;
      const entries = log.slice(sent).map(plain);
      sent = log.length;
      lock.post({ type: 'entries', from: lock.id, drill: drillId(rec.meta), entries, t: session.now() });
    });
  };

  const onSession = (session: Session) => {
    const own = adopting;
    if (!own) generation++; // the user started or adopted a drill: a restore under way yields to it
    if (current?.drill !== session.drill) retire(current); // replaced: a what-if's parent is kept before its branch
    current = session;
    unwatch?.();
    unwatch = null;
    if (!session.readOnly) watchEnd(session);
    void recording?.stop();
    recording = null;
    starting = Promise.resolve();
    if (role === 'follower' || session.readOnly) return;
    const createdAt = own?.createdAt;
    const text = texts.get(session.file);
    if (text !== undefined) {
      record(session, { scenarioText: text }, createdAt);
      return share(session);
    }
    // A shipped scenario's drill is saved from its first entry with the text's hash (which a reload
    // restores from), and its text — a download of its own — is added when it arrives.
    const twin = shipped.find((s) => s.file === session.file);
    if (!twin) {
      state.setState({ saveError: (lang) => t(lang, 'persist.saveError', { detail: `no text for ${session.file}` }) });
      return share(null);
    }
    const rec = record(session, { scenarioHash: twin.hash }, createdAt);
    share(session);
    starting = twin.text().then(
      (scenarioText) => {
        texts.set(session.file, scenarioText);
        if (recording === rec) return rec.attachText(scenarioText);
      },
      () => undefined, // offline: the drill stays saved by its hash; the text is tried again with the next drill
    );
  };

  const record = (session: Session, scenario: { scenarioText?: string; scenarioHash?: string }, createdAt: number | undefined) => {
    recording = recordSession(session, writes, {
      ...scenario,
      wallClock: wall,
      ...(createdAt === undefined ? {} : { createdAt }),
      holds: lock.holds,
      onLost: () => follow('taken'),
      onError: (e) => state.setState({ saveError: (lang) => t(lang, 'persist.saveError', { detail: e.message }) }),
      onSaved: (saved) => state.setState({ saveError: null, saved }),
    });
    return recording;
  };

  /** Hands the app a drill (or a briefing) without it counting as the user's doing. */
  const adopt = (session: Session | null, source: LoadedScenario, createdAt?: number) => {
    if (!shell) return;
    adopting = createdAt === undefined ? {} : { createdAt };
    try {
      shell.newDrill(source);
      if (session) shell.loadDrill(session);
    } finally {
      adopting = null;
    }
  };

  /** The briefing of `source`; no drill on show. */
  const show = (source: LoadedScenario) => {
    void recording?.stop();
    recording = null;
    if (role === 'holder') retire(current);
    unwatch?.();
    unwatch = null;
    current = null;
    adopt(null, source);
    if (role === 'holder') share(null);
  };

  /** Holding: the saved drill back into the app, unless the user went on meanwhile. */
  const restore = async (mine: number): Promise<Resumed> => {
    state.setState({ restoring: true });
    await backend.claim(lock.id).catch(() => undefined); // no storage: restore says so
    let restored: Restored;
    try {
      restored = await restoreDrill(backend, options.clock, shipped, { stale: () => generation !== mine, wallClock: wall });
    } catch (e) {
      restored = { kind: 'failed', problem: { part: 'replay', detail: (e as Error)?.message ?? String(e) } };
    }
    state.setState({ restoring: false });
    if (generation !== mine) return { kind: 'superseded' };
    if (restored.kind === 'resumed') {
      const { session } = restored;
      if (restored.scenarioText !== undefined) texts.set(session.file, restored.scenarioText);
      // onSession saves it on, with the pause it came back with and its own creation time.
      adopt(session, { file: session.file, result: { ok: true, scenario: session.scenario } }, restored.meta.savedAt);
    } else if (current?.readOnly) {
      if (shell) show(shell.source); // taken over from a holder that showed no drill, or none saved: the briefing
    } else share(current);
    const file = restored.kind === 'failed' ? unreadableFile(restored) : undefined;
    if (file) {
      state.setState({ notice: null, unreadable: { message: (lang) => restoreNotice(lang, restored) ?? '', file } });
    } else {
      state.setState({ notice: restored.kind === 'none' ? null : (lang) => restoreNotice(lang, restored) ?? '' });
    }
    return restored;
  };

  // ── the follower ──────────────────────────────────────────────────────────
  const hello = (id: string | null = null) => {
    if (id !== null && asked === id) return;
    asked = id;
    lock.post({ type: 'hello', from: lock.id });
  };

  /** This tab stops writing and follows the holder (it opened as a follower, or lost the drill). */
  const follow = (why: 'opened' | 'taken') => {
    if (role === 'follower') return;
    role = 'follower';
    void recording?.stop();
    recording = null;
    sharing?.();
    sharing = null;
    sharedNow = () => null;
    asked = null;
    state.setState({ role, following: why, waiting: true, restoring: false, saveError: null, notice: null });
    // The drill on show stops at once (no clock, no bots) until the holder's copy arrives.
    if (current && !current.readOnly && shell) {
      const s = current;
      adopt(createSession({ scenario: s.scenario, file: s.file, seed: s.seed, clock: options.clock, log: s.exercise.log, readOnly: true, ...identityOf(s) }), shell.source);
    }
    hello();
  };

  /** The holder's whole drill: followed on if this tab's copy is its beginning, else rebuilt. */
  const receiveDrill = async (drill: SharedDrill | null) => {
    if (!drill) {
      followed = null;
      state.setState({ waiting: false });
      if (current && shell) show(shell.source);
      return;
    }
    asked = null;
    const mine = followed?.session;
    if (followed?.id === drill.id && mine && isStartOf(mine.exercise.log, drill.entries) && mine.follow(drill.entries, drill.t)) return;
    const building = { id: drill.id, session: null as Session | null, queued: [] as TabMessage[] };
    followed = building;
    const meta = checkMeta(drill.meta);
    const log = checkEntries(drill.entries);
    if (typeof meta === 'string' || typeof log === 'string') return;
    let scenario;
    try {
      scenario = await savedScenario(meta, shipped);
    } catch (e) {
      if (isDownloadError(e)) return state.setState({ notice: (lang) => t(lang, 'app.downloadFailed') });
      throw e;
    }
    if ('part' in scenario || followed !== building || role !== 'follower') return;
    const session = createSession({ scenario, file: meta.file, seed: meta.seed, clock: options.clock, log, readOnly: true, ...savedIdentity(meta) });
    session.follow([], drill.t);
    building.session = session;
    if (meta.scenarioText !== undefined) texts.set(meta.file, meta.scenarioText);
    adopt(session, { file: meta.file, result: { ok: true, scenario } });
    state.setState({ waiting: false });
    for (const m of building.queued.splice(0)) receive(m);
  };

  const receive = (m: TabMessage) => {
    if (role === 'holder') {
      if (m.type === 'hello') lock.post({ type: 'drill', from: lock.id, drill: sharedNow() });
      return;
    }
    if (m.type === 'drill') return void receiveDrill(m.drill);
    if (m.type !== 'entries') return;
    if (followed?.id !== m.drill) return hello(m.drill); // another drill: ask for it whole
    const session = followed.session;
    if (!session) return void followed.queued.push(m);
    const first = m.entries[0];
    if (first && first.seq > session.exercise.world.seq + 1) return hello(m.drill); // missed some
    if (!session.follow(m.entries, m.t)) hello(m.drill); // stamped before this copy's clock: rebuild from the whole drill
  };
  lock.onMessage(receive);
  lock.onLost(() => follow('taken'));

  // ── questions before a drill is thrown away ───────────────────────────────
  const confirmDiscard = (kind: DiscardKind): Promise<boolean> => {
    const s = current;
    if (!s || s.readOnly || s.exercise.log.length === 0) return Promise.resolve(true);
    answerQuestion?.(false); // a question still open is a no
    return new Promise((resolve) => {
      answerQuestion = resolve;
      state.setState({ question: { kind, entries: s.exercise.log.length, ended: s.exercise.world.mode === 'debrief' } });
    });
  };

  return {
    onSession,
    async resume(app) {
      shell = app;
      const mine = generation;
      state.setState({ restoring: true });
      const got = await lock.acquire();
      if (got === 'follower') {
        follow('opened');
        return { kind: 'following' };
      }
      return restore(mine);
    },
    picker(app, onDone) {
      shell = app;
      const imported = (drill: ImportedDrill) => {
        texts.set(drill.file, drill.scenarioText);
        const own = shipped.some((s) => s.file === drill.file) ? undefined : drill.scenarioText;
        // Kept as the file was, its own chain and trust: a branch made from it has its parent here. A record
        // that did not verify never replaces one kept under its drill id (the genuine drill, most likely).
        if (archive) keep(async () => {
          if (drill.trust.kind !== 'verified' && (await archive.get(drill.header.drill))) return;
          await archive.put({ info: importedInfo(drill), logText: drill.logText, ...(own === undefined ? {} : { scenarioText: own }) });
        });
      };
      picked = createPickerStore({
        shipped,
        ...(archive ? { archive } : {}),
        ...(options.reviews ? { reviews: options.reviews } : {}),
        download: options.download ?? downloadText,
        ...(app.openReview
          ? {
              onReview: (drill: ImportedDrill, from: 'file' | 'saved') => {
                // A branch made in the review saves with the scenario's text; a saved drill is in the archive already.
                if (from === 'file') imported(drill);
                else texts.set(drill.file, drill.scenarioText);
                // The picker closes first (back to the briefing), then the review takes the screen.
                onDone?.();
                app.openReview!(reviewSource(drill));
              },
            }
          : {}),
        onScenario: ({ file, text, scenario }) =>
          void confirmDiscard('scenario').then((yes) => {
            if (!yes) return;
            generation++;
            texts.set(file, text);
            if (role === 'holder') forgetSaved();
            show({ file, result: { ok: true, scenario } });
            options.onChosen?.({ file, text });
            onDone?.();
          }),
        onDrill: (drill) =>
          void confirmDiscard('import').then((yes) => {
            if (!yes) return;
            imported(drill);
            app.newDrill({ file: drill.file, result: { ok: true, scenario: drill.scenario } });
            options.onChosen?.({ file: drill.file, text: drill.scenarioText });
            // onSession: the user's doing, so a restore still under way yields to it.
            app.loadDrill(createSession({ ...importedOptions(drill), clock: options.clock }));
            const warning = drill.versionWarning;
            state.setState({ notice: warning ? (lang) => t(lang, 'persist.import.version', warning) : null });
            onDone?.();
          }),
      });
      return picked;
    },
    exportDrill(session) {
      const when = new Date();
      const { name, text } = exportDrill(session, when);
      // What a user holds as a file is saved here too (a reload right after keeps every entry it has);
      // a store that does not answer within EXPORT_WAIT_MS does not hold the file back.
      const saved = session === current && recording ? recording.flush().catch(() => undefined) : Promise.resolve();
      const download = options.download ?? downloadText;
      // The notes go as a second file, named after the log: the log stays the chained, scored record
      // it was (review-file.ts). A record that cannot be read costs the notes' file, never the log.
      const notes = options.reviews?.load(session.drill).catch(() => []) ?? Promise.resolve([]);
      void Promise.race([saved, new Promise((done) => setTimeout(done, EXPORT_WAIT_MS))]).then(async () => {
        download(name, text);
        const entries = await notes;
        if (entries.length > 0) {
          const review = exportReview(session, entries, when);
          download(review.name, review.text);
        }
      });
    },
    exportReview(session, entries) {
      const { name, text } = exportReview(session, entries);
      (options.download ?? downloadText)(name, text);
    },
    async newDrill(app) {
      shell = app;
      if (role === 'follower' || !(await confirmDiscard('new'))) return false;
      generation++;
      await recording?.stop();
      recording = null;
      await backend.clear().catch(() => undefined);
      show(app.source);
      state.setState({ notice: null, saveError: null, saved: 0 });
      return true;
    },
    confirmDiscard,
    answer(yes) {
      const resolve = answerQuestion;
      answerQuestion = undefined;
      state.setState({ question: null });
      resolve?.(yes);
    },
    async takeOver() {
      if (role === 'holder' || state.getState().takingOver) return;
      state.setState({ takingOver: true });
      try {
        await lock.takeOver();
        role = 'holder';
        followed = null;
        state.setState({ role, following: null, waiting: false });
        await restore(generation);
      } finally {
        state.setState({ takingOver: false });
      }
    },
    downloadUnreadable() {
      const file = state.getState().unreadable?.file;
      if (file) (options.download ?? downloadText)(file.name, file.text);
    },
    // Everything logged so far, a shipped scenario's text once it has downloaded (or failed to), and a drill thrown away for another scenario gone.
    flush: async () => {
      await starting;
      await clearing;
      await recording?.flush();
    },
    state,
    textOf: (file) => texts.get(file),
  };
}

/**
 * The session an imported drill continues as: the same drill (id, parent, creation time). A record that
 * did not verify continues as a new drill (never the genuine one's id, so it never replaces it here)
 * whose origin names that record.
 */
export function importedOptions(drill: ImportedDrill): Omit<SessionOptions, 'clock'> {
  const { header, trust } = drill;
  const base = { scenario: drill.scenario, file: drill.file, seed: drill.seed, log: drill.log, ...(drill.until === undefined ? {} : { lastSeenT: drill.until }) };
  if (trust.kind === 'verified') return { ...base, drill: header.drill, ...(header.created === undefined ? {} : { created: header.created }), ...(header.parent ? { parent: header.parent } : {}) };
  const reason = trust.kind === 'broken' ? trust.reason : 'a format 1 log without a hash chain';
  const origin: LogOrigin = { trust: trust.kind, drill: header.drill, ...(header.final === undefined ? {} : { final: header.final }), reason };
  return { ...base, origin };
}

/** An imported drill as the review view takes it. */
export const reviewSource = (drill: ImportedDrill): ReviewSource => ({ scenario: drill.scenario, file: drill.file, header: drill.header, log: drill.log, trust: drill.trust });

/** What the picker lists of an imported drill. */
function importedInfo(drill: ImportedDrill) {
  const { header, trust } = drill;
  return {
    drill: header.drill,
    scenarioId: drill.scenario.meta.id,
    title: drill.scenario.meta.title,
    seed: drill.seed,
    ...(header.created === undefined ? {} : { created: header.created }),
    entries: drill.log.length,
    final: header.final ?? '',
    ...(header.parent ? { parent: header.parent } : {}),
    trust: trust.kind,
  };
}

/** Is `log` the beginning of `entries`, entry for entry? (A reload can lose the holder's last unsaved entries: then the copy is rebuilt.) */
const isStartOf = (log: readonly LogEntry[], entries: readonly LogEntry[]) => log.length <= entries.length && log.every((e, i) => canonicalJson(e) === canonicalJson(entries[i]));
