// Who plays: the HQ, its working groups with their lead units, the member units with the seat each
// plays at the table, and the county/district HQs below the city HQ.
import { html } from 'lit-html';
import type { Scenario } from '../../scenario/index.ts';
import { pick, t, type Lang } from '../i18n.ts';

type Organisation = Scenario['organisation'];

export function organisationView(lang: Lang, org: Organisation) {
  const units = new Map(org.units.map((u) => [u.id, u]));
  // The loader's lint guarantees references resolve; the id is only a fallback for the type.
  const unitName = (id: string) => {
    const unit = units.get(id);
    return unit ? pick(lang, unit.name) : id;
  };
  const { hq } = org;
  return html`<section class="card organisation" aria-labelledby="org-heading">
    <h2 id="org-heading">${t(lang, 'org.heading')}</h2>
    <div class="org-grid">
      <div class="hq">
        <h3 id="org-hq">${pick(lang, hq.name)}</h3>
        <dl class="facts">
          <dt>${t(lang, 'org.commander')}</dt>
          <dd>${pick(lang, hq.commander)}</dd>
          ${hq.deputies.length > 0
            ? html`<dt>${t(lang, 'org.deputies')}</dt>
                <dd>${hq.deputies.map((d) => pick(lang, d)).join(t(lang, 'org.listSeparator'))}</dd>`
            : null}
          <dt>${t(lang, 'org.office')}</dt>
          <dd>${pick(lang, hq.office.name)}</dd>
          <dt>${t(lang, 'org.officeUnit')}</dt>
          <dd>${unitName(hq.office.unit)}</dd>
        </dl>

        <h3 id="org-groups">${t(lang, 'org.groups')}</h3>
        <div class="scroll">
          <table aria-labelledby="org-groups">
            <thead>
              <tr><th scope="col">${t(lang, 'org.group')}</th><th scope="col">${t(lang, 'org.lead')}</th></tr>
            </thead>
            <tbody>
              ${org.groups.map(
                (g) => html`<tr><th scope="row">${pick(lang, g.name)}</th><td>${unitName(g.lead)}</td></tr>`,
              )}
            </tbody>
          </table>
        </div>

        <h3 id="org-counties">${t(lang, 'org.counties')}</h3>
        ${org.counties.length === 0
          ? html`<p class="empty">${t(lang, 'org.noCounties')}</p>`
          : html`<div class="scroll">
              <table aria-labelledby="org-counties">
                <thead>
                  <tr>
                    <th scope="col">${t(lang, 'org.county')}</th>
                    <th scope="col">${t(lang, 'org.seat')}</th>
                    <th scope="col">${t(lang, 'org.countyCommander')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${org.counties.map(
                    (c) => html`<tr>
                      <th scope="row">${pick(lang, c.name)}</th>
                      <td>${pick(lang, c.seat)}</td>
                      <td>${c.commander ? pick(lang, c.commander) : '—'}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
      </div>

      <div class="units">
        <h3 id="org-units">${t(lang, 'org.units')}</h3>
        <div class="scroll">
          <table aria-labelledby="org-units">
            <thead>
              <tr><th scope="col">${t(lang, 'org.unit')}</th><th scope="col">${t(lang, 'org.seat')}</th></tr>
            </thead>
            <tbody>
              ${org.units.map(
                (u) => html`<tr><th scope="row">${pick(lang, u.name)}</th><td>${pick(lang, u.seat)}</td></tr>`,
              )}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  </section>`;
}
