// Where the drill is: drill time in the room (mm:ss, stops while paused), scenario time after the
// shock (T+hh:mm) with the local clock beside it, the time node and its phase, the response level and whether it runs.
import { html, nothing } from 'lit-html';
import type { Model, World } from '../../core/index.ts';
import { drillTime } from '../../scoring/index.ts';
import { scenarioTime } from '../format.ts';
import { scenarioLocalClock } from '../local-clock.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { modeLabel, worldLevelLabel } from './words.ts';

/** " · 当地 03:05" beside T+ (local-clock.ts); nothing where the origin time cannot be read. */
export function localPart(lang: Lang, model: Model, world: Readonly<World>) {
  const text = scenarioLocalClock(lang, model.scenario, world.scenarioMs);
  return text ? html`<span class="local-clock"> · ${text}</span>` : nothing;
}

export function clockBar(lang: Lang, model: Model, world: Readonly<World>, speed: number) {
  const nodes = model.scenario.nodes;
  const node = nodes[world.node];
  return html`<section class="clock-bar mode-${world.mode}" aria-label=${t(lang, 'console.clock.label')}>
    <dl>
      <div class="clock-drill">
        <dt>${t(lang, 'console.clock.drill')}</dt>
        <dd>${drillTime(world.clock)}</dd>
      </div>
      <div class="clock-scenario">
        <dt>${t(lang, 'console.clock.scenario')}</dt>
        <dd>${scenarioTime(world.scenarioMs)}${localPart(lang, model, world)}</dd>
      </div>
      <div class="clock-node">
        <dt>${t(lang, 'console.clock.node')}</dt>
        <dd>
          ${node
            ? html`<span>${t(lang, 'console.clock.nodeValue', { n: world.node + 1, of: nodes.length, name: pick(lang, node.name) })}</span>
                <span class="phase phase-${node.phase}">${t(lang, `phase.${node.phase}`)}</span>`
            : t(lang, 'console.clock.noNode')}
        </dd>
      </div>
      <div class="clock-level">
        <dt>${t(lang, 'console.clock.level')}</dt>
        <dd class="level level-${world.level}">${worldLevelLabel(lang, world)}</dd>
      </div>
      <div class="clock-mode">
        <dt>${t(lang, 'console.clock.mode')}</dt>
        <dd>${modeLabel(lang, world.mode)}${speed !== 1 ? html` <span class="speed-badge">${t(lang, 'console.speed.value', { n: speed })}</span>` : null}</dd>
      </div>
    </dl>
  </section>`;
}
