// The command hierarchy as it stands now (指挥体系态势): the HQ and its stage, the response level with
// who leads at it and who guides, each working group and each county HQ with its state. Everything
// is read from the hierarchy statechart's state in the world through the core's helpers: the view
// never works out a rule itself. Used by the console; plain enough for the big screen.
import { html, nothing } from 'lit-html';
import { guideOf, leadOf, groupState, type Model, type World } from '../../core/index.ts';
import { pick, t, type Lang, type MessageKey } from '../i18n.ts';
import { seatName, worldLevelLabel } from './words.ts';

type RegionState = World['hierarchy']['groups'][string] | World['hierarchy']['counties'][string];

/** Each state of a group or county HQ region: its word, and its line in the legend. */
const REGION_STATES: Record<RegionState, { word: MessageKey; legend: MessageKey }> = {
  standby: { word: 'hierarchy.state.standby', legend: 'hierarchy.legend.standby' },
  activated: { word: 'hierarchy.state.activated', legend: 'hierarchy.legend.activated' },
  deployed: { word: 'hierarchy.state.deployed', legend: 'hierarchy.legend.deployed' },
  stoodDown: { word: 'hierarchy.state.stoodDown', legend: 'hierarchy.legend.stoodDown' },
};

export function hierarchyView(lang: Lang, model: Model, world: Readonly<World>, headingId = 'hierarchy-heading') {
  const org = model.scenario.organisation;
  const h = world.hierarchy;
  const lead = leadOf(model, world);
  const guide = guideOf(model, world);
  const node = (id: string, name: string, state: RegionState) =>
    html`<li class="org-node state-${state}" data-state=${state}>
      <span class="org-name">${name}</span>
      <span class="state-word">${t(lang, REGION_STATES[state].word)}</span>
      ${id === lead ? html`<span class="tag lead">${t(lang, 'hierarchy.lead')}</span>` : nothing}
    </li>`;
  return html`<section class="panel hierarchy" aria-labelledby=${headingId}>
    <h2 id=${headingId}>${t(lang, 'hierarchy.heading')}</h2>
    <div class="org-chart">
      <div class="org-hq hq-${h.hq}">
        <p class="org-name">${pick(lang, org.hq.name)} <span class="state-word">${t(lang, `hierarchy.hq.${h.hq}`)}</span></p>
        <dl class="org-facts">
          <div><dt>${t(lang, 'hierarchy.level')}</dt><dd class="level level-${world.level}">${worldLevelLabel(lang, world)}</dd></div>
          <div><dt>${t(lang, 'hierarchy.lead')}</dt><dd data-role="lead">${seatName(lang, model, lead)}</dd></div>
          ${guide ? html`<div><dt>${t(lang, 'hierarchy.guide')}</dt><dd data-role="guide">${seatName(lang, model, guide)}</dd></div>` : nothing}
        </dl>
      </div>
      ${org.groups.length > 0
        ? html`<ul class="org-row" aria-label=${t(lang, 'hierarchy.groups')}>
            ${org.groups.map((g) => node(g.id, pick(lang, g.name), groupState(world, g.id)!))}
          </ul>`
        : nothing}
      ${org.counties.length > 0
        ? html`<ul class="org-row counties" aria-label=${t(lang, 'hierarchy.counties')}>
            ${org.counties.map((c) => node(c.id, pick(lang, c.name), h.counties[c.id]!))}
          </ul>`
        : nothing}
    </div>
    <ul class="org-legend" aria-label=${t(lang, 'hierarchy.legend')}>
      ${(Object.keys(REGION_STATES) as RegionState[]).map((s) => html`<li class="state-${s}"><span class="swatch" aria-hidden="true"></span>${t(lang, REGION_STATES[s].legend)}</li>`)}
    </ul>
  </section>`;
}
