// The scenario picker: the scenarios shipped in scenarios/ (title, time nodes, decisions: each was
// checked when the page was built), a local YAML file (file input or drag and drop) and the import of a recorded drill. A
// file that does not load shows its problems at file:line:column; nothing else on the page changes.
import { html, nothing } from 'lit-html';
import { formatProblem, type Problem } from '../../scenario/problem.ts';
import { htmlLang, pick, t, type Lang } from '../i18n.ts';
import type { PickedFile, PickerState } from '../persist/picker-state.ts';
import type { ShippedScenario } from '../persist/scenarios.ts';
import { problemsView } from './problems.ts';
import { downloadMessage } from '../download.ts';

export interface PickerProps {
  lang: Lang;
  scenarios: readonly ShippedScenario[];
  /** The file of the scenario loaded now, marked in the list. */
  current?: string;
  /** The picker's state and actions (createPickerStore(…).getState()). */
  state: PickerState;
  /** Back to the briefing without choosing. */
  onClose?: () => void;
}

export function pickerView({ lang, scenarios, current, state, onClose }: PickerProps) {
  const firstFile = (e: Event) => (e.target as HTMLInputElement).files?.[0];
  const onFile = (action: (file: PickedFile) => Promise<void>) => (e: Event) => {
    const file = firstFile(e);
    (e.target as HTMLInputElement).value = ''; // choosing the same file again after fixing it fires again
    if (file) void action(file);
  };
  const onDragOver = (e: DragEvent) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    (e.currentTarget as HTMLElement).classList.add('dragging');
  };
  const onDragLeave = (e: DragEvent) => (e.currentTarget as HTMLElement).classList.remove('dragging');
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    (e.currentTarget as HTMLElement).classList.remove('dragging');
    const file = e.dataTransfer?.files?.[0];
    if (file) void state.drop(file);
  };

  const downloadFailed = (where: PickerState['downloadFailed']) =>
    state.downloadFailed === where ? html`<p class="download-failed" role="alert">${downloadMessage(lang)}</p>` : nothing;

  return html`<section class="picker" lang=${htmlLang(lang)} aria-labelledby="picker-heading" @dragover=${onDragOver} @dragleave=${onDragLeave} @drop=${onDrop}>
    <header class="scenario-head picker-head">
      <h1 id="picker-heading">${t(lang, 'persist.picker.heading')}</h1>
      <p class="description">${t(lang, 'persist.picker.intro')}</p>
      ${onClose ? html`<button type="button" class="picker-close" @click=${onClose}>${t(lang, 'persist.picker.close')}</button>` : nothing}
    </header>

    <section class="panel picker-shipped" aria-labelledby="picker-shipped-heading">
      <h2 id="picker-shipped-heading">${t(lang, 'persist.picker.shipped')}</h2>
      <ul class="cards scenario-list" style="list-style: none; padding: 0" aria-labelledby="picker-shipped-heading">
        ${scenarios.map((s, i) => shippedItem(lang, s, i, s.file === current, () => state.choose(s)))}
      </ul>
      ${downloadFailed('shipped')}
    </section>

    <section class="panel picker-local" aria-labelledby="picker-local-heading">
      <h2 id="picker-local-heading">${t(lang, 'persist.picker.local')}</h2>
      <p class="hint">${t(lang, 'persist.picker.localHint')}</p>
      <label class="file-button">${t(lang, 'persist.picker.chooseFile')}
        <input type="file" accept=".yaml,.yml,application/yaml,text/yaml" @change=${onFile(state.openScenario)} />
      </label>
      <p class="drop-zone muted" aria-hidden="true">${t(lang, 'persist.picker.drop')}</p>
      ${state.busy ? html`<p role="status">${t(lang, 'persist.picker.reading')}</p>` : nothing}
      ${state.scenarioProblems ? problemsView(lang, state.scenarioProblems.file, state.scenarioProblems.problems) : nothing}
      ${downloadFailed('local')}
    </section>

    <section class="panel picker-import" aria-labelledby="picker-import-heading">
      <h2 id="picker-import-heading">${t(lang, 'persist.import.heading')}</h2>
      <p class="hint">${t(lang, 'persist.import.hint')}</p>
      <label class="file-button">${t(lang, 'persist.import.chooseFile')}
        <input type="file" accept=".jsonl,.ndjson,.json,.log,.txt,application/jsonl,application/x-ndjson" @change=${onFile(state.importLog)} />
      </label>
      ${state.pending
        ? html`<div class="import-pending" role="status">
            <p>${t(lang, 'persist.import.needScenario', { log: state.pending.logFile, scenario: state.pending.header.scenario, id: state.pending.header.scenarioId ?? '?' })}</p>
            <label class="file-button">${t(lang, 'persist.import.chooseScenario')}
              <input type="file" accept=".yaml,.yml,application/yaml,text/yaml" @change=${onFile(state.scenarioForLog)} />
            </label>
          </div>`
        : nothing}
      ${state.logProblems ? logProblemsView(lang, state.logProblems.file, state.logProblems.problems) : nothing}
      ${downloadFailed('import')}
    </section>
  </section>`;
}

// A shipped scenario that does not load fails the build (src/cli/shipped-scenarios.ts): every one listed is valid.
function shippedItem(lang: Lang, s: ShippedScenario, index: number, isCurrent: boolean, onChoose: () => void) {
  const titleId = `picker-scenario-${index}`;
  return html`<li aria-current=${isCurrent ? 'true' : nothing}>
    <article class="card scenario-choice" aria-labelledby=${titleId}>
      <h3 id=${titleId}>${pick(lang, s.title)}</h3>
      <p class="scenario-file muted small"><code>${s.file}</code>${isCurrent ? html` <span class="tag">${t(lang, 'persist.picker.current')}</span>` : nothing}</p>
      <p class="scenario-facts">
        <span>${t(lang, 'persist.picker.nodes', { n: s.nodes })}</span>
        <span>${t(lang, 'persist.picker.decisions', { n: s.decisions })}</span>
        <span class="valid">${t(lang, 'persist.picker.valid')}</span>
      </p>
      <button type="button" class="primary" @click=${onChoose}>${t(lang, 'persist.picker.use')}</button>
    </article>
  </li>`;
}

function logProblemsView(lang: Lang, file: string, problems: Problem[]) {
  return html`<section class="problems" role="alert" aria-labelledby="log-problems-heading">
    <h3 id="log-problems-heading">${t(lang, 'persist.import.problemsHeading')}</h3>
    <p>${t(lang, 'persist.import.problemsIntro', { file, n: problems.length })}</p>
    <ol class="problem-list" aria-label=${t(lang, 'persist.import.problemsList')}>
      ${problems.map((p) => html`<li><pre>${formatProblem(p)}</pre></li>`)}
    </ol>
    <p>${t(lang, 'persist.import.cli')} <code>npx quake-drill report ${file}</code></p>
  </section>`;
}
