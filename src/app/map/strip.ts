// The time-node strip under the map: one button per node with what happened in it so far; picking a
// node shows only the incidents that appeared in its span (the view model's nodeFilter). Each node's
// number is in its name ("1. …", read out with it), so the list draws no markers of its own.
import { html } from 'lit-html';
import { scenarioTime } from '../format.ts';
import { pick, t, type Lang } from '../i18n.ts';
import type { StripNode } from './strip-model.ts';

export interface StripProps {
  lang: Lang;
  nodes: StripNode[];
  /** The node picked, or null for all. */
  selected: number | null;
  onSelect: (node: number | null) => void;
}

export function timeNodeStripView({ lang, nodes, selected, onSelect }: StripProps) {
  return html`<nav class="qd-strip" aria-label=${t(lang, 'map.strip.heading')}>
    <button type="button" class="qd-strip-all" aria-pressed=${selected === null ? 'true' : 'false'} @click=${() => onSelect(null)}>
      ${t(lang, 'map.strip.all')}
    </button>
    <ol style="list-style: none; margin: 0; padding: 0">
      ${nodes.map(
        (n) => html`<li class="qd-strip-node ${n.state} phase-${n.phase}">
          <button
            type="button"
            title=${t(lang, 'map.strip.filter')}
            aria-pressed=${selected === n.index ? 'true' : 'false'}
            aria-current=${n.state === 'current' ? 'step' : 'false'}
            @click=${() => onSelect(selected === n.index ? null : n.index)}
          >
            <span class="qd-strip-name">${n.index + 1}. ${pick(lang, n.name)}${n.state === 'current' ? html` <em>${t(lang, 'map.strip.now')}</em>` : ''}</span>
            <span class="qd-strip-span">${scenarioTime(n.from)} → ${scenarioTime(n.to)}</span>
            <span class="qd-strip-counts">
              ${t(lang, 'map.strip.incidents', { n: n.incidents.appeared })} ·
              ${t(lang, 'map.strip.decisions', { answered: n.decisions.answered, total: n.decisions.total })}
              ${n.decisions.open > 0 ? html` · ${t(lang, 'map.strip.open', { n: n.decisions.open })}` : ''}
              ${n.decisions.expired > 0 ? html` · <strong>${t(lang, 'map.strip.expired', { n: n.decisions.expired })}</strong>` : ''}
            </span>
          </button>
        </li>`,
      )}
    </ol>
  </nav>`;
}
