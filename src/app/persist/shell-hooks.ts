// Persistence as the app shell's FileActions (app.ts): the picker, export, new drill, what saving has
// to say, the banner (a tab that follows another, with 接管; an unreadable saved drill, offered back
// as a file; the question before a drill is thrown away) — and the UI kept in step with the tab's role.
// boot.ts wires these; tests wire the same with a memory backend and a fake tab lock.
import type { App, FileActions } from '../app.ts';
import { dialogFocus } from '../views/confirm-dialog.ts';
import { persistBanner } from '../views/persist-banner.ts';
import { pickerView } from '../views/picker.ts';
import type { Persistence } from './connect.ts';
import type { PickerStore } from './picker-state.ts';
import type { ShippedScenario } from './scenarios.ts';
import type { StartPages } from './start-page.ts';

export interface Hooks {
  files: FileActions;
  /**
   * Call once the app is mounted: the picker is made in it, a tab that follows is read-only, and the
   * question's dialog takes the focus when it opens and gives it back when it closes.
   */
  connect(app: App, container: HTMLElement): PickerStore;
}

/** The start page's choices and the default the page was built with (`defaultFile`), for the picker's 设为首页情景. */
export interface StartPageHooks {
  pages: StartPages;
  defaultFile: string;
}

export function shellHooks(persistence: Persistence, shipped: readonly ShippedScenario[], start?: StartPageHooks): Hooks {
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  let app: App | undefined;
  let picker: PickerStore | undefined;
  /** The last start page change could not be kept (storage full or disabled). */
  let startFailed = false;
  const startPage = ({ pages, defaultFile }: StartPageHooks) => {
    const set = pages.startPage();
    const current = app?.source.file;
    // A local file can be the start page only with its text, which this page has once it opened it.
    const localCurrent = current !== undefined && !shipped.some((s) => s.file === current) && persistence.textOf(current) !== undefined ? current : null;
    return {
      file: set ?? defaultFile,
      set: set !== null,
      localCurrent,
      failed: startFailed,
      onSet: (file: string | null) => {
        const text = file === null ? undefined : persistence.textOf(file);
        startFailed = !pages.setStartPage(file === null ? null : { file, ...(text === undefined ? {} : { text }) });
        changed();
      },
    };
  };
  const files: FileActions = {
    picker: (lang, close) =>
      pickerView({ lang, scenarios: shipped, ...(app ? { current: app.source.file } : {}), state: picker!.getState(), onClose: close, ...(start ? { startPage: startPage(start) } : {}) }),
    exportDrill: (session) => persistence.exportDrill(session),
    exportReview: (session, entries) => persistence.exportReview(session, entries),
    newDrill: () => void (app && persistence.newDrill(app)),
    restoring: () => persistence.state.getState().restoring,
    notice: (lang) => {
      const { notice, saveError } = persistence.state.getState();
      return saveError?.(lang) ?? notice?.(lang) ?? null;
    },
    banner: (lang) =>
      persistBanner({
        lang,
        state: persistence.state.getState(),
        onTakeOver: () => void persistence.takeOver(),
        onDownload: () => persistence.downloadUnreadable(),
        onAnswer: persistence.answer,
      }),
    confirmDiscard: () => persistence.confirmDiscard('start'),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    files,
    connect(mounted, container) {
      app = mounted;
      const { store } = mounted;
      // The first screen is never the picker: a choice made there goes back to the briefing.
      picker = persistence.picker(mounted, () => store.getState().setScreen('briefing'));
      picker.subscribe(changed);
      persistence.state.subscribe(changed);
      // After the app has drawn (the listener above).
      const focus = dialogFocus(container);
      const sync = () => {
        const { role, question } = persistence.state.getState();
        if (store.getState().readOnly !== (role === 'follower')) store.getState().setReadOnly(role === 'follower');
        focus(question !== null);
      };
      persistence.state.subscribe(sync);
      sync();
      return picker;
    },
  };
}
