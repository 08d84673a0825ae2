// The browser entry (index.html). The first screen is the default scenario's briefing, drawn from its
// brief: the scenario without its injects and decisions, checked and turned into JSON when the page was
// built (src/cli/shipped-scenarios.ts), so the page parses no YAML and carries no YAML parser, zod or
// engine (issue 8). Everything else starts loading at once, side by side: the rest of the scenario,
// the app (boot.ts: engine, console, saving, picker) and the map (Pixi and the basemap); the app then
// fills the first screen's frame in place, enabling the start button and drawing the map.
import { render } from 'lit-html';
import { DEFAULT_BRIEF, DEFAULT_SCENARIO, FACTS, LOADERS } from './shipped.ts';
import { htmlLang, pick, LANGS, type Lang } from './i18n.ts';
import { preloadMap } from './map/preload.ts';
import { createUiStore } from './store.ts';
import { documentTitle, firstScreenView } from './views/first-screen.ts';
import type { ScenarioBrief } from './views/summary.ts';
import './styles.css';

const FILE = DEFAULT_SCENARIO;
const LANG_KEY = 'quake-drill.lang';

// Both are asked for again by 重试 when one did not arrive: the browser fetches a failed module again
// (Chromium does; a browser that remembers the failure fails the retry too, and the message says to reload).
// A join link or the host panel opens a drill on a server (boot.ts): the default scenario is not its to wait for.
const search = new URLSearchParams(location.search);
const serverPage = search.has('join') || search.has('host');
const loadApp = () => Promise.all([import('./boot.ts'), serverPage ? null : LOADERS[FILE]!()]);
const loading = loadApp();
preloadMap();

const store = createUiStore(savedLang());
const facts = FACTS.find((f) => f.file === FILE)!;
const brief: ScenarioBrief = { ...DEFAULT_BRIEF, counts: { injects: facts.injects, decisions: facts.decisions } };

// The document's own language and title follow the interface, for screen readers and the tab strip
// (the app keeps them once it is mounted, for whichever scenario is on show).
const syncDocument = (lang: Lang) => {
  document.documentElement.lang = htmlLang(lang);
  document.title = documentTitle(lang, pick(lang, brief.meta.title));
};
syncDocument(store.getState().lang);
store.subscribe(({ lang }) => rememberLang(lang));

// A file dropped on the page before the app (and its picker) is here must not navigate away.
const holdDrops = (e: Event) => e.preventDefault();
for (const type of ['dragover', 'drop']) window.addEventListener(type, holdDrops);

// The briefing until the app is here, in the app's own frame (views/first-screen.ts) with the start
// button disabled and the map's box in place: the app renders the same templates into the same
// container, so lit-html fills them in place — nothing moves, an open section stays open, the focus stays.
const container = document.getElementById('app')!;
container.replaceChildren(); // the static "loading" line of index.html
/** The app or the scenario did not download (the network went away): said where the start button waits. */
let failed = false;
const drawFirst = () => {
  const { lang, setLang } = store.getState();
  syncDocument(lang);
  render(firstScreenView({ lang, file: FILE, brief, failed, onLang: setLang, onRetry: retry }), container);
};
drawFirst();
const stopFirst = store.subscribe(drawFirst);
performance.mark('quake-drill:first-screen');

const start = (parts: ReturnType<typeof loadApp>) =>
  parts.then(
    ([{ boot, bootServerPage }, whole]) => {
      stopFirst();
      if (whole === null) bootServerPage({ container, store });
      else boot({ container, file: FILE, scenario: whole, store });
    },
    () => {
      failed = true;
      drawFirst();
    },
  );
function retry() {
  failed = false;
  drawFirst();
  void start(loadApp());
}
void start(loading);

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
