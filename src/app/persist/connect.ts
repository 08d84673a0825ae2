// Persistence wired to the app shell, so main.ts needs a few lines (see the README of this folder
// in index.ts): every session the app starts or adopts is saved as it happens; on page load a saved
// drill is put back, paused; "new drill" asks, then forgets it; export downloads the log; the
// picker's choices open a briefing or continue an imported drill.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LoadedScenario } from '../app.ts';
import { createSession, type ClockSource, type Session } from '../drill/session.ts';
import { t, type Lang } from '../i18n.ts';
import type { DrillBackend } from './backend.ts';
import { indexedDbBackend } from './idb.ts';
import { downloadText, exportDrill } from './export-log.ts';
import { restoreNotice } from './notice.ts';
import { createPickerStore, type PickerStore } from './picker-state.ts';
import { recordSession, type Recording } from './recorder.ts';
import { restoreDrill, type Restored } from './saved.ts';
import { SHIPPED, type ShippedScenario } from './scenarios.ts';

/** The shell's hooks persistence uses (mountApp's App has them). */
export interface Shell {
  /** The scenario on show. */
  readonly source: LoadedScenario;
  /** Shows the briefing of a scenario; any drill under way is let go. */
  newDrill(source: LoadedScenario): void;
  /** Adopts a drill under way or finished (calls onSession). */
  loadDrill(session: Session): void;
}

export interface PersistenceOptions {
  /** The room clock sessions run on (performance.now in the browser). */
  clock: ClockSource;
  /** Default: IndexedDB. */
  backend?: DrillBackend;
  shipped?: readonly ShippedScenario[];
  /** Asks before a saved drill is forgotten; default window.confirm. */
  confirm?: (message: string) => boolean;
  /** Offers a file for download; default a Blob link. */
  download?: (name: string, text: string) => void;
}

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
  dismiss(): void;
}

export interface Persistence {
  /** Pass as mountApp's `onSession`: saves every session the app starts or adopts. */
  onSession(session: Session): void;
  /** On page load: a saved drill goes back into the app (paused); otherwise the app stays on its briefing. */
  resume(app: Shell): Promise<Restored>;
  /** The picker's state, wired to the app: a scenario opens its briefing, an imported log continues paused. */
  picker(app: Shell, onDone?: () => void): PickerStore;
  /** Downloads the drill's log (the CLI's JSON Lines; `npx quake-drill report <file>` reads it). */
  exportDrill(session: Session): void;
  /** Asks, then forgets the saved drill and shows the briefing again; false when the user said no. */
  newDrill(app: Shell, lang: Lang): Promise<boolean>;
  /** Resolves when everything logged so far is saved. */
  flush(): Promise<void>;
  readonly state: StoreApi<PersistState>;
}

export function createPersistence(options: PersistenceOptions): Persistence {
  const backend = options.backend ?? indexedDbBackend();
  const shipped = options.shipped ?? SHIPPED;
  /** The text a drill's scenario was loaded from, by file; a shipped one's is fetched when a drill starts. */
  const texts = new Map<string, string>();
  let recording: Recording | null = null;
  /** Settles when a shipped scenario's text has been added to the current drill's save (or could not be). */
  let starting: Promise<void> = Promise.resolve();
  const state = createStore<PersistState>()((set) => ({ notice: null, saveError: null, saved: 0, restoring: false, dismiss: () => set({ notice: null }) }));

  const onSession = (session: Session) => {
    void recording?.stop();
    recording = null;
    starting = Promise.resolve();
    const text = texts.get(session.file);
    if (text !== undefined) return record(session, { scenarioText: text });
    // A shipped scenario's drill is saved from its first entry with the text's hash (which a reload
    // restores from), and its text — a download of its own — is added when it arrives.
    const twin = shipped.find((s) => s.file === session.file);
    if (!twin) {
      state.setState({ saveError: (lang) => t(lang, 'persist.saveError', { detail: `no text for ${session.file}` }) });
      return;
    }
    const rec = record(session, { scenarioHash: twin.hash });
    starting = twin.text().then(
      (scenarioText) => {
        texts.set(session.file, scenarioText);
        if (recording === rec) return rec.attachText(scenarioText);
      },
      () => undefined, // offline: the drill stays saved by its hash; the text is tried again with the next drill
    );
  };

  const record = (session: Session, scenario: { scenarioText?: string; scenarioHash?: string }) => {
    recording = recordSession(session, backend, {
      ...scenario,
      onError: (e) => state.setState({ saveError: (lang) => t(lang, 'persist.saveError', { detail: e.message }) }),
      onSaved: (saved) => state.setState({ saveError: null, saved }),
    });
    return recording;
  };

  return {
    onSession,
    async resume(app) {
      state.setState({ restoring: true });
      let restored: Restored;
      try {
        restored = await restoreDrill(backend, options.clock, shipped);
      } catch (e) {
        restored = { kind: 'failed', problem: { part: 'replay', detail: (e as Error)?.message ?? String(e) } };
      }
      state.setState({ restoring: false });
      if (restored.kind === 'resumed') {
        const { session } = restored;
        if (restored.scenarioText !== undefined) texts.set(session.file, restored.scenarioText);
        app.newDrill({ file: session.file, result: { ok: true, scenario: session.scenario } });
        app.loadDrill(session); // calls onSession: saving continues, with the pause it came back with
      }
      state.setState({ notice: restored.kind === 'none' ? null : (lang) => restoreNotice(lang, restored) ?? '' });
      return restored;
    },
    picker(app, onDone) {
      return createPickerStore({
        shipped,
        onScenario: ({ file, text, scenario }) => {
          texts.set(file, text);
          app.newDrill({ file, result: { ok: true, scenario } });
          onDone?.();
        },
        onDrill: (drill) => {
          texts.set(drill.file, drill.scenarioText);
          app.newDrill({ file: drill.file, result: { ok: true, scenario: drill.scenario } });
          app.loadDrill(createSession({ scenario: drill.scenario, file: drill.file, seed: drill.seed, clock: options.clock, log: drill.log, ...(drill.until === undefined ? {} : { lastSeenT: drill.until }) }));
          const warning = drill.versionWarning;
          state.setState({ notice: warning ? (lang) => t(lang, 'persist.import.version', warning) : null });
          onDone?.();
        },
      });
    },
    exportDrill(session) {
      const { name, text } = exportDrill(session);
      (options.download ?? downloadText)(name, text);
    },
    async newDrill(app, lang) {
      const ask = options.confirm ?? ((m: string) => window.confirm(m));
      if (!ask(t(lang, 'persist.confirmNew'))) return false;
      await recording?.stop();
      recording = null;
      await backend.clear().catch(() => undefined);
      app.newDrill(app.source);
      state.setState({ notice: null, saveError: null, saved: 0 });
      return true;
    },
    // Everything logged so far, and a shipped scenario's text once it has downloaded (or failed to).
    flush: async () => {
      await starting;
      await recording?.flush();
    },
    state,
  };
}
