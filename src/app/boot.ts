// The app proper, loaded by main.ts beside the first screen: the engine, the console, saving and the
// picker. `boot` mounts it over the briefing main.ts drew, once the whole default scenario is here,
// and drives the drill: the room clock is performance.now, and about four times a second the session
// is moved to now (timers fire, bots answer) and the screen re-rendered, which is often enough for
// countdowns in whole seconds. Saving holds the drill for this tab or follows another tab's
// (persist/tab-lock.ts): a tab that follows is read-only, its banner offering 接管.
import type { Scenario } from '../scenario/schema.ts';
import { mountApp } from './app.ts';
import { mountMap } from './map/mount.ts';
import { lazyAuthoring } from './authoring/lazy.ts';
import type { PickerStore } from './persist/picker-state.ts';
import { createPersistence } from './persist/connect.ts';
import { indexedDbArchive } from './persist/archive.ts';
import { indexedDbReviewStore } from './persist/review-store.ts';
import { createRecordStore } from './review/record-store.ts';
import { DEFAULT_SCENARIO, SHIPPED } from './persist/scenarios.ts';
import type { StartPages } from './persist/start-page.ts';
import { shellHooks } from './persist/shell-hooks.ts';
import { createTabLock } from './persist/tab-lock.ts';
import type { UiStore } from './store.ts';

export interface BootOptions {
  container: HTMLElement;
  file: string;
  scenario: Scenario;
  store: UiStore;
  /** The YAML text of `file` when it is not shipped (a local file a reload reopened): its drills save with it. */
  text?: string;
  /** Which scenario the page opens with: told of every choice, and the picker's 设为首页情景 (start-page.ts). */
  starts?: StartPages;
}

/** A join link or the host panel (`?join=` / `?host=`, main.ts): a drill on a server, with no saving in this browser (remote/entry.ts). */
export function bootServerPage({ container, store }: Pick<BootOptions, 'container' | 'store'>) {
  const clock = () => performance.now();
  const params = new URLSearchParams(location.search);
  void import('./remote/entry.ts').then(({ openServerPage }) => openServerPage({ container, store, clock, params, origin: location.origin, mountMap: (el) => mountMap(el) }));
}

export function boot({ container, file, scenario, store, text, starts }: BootOptions) {
  const clock = () => performance.now();
  const archive = indexedDbArchive();
  // One review store for the screens' record and for persistence (export, import, delete beside the drill).
  const reviews = indexedDbReviewStore();
  const persistence = createPersistence({
    clock,
    lock: createTabLock(),
    archive,
    reviews,
    ...(text === undefined ? {} : { opened: { file, text } }),
    ...(starts ? { onChosen: starts.remember } : {}),
  });
  const hooks = shellHooks(persistence, SHIPPED, starts ? { pages: starts, defaultFile: DEFAULT_SCENARIO } : undefined);
  /** The picker, once connected below: the authoring view plays a text through it. */
  const connected: { picker?: PickerStore } = {};
  const app = mountApp(container, { file, result: { ok: true, scenario } }, store, {
    clock,
    seed: () => crypto.getRandomValues(new Uint32Array(1))[0]!,
    onSession: persistence.onSession,
    mountMap: (el) => mountMap(el),
    // 用此情景推演 opens the authored text as the picker opens a local file (asking before a drill on show goes).
    mountAuthoring: (el, lang, close) => lazyAuthoring(el, { lang, back: close, play: (name, text) => void connected.picker?.getState().openScenario({ name, text: async () => text }) }),
    files: hooks.files,
    archive,
    records: createRecordStore(reviews),
  });
  connected.picker = hooks.connect(app, container);
  void persistence.resume(app);
  // (A file dropped outside the picker is kept from navigating away by main.ts, from the first screen on.)
  setInterval(() => app.tick(), TICK_MS);
  return app;
}

/** Countdowns show whole seconds: four updates a second keep them from skipping. */
const TICK_MS = 250;
