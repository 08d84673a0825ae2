// What the authoring view holds and what its controls do: the text being edited and its last check
// (debounced: the loader runs once typing pauses), the last valid scenario (the preview and the drill
// script keep showing it while the file is broken), the node the preview shows, saving, the dry run.
// A zustand vanilla store, so the view re-renders from one subscription and tests drive it without
// a browser; the timer, the storage, the download and the dry run's runner are given to it.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DryRunReport } from '../../review/dry-run.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { UNTITLED, idInText, type Draft, type Drafts } from './drafts.ts';
import { check, type Check } from './validate.ts';

/** How long typing must pause before the file is checked again. */
const CHECK_DELAY_MS = 300;
/** Seeds per policy of the view's dry run (the CLI's default is larger; this keeps it to seconds). */
export const DRY_RUN_SEEDS = 10;

export type DryRunState =
  | { kind: 'running'; text: string }
  | { kind: 'done'; text: string; report: DryRunReport }
  | { kind: 'failed'; text: string; reason: string };

export type SaveState = { kind: 'saved' | 'restored'; id: string } | { kind: 'failed' };

export interface AuthoringState {
  file: string;
  text: string;
  /** The last check; of an older text while `checking`. */
  check: Check;
  /** The text changed since the last check (a check is due). */
  checking: boolean;
  /** The scenario of the last text that loaded, if any. */
  lastValid: Scenario | null;
  /** The node the preview shows (index), or null for every node. */
  node: number | null;
  saved: SaveState | null;
  dry: DryRunState | null;

  /** The editor's text changed: checked once typing pauses. */
  edit(text: string): void;
  rename(file: string): void;
  /** Replaces the text (a copy of a shipped scenario, an upload, the skeleton, a saved draft), checked at once. */
  start(draft: Draft): void;
  /** Checks a pending edit now (before saving, downloading or playing). */
  flush(): Check;
  /** Saves under the scenario's id (meta.id). */
  save(): void;
  openSaved(id: string): void;
  download(): void;
  /** Plays the text if it loads (with the app's usual question before a drill on show is thrown away). */
  play(): void;
  showNode(node: number | null): void;
  runDryRun(): Promise<void>;
}

export interface AuthoringDeps {
  drafts: Drafts;
  /** Calls `fn` after `ms`; returns a cancel (setTimeout in the browser, a manual queue in tests). */
  schedule(fn: () => void, ms: number): () => void;
  download(name: string, text: string): void;
  /** Starts the briefing of a scenario that loads, as the picker does with a local file; absent: no 推演 button. */
  play?: (file: string, text: string) => void;
  /** The dry run of a text (off the main thread in the browser); absent: no dry run. */
  dryRun?: (text: string, file: string) => Promise<DryRunReport>;
}

export type AuthoringStore = StoreApi<AuthoringState>;

/** The file name a download or a played drill gets: the given name, made a .yaml file. */
const yamlName = (file: string) => {
  const base = file.trim().replace(/^.*[\\/]/, '') || `${UNTITLED}.yaml`;
  return /\.ya?ml$/i.test(base) ? base : `${base}.yaml`;
};

export function createAuthoringStore(initial: Draft, deps: AuthoringDeps): AuthoringStore {
  return createStore<AuthoringState>()((set, get) => {
    let cancel: (() => void) | null = null;
    const checked = (c: Check) => {
      cancel?.();
      cancel = null;
      set({ check: c, checking: false, ...(c.result.ok ? { lastValid: c.result.scenario } : {}) });
      // The working copy follows every check: a reload or leaving the view loses nothing typed.
      deps.drafts.keepWorking({ file: c.file, text: c.text });
      const node = get().node;
      if (c.result.ok && node !== null && node >= c.result.scenario.nodes.length) set({ node: null });
      return c;
    };
    const first = check(initial.text, initial.file);
    const flush = () => {
      const { text, file, check: last, checking } = get();
      return checking || last.text !== text || last.file !== file ? checked(check(text, file)) : last;
    };
    const idOf = (c: Check) => (c.result.ok ? c.result.scenario.meta.id : (idInText(c.text) ?? UNTITLED));
    return {
      file: initial.file,
      text: initial.text,
      check: first,
      checking: false,
      lastValid: first.result.ok ? first.result.scenario : null,
      node: null,
      saved: null,
      dry: null,

      edit(text) {
        if (text === get().text) return;
        set({ text, checking: true, saved: null });
        cancel?.();
        cancel = deps.schedule(() => {
          cancel = null;
          flush();
        }, CHECK_DELAY_MS);
      },
      rename(file) {
        set({ file, saved: null });
        flush();
      },
      start(draft) {
        set({ file: draft.file, text: draft.text, saved: null, dry: null, node: null });
        checked(check(draft.text, draft.file));
      },
      flush,
      save() {
        const c = flush();
        const id = idOf(c);
        set({ saved: deps.drafts.save(id, { file: c.file, text: c.text }) ? { kind: 'saved', id } : { kind: 'failed' } });
      },
      openSaved(id) {
        const draft = deps.drafts.load(id);
        if (!draft) return;
        get().start(draft);
        set({ saved: { kind: 'restored', id } });
      },
      download() {
        const c = flush();
        deps.download(yamlName(c.file), c.text);
      },
      play() {
        const c = flush();
        if (c.result.ok) deps.play?.(yamlName(c.file), c.text);
      },
      showNode: (node) => set({ node }),
      async runDryRun() {
        const c = flush();
        if (!c.result.ok || !deps.dryRun || get().dry?.kind === 'running') return;
        set({ dry: { kind: 'running', text: c.text } });
        try {
          const report = await deps.dryRun(c.text, c.file);
          set({ dry: { kind: 'done', text: c.text, report } });
        } catch (e) {
          set({ dry: { kind: 'failed', text: c.text, reason: e instanceof Error ? e.message : String(e) } });
        }
      },
    };
  });
}
