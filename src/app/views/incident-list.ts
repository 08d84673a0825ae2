// The map's incidents as a table (列表视图), for keyboard and screen-reader users who cannot read the
// canvas: kind, place, state, people trapped and since when — beside every map the drill shows.
import { html } from 'lit-html';
import type { Model, World } from '../../core/index.ts';
import { scenarioTime } from '../format.ts';
import { pick, t, type Lang, type MessageKey } from '../i18n.ts';
import { placeName } from './words.ts';

/** The incidents that have appeared, newest first, as the table lists them. */
export function listedIncidents(model: Model, world: Readonly<World>) {
  return Object.entries(world.incidents)
    .filter(([, i]) => i.status !== 'latent' && i.appearedMs !== undefined)
    .map(([id, i]) => ({ id, name: model.incidents.get(id)?.name, ...i, appearedMs: i.appearedMs! }))
    .sort((a, b) => b.appearedMs - a.appearedMs || a.id.localeCompare(b.id));
}

export function incidentList(lang: Lang, model: Model, world: Readonly<World>) {
  const rows = listedIncidents(model, world);
  const m = (key: string) => t(lang, key as MessageKey);
  return html`<details class="incident-list">
    <summary>${t(lang, 'access.list.toggle')}</summary>
    ${rows.length === 0
      ? html`<p class="empty">${t(lang, 'access.list.empty')}</p>`
      : html`<table>
          <caption>${t(lang, 'access.list.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">${t(lang, 'access.list.kind')}</th>
              <th scope="col">${t(lang, 'access.list.place')}</th>
              <th scope="col">${t(lang, 'access.list.state')}</th>
              <th scope="col" class="num">${t(lang, 'access.list.trapped')}</th>
              <th scope="col">${t(lang, 'access.list.since')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (i) => html`<tr>
                <th scope="row">${m(`map.incident.${i.kind}`)}${i.name ? html` <span class="muted small">${pick(lang, i.name)}</span>` : null}</th>
                <td>${placeName(lang, model, i.place)}</td>
                <td>${m(`map.status.${i.status}`)}</td>
                <td class="num">${i.trapped}</td>
                <td class="mono">${scenarioTime(i.appearedMs)}</td>
              </tr>`,
            )}
          </tbody>
        </table>`}
  </details>`;
}
