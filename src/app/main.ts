// The browser entry (index.html): load the default scenario bundled with the page, open on its
// briefing, and drive the drill: the room clock is performance.now, and about four times a second
// the session is moved to now (timers fire, bots answer) and the screen re-rendered, which is
// often enough for countdowns in whole seconds. The YAML is imported as text so the page needs
// no network and no server beyond Vite's.
import text from '../../scenarios/haicheng-m5.8.yaml?raw';
import { loadScenario } from '../scenario/index.ts';
import { mountApp } from './app.ts';
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

const app = mountApp(document.getElementById('app')!, { file: FILE, result }, store, {
  clock: () => performance.now(),
  seed: () => crypto.getRandomValues(new Uint32Array(1))[0]!,
});
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
