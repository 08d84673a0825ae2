// What the scenario picker remembers between renders — the problems of a file that did not load,
// a drill log waiting for its scenario, a log whose chain is broken (opened only as untrusted), an
// imported log waiting for 继续推演 or 复盘, this browser's saved drills — and what its controls do. A zustand vanilla store, so
// the shell re-renders the picker from one subscription and tests drive it without a browser.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Problem } from '../../scenario/problem.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { ArchivedDrillInfo, DrillArchive } from './archive.ts';
import type { BrokenChain, ImportedDrill, LogImport, PendingLog } from './log-io.ts';
import { entriesToAdd, readReview } from './review-file.ts';
import type { ReviewStore } from './review-store.ts';
import { SHIPPED, type ShippedScenario } from './scenarios.ts';
import { downloaded, isDownloadError } from '../download.ts';

// The YAML parser, the scenario schema and lint (yaml, zod) and the log reader load only when a file
// is opened (issue 8): the first screen does without them.
// A chunk that does not download is a DownloadError, told apart from a file's problems.
const scenarioLoader = downloaded(() => import('../../scenario/load.ts'));
const logReader = downloaded(() => import('./log-io.ts'));

/** A scenario the user chose to play: shipped, or a local file that loaded. */
export interface ChosenScenario {
  file: string;
  text: string;
  scenario: Scenario;
}

/** A file as the picker reads it (a DOM File, or anything with a name and its text). */
export type PickedFile = Pick<File, 'name' | 'text'>;

export interface PickerState {
  /** A scenario file (opened, or chosen for a log) that did not load. */
  scenarioProblems?: { file: string; problems: Problem[] };
  /** A drill log that could not be imported, its problems at their lines. */
  logProblems?: { file: string; problems: Problem[] };
  /** A parsed log whose scenario is not shipped: the picker asks for the file. */
  pending?: PendingLog;
  /** A file is being read. */
  busy: boolean;
  /** Where a part of the app the user's action needed did not download (offline): the picker says so there. */
  downloadFailed?: 'shipped' | 'local' | 'import';
  /** A log whose chain does not check: what broke, until the user opens it as untrusted or goes elsewhere. */
  broken?: { file: string; broken: BrokenChain };
  /** A log read and replayed, waiting for the user's choice: continue the drill or review it. */
  imported?: ImportedDrill;
  /** This browser's saved drills, newest first (empty until read, or where there is no archive). */
  saved: ArchivedDrillInfo[];
  /** The saved drill whose deletion awaits confirmation. */
  removing: string | null;
  /** The archive could not be read or written. */
  savedFailed: boolean;

  choose(s: ShippedScenario): Promise<void>;
  /** A local YAML scenario file. */
  openScenario(file: PickedFile): Promise<void>;
  /** A drill log (.jsonl), and the review file (.review.jsonl) exported with it, if chosen with it. */
  importLog(file: PickedFile, review?: PickedFile): Promise<void>;
  /** The scenario file for the pending log. */
  scenarioForLog(file: PickedFile): Promise<void>;
  /** A dropped file: a log by its extension (.jsonl, .json, .log, .txt), a scenario otherwise. */
  drop(file: PickedFile): Promise<void>;
  /** The broken log on show, opened all the same: marked untrusted wherever it shows. */
  openUntrusted(): Promise<void>;
  /** The imported log: continue the drill (paused) … */
  continueImported(): void;
  /** … or review it. */
  reviewImported(): void;
  /** Reads this browser's saved drills again. */
  refreshSaved(): Promise<void>;
  reviewSaved(drill: string): Promise<void>;
  exportSaved(drill: string): Promise<void>;
  /** Asks before deleting (null: the question is withdrawn). */
  askRemove(drill: string | null): void;
  removeSaved(drill: string): Promise<void>;
  /** Forgets problems and a pending log (the picker is closed or reopened). */
  reset(): void;
}

export interface PickerOptions {
  shipped?: readonly ShippedScenario[];
  /** The user chose a scenario that loads: show its briefing (a fresh drill). */
  onScenario: (chosen: ChosenScenario) => void;
  /** The user imported a drill log that replays: continue it (paused). */
  onDrill: (drill: ImportedDrill) => void;
  /** The user chose to review an imported log (`file`) or a saved drill; without it an import continues at once. */
  onReview?: (drill: ImportedDrill, from: 'file' | 'saved') => void;
  /** This browser's saved drills. */
  archive?: Pick<DrillArchive, 'list' | 'get' | 'remove'>;
  /** Offers a saved drill's file for download. */
  download?: (name: string, text: string) => void;
  /** The review records of this browser's drills: an imported review file goes there; a deleted drill's goes. */
  reviews?: Pick<ReviewStore, 'load' | 'append' | 'remove'>;
}

export type PickerStore = StoreApi<PickerState>;

export const isLogFile = (name: string) => /\.(jsonl|ndjson|json|log|txt)$/i.test(name);

export function createPickerStore(options: PickerOptions): PickerStore {
  const shipped = options.shipped ?? SHIPPED;
  return createStore<PickerState>()((set, get) => {
    const clean = { scenarioProblems: undefined, logProblems: undefined, pending: undefined, downloadFailed: undefined, broken: undefined, imported: undefined };
    /** The broken log as read, kept for openUntrusted. */
    let brokenLog: PendingLog | null = null;
    /** The review file chosen with the log, until the log is ready (its scenario chosen, or opened untrusted). */
    let reviewText: { name: string; text: string } | null = null;
    /** Runs `act`; a part of the app that did not download is said where the user acted. */
    const guard = async (where: NonNullable<PickerState['downloadFailed']>, act: () => Promise<void>) => {
      try {
        await act();
      } catch (e) {
        if (!isDownloadError(e)) throw e;
        set({ ...clean, busy: false, downloadFailed: where });
      }
    };
    const read = async (file: PickedFile): Promise<string | undefined> => {
      set({ busy: true });
      try {
        return await file.text();
      } catch (e) {
        set({ scenarioProblems: undefined, logProblems: { file: file.name, problems: [unreadable(file.name, e)] } });
        return undefined;
      } finally {
        set({ busy: false });
      }
    };
    /** The review file chosen with a log that is ready, into the drill's record; false (and why, at its line) when it is refused. */
    const keepReview = async (drill: ImportedDrill): Promise<boolean> => {
      const file = reviewText;
      reviewText = null;
      if (!file || !options.reviews) return true;
      const read = readReview(file.text, file.name, drill.header.drill);
      if (!read.ok) {
        set({ ...clean, logProblems: { file: file.name, problems: [read.problem] } });
        return false;
      }
      try {
        const kept = await options.reviews.load(drill.header.drill);
        await options.reviews.append(drill.header.drill, entriesToAdd(kept, read.entries));
        return true;
      } catch (e) {
        set({ ...clean, logProblems: { file: file.name, problems: [unreadable(file.name, e, 'cannot keep the review in this browser')] } });
        return false;
      }
    };
    const settle = async (result: LogImport, then: 'choose' | 'saved' = 'choose') => {
      if (result.kind === 'ready') {
        if (then === 'choose' && !(await keepReview(result.drill))) return;
        set(clean);
        if (then === 'saved' && options.onReview) options.onReview(result.drill, 'saved');
        else if (options.onReview) set({ imported: result.drill });
        else options.onDrill(result.drill);
      } else if (result.kind === 'broken') {
        brokenLog = result.pending;
        set({ ...clean, broken: { file: result.file, broken: result.broken } });
      } else if (result.kind === 'need-scenario') {
        set({ ...clean, pending: result.pending });
      } else if (result.source === 'scenario') {
        set({ scenarioProblems: { file: result.file, problems: result.problems }, logProblems: undefined });
      } else {
        set({ ...clean, logProblems: { file: result.file, problems: result.problems } });
      }
    };
    const openScenario = (file: PickedFile) =>
      guard('local', async () => {
        const text = await read(file);
        if (text === undefined) return;
        const { loadScenario } = await scenarioLoader();
        const loaded = loadScenario(text, file.name);
        if (!loaded.ok) return set({ ...clean, scenarioProblems: { file: file.name, problems: loaded.problems } });
        set(clean);
        options.onScenario({ file: file.name, text, scenario: loaded.scenario });
      });
    const importLogFile = (file: PickedFile, review?: PickedFile) =>
      guard('import', async () => {
        reviewText = null;
        brokenLog = null;
        const text = await read(file);
        if (text === undefined) return;
        if (review) {
          const notes = await read(review);
          if (notes === undefined) return;
          reviewText = { name: review.name, text: notes };
        }
        await settle(await (await logReader()).importLog(text, file.name, shipped));
      });
    const archiveFailed = () => set({ savedFailed: true });
    /** A saved drill, read as an import (its chain checked again) with its scenario: shipped, or its own saved text. */
    const openSaved = async (drill: string) => {
      const kept = await options.archive?.get(drill);
      if (!kept) return refreshSaved();
      const reader = await logReader();
      const name = `${drill}.jsonl`;
      let result = await reader.importLog(kept.logText, name, shipped, { untrusted: true });
      if (result.kind === 'need-scenario' && kept.scenarioText !== undefined) result = reader.importWithScenario(result.pending, kept.scenarioText, result.pending.header.scenario);
      // No mark of the archive's is laid on top: a drill continued from an untrusted or unchained record
      // carries its origin sealed in its header, so the chain's own check reads it as unchained or broken.
      await settle(result, 'saved');
    };
    const refreshSaved = async () => {
      if (!options.archive) return;
      try {
        set({ saved: await options.archive.list(), savedFailed: false });
      } catch {
        archiveFailed();
      }
    };
    void refreshSaved();
    return {
      busy: false,
      saved: [],
      removing: null,
      savedFailed: false,
      async choose(s) {
        set({ busy: true });
        try {
          const [scenario, text] = await Promise.all([s.load(), s.text()]);
          set(clean);
          options.onScenario({ file: s.file, text, scenario });
        } catch (e) {
          // The shipped files are checked when the page is built: failing here is the network, not the file.
          if (isDownloadError(e)) set({ ...clean, downloadFailed: 'shipped' });
          else set({ ...clean, scenarioProblems: { file: s.file, problems: [unreadable(s.file, e)] } });
        } finally {
          set({ busy: false });
        }
      },
      openScenario,
      importLog: importLogFile,
      async scenarioForLog(file) {
        const pending = get().pending;
        if (!pending) return openScenario(file);
        await guard('import', async () => {
          const text = await read(file);
          if (text !== undefined) await settle(await (await logReader()).importWithScenario(pending, text, file.name));
        });
      },
      drop: (file) => (isLogFile(file.name) ? importLogFile(file) : get().pending ? get().scenarioForLog(file) : openScenario(file)),
      reset: () => {
        brokenLog = null;
        reviewText = null;
        set({ ...clean, busy: false, removing: null });
        void refreshSaved();
      },
      openUntrusted: () =>
        guard('import', async () => {
          const kept = brokenLog;
          if (!kept || !get().broken) return;
          await settle(await (await logReader()).openPending({ ...kept, untrusted: true }, shipped));
        }),
      continueImported() {
        const drill = get().imported;
        if (!drill) return;
        set(clean);
        options.onDrill(drill);
      },
      reviewImported() {
        const drill = get().imported;
        if (!drill) return;
        set(clean);
        if (options.onReview) options.onReview(drill, 'file');
        else options.onDrill(drill);
      },
      refreshSaved,
      reviewSaved: (drill) => guard('import', () => openSaved(drill).catch((e: unknown) => (isDownloadError(e) ? Promise.reject(e) : archiveFailed()))),
      async exportSaved(drill) {
        try {
          const kept = await options.archive?.get(drill);
          if (kept) options.download?.(`${drill}.jsonl`, kept.logText);
        } catch {
          archiveFailed();
        }
      },
      askRemove: (drill) => set({ removing: drill }),
      async removeSaved(drill) {
        set({ removing: null });
        try {
          // Its notes and plan too: nothing of a deleted drill stays behind in this browser.
          await Promise.all([options.archive?.remove(drill), options.reviews?.remove(drill)]);
        } catch {
          archiveFailed();
        }
        await refreshSaved();
      },
    };
  });
}

const unreadable = (file: string, e: unknown, what = 'cannot read the file'): Problem => ({ file, line: 1, column: 1, path: [], rule: 'read', message: `${what}: ${(e as Error)?.message ?? String(e)}` });
