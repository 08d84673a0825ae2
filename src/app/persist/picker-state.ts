// What the scenario picker remembers between renders — the problems of a file that did not load,
// a drill log waiting for its scenario — and what its controls do. A zustand vanilla store, so
// the shell re-renders the picker from one subscription and tests drive it without a browser.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Problem } from '../../scenario/problem.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { ImportedDrill, LogImport, PendingLog } from './log-io.ts';
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

  choose(s: ShippedScenario): Promise<void>;
  /** A local YAML scenario file. */
  openScenario(file: PickedFile): Promise<void>;
  /** A drill log (.jsonl). */
  importLog(file: PickedFile): Promise<void>;
  /** The scenario file for the pending log. */
  scenarioForLog(file: PickedFile): Promise<void>;
  /** A dropped file: a log by its extension (.jsonl, .json, .log, .txt), a scenario otherwise. */
  drop(file: PickedFile): Promise<void>;
  /** Forgets problems and a pending log (the picker is closed or reopened). */
  reset(): void;
}

export interface PickerOptions {
  shipped?: readonly ShippedScenario[];
  /** The user chose a scenario that loads: show its briefing (a fresh drill). */
  onScenario: (chosen: ChosenScenario) => void;
  /** The user imported a drill log that replays: continue it (paused). */
  onDrill: (drill: ImportedDrill) => void;
}

export type PickerStore = StoreApi<PickerState>;

export const isLogFile = (name: string) => /\.(jsonl|ndjson|json|log|txt)$/i.test(name);

export function createPickerStore(options: PickerOptions): PickerStore {
  const shipped = options.shipped ?? SHIPPED;
  return createStore<PickerState>()((set, get) => {
    const clean = { scenarioProblems: undefined, logProblems: undefined, pending: undefined, downloadFailed: undefined };
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
    const settle = (result: LogImport) => {
      if (result.kind === 'ready') {
        set(clean);
        options.onDrill(result.drill);
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
    const importLogFile = (file: PickedFile) =>
      guard('import', async () => {
        const text = await read(file);
        if (text !== undefined) settle(await (await logReader()).importLog(text, file.name, shipped));
      });
    return {
      busy: false,
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
          if (text !== undefined) settle(await (await logReader()).importWithScenario(pending, text, file.name));
        });
      },
      drop: (file) => (isLogFile(file.name) ? importLogFile(file) : get().pending ? get().scenarioForLog(file) : openScenario(file)),
      reset: () => set({ ...clean, busy: false }),
    };
  });
}

const unreadable = (file: string, e: unknown): Problem => ({ file, line: 1, column: 1, path: [], rule: 'read', message: `cannot read the file: ${(e as Error)?.message ?? String(e)}` });
