// The authoring view (编写情景): where to start from, the editor's slot with the check's status and
// problems (a click goes to the line), save / download / play, the map preview with its node selector,
// the drill script by node and unit, and the dry run. Every piece of scenario text goes through
// lit-html bindings (escaped): a scenario file is untrusted input.
import { html, nothing, svg } from 'lit-html';
import type { Scenario, Text } from '../../scenario/schema.ts';
import { MSEL_COLUMNS, type MselKey } from '../../scenario/msel.ts';
import { htmlLang, pick, type Lang } from '../i18n.ts';
import { formatDuration } from '../../scenario/duration.ts';
import type { DryRunReport } from '../../review/dry-run.ts';
import type { Policy } from '../../core/index.ts';
import { mselGroups, type MselLine } from './msel-table.ts';
import { previewModel, type PreviewModel } from './preview.ts';
import { DRY_RUN_SEEDS, type AuthoringState } from './state.ts';
import { problemsOf, shownProblem } from './validate.ts';
import { ta, type AuthorKey } from './words.ts';

/**
 * The view re-renders on every keystroke (the status line says 正在检查…) while the scenario shown stays
 * the last valid one: its preview and drill script are worked out once per scenario, language and node.
 */
const memo = <A extends unknown[], T>(f: (scenario: Scenario, ...args: A) => T) => {
  const cache = new WeakMap<Scenario, Map<string, T>>();
  return (scenario: Scenario, ...args: A): T => {
    let byArgs = cache.get(scenario);
    if (!byArgs) cache.set(scenario, (byArgs = new Map()));
    const key = JSON.stringify(args);
    let value = byArgs.get(key);
    if (value === undefined) byArgs.set(key, (value = f(scenario, ...args)));
    return value;
  };
};
const preview = memo(previewModel);
const script = memo(mselGroups);

export interface AuthoringViewProps {
  lang: Lang;
  state: AuthoringState;
  /** Shipped scenarios a copy can start from. */
  shipped: readonly { file: string; title: Text }[];
  /** Ids of the drafts saved in this browser. */
  savedIds: readonly string[];
  /** Is there a way to play a scenario / to dry-run one here. */
  canPlay: boolean;
  canDryRun: boolean;
  on: {
    jump(line: number, column: number): void;
    copy(file: string): void;
    upload(file: File): void;
    blank(): void;
    back?: () => void;
  };
}

export function authoringView(p: AuthoringViewProps) {
  const { lang } = p;
  return html`<section class="authoring" lang=${htmlLang(lang)} aria-labelledby="author-heading">
    <header class="scenario-head">
      <h1 id="author-heading">${ta(lang, 'author.heading')}</h1>
      <p class="description">${ta(lang, 'author.intro')}</p>
      ${p.on.back ? html`<button type="button" class="author-back" @click=${p.on.back}>${ta(lang, 'author.back')}</button>` : nothing}
    </header>
    ${startPanel(p)}
    <div class="author-main">${editorPanel(p)} ${previewPanel(p)}</div>
    ${mselPanel(p)} ${p.canDryRun ? dryRunPanel(p) : nothing}
  </section>`;
}

function startPanel({ lang, shipped, savedIds, state, on }: AuthoringViewProps) {
  let chosen = shipped[0]?.file ?? '';
  const onFile = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // the same file again fires again
    if (file) on.upload(file);
  };
  return html`<section class="panel author-start" aria-labelledby="author-start-heading">
    <h2 id="author-start-heading">${ta(lang, 'author.start.heading')}</h2>
    <p class="hint">${ta(lang, 'author.start.replaceHint')}</p>
    <div class="author-start-row">
      <label>${ta(lang, 'author.start.shipped')}
        <select data-author-shipped @change=${(e: Event) => (chosen = (e.target as HTMLSelectElement).value)}>
          ${shipped.map((s) => html`<option value=${s.file}>${pick(lang, s.title)} (${s.file})</option>`)}
        </select>
      </label>
      <button type="button" data-author-copy @click=${() => chosen && on.copy(chosen)}>${ta(lang, 'author.start.copy')}</button>
      <label class="file-button">${ta(lang, 'author.start.upload')}
        <input type="file" accept=".yaml,.yml,application/yaml,text/yaml" @change=${onFile} />
      </label>
      <button type="button" data-author-blank @click=${on.blank}>${ta(lang, 'author.start.blank')}</button>
    </div>
    ${savedIds.length > 0
      ? html`<p class="author-saved-list">${ta(lang, 'author.start.saved')}
          ${savedIds.map((id) => html`<button type="button" class="link" data-author-saved=${id} @click=${() => state.openSaved(id)}>${id}</button> `)}</p>`
      : nothing}
  </section>`;
}

function editorPanel(p: AuthoringViewProps) {
  const { lang, state } = p;
  const problems = problemsOf(state.check).map((x) => shownProblem(x, lang));
  const status = state.checking ? ta(lang, 'author.status.checking') : problems.length === 0 ? ta(lang, 'author.status.valid') : ta(lang, 'author.status.problems', { n: problems.length });
  const valid = !state.checking && state.check.result.ok;
  return html`<section class="panel author-editor" aria-labelledby="author-editor-heading">
    <h2 id="author-editor-heading">${ta(lang, 'author.editor.label')}</h2>
    <label class="author-file">${ta(lang, 'author.file')}
      <input type="text" data-author-file .value=${state.file} @change=${(e: Event) => state.rename((e.target as HTMLInputElement).value)} />
    </label>
    <div class="author-editor-slot" data-editor-slot></div>
    <p class="author-status ${valid ? 'valid' : state.checking ? '' : 'refused'}" role="status" aria-live="polite" data-author-status>${status}</p>
    <div class="author-actions" role="group">
      <button type="button" data-author-save @click=${state.save}>${ta(lang, 'author.save')}</button>
      <button type="button" data-author-download @click=${state.download}>${ta(lang, 'author.download')}</button>
      ${p.canPlay ? html`<button type="button" class="primary" data-author-play ?disabled=${!valid} title=${valid ? nothing : ta(lang, 'author.playHint')} @click=${state.play}>${ta(lang, 'author.play')}</button>` : nothing}
    </div>
    ${savedLine(lang, state)}
    <section class="author-problems" aria-labelledby="author-problems-heading">
      <h3 id="author-problems-heading">${ta(lang, 'author.problems.heading')}</h3>
      ${problems.length === 0
        ? html`<p class="muted">${ta(lang, 'author.problems.none')}</p>`
        : html`<ol class="problem-list" data-author-problems>
            ${problems.map(
              (x) => html`<li data-line=${x.line}>
                <button type="button" class="link" data-jump @click=${() => p.on.jump(x.line, x.column)} aria-label=${ta(lang, 'author.problems.jump', { line: x.line, column: x.column })}>${state.check.file}:${x.line}:${x.column}</button>
                <span lang=${x.english ? 'en' : nothing}>${x.message}</span>
                ${x.hint ? html`<br /><span class="muted small" lang=${x.english ? 'en' : nothing}>${ta(lang, 'author.problems.hint', { hint: x.hint })}</span>` : nothing}
              </li>`,
            )}
          </ol>`}
    </section>
  </section>`;
}

function savedLine(lang: Lang, state: AuthoringState) {
  const s = state.saved;
  if (!s) return nothing;
  if (s.kind === 'failed') return html`<p role="alert" data-author-saved-state>${ta(lang, 'author.saveFailed')}</p>`;
  return html`<p role="status" data-author-saved-state>${ta(lang, s.kind === 'saved' ? 'author.saved' : 'author.restored', { id: s.id })}</p>`;
}

function previewPanel({ lang, state }: AuthoringViewProps) {
  const scenario = state.lastValid;
  const head = html`<h2 id="author-preview-heading">${ta(lang, 'author.preview.heading')}</h2>`;
  if (!scenario) return html`<section class="panel author-preview" aria-labelledby="author-preview-heading">${head}<p class="muted">${ta(lang, 'author.preview.unavailable')}</p></section>`;
  const m = preview(scenario, lang, state.node);
  const stale = state.checking || !state.check.result.ok;
  return html`<section class="panel author-preview" aria-labelledby="author-preview-heading">
    ${head} ${stale ? html`<p class="muted small">${ta(lang, 'author.preview.stale')}</p>` : nothing}
    <label>${ta(lang, 'author.preview.node')}
      <select data-author-node @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        state.showNode(v === '' ? null : Number(v));
      }}>
        <option value="" ?selected=${state.node === null}>${ta(lang, 'author.preview.allNodes')}</option>
        ${m.nodes.map((n) => html`<option value=${n.index} ?selected=${state.node === n.index}>${n.index + 1}. ${n.name}</option>`)}
      </select>
    </label>
    ${previewMap(lang, m)}
    <h3>${ta(lang, 'author.preview.injects')}</h3>
    ${m.injects.length === 0
      ? html`<p class="muted">${ta(lang, 'author.preview.noInjects')}</p>`
      : html`<ol class="author-injects" data-author-injects>
          ${m.injects.map((x) => html`<li data-inject=${x.id}><span class="tag">T+${formatDuration(x.offsetMs)}</span> ${x.title} <span class="muted small">${x.at ? x.at.name : ta(lang, 'author.preview.noPlace')}</span>${x.optional ? html` <span class="tag">${ta(lang, 'author.preview.optional')}</span>` : nothing}</li>`)}
        </ol>`}
  </section>`;
}

/** The region in its own map units (north up), scaled to the box by the viewBox. */
function previewMap(lang: Lang, m: PreviewModel) {
  const unit = m.width / 250; // symbol sizes relative to the region drawn, so they read at any scale
  return html`<svg class="author-map" viewBox="0 0 ${m.width.toFixed(1)} ${m.height.toFixed(1)}" role="img" aria-label=${ta(lang, 'author.preview.label')} data-author-map>
    ${m.zones.map((z) => svg`<polygon points=${z.points} fill=${z.color} fill-opacity="0.25" stroke=${z.color} stroke-width=${unit / 2}><title>${z.roman}</title></polygon>`)}
    ${m.settlements.map((s) => svg`<g data-settlement=${s.id}><circle cx=${s.x} cy=${s.y} r=${unit * 2} fill="#334"><title>${s.name}</title></circle><text x=${s.x + unit * 3} y=${s.y + unit * 2} font-size=${unit * 7}>${s.name}</text></g>`)}
    ${m.facilities.map((f) => svg`<rect x=${f.x - unit * 1.5} y=${f.y - unit * 1.5} width=${unit * 3} height=${unit * 3} fill="#2a7" data-facility=${f.id}><title>${f.name}</title></rect>`)}
    ${m.injects.filter((x) => x.at).map((x) => svg`<g data-inject-mark=${x.id}><circle cx=${x.at!.x} cy=${x.at!.y} r=${unit * 3} fill="none" stroke="#c00" stroke-width=${unit}><title>${x.title}</title></circle></g>`)}
    ${svg`<path d="M ${m.epicentre.x - unit * 3} ${m.epicentre.y - unit * 3} L ${m.epicentre.x + unit * 3} ${m.epicentre.y + unit * 3} M ${m.epicentre.x - unit * 3} ${m.epicentre.y + unit * 3} L ${m.epicentre.x + unit * 3} ${m.epicentre.y - unit * 3}" stroke="#c00" stroke-width=${unit}><title>${ta(lang, 'author.preview.epicentre')}</title></path>`}
  </svg>`;
}

/** The table's columns: the spreadsheet's (their headers from msel.ts), with scenario time beside T+. */
const MSEL_SHOWN: readonly (MselKey & keyof MselLine | 'afterQuake')[] = ['offset', 'afterQuake', 'phase', 'title', 'narrative', 'via', 'to', 'question', 'expected'];

function mselPanel({ lang, state }: AuthoringViewProps) {
  const scenario = state.lastValid;
  if (!scenario) return nothing;
  const groups = script(scenario, lang);
  const header = (key: (typeof MSEL_SHOWN)[number]) => (key === 'afterQuake' ? ta(lang, 'author.msel.afterQuake') : (MSEL_COLUMNS.find((c) => c.key === key)?.[lang] ?? key));
  return html`<section class="panel author-msel" aria-labelledby="author-msel-heading">
    <h2 id="author-msel-heading">${ta(lang, 'author.msel.heading')}</h2>
    <p class="hint">${ta(lang, 'author.msel.intro')}</p>
    ${groups.map(
      (g) => html`<section class="author-msel-node" data-msel-node=${g.node}>
        <h3>${ta(lang, 'author.msel.node', { index: g.index, name: g.name })}</h3>
        ${g.units.length === 0
          ? html`<p class="muted">${ta(lang, 'author.msel.empty')}</p>`
          : g.units.map(
              (u) => html`<table class="author-msel-table" data-msel-unit=${u.unit}>
                <caption>${ta(lang, 'author.msel.unit', { unit: u.name })}</caption>
                <thead><tr>${MSEL_SHOWN.map((k) => html`<th scope="col">${header(k)}</th>`)}</tr></thead>
                <tbody>
                  ${u.lines.map((l) => html`<tr data-msel-row=${l.id}>${MSEL_SHOWN.map((k) => html`<td>${l[k]}</td>`)}</tr>`)}
                </tbody>
              </table>`,
            )}
      </section>`,
    )}
  </section>`;
}

const POLICY_WORDS: Record<Policy, AuthorKey> = {
  plan: 'author.dry.policy.plan',
  late: 'author.dry.policy.late',
  random: 'author.dry.policy.random',
  idle: 'author.dry.policy.idle',
  longest: 'author.dry.policy.longest',
};

function dryRunPanel({ lang, state }: AuthoringViewProps) {
  const d = state.dry;
  const valid = !state.checking && state.check.result.ok;
  return html`<section class="panel author-dry" aria-labelledby="author-dry-heading">
    <h2 id="author-dry-heading">${ta(lang, 'author.dry.heading')}</h2>
    <p class="hint">${ta(lang, 'author.dry.intro', { seeds: DRY_RUN_SEEDS })}</p>
    <button type="button" data-author-dry ?disabled=${!valid || d?.kind === 'running'} @click=${() => void state.runDryRun()}>${ta(lang, 'author.dry.run')}</button>
    ${valid ? nothing : html`<p class="muted small">${ta(lang, 'author.dry.invalid')}</p>`}
    ${d?.kind === 'running' ? html`<p role="status">${ta(lang, 'author.dry.running')}</p>` : nothing}
    ${d?.kind === 'failed' ? html`<p role="alert">${ta(lang, 'author.dry.failed', { reason: d.reason })}</p>` : nothing}
    ${d?.kind === 'done' ? dryReport(lang, d.report, d.text !== state.text) : nothing}
  </section>`;
}

function dryReport(lang: Lang, r: DryRunReport, stale: boolean) {
  // In the report's order of policies; one whose runs had nothing to score has no row.
  const spread = r.policies.flatMap((policy) => (r.spread[policy] ? [[policy, r.spread[policy]] as const] : []));
  const why = (id: string) => (r.why[id] ? html` — ${pick(lang, r.why[id])}` : nothing);
  return html`<div data-author-dry-report>
    ${stale ? html`<p class="muted small">${ta(lang, 'author.dry.stale')}</p>` : nothing}
    <table class="author-dry-table">
      <caption>${ta(lang, 'author.dry.spread')}</caption>
      <thead><tr><th scope="col">${ta(lang, 'author.dry.policy')}</th><th scope="col">${ta(lang, 'author.dry.p5')}</th><th scope="col">${ta(lang, 'author.dry.p50')}</th><th scope="col">${ta(lang, 'author.dry.p95')}</th><th scope="col">${ta(lang, 'author.dry.min')}</th><th scope="col">${ta(lang, 'author.dry.max')}</th></tr></thead>
      <tbody>
        ${spread.map(([policy, s]) => html`<tr data-policy=${policy}><th scope="row">${ta(lang, POLICY_WORDS[policy])}</th>${[s.p5, s.p50, s.p95, s.min, s.max].map((v) => html`<td>${v.toFixed(0)}</td>`)}</tr>`)}
      </tbody>
    </table>
    ${r.neverFired.length === 0 && r.neverReachable.length === 0 ? html`<p>${ta(lang, 'author.dry.clean')}</p>` : nothing}
    ${r.neverFired.length > 0 ? html`<p>${ta(lang, 'author.dry.neverFired')}</p><ul>${r.neverFired.map((id) => html`<li><code>${id}</code>${why(id)}</li>`)}</ul>` : nothing}
    ${r.neverReachable.length > 0 ? html`<p>${ta(lang, 'author.dry.neverReachable')}</p><ul>${r.neverReachable.map((id) => html`<li><code>${id}</code>${why(id)}</li>`)}</ul>` : nothing}
    ${r.warnings.length > 0
      ? html`<h3>${ta(lang, 'author.dry.warnings')}</h3><ul class="author-dry-warnings">${r.warnings.map((w) => html`<li data-warning=${w.code}>${pick(lang, w.message)}</li>`)}</ul>`
      : nothing}
  </div>`;
}
