// The browser entry (index.html). The first screen is the opening scenario's briefing: the default's
// (or the scenario chosen before a reload, or the start page: persist/start-page.ts), drawn from its
// brief: the scenario without its injects and decisions, checked and turned into JSON when the page was
// built (src/cli/shipped-scenarios.ts), so the page parses no YAML and carries no YAML parser, zod or
// engine (issue 8). Everything else starts loading at once, side by side: the rest of the scenario,
// the app (boot.ts: engine, console, saving, picker) and the map (Pixi and the basemap); the app then
// fills the first screen's frame in place, enabling the start button and drawing the map.
import { render } from 'lit-html';
import type { Scenario } from '../scenario/schema.ts';
import { isDownloadError } from './download.ts';
import { DEFAULT_BRIEF, DEFAULT_SCENARIO, FACTS, LOADERS } from './shipped.ts';
import { htmlLang, pick, LANGS, type Lang } from './i18n.ts';
import { preloadMap } from './map/preload.ts';
import { browserStorage, startPages } from './persist/start-page.ts';
import { createUiStore } from './store.ts';
import { documentTitle, firstScreenView } from './views/first-screen.ts';
import { briefOf, type ScenarioBrief } from './views/summary.ts';
import './styles.css';

const LANG_KEY = 'quake-drill.lang';

// A join link or the host panel opens a drill on a server (boot.ts): no scenario of this page's to wait for.
const search = new URLSearchParams(location.search);
const serverPage = search.has('join') || search.has('host');
// Which scenario opens: the one chosen in this tab before a reload, else the trainer's start page, else
// the default the page was built with (persist/start-page.ts).
const starts = startPages(browserStorage(), FACTS.map((f) => f.file), DEFAULT_SCENARIO);

/** The scenario the page opens: its brief for the first screen, the whole of it for the app. */
interface Opened {
  file: string;
  brief: ScenarioBrief;
  whole: () => Promise<Scenario>;
  /** A local file's YAML text (its drills save with it). */
  text?: string;
}

const defaultOpened = (): Opened => {
  const facts = FACTS.find((f) => f.file === DEFAULT_SCENARIO)!;
  return { file: DEFAULT_SCENARIO, brief: { ...DEFAULT_BRIEF, counts: { injects: facts.injects, decisions: facts.decisions } }, whole: LOADERS[DEFAULT_SCENARIO]! };
};

/**
 * Only the default's brief is in this page's first bundle: another scenario is read whole before its
 * briefing shows (the tab keeps its neutral title and the loading line meanwhile). One that no longer
 * loads (a newer page) is forgotten and the default opens; one that did not download opens the default
 * this time and is tried again on the next load.
 */
async function open(): Promise<Opened> {
  const chosen = starts.opening();
  if (serverPage || (chosen.file === DEFAULT_SCENARIO && chosen.text === undefined)) return defaultOpened();
  try {
    const scenario = chosen.text === undefined ? await LOADERS[chosen.file]!() : await readLocal(chosen.file, chosen.text);
    return { file: chosen.file, brief: briefOf(scenario), whole: () => Promise.resolve(scenario), ...(chosen.text === undefined ? {} : { text: chosen.text }) };
  } catch (e) {
    if (!isDownloadError(e)) starts.forget(chosen.from);
    return defaultOpened();
  }
}

/** A local file kept with its text, read as the picker read it (the YAML loader is a chunk of its own). */
async function readLocal(file: string, text: string): Promise<Scenario> {
  const { loadScenario } = await import('../scenario/load.ts');
  const loaded = loadScenario(text, file);
  if (!loaded.ok) throw new Error(`${file} no longer loads`);
  return loaded.scenario;
}

// The app starts downloading at once, beside the scenario (an import asked for twice is fetched once).
import('./boot.ts').catch(() => undefined);
preloadMap();

const store = createUiStore(savedLang());
store.subscribe(({ lang }) => rememberLang(lang));

// A file dropped on the page before the app (and its picker) is here must not navigate away.
const holdDrops = (e: Event) => e.preventDefault();
for (const type of ['dragover', 'drop']) window.addEventListener(type, holdDrops);

const container = document.getElementById('app')!;
void open().then(firstScreen);

function firstScreen({ file, brief, whole, text }: Opened) {
  // Both are asked for again by 重试 when one did not arrive: the browser fetches a failed module again
  // (Chromium does; a browser that remembers the failure fails the retry too, and the message says to reload).
  const loadApp = () => Promise.all([import('./boot.ts'), serverPage ? null : whole()]);
  const loading = loadApp();
  // The opened scenario's basemap downloads beside the app, so its map does not wait for it.
  preloadMap(brief.region.basemap);

  // The document's own language and title follow the interface, for screen readers and the tab strip
  // (the app keeps them once it is mounted, for whichever scenario is on show).
  const syncDocument = (lang: Lang) => {
    document.documentElement.lang = htmlLang(lang);
    document.title = documentTitle(lang, pick(lang, brief.meta.title));
  };
  syncDocument(store.getState().lang);

  // The briefing until the app is here, in the app's own frame (views/first-screen.ts) with the start
  // button disabled and the map's box in place: the app renders the same templates into the same
  // container, so lit-html fills them in place — nothing moves, an open section stays open, the focus stays.
  container.replaceChildren(); // the static "loading" line of index.html
  /** The app or the scenario did not download (the network went away): said where the start button waits. */
  let failed = false;
  const drawFirst = () => {
    const { lang, setLang } = store.getState();
    syncDocument(lang);
    render(firstScreenView({ lang, file, brief, failed, onLang: setLang, onRetry: retry }), container);
  };
  drawFirst();
  const stopFirst = store.subscribe(drawFirst);
  performance.mark('quake-drill:first-screen');

  const start = (parts: ReturnType<typeof loadApp>) =>
    parts.then(
      ([{ boot, bootServerPage }, scenario]) => {
        stopFirst();
        if (scenario === null) bootServerPage({ container, store });
        else boot({ container, file, scenario, store, starts, ...(text === undefined ? {} : { text }) });
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
}

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
