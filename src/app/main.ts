// The browser entry (index.html): load the default scenario bundled with the page, open on its
// briefing, and drive the drill: the room clock is performance.now, and about four times a second
// the session is moved to now (timers fire, bots answer) and the screen re-rendered, which is
// often enough for countdowns in whole seconds. The YAML is imported as text so the page needs
// no network and no server beyond Vite's.
import text from '../../scenarios/haicheng-m5.8.yaml?raw';
import { loadScenario } from '../scenario/index.ts';
import { mountApp, type FileActions } from './app.ts';
import { mountMap } from './map/mount.ts';
import { createPersistence, SHIPPED } from './persist/index.ts';
import { pickerView } from './views/picker.ts';
import { htmlLang, pick, t, LANGS, type Lang } from './i18n.ts';
import { createUiStore } from './store.ts';
import './styles.css';

const FILE = 'scenarios/haicheng-m5.8.yaml';
const LANG_KEY = 'quake-drill.lang';

const result = loadScenario(text, FILE);
const store = createUiStore(savedLang());

// The document's own language and title follow the interface, for screen readers and the tab strip.
const syncDocument = (lang: Lang) => {
  document.documentElement.lang = htmlLang(lang);
  document.title = result.ok ? `${pick(lang, result.scenario.meta.title)} · ${t(lang, 'app.name')}` : t(lang, 'app.name');
};
syncDocument(store.getState().lang);
store.subscribe(({ lang }) => {
  syncDocument(lang);
  rememberLang(lang);
});

const clock = () => performance.now();
const persistence = createPersistence({ clock });
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());
const files: FileActions = {
  picker: (lang, close) => pickerView({ lang, scenarios: SHIPPED, current: app.source.file, state: picker.getState(), onClose: close }),
  exportDrill: (session) => persistence.exportDrill(session),
  newDrill: (lang) => void persistence.newDrill(app, lang),
  notice: (lang) => {
    const { notice, saveError } = persistence.state.getState();
    return saveError?.(lang) ?? notice?.(lang) ?? null;
  },
  subscribe: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

const app = mountApp(document.getElementById('app')!, { file: FILE, result }, store, {
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
performance.mark('quake-drill:first-screen');
// A file dropped outside the picker must not navigate away from the drill.
for (const type of ['dragover', 'drop']) window.addEventListener(type, (e) => e.preventDefault());
/** Countdowns show whole seconds: four updates a second keep them from skipping. */
const TICK_MS = 250;
setInterval(() => app.tick(), TICK_MS);

// A facilitator who switched to English should not be switched back by a reload.
function savedLang(): Lang | undefined {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    return LANGS.find((l) => l === saved);
  } catch {
    return undefined; // storage can be disabled; Chinese is then the default
  }
}

function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not remembering the language is harmless
  }
}
