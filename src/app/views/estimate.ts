// The briefing's loss estimate: what the hazard model makes of the scenario (SCIENCE.md §7.2) —
// per place the intensity, degree, deaths, injuries and the trapped, PAGER's central figure and the
// +1σ field beside the median — the same table as `quake-drill estimate`, so the facilitator sees
// why the drill's numbers are what they are.
import { html } from 'lit-html';
import { estimateLosses, levelByCriteria, type LossEstimate } from '../../core/estimate.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { wholePeople } from '../../scoring/people.ts';
import { pick, t, type Lang } from '../i18n.ts';

const whole = (n: number) => Math.round(n).toLocaleString('en');
/** Expected people, as whole people (scoring/people.ts): never 0.3 of a death. */
const people = wholePeople;
const hhmm = (h: number) => `${String(Math.floor(h)).padStart(2, '0')}:${String(Math.round((h % 1) * 60)).padStart(2, '0')}`;

/**
 * What the estimate reads of a scenario: the earthquake, the region, the response levels and the
 * assumptions — never the injects or decisions, so the briefing's brief of a scenario will do.
 */
export type EstimatedScenario = Omit<Scenario, 'injects' | 'decisions'>;
export const asScenario = (s: EstimatedScenario) => s as unknown as Scenario;

// The +1σ field depends on the earthquake and the region alone: worked out once per scenario, not on
// every render (keyed by the earthquake, which a brief and its whole scenario share).
const plusSigma = new WeakMap<object, LossEstimate>();
const plusSigmaOf = (s: EstimatedScenario) => plusSigma.get(s.earthquake) ?? (plusSigma.set(s.earthquake, estimateLosses(asScenario(s), { sigmas: 1 })), plusSigma.get(s.earthquake)!);

export function estimateView(lang: Lang, s: EstimatedScenario, e: LossEstimate) {
  const names = new Map(s.region.settlements.map((x) => [x.id, x.name]));
  const up = plusSigmaOf(s);
  const upDeaths = new Map(up.settlements.map((x) => [x.id, x.deaths]));
  const level = levelByCriteria(asScenario(s), e.total.deaths);
  return html`<section class="card estimate" aria-labelledby="estimate-heading">
    <h2 id="estimate-heading">${t(lang, 'estimate.heading')}</h2>
    <p class="hint">${t(lang, 'estimate.intro')}</p>
    <p>${t(lang, 'estimate.modelLine', { model: t(lang, `estimate.model.${e.model}`), time: hhmm(e.localHour), occupancy: String(e.occupancy), pager: people(e.total.pagerDeaths) })}</p>
    <p class="hint">${t(lang, 'estimate.degree')}</p>
    <p class="hint">${t(lang, 'access.people.rule')}</p>
    <p>
      <strong>${t(lang, 'estimate.totals', { deaths: people(e.total.deaths), serious: whole(e.total.serious), minor: whole(e.total.minor), trapped: whole(e.total.trappedAlive), places: e.settlements.length, population: whole(e.total.population) })}</strong>
    </p>
    <p>${t(lang, 'estimate.sigmaTotals', { sigma: String(up.sigma.value), from: t(lang, `estimate.sigmaFrom.${up.sigma.from}`), deaths: people(up.total.deaths), serious: whole(up.total.serious), minor: whole(up.total.minor), trapped: whole(up.total.trappedAlive), pager: people(up.total.pagerDeaths) })}</p>
    <p>${level ? t(lang, 'estimate.level', { by: t(lang, `estimate.levelBy.${level.by}`), level: level.level }) : t(lang, 'estimate.levelNone')}</p>
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
            <th scope="col" class="num">${t(lang, 'estimate.serious')}</th>
            <th scope="col" class="num">${t(lang, 'estimate.minor')}</th>
            <th scope="col" class="num">${t(lang, 'estimate.trapped')}</th>
            <th scope="col" class="num">${t(lang, 'estimate.pager')}</th>
            <th scope="col" class="num">${t(lang, 'estimate.sigmaDeaths')}</th>
          </tr>
        </thead>
        <tbody>
          ${e.settlements.map(
            (x) => html`<tr>
              <th scope="row">${pick(lang, names.get(x.id)!)}${x.approximate ? html` <span class="approx" title=${t(lang, 'estimate.approximate')}>≈</span>` : null}</th>
              <td>${x.degree} (${x.intensity.toFixed(2)})</td>
              <td class="num">${whole(x.population)}</td>
              <td class="num">${people(x.deaths)}</td>
              <td class="num">${people(x.serious)}</td>
              <td class="num">${people(x.minor)}</td>
              <td class="num">${people(x.trappedAlive)}</td>
              <td class="num">${people(x.pagerDeaths)}</td>
              <td class="num">${people(upDeaths.get(x.id) ?? 0)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}
