// Mounts the app into a container and keeps it in step with the UI store. Today it shows one
// screen, the scenario summary; the drill screens will be chosen here from the exercise state.
import { render } from 'lit-html';
import type { LoadResult } from '../scenario/index.ts';
import type { UiStore } from './store.ts';
import { summaryView } from './views/summary.ts';

export interface LoadedScenario {
  file: string;
  result: LoadResult;
}

/** Renders now and on every store change; returns the function that stops listening. */
export function mountApp(container: HTMLElement, scenario: LoadedScenario, store: UiStore): () => void {
  const draw = () => {
    const { lang, setLang } = store.getState();
    render(summaryView({ ...scenario, lang, onLang: setLang }), container);
  };
  // lit-html renders beside what is already there; drop the static "loading" text of index.html.
  container.replaceChildren();
  draw();
  return store.subscribe(draw);
}
