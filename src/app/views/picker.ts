// The scenario picker: the scenarios shipped in scenarios/ (title, time nodes, decisions: each was
// checked when the page was built), a local YAML file (file input or drag and drop) and the import of a recorded drill. A
// file that does not load shows its problems at file:line:column; nothing else on the page changes.
import { html, nothing } from 'lit-html';
import { formatProblem, type Problem } from '../../scenario/problem.ts';
import { brokenText } from '../../review/trust-text.ts';
import { htmlLang, pick, t, type Lang } from '../i18n.ts';
import type { ArchivedDrillInfo } from '../persist/archive.ts';
import type { PickedFile, PickerState } from '../persist/picker-state.ts';
import type { ShippedScenario } from '../persist/scenarios.ts';
import { problemsView } from './problems.ts';
import { downloadMessage } from '../download.ts';
import { trustBadge } from './trust-badge.ts';
import { isReviewFile } from '../persist/review-file.ts';

export interface PickerProps {
  lang: Lang;
  scenarios: readonly ShippedScenario[];
  /** The file of the scenario loaded now, marked in the list. */
  current?: string;
  /** The picker's state and actions (createPickerStore(…).getState()). */
  state: PickerState;
  /** Back to the briefing without choosing. */
  onClose?: () => void;
  /** The start page (start-page.ts): without it the picker offers none. */
  startPage?: StartPageProps;
}

/** The scenario this browser opens with, and the trainer's way to change it. */
export interface StartPageProps {
  /** The start page's file: the one set in this browser, else the default the page was built with. */
  file: string;
  /** Set in this browser (not the built-in default): it may be put back. */
  set: boolean;
  /** The current scenario is a local file that may be made the start page (its text is at hand). */
  localCurrent: string | null;
  /** The last change could not be kept. */
  failed: boolean;
  /** Makes `file` the start page (null: back to the default). */
  onSet(file: string | null): void;
}

export function pickerView({ lang, scenarios, current, state, onClose, startPage }: PickerProps) {
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
  /** A log chosen with its review file (in either order) imports both; a review file alone is offered as the log, whose reader says what it is not. */
  const withReview = (files: readonly File[]) => {
    const review = files.find((f) => isReviewFile(f.name));
    const log = files.find((f) => f !== review);
    return log ? { log, review } : review ? { log: review, review: undefined } : null;
  };
  const onLogFiles = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const chosen = withReview([...(input.files ?? [])]);
    input.value = '';
    if (chosen) void state.importLog(chosen.log, chosen.review);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    (e.currentTarget as HTMLElement).classList.remove('dragging');
    const files = [...(e.dataTransfer?.files ?? [])];
    const paired = files.length > 1 ? withReview(files) : null;
    if (paired?.review) void state.importLog(paired.log, paired.review);
    else if (files[0]) void state.drop(files[0]);
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
        ${scenarios.map((s, i) => shippedItem(lang, s, i, s.file === current, () => state.choose(s), startPage))}
      </ul>
      ${startPage ? startPageNote(lang, startPage) : nothing}
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
      <p class="hint">${t(lang, 'persist.import.hint')} ${t(lang, 'persist.import.reviewHint')}</p>
      <label class="file-button">${t(lang, 'persist.import.chooseFile')}
        <input type="file" multiple accept=".jsonl,.ndjson,.json,.log,.txt,application/jsonl,application/x-ndjson" @change=${onLogFiles} />
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
      ${state.broken ? brokenView(lang, state.broken, state.openUntrusted) : nothing}
      ${state.imported
        ? html`<div class="import-ready" role="status" data-import-ready>
            <p>${t(lang, 'persist.import.ready', { file: state.imported.logFile, n: state.imported.log.length })} ${trustBadge(lang, state.imported.trust.kind)}</p>
            <button type="button" class="primary" data-import-continue @click=${state.continueImported}>${t(lang, 'persist.import.continue')}</button>
            <button type="button" data-import-review @click=${state.reviewImported}>${t(lang, 'persist.import.review')}</button>
          </div>`
        : nothing}
      ${downloadFailed('import')}
    </section>

    ${savedDrills(lang, state)}
  </section>`;
}

/** Where the chain breaks, in the user's language; the technical reason (in it too) beside it for whoever looks into it. */
function brokenView(lang: Lang, { file, broken }: NonNullable<PickerState['broken']>, onOpen: () => void) {
  return html`<section class="problems import-broken" role="alert" aria-labelledby="log-broken-heading" data-import-broken data-line=${broken.line} data-seq=${broken.seq ?? nothing}>
    <h3 id="log-broken-heading">${t(lang, 'persist.import.broken.heading')}</h3>
    <p>${t(lang, `persist.import.broken.${broken.part}`, { file, line: broken.line, seq: broken.seq ?? '' })}</p>
    <p class="muted small"><code>${file}:${broken.line}: ${brokenText(broken, lang)}</code></p>
    <p>${t(lang, 'persist.import.broken.refused')}</p>
    <button type="button" data-open-untrusted @click=${onOpen}>${t(lang, 'persist.import.openUntrusted')}</button>
  </section>`;
}

/** This browser's drills: what each was, whether its record verifies, and what can be done with it. */
function savedDrills(lang: Lang, state: PickerState) {
  return html`<section class="panel picker-saved" aria-labelledby="picker-saved-heading">
    <h2 id="picker-saved-heading">${t(lang, 'persist.saved.heading')}</h2>
    ${state.savedFailed ? html`<p role="alert">${t(lang, 'persist.saved.failed')}</p>` : nothing}
    ${state.saved.length === 0
      ? html`<p class="hint">${t(lang, 'persist.saved.empty')}</p>`
      : html`<ul class="cards saved-list" style="list-style: none; padding: 0" aria-labelledby="picker-saved-heading">
          ${state.saved.map((d) => savedItem(lang, d, state))}
        </ul>`}
  </section>`;
}

function savedItem(lang: Lang, d: ArchivedDrillInfo, state: PickerState) {
  const titleId = `saved-${d.drill}`;
  const created = d.created ? new Date(d.created) : null;
  const time = created && !Number.isNaN(created.getTime()) ? created.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : null;
  return html`<li data-saved-drill=${d.drill}>
    <article class="card saved-drill" aria-labelledby=${titleId}>
      <h3 id=${titleId}>${pick(lang, d.title)} ${trustBadge(lang, d.trust)}</h3>
      <p class="scenario-file muted small"><code>${d.drill}</code></p>
      <p class="scenario-facts">
        <span>${t(lang, 'persist.saved.seed', { seed: d.seed })}</span>
        ${time ? html`<span>${t(lang, 'persist.saved.created', { time })}</span>` : nothing}
        <span>${t(lang, 'persist.saved.entries', { n: d.entries })}</span>
        <span title=${d.final}>${t(lang, 'persist.saved.final')} <code data-final>${d.final.slice(0, 12)}</code></span>
      </p>
      ${d.parent ? html`<p class="saved-parent" data-parent=${d.parent.drill}>${t(lang, 'persist.saved.branch', { parent: d.parent.drill, seq: d.parent.seq })}</p>` : nothing}
      ${state.removing === d.drill
        ? html`<div class="confirm-remove" role="alertdialog" aria-labelledby=${`${titleId}-confirm`}>
            <p id=${`${titleId}-confirm`}>${t(lang, 'persist.saved.confirmDelete', { drill: d.drill })}</p>
            <button type="button" class="danger" data-confirm-delete @click=${() => void state.removeSaved(d.drill)}>${t(lang, 'persist.saved.delete')}</button>
            <button type="button" @click=${() => state.askRemove(null)}>${t(lang, 'persist.confirm.no')}</button>
          </div>`
        : html`<div class="saved-actions" role="group">
            <button type="button" class="primary" data-saved-review @click=${() => void state.reviewSaved(d.drill)}>${t(lang, 'persist.saved.review')}</button>
            <button type="button" data-saved-export @click=${() => void state.exportSaved(d.drill)}>${t(lang, 'persist.saved.export')}</button>
            <button type="button" data-saved-delete @click=${() => state.askRemove(d.drill)}>${t(lang, 'persist.saved.delete')}</button>
          </div>`}
    </article>
  </li>`;
}

// A shipped scenario that does not load fails the build (src/cli/shipped-scenarios.ts): every one listed is valid.
function shippedItem(lang: Lang, s: ShippedScenario, index: number, isCurrent: boolean, onChoose: () => void, startPage?: StartPageProps) {
  const isStart = startPage?.file === s.file;
  const titleId = `picker-scenario-${index}`;
  return html`<li aria-current=${isCurrent ? 'true' : nothing}>
    <article class="card scenario-choice" aria-labelledby=${titleId}>
      <h3 id=${titleId}>${pick(lang, s.title)}</h3>
      <p class="scenario-file muted small"><code>${s.file}</code>${isCurrent ? html` <span class="tag">${t(lang, 'persist.picker.current')}</span>` : nothing}${isStart ? html` <span class="tag" data-start-page>${t(lang, 'persist.picker.startPage')}</span>` : nothing}</p>
      <p class="scenario-facts">
        <span>${t(lang, 'persist.picker.nodes', { n: s.nodes })}</span>
        <span>${t(lang, 'persist.picker.decisions', { n: s.decisions })}</span>
        <span class="valid">${t(lang, 'persist.picker.valid')}</span>
      </p>
      <button type="button" class="primary" @click=${onChoose}>${t(lang, 'persist.picker.use')}</button>
      ${startPage && !isStart ? html`<button type="button" data-make-start-page @click=${() => startPage.onSet(s.file)}>${t(lang, 'persist.picker.makeStartPage')}</button>` : nothing}
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

/** What the start page is for, the current local file's own button, the way back to the default, and a change that was not kept. */
function startPageNote(lang: Lang, p: StartPageProps) {
  const local = p.localCurrent;
  return html`<div class="start-page-note">
    <p class="hint">${t(lang, 'persist.picker.startPageHint')}</p>
    ${local !== null
      ? html`<p>${t(lang, 'persist.picker.currentLocal')}<code>${local}</code>
          ${p.file === local
            ? html`<span class="tag" data-start-page>${t(lang, 'persist.picker.startPage')}</span>`
            : html`<button type="button" data-make-start-page @click=${() => p.onSet(local)}>${t(lang, 'persist.picker.makeStartPage')}</button>`}</p>`
      : nothing}
    ${p.set ? html`<button type="button" data-reset-start-page @click=${() => p.onSet(null)}>${t(lang, 'persist.picker.resetStartPage')}</button>` : nothing}
    ${p.failed ? html`<p class="download-failed" role="alert">${t(lang, 'persist.picker.startPageFailed')}</p>` : nothing}
  </div>`;
}
