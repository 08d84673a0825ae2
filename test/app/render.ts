// Renders the app the way main.ts does, into a fresh container that is removed after each test.
import './quiet-lit.ts';
import { afterEach } from 'vitest';
import { getByRole } from '@testing-library/dom';
import { formatProblem, loadScenario, type LoadResult, type Scenario } from '../../src/scenario/index.ts';
import { createUiStore, mountApp, type Lang } from '../../src/app/index.ts';
import type { AppOptions } from '../../src/app/app.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The scenario the start page opens (src/app/main.ts imports the same file). */
export const DEFAULT_FILE = 'scenarios/haicheng-m5.8.yaml';

/** The default scenario, loaded from disk; fails the test with every problem if it does not load. */
let defaultScenario: Scenario | undefined;
export function loadDefault(): Scenario {
  if (defaultScenario) return defaultScenario;
  const result = loadScenario(readScenario('haicheng-m5.8.yaml'), DEFAULT_FILE);
  if (!result.ok) throw new Error(`${DEFAULT_FILE} does not load:\n${result.problems.map((p) => formatProblem(p)).join('\n')}`);
  return (defaultScenario = result.scenario);
}

/** A file under scenarios/. By path, not by URL: under happy-dom, URL is the DOM's, which node:fs rejects. */
export const readScenario = (name: string) => readFileSync(resolve(import.meta.dirname, '../../scenarios', name), 'utf8');
export const minimal = () => readScenario('minimal.yaml');

const mounted: (() => void)[] = [];
afterEach(() => {
  while (mounted.length > 0) mounted.pop()!();
});

export function renderApp(file: string, result: LoadResult, lang?: Lang, options?: AppOptions) {
  const container = document.body.appendChild(document.createElement('div'));
  const store = createUiStore(lang);
  const app = mountApp(container, { file, result }, store, options);
  mounted.push(() => {
    app.destroy();
    container.remove();
  });
  return { container, store, app };
}

/** A room clock the test moves by hand (see test/app/session.test.ts). */
export function manualClock() {
  let now = 1_000_000;
  const clock = () => now;
  clock.advance = (ms: number) => (now += ms);
  return clock;
}

export const MIN = 60_000;

/**
 * The app on a scenario (the default one unless given) with a manual clock and a fixed seed.
 * `pass(ms)` lets room time go by and ticks the drill, as main.ts's interval does.
 */
export function renderDrill(opts: { scenario?: Scenario; file?: string; lang?: Lang; options?: AppOptions } = {}) {
  const clock = manualClock();
  const { container, store, app } = renderApp(opts.file ?? DEFAULT_FILE, { ok: true, scenario: opts.scenario ?? loadDefault() }, opts.lang, {
    clock,
    seed: () => 7,
    ...opts.options,
  });
  const session = () => {
    const s = store.getState().session;
    if (!s) throw new Error('no drill session: press Start first');
    return s;
  };
  return {
    container,
    store,
    app,
    clock,
    session,
    world: () => session().exercise.world,
    pass(ms: number) {
      clock.advance(ms);
      app.tick();
    },
    /**
     * Shows the seats the scores and the plan's expected answers (hidden by default while the drill
     * runs), as the facilitator's switches on the console do: a set-visibility entry in the log.
     */
    reveal(show: { scores: boolean; answers: boolean } = { scores: true, answers: true }) {
      const outcome = session().facilitator({ type: 'set-visibility', ...show });
      if (!outcome.ok) throw new Error(`set-visibility refused: ${JSON.stringify(outcome)}`);
    },
    /** Presses the briefing's start button. */
    start() {
      getByRole(container, 'button', { name: opts.lang === 'en' ? 'Start the drill' : '开始推演' }).click();
      return session();
    },
  };
}

/** Loads scenario text and renders whatever comes out: the summary, or the problems. */
export const renderText = (text: string, file: string, lang?: Lang) => renderApp(file, loadScenario(text, file), lang);
