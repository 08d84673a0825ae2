// Two drills of one scenario side by side (推演对比, issue 10 §4): the drills and how one branched
// from the other, the headlines, people rescued alive over aligned scenario time as a small chart,
// and a table per section of deltas (a − b). Every label and scenario text goes through lit-html.
import { html, nothing, svg, type TemplateResult } from 'lit-html';
import { PEOPLE_FIGURES, SHELTER_FIGURES, peopleDelta, signed, type AlignedPoint, type Comparison, type DecisionSide, type RollUpRow } from '../../review/compare.ts';
import { expectedPeople, wholePeople } from '../../scoring/people.ts';
import { drillTime, scenarioTime } from '../format.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { botsText } from './scores.ts';
import { ratingLabel } from './words.ts';

const num = (x: number | null, digits = 1) => (x === null ? '—' : x.toFixed(digits));
const people = (x: number | null) => (x === null ? '—' : expectedPeople(x));
const MINUTE = 60_000;

/** A difference of scenario time in words: "−41 分钟" / "−2 h 14 min". */
function minutes(lang: Lang, ms: number | null): string {
  if (ms === null) return '—';
  const m = Math.round(Math.abs(ms) / MINUTE);
  const sign = ms < 0 ? '−' : ms > 0 ? '+' : '';
  const [h, r] = [Math.floor(m / 60), m % 60];
  if (lang === 'zh') return `${sign}${h ? `${h} 小时${r ? ` ${r} 分钟` : ''}` : `${m} 分钟`}`;
  return `${sign}${h ? `${h} h${r ? ` ${r} min` : ''}` : `${m} min`}`;
}

export function compareView({ lang, comparison: c }: { lang: Lang; comparison: Comparison }): TemplateResult {
  const [A, B] = [c.a.label, c.b.label];
  return html`<section class="compare" data-compare-view aria-labelledby="compare-heading">
    <h2 id="compare-heading">${t(lang, 'compare.heading')} · ${pick(lang, c.scenario.title)}</h2>
    <p class="hint">${t(lang, 'compare.hint', { a: A, b: B })}</p>
    ${drillsTable(lang, c)} ${branchLine(lang, c)}
    <h3>${t(lang, 'compare.headlines')}</h3>
    ${c.headlines.length
      ? html`<ul data-compare-headlines>${c.headlines.map((h) => html`<li data-headline=${h.kind}>${h[lang]}</li>`)}</ul>`
      : html`<p>${t(lang, 'compare.noDifference')}</p>`}
    ${rescuedChart(lang, c)} ${overallTable(lang, c)} ${outcomesTable(lang, c)} ${rescueTable(lang, c)}
    ${rollUpTable(lang, c, 'compare.units', c.units)}
    ${rollUpTable(lang, c, 'compare.capabilities', c.capabilities)} ${decisionsTable(lang, c)}
  </section>`;
}

function drillsTable(lang: Lang, c: Comparison) {
  return html`<table data-compare-drills>
    <caption>${t(lang, 'compare.drills')}</caption>
    <thead><tr><th scope="col">${t(lang, 'compare.drill')}</th><th scope="col">${t(lang, 'compare.drillId')}</th><th scope="col">${t(lang, 'compare.seed')}</th><th scope="col">${t(lang, 'compare.entries')}</th><th scope="col">${t(lang, 'compare.end')}</th><th scope="col">${t(lang, 'compare.trust')}</th></tr></thead>
    <tbody>
      ${[c.a, c.b].map(
        (s) => html`<tr data-trust=${s.trust}>
          <th scope="row">${s.label}</th><td class="mono">${s.drill}</td><td class="num">${s.seed}</td><td class="num">${s.entries}</td>
          <td>${t(lang, 'compare.endValue', { drill: drillTime(s.endClock), scenario: scenarioTime(s.endScenarioMs) })}</td>
          <td class=${s.trust === 'broken' ? 'warning' : ''}>${t(lang, `compare.trust.${s.trust}`)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function branchLine(lang: Lang, c: Comparison) {
  const b = c.branching;
  if (!b) return nothing;
  const [child, parent] = b.child === 'a' ? [c.a.label, c.b.label] : [c.b.label, c.a.label];
  const checked = b.verified === null ? '' : t(lang, b.verified ? 'compare.branchVerified' : 'compare.branchUnverified');
  return html`<p data-compare-branch>${t(lang, 'compare.branch', { child, parent, seq: b.seq, at: b.scenarioMs === null ? '—' : scenarioTime(b.scenarioMs) })} ${checked}</p>`;
}

const W = 480;
const H = 160;
const PAD = { left: 36, right: 8, top: 8, bottom: 22 };

/** People rescued alive in both drills over scenario time: two step lines on one scale, the trapped as the top. */
function rescuedChart(lang: Lang, c: Comparison) {
  const series = c.series;
  const end = Math.max(1, series.at(-1)?.scenarioMs ?? 1);
  const top = Math.max(1, ...series.flatMap((p) => [p.a?.trapped ?? 0, p.b?.trapped ?? 0]));
  const x = (ms: number) => PAD.left + ((W - PAD.left - PAD.right) * ms) / end;
  const y = (n: number) => H - PAD.bottom - ((H - PAD.top - PAD.bottom) * n) / top;
  // A step line: a figure holds until the next sample changes it.
  const path = (side: 'a' | 'b') => {
    let d = '';
    let last: number | undefined;
    for (const p of series as AlignedPoint[]) {
      const v = p[side]?.rescuedAlive;
      if (v === undefined) continue;
      d += last === undefined ? `M${x(p.scenarioMs).toFixed(1)},${y(v).toFixed(1)}` : `H${x(p.scenarioMs).toFixed(1)}V${y(v).toFixed(1)}`;
      last = v;
    }
    return d;
  };
  const final = (side: 'a' | 'b') => wholePeople(series.findLast((p) => p[side])?.[side]?.rescuedAlive ?? 0);
  const label = t(lang, 'compare.chartLabel', { a: c.a.label, b: c.b.label, na: final('a'), nb: final('b') });
  return html`<figure class="compare-chart" data-compare-chart>
    <figcaption>${t(lang, 'compare.chart')}</figcaption>
    <svg viewBox="0 0 ${W} ${H}" width=${W} height=${H} role="img" aria-label=${label}>
      ${svg`<line x1=${PAD.left} y1=${y(0)} x2=${W - PAD.right} y2=${y(0)} stroke="currentColor" stroke-opacity="0.4"></line>
        <line x1=${PAD.left} y1=${y(top)} x2=${W - PAD.right} y2=${y(top)} stroke="currentColor" stroke-opacity="0.15" stroke-dasharray="3 3"></line>
        <text x=${PAD.left - 4} y=${y(top) + 4} text-anchor="end" font-size="10">${top}</text>
        <text x=${PAD.left - 4} y=${y(0) + 4} text-anchor="end" font-size="10">0</text>
        <text x=${PAD.left} y=${H - 6} font-size="10">${scenarioTime(0)}</text>
        <text x=${W - PAD.right} y=${H - 6} text-anchor="end" font-size="10">${scenarioTime(end)}</text>
        <path class="compare-line-b" data-series="b" d=${path('b')}></path>
        <path class="compare-line-a" data-series="a" d=${path('a')}></path>`}
    </svg>
    <ul class="compare-legend">
      <li><span class="swatch compare-line-a"></span> ${c.a.label}</li>
      <li><span class="swatch compare-line-b"></span> ${c.b.label}</li>
    </ul>
  </figure>`;
}

/** The header row of a table of a, b and Δ. */
const abHead = (lang: Lang, c: Comparison, first: string) =>
  html`<thead><tr><th scope="col">${first}</th><th scope="col">${c.a.label}</th><th scope="col">${c.b.label}</th><th scope="col">${t(lang, 'compare.delta')}</th></tr></thead>`;

/** Scores: higher is better, so a rise shows green. (Outcome deltas are not coloured: more deaths is not a rise to praise.) */
const deltaClass = (d: number | null) => (d === null || d === 0 ? 'num' : d > 0 ? 'num up' : 'num down');

function overallTable(lang: Lang, c: Comparison) {
  const s = c.overall.score;
  return html`<table data-compare-overall>
    <caption>${t(lang, 'compare.overall')}</caption>
    ${abHead(lang, c, t(lang, 'compare.figure'))}
    <tbody>
      <tr><th scope="row">${t(lang, 'compare.score')}</th><td class="num">${num(s.a)}</td><td class="num">${num(s.b)}</td><td class=${deltaClass(s.delta)}>${signed(s.delta)}</td></tr>
      <tr><th scope="row">${t(lang, 'compare.rating')}</th><td>${ratingLabel(lang, c.overall.rating.a)}</td><td>${ratingLabel(lang, c.overall.rating.b)}</td><td></td></tr>
    </tbody>
  </table>`;
}

const row = (key: string, name: string, [a, b, d]: string[]) =>
  html`<tr data-figure=${key}><th scope="row">${name}</th><td class="num">${a}</td><td class="num">${b}</td><td class="num">${d}</td></tr>`;

function outcomesTable(lang: Lang, c: Comparison) {
  return html`<table data-compare-outcomes>
    <caption>${t(lang, 'compare.outcomes')}</caption>
    ${abHead(lang, c, t(lang, 'compare.figure'))}
    <tbody>
      ${PEOPLE_FIGURES.map((k) => row(k, t(lang, `compare.row.${k}`), [people(c.outcomes[k].a), people(c.outcomes[k].b), peopleDelta(c.outcomes[k].delta)]))}
      ${c.outcomes.hoursWithout.map(({ label, figure: f }, i) => row(`hours-without-${i}`, pick(lang, label), [num(f.a), num(f.b), signed(f.delta)]))}
      ${SHELTER_FIGURES.map((k) => row(k, t(lang, `compare.row.${k}`), [num(c.outcomes[k].a, 0), num(c.outcomes[k].b, 0), signed(c.outcomes[k].delta, 0)]))}
    </tbody>
  </table>`;
}

function rescueTable(lang: Lang, c: Comparison) {
  const rows = c.outcomes.firstRescue;
  if (!rows.length) return nothing;
  const at = (ms: number | null) => (ms === null ? t(lang, 'compare.never') : scenarioTime(ms));
  return html`<table data-compare-rescue>
    <caption>${t(lang, 'compare.rescue')}</caption>
    <thead><tr>
      <th scope="col">${t(lang, 'compare.settlement')}</th><th scope="col">${c.a.label}</th><th scope="col">${c.b.label}</th><th scope="col">${t(lang, 'compare.delta')}</th>
      <th scope="col">${t(lang, 'compare.rescuedThere', { label: c.a.label })}</th><th scope="col">${t(lang, 'compare.rescuedThere', { label: c.b.label })}</th>
    </tr></thead>
    <tbody>
      ${rows.map(
        (r) => html`<tr data-settlement=${r.settlement}>
          <th scope="row">${pick(lang, r.name)}</th><td class="num">${at(r.firstTeamMs.a)}</td><td class="num">${at(r.firstTeamMs.b)}</td>
          <td class="num">${minutes(lang, r.firstTeamMs.delta)}</td><td class="num">${people(r.rescuedAlive.a)}</td><td class="num">${people(r.rescuedAlive.b)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/** A roll-up's score as the debrief gives it, and, where bots answered, theirs beside it in both drills (as the debrief's bots column). */
function rollUpTable(lang: Lang, c: Comparison, caption: 'compare.units' | 'compare.capabilities', rows: RollUpRow[]) {
  const bots = rows.some((r) => r.bots);
  const botsCell = ({ bots: x }: RollUpRow, side: 'a' | 'b') => botsText(lang, x && x[side] !== null ? { score: x[side], decisions: x.decisions[side] } : null);
  return html`<table data-compare-rollup=${caption === 'compare.units' ? 'units' : 'capabilities'}>
    <caption>${t(lang, caption)}</caption>
    <thead><tr>
      <th scope="col"></th><th scope="col">${c.a.label}</th><th scope="col">${c.b.label}</th><th scope="col">${t(lang, 'compare.delta')}</th>
      ${bots ? [c.a.label, c.b.label].map((label) => html`<th scope="col">${t(lang, 'compare.botsOf', { label })}</th>`) : nothing}
      ${bots ? html`<th scope="col">${t(lang, 'compare.delta')}</th>` : nothing}
    </tr></thead>
    <tbody>
      ${rows.map(
        (r) => html`<tr data-id=${r.id}>
          <th scope="row">${pick(lang, r.name)}</th>
          <td class="num">${num(r.score.a)} ${ratingLabel(lang, r.rating.a)}</td><td class="num">${num(r.score.b)} ${ratingLabel(lang, r.rating.b)}</td>
          <td class=${deltaClass(r.score.delta)}>${signed(r.score.delta)}</td>
          ${bots ? html`<td class="num">${botsCell(r, 'a')}</td><td class="num">${botsCell(r, 'b')}</td><td class=${deltaClass(r.bots?.delta ?? null)}>${signed(r.bots?.delta ?? null)}</td>` : nothing}
        </tr>`,
      )}
    </tbody>
  </table>
  ${bots ? html`<p class="hint">${t(lang, 'compare.botsHint')}</p>` : nothing}`;
}

function decisionsTable(lang: Lang, c: Comparison) {
  const differing = c.decisions.filter((d) => !d.same || d.delta !== 0);
  const answer = (s: DecisionSide) => (s.answer ? pick(lang, s.answer) : t(lang, `compare.status.${s.status}`));
  const when = (s: DecisionSide) =>
    s.answeredClock === null ? '—' : s.answeredScenarioMs === null ? drillTime(s.answeredClock) : t(lang, 'compare.answeredValue', { drill: drillTime(s.answeredClock), scenario: scenarioTime(s.answeredScenarioMs) });
  return html`<table data-compare-decisions>
    <caption>${t(lang, 'compare.decisions')}</caption>
    <thead><tr>
      <th scope="col">${t(lang, 'compare.decision')}</th>
      ${[c.a.label, c.b.label].map((label) => html`<th scope="col">${t(lang, 'compare.answer', { label })}</th>`)}
      ${[c.a.label, c.b.label].map((label) => html`<th scope="col">${t(lang, 'compare.answered', { label })}</th>`)}
      ${[c.a.label, c.b.label].map((label) => html`<th scope="col">${t(lang, 'compare.scoreOf', { label })}</th>`)}
      <th scope="col">${t(lang, 'compare.delta')}</th>
    </tr></thead>
    <tbody>
      ${differing.map(
        (d) => html`<tr data-decision=${d.id}>
          <th scope="row">${pick(lang, d.prompt)}</th><td>${answer(d.a)}</td><td>${answer(d.b)}</td><td class="num">${when(d.a)}</td><td class="num">${when(d.b)}</td>
          <td class="num">${num(d.a.total)}</td><td class="num">${num(d.b.total)}</td><td class=${deltaClass(d.delta)}>${signed(d.delta)}</td>
        </tr>`,
      )}
    </tbody>
  </table>
  ${differing.length < c.decisions.length ? html`<p class="hint">${t(lang, 'compare.sameDecisions', { n: c.decisions.length - differing.length })}</p>` : nothing}`;
}
