// Renders the app the way main.ts does, into a fresh container that is removed after each test.
import './quiet-lit.ts';
import { afterEach } from 'vitest';
import { formatProblem, loadScenario, type LoadResult } from '../../src/scenario/index.ts';
import { createUiStore, mountApp, type Lang } from '../../src/app/index.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The scenario the start page opens (src/app/main.ts imports the same file). */
export const DEFAULT_FILE = 'scenarios/haicheng-m5.8.yaml';

/** The default scenario, loaded from disk; fails the test with every problem if it does not load. */
export function loadDefault() {
  const result = loadScenario(readScenario('haicheng-m5.8.yaml'), DEFAULT_FILE);
  if (!result.ok) throw new Error(`${DEFAULT_FILE} does not load:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.scenario;
}

/** A file under scenarios/. By path, not by URL: under happy-dom, URL is the DOM's, which node:fs rejects. */
export const readScenario = (name: string) => readFileSync(resolve(import.meta.dirname, '../../scenarios', name), 'utf8');
export const minimal = () => readScenario('minimal.yaml');

const mounted: (() => void)[] = [];
afterEach(() => {
  while (mounted.length > 0) mounted.pop()!();
});

export function renderApp(file: string, result: LoadResult, lang?: Lang) {
  const container = document.body.appendChild(document.createElement('div'));
  const store = createUiStore(lang);
  const stop = mountApp(container, { file, result }, store);
  mounted.push(() => {
    stop();
    container.remove();
  });
  return { container, store };
}

/** Loads scenario text and renders whatever comes out: the summary, or the problems. */
export const renderText = (text: string, file: string, lang?: Lang) => renderApp(file, loadScenario(text, file), lang);
