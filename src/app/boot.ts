// The app proper, loaded by main.ts beside the first screen: the engine, the console, saving and the
// picker. `boot` mounts it over the briefing main.ts drew, once the whole default scenario is here,
// and drives the drill: the room clock is performance.now, and about four times a second the session
// is moved to now (timers fire, bots answer) and the screen re-rendered, which is often enough for
// countdowns in whole seconds.
import type { Scenario } from '../scenario/schema.ts';
import { mountApp, type FileActions } from './app.ts';
import { mountMap } from './map/mount.ts';
import { createPersistence } from './persist/connect.ts';
import { SHIPPED } from './persist/scenarios.ts';
import { pickerView } from './views/picker.ts';
import type { UiStore } from './store.ts';

export interface BootOptions {
  container: HTMLElement;
  file: string;
  scenario: Scenario;
  store: UiStore;
}

export function boot({ container, file, scenario, store }: BootOptions) {
  const clock = () => performance.now();
  const persistence = createPersistence({ clock });
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  const files: FileActions = {
    picker: (lang, close) => pickerView({ lang, scenarios: SHIPPED, current: app.source.file, state: picker.getState(), onClose: close }),
    exportDrill: (session) => persistence.exportDrill(session),
    newDrill: (lang) => void persistence.newDrill(app, lang),
    restoring: () => persistence.state.getState().restoring,
    notice: (lang) => {
      const { notice, saveError } = persistence.state.getState();
      return saveError?.(lang) ?? notice?.(lang) ?? null;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const app = mountApp(container, { file, result: { ok: true, scenario } }, store, {
    clock,
    seed: () => crypto.getRandomValues(new Uint32Array(1))[0]!,
    onSession: persistence.onSession,
    mountMap: (el) => mountMap(el),
    files,
  });
  // Made once the app exists (it opens briefings and drills in it); the first screen is never the picker.
  const picker = persistence.picker(app, () => store.getState().setScreen('briefing'));
  picker.subscribe(changed);
  persistence.state.subscribe(changed);
  void persistence.resume(app);
  // (A file dropped outside the picker is kept from navigating away by main.ts, from the first screen on.)
  setInterval(() => app.tick(), TICK_MS);
  return app;
}

/** Countdowns show whole seconds: four updates a second keep them from skipping. */
const TICK_MS = 250;
