// The time nodes (时间节点): each maps a stretch of drill time in the room onto a stretch of
// scenario time after the shock, so both are shown side by side.
import { html } from 'lit-html';
import type { TimeNode } from '../../scenario/index.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { drillLength, scenarioTime } from '../format.ts';

export function timeNodesView(lang: Lang, nodes: TimeNode[]) {
  const total = nodes.reduce((sum, n) => sum + n.length, 0);
  return html`<section class="card nodes" aria-labelledby="nodes-heading">
    <h2 id="nodes-heading">${t(lang, 'nodes.heading')}</h2>
    <div class="scroll">
      <table aria-labelledby="nodes-heading">
        <thead>
          <tr>
            <th scope="col">${t(lang, 'nodes.index')}</th>
            <th scope="col">${t(lang, 'nodes.name')}</th>
            <th scope="col">${t(lang, 'nodes.phase')}</th>
            <th scope="col" class="num">${t(lang, 'nodes.length')}</th>
            <th scope="col">${t(lang, 'nodes.span')}</th>
          </tr>
        </thead>
        <tbody>
          ${nodes.map(
            (n, i) => html`<tr>
              <td class="index">${i + 1}</td>
              <th scope="row">${pick(lang, n.name)}</th>
              <td><span class="phase phase-${n.phase}">${t(lang, `phase.${n.phase}`)}</span></td>
              <td class="num">${drillLength(lang, n.length)}</td>
              <td class="span">${scenarioTime(n.span.from)} → ${scenarioTime(n.span.to)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <td></td>
            <th scope="row">${t(lang, 'nodes.total')}</th>
            <td></td>
            <td class="num">${drillLength(lang, total)}</td>
            <td></td>
          </tr>
        </tfoot>
      </table>
    </div>
  </section>`;
}
