// The briefing's first loss estimate: what the hazard model makes of the scenario, with PAGER's
// empirical rate beside it and the scenario's own assumptions, so the facilitator sees why the
// drill's numbers are what they are (SCIENCE.md §7).
import { html } from 'lit-html';
import type { LossEstimate } from '../../core/index.ts';
import type { Scenario } from '../../scenario/index.ts';
import { pick, t, type Lang } from '../i18n.ts';

const whole = (n: number) => Math.round(n).toLocaleString('en');

export function estimateView(lang: Lang, s: Scenario, e: LossEstimate) {
  const names = new Map(s.region.settlements.map((x) => [x.id, x.name]));
  return html`<section class="card estimate" aria-labelledby="estimate-heading">
    <h2 id="estimate-heading">${t(lang, 'estimate.heading')}</h2>
    <p class="hint">${t(lang, 'estimate.intro')}</p>
    <p>${t(lang, 'estimate.modelLine', { model: t(lang, `estimate.model.${e.model}`), pager: whole(e.total.pagerEmpiricalDeaths) })}</p>
    <p>
      <strong>${t(lang, 'estimate.totals', { deaths: whole(e.total.deaths), serious: whole(e.total.serious), trapped: whole(e.total.trappedAlive), places: e.settlements.length, population: whole(e.total.population) })}</strong>
    </p>
    ${s.meta.assumptions?.length
      ? html`<details>
          <summary>${t(lang, 'estimate.assumptions')}</summary>
          <ul>
            ${s.meta.assumptions.map((a) => html`<li>${pick(lang, a)}</li>`)}
          </ul>
        </details>`
      : null}
    <div class="table-scroll">
      <table aria-label=${t(lang, 'estimate.table')}>
        <thead>
          <tr>
            <th scope="col">${t(lang, 'estimate.place')}</th>
            <th scope="col">${t(lang, 'estimate.intensity')}</th>
            <th scope="col" class="num">${t(lang, 'estimate.population')}</th>
            <th scope="col" class="num">${t(lang, 'estimate.deaths')}</th>
            <th scope="col" class="num">${t(lang, 'estimate.pager')}</th>
            <th scope="col" class="num">${t(lang, 'estimate.trapped')}</th>
          </tr>
        </thead>
        <tbody>
          ${e.settlements.map(
            (x) => html`<tr>
              <th scope="row">${pick(lang, names.get(x.id)!)}${x.approximate ? html` <span class="approx" title=${t(lang, 'estimate.approximate')}>≈</span>` : null}</th>
              <td>${x.degree} (${x.intensity.toFixed(1)})</td>
              <td class="num">${whole(x.population)}</td>
              <td class="num">${whole(x.deaths)}</td>
              <td class="num">${x.pagerEmpiricalDeaths.toFixed(1)}</td>
              <td class="num">${whole(x.trappedAlive)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}
