// The briefing (情况介绍): what the loaded scenario is, before anyone plays it — the shock, who
// plays, the five time nodes, room for the map — and the button that starts the drill. When the
// file does not load, the problems instead.
import { html, nothing } from 'lit-html';
import type { Problem } from '../../scenario/problem.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { htmlLang, pick, t, type Lang } from '../i18n.ts';
import { latLon, originTime, signed } from '../format.ts';
import { langToggle } from './lang-toggle.ts';
import { mapFrame } from './map-slot.ts';
import { problemsView } from './problems.ts';
import { organisationView } from './organisation.ts';
import { timeNodesView } from './time-nodes.ts';
import { asScenario, estimateView } from './estimate.ts';
// Straight from the files, not the folders' index.ts: the first screen must not pull in the engine
// (xstate, zod) through them (issue 8).
import { estimateLosses, type LossEstimate } from '../../core/estimate.ts';

/**
 * What the briefing shows of a scenario: all of it but its injects and decisions, which it only
 * counts. A shipped scenario's brief is on the first screen while the rest loads (main.ts).
 */
export type ScenarioBrief = Omit<Scenario, 'injects' | 'decisions'> & { counts: { injects: number; decisions: number } };

/** A whole scenario's brief. */
export const briefOf = (s: Scenario): ScenarioBrief => ({ ...s, counts: { injects: s.injects.length, decisions: s.decisions.length } });

/** The briefing's input: a scenario (or its brief), or the problems of a file that did not load. */
export type BriefingSource = { ok: true; scenario: Scenario | ScenarioBrief } | { ok: false; problems: Problem[] };

export interface SummaryProps {
  /** The scenario file as the trainer names it, e.g. scenarios/haicheng-m5.8.yaml. */
  file: string;
  result: BriefingSource;
  lang: Lang;
  onLang: (lang: Lang) => void;
}

/** How the briefing leads into the drill: start a new one, or go back to the one under way. */
export interface BriefingStart {
  running: boolean;
  /** Not yet: the program is still loading, the last drill is being restored, or the program did not download (the button is disabled). */
  pending?: 'loading' | 'restoring' | 'failed';
  onStart: () => void;
}

/** The briefing as a page of its own, with a plain masthead (the app frames it with its shell). */
export function summaryView({ file, result, lang, onLang }: SummaryProps) {
  return html`<div class="page" lang=${htmlLang(lang)}>
    ${plainMasthead(lang, onLang)}
    <main class="content">${briefingContent(lang, file, result)}</main>
  </div>`;
}

/** The product's name and the language toggle: the masthead of a page outside a drill's shell. */
export function plainMasthead(lang: Lang, onLang: (lang: Lang) => void) {
  return html`<header class="masthead">
    <p class="brand">
      <span class="brand-name">${t(lang, 'app.name')}</span>
      <span class="brand-tagline">${t(lang, 'app.tagline')}</span>
    </p>
    ${langToggle(lang, onLang)}
  </header>`;
}

// The estimate depends on the earthquake and the region alone: worked out once per scenario, not on
// every render. Keyed by the earthquake object, which a brief and its whole scenario share.
const estimates = new WeakMap<object, LossEstimate>();
const estimateOf = (s: ScenarioBrief) => estimates.get(s.earthquake) ?? (estimates.set(s.earthquake, estimateLosses(asScenario(s))), estimates.get(s.earthquake)!);

const isBrief = (s: Scenario | ScenarioBrief): s is ScenarioBrief => 'counts' in s;

export function briefingContent(lang: Lang, file: string, result: BriefingSource, start?: BriefingStart) {
  return result.ok ? briefing(lang, file, isBrief(result.scenario) ? result.scenario : briefOf(result.scenario), start) : problemsView(lang, file, result.problems);
}

const PENDING = { loading: 'app.loading', restoring: 'persist.restoring', failed: 'app.downloadFailed' } as const;

function briefing(lang: Lang, file: string, s: ScenarioBrief, start?: BriefingStart) {
  return html`<article class="briefing" aria-labelledby="scenario-title">
    <header class="scenario-head">
      <p class="eyebrow">${t(lang, 'briefing.label')}</p>
      <h1 id="scenario-title">${pick(lang, s.meta.title)}</h1>
      <p class="description">${pick(lang, s.meta.description)}</p>
      <p class="scenario-meta">
        <span>${t(lang, 'briefing.file')} <code>${file}</code></span>
        <span>${t(lang, 'briefing.version')} ${s.meta.version}</span>
        <span>${t(lang, 'briefing.authors')} ${s.meta.authors.join(t(lang, 'org.listSeparator'))}</span>
      </p>
      ${start
        ? html`<div class="start-bar">
            <button type="button" class="primary big" ?disabled=${!!start.pending} @click=${() => start.pending || start.onStart()}>
              ${t(lang, start.running ? 'console.briefing.back' : 'console.briefing.start')}
            </button>
            <span class="hint ${start.pending === 'failed' ? 'download-failed' : ''}" role=${start.pending === 'failed' ? 'alert' : start.pending ? 'status' : nothing}>
              ${start.pending ? t(lang, PENDING[start.pending]) : t(lang, start.running ? 'console.briefing.backHint' : 'console.briefing.startHint')}
            </span>
          </div>`
        : nothing}
    </header>
    <div class="briefing-top">
      <div class="cards">${earthquakeView(lang, s)} ${contentsView(lang, s)}</div>
      ${start ? html`<section class="card map-card" aria-labelledby="briefing-map-heading">
            <h2 id="briefing-map-heading">${t(lang, 'console.map.heading')}</h2>
            ${mapFrame(lang)}
          </section>` : nothing}
    </div>
    ${timeNodesView(lang, s.nodes)} ${estimateView(lang, s, estimateOf(s))} ${organisationView(lang, s.organisation)}
  </article>`;
}

function earthquakeView(lang: Lang, s: ScenarioBrief) {
  const q = s.earthquake;
  const relation = t(lang, `relation.${q.attenuation.relation}`);
  return html`<section class="card quake" aria-labelledby="quake-heading">
    <h2 id="quake-heading">${t(lang, 'quake.heading')}</h2>
    ${q.name ? html`<p class="quake-name">${pick(lang, q.name)}</p>` : null}
    <dl class="facts">
      <dt>${t(lang, 'quake.magnitude')}</dt>
      <dd class="magnitude">${t(lang, 'quake.magnitudeValue', { m: q.magnitude.toFixed(1) })}</dd>
      <dt>${t(lang, 'quake.depth')}</dt>
      <dd>${t(lang, 'quake.depthValue', { km: q.depthKm })}</dd>
      <dt>${t(lang, 'quake.epicentre')}</dt>
      <dd>${latLon(lang, q.epicentre.lat, q.epicentre.lon)}</dd>
      <dt>${t(lang, 'quake.originTime')}</dt>
      <dd>${originTime(lang, q.originTime)}</dd>
      <dt>${t(lang, 'quake.attenuation')}</dt>
      <dd>
        ${q.attenuation.offset === 0
          ? relation
          : t(lang, 'quake.attenuationOffset', { relation, offset: signed(q.attenuation.offset) })}
      </dd>
    </dl>
  </section>`;
}

function contentsView(lang: Lang, s: ScenarioBrief) {
  const counts = [
    ['contents.settlements', s.region.settlements.length],
    ['contents.facilities', s.region.facilities.length],
    ['contents.injects', s.counts.injects],
    ['contents.cascades', s.cascades.length],
    ['contents.decisions', s.counts.decisions],
  ] as const;
  return html`<section class="card contents" aria-labelledby="contents-heading">
    <h2 id="contents-heading">${t(lang, 'contents.heading')}</h2>
    <dl class="counts">
      ${counts.map(([key, n]) => html`<div><dt>${t(lang, key)}</dt><dd>${n}</dd></div>`)}
    </dl>
  </section>`;
}
