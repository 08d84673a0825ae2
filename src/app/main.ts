// The browser entry (index.html). The first screen is the default scenario's briefing, drawn from its
// brief: the scenario without its injects and decisions, checked and turned into JSON when the page was
// built (src/cli/shipped-scenarios.ts), so the page parses no YAML and carries no YAML parser, zod or
// engine (issue 8). Everything else starts loading at once, side by side: the rest of the scenario,
// the app (boot.ts: engine, console, saving, picker) and the map (Pixi and the basemap); the app is
// then mounted over the briefing, with the start button and the map.
import { render } from 'lit-html';
import { DEFAULT_BRIEF, DEFAULT_SCENARIO, FACTS, LOADERS } from './shipped.ts';
import { htmlLang, pick, t, LANGS, type Lang } from './i18n.ts';
import { preloadMap } from './map/preload.ts';
import { createUiStore } from './store.ts';
import { summaryView, type ScenarioBrief } from './views/summary.ts';
import './styles.css';

const FILE = DEFAULT_SCENARIO;
const LANG_KEY = 'quake-drill.lang';

const scenario = LOADERS[FILE]!();
const app = import('./boot.ts');
preloadMap();

const store = createUiStore(savedLang());
const facts = FACTS.find((f) => f.file === FILE)!;
const brief: ScenarioBrief = { ...DEFAULT_BRIEF, counts: { injects: facts.injects, decisions: facts.decisions } };

// The document's own language and title follow the interface, for screen readers and the tab strip.
const syncDocument = (lang: Lang) => {
  document.documentElement.lang = htmlLang(lang);
  document.title = `${pick(lang, brief.meta.title)} · ${t(lang, 'app.name')}`;
};
syncDocument(store.getState().lang);
store.subscribe(({ lang }) => {
  syncDocument(lang);
  rememberLang(lang);
});

// The briefing until the app is here, in a box of its own: the app replaces it (lit-html keeps its
// state on the element it renders into, so the two do not share one).
const container = document.getElementById('app')!;
const first = document.createElement('div');
first.style.display = 'contents';
container.replaceChildren(first);
const drawFirst = () => render(summaryView({ file: FILE, result: { ok: true, scenario: brief }, lang: store.getState().lang, onLang: store.getState().setLang }), first);
drawFirst();
const stopFirst = store.subscribe(drawFirst);
performance.mark('quake-drill:first-screen');

Promise.all([app, scenario]).then(
  ([{ boot }, whole]) => {
    stopFirst();
    boot({ container, file: FILE, scenario: whole, store });
  },
  (e: unknown) => {
    // A chunk that did not arrive (the network went away): say so under the briefing.
    const p = document.createElement('p');
    p.className = 'boot';
    p.setAttribute('role', 'alert');
    p.textContent = `${t(store.getState().lang, 'app.name')}: ${(e as Error)?.message ?? String(e)}`;
    container.append(p);
  },
);

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
