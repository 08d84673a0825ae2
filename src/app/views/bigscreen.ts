// The command-room big screen (指挥大屏): dark, big type, readable from the back of the room — the
// clocks, node and response level across the top, the map in the middle, the key figures, the
// score and the decisions running out around it, the latest injects underneath. The room sees the
// score only once the facilitator shows it to the seats (set-visibility), as on the scoreboard.
import { html, nothing } from 'lit-html';
import type { Model, World } from '../../core/index.ts';
import { drillTime, type DrillScore } from '../../scoring/index.ts';
import { scenarioTime } from '../format.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { figuresOf, injectsFor, openDecisions, remainingMs } from './drill-data.ts';
import { localPart } from './clock-bar.ts';
import { langToggle } from './lang-toggle.ts';
import { mapFrame } from './map-slot.ts';
import { nextNodeConfirm } from './next-node.ts';
import { expectedCount, scoreText } from './scores.ts';
import { seatSees } from './visibility.ts';
import { modeLabel, provisionalMark, ratingLabel, restsOnText, seatName, worldLevelLabel } from './words.ts';

export interface BigScreenProps {
  lang: Lang;
  model: Model;
  world: Readonly<World>;
  scores: DrillScore | null;
  onLang: (lang: Lang) => void;
  onExit: () => void;
  /** N pressed on the big screen: leaving the node early, awaiting confirmation (null: not asked). */
  confirmNext?: { onConfirm: () => void; onCancel: () => void } | null;
}

export function bigScreenView({ lang, model, world, scores, onLang, onExit, confirmNext = null }: BigScreenProps) {
  const s = model.scenario;
  const node = s.nodes[world.node];
  const f = figuresOf(model, world);
  const open = openDecisions(s, world).slice(0, 6);
  const latest = injectsFor(model, world, null).slice(0, 4);
  return html`<div class="bigscreen mode-${world.mode}">
    <header class="big-head">
      <h1>${t(lang, 'console.big.heading')} · ${pick(lang, s.meta.title)}</h1>
      <div class="big-tools">
        ${langToggle(lang, onLang)}
        <button type="button" class="ghost" @click=${onExit}>${t(lang, 'console.big.exit')}</button>
      </div>
    </header>
    ${confirmNext ? nextNodeConfirm({ lang, model, world, ...confirmNext }) : nothing}
    <section class="big-clock" aria-label=${t(lang, 'console.clock.label')}>
      <div><span class="big-label">${t(lang, 'console.clock.drill')}</span><span class="big-value mono">${drillTime(world.clock)}</span></div>
      <div><span class="big-label">${t(lang, 'console.clock.scenario')}</span><span class="big-value mono">${scenarioTime(world.scenarioMs)}${localPart(lang, model, world)}</span></div>
      <div>
        <span class="big-label">${t(lang, 'console.clock.node')}</span>
        <span class="big-value big-node">
          ${node ? t(lang, 'console.clock.nodeValue', { n: world.node + 1, of: s.nodes.length, name: pick(lang, node.name) }) : t(lang, 'console.clock.noNode')}
        </span>
        ${node ? html`<span class="phase phase-${node.phase}">${t(lang, `phase.${node.phase}`)}</span>` : nothing}
      </div>
      <div><span class="big-label">${t(lang, 'console.clock.level')}</span><span class="big-value level level-${world.level}">${worldLevelLabel(lang, world)}</span></div>
      <div><span class="big-label">${t(lang, 'console.clock.mode')}</span><span class="big-value">${modeLabel(lang, world.mode)}</span></div>
    </section>
    <div class="big-grid">
      <section class="big-figures" aria-label=${t(lang, 'console.figures.label')}>
        ${f.show.trappedRescued ? tile(t(lang, 'console.figures.trappedRescued'), `${expectedCount(f.rescuedAlive)} / ${f.trapped}`, 'red') : nothing}
        ${tile(t(lang, 'console.figures.casualties'), String(f.casualties), 'red')}
        ${f.hoursWithout.map((h) => tile(pick(lang, h.label), t(lang, 'console.figures.hoursValue', { hours: h.hours.toFixed(1) }), h.withoutNow > 0 ? 'amber' : 'green'))}
        ${f.show.shelter ? tile(t(lang, 'console.figures.shelter'), `${f.shelterOpened} / ${f.shelterNeeded}`, f.shelterOpened >= f.shelterNeeded ? 'green' : 'amber') : nothing}
        ${tile(t(lang, 'console.figures.incidents'), String(f.activeIncidents), f.activeIncidents > 0 ? 'amber' : 'green')}
      </section>
      <div class="big-map">${mapFrame(lang, 'large')}</div>
      <aside class="big-side">
        ${seatSees(world).scores
          ? html`<section class="big-score" aria-label=${t(lang, 'console.score.overall')}>
              <span class="big-label">${t(lang, 'console.score.overall')}</span>
              <span class="big-value">${scoreText(scores?.overall ?? null)}${scores && scores.provisional > 0 ? html` ${provisionalMark(lang)}` : nothing}</span>
              <span class="rating rating-${scores?.rating ?? 'none'}">${ratingLabel(lang, scores?.rating ?? null)}</span>
              ${scores ? html`<span class="big-label rests-on">${restsOnText(lang, scores.restsOn, scores.provisional, scores.byBots)}</span>` : nothing}
            </section>`
          : html`<p class="hint scores-hidden">${t(lang, 'facilitator.hidden.scores')}</p>`}
        <section aria-labelledby="big-open-heading">
          <h2 id="big-open-heading">${t(lang, 'console.open.heading')} <span class="count">${f.openDecisions}</span></h2>
          <ul class="big-list">
            ${open.map((d) => {
              const left = remainingMs(world, d.id);
              return html`<li>
                <span class="mono countdown ${left <= 60_000 ? 'urgent' : ''}" role="timer">${drillTime(left)}</span>
                <span>${seatName(lang, model, d.owner)}</span>
              </li>`;
            })}
          </ul>
        </section>
      </aside>
    </div>
    <section class="big-ticker" aria-label=${t(lang, 'console.big.latest')}>
      <ul>
        ${latest.map(
          (x) => html`<li><span class="mono">${scenarioTime(world.injects[x.id]!.scenarioMs ?? 0)}</span> ${pick(lang, x.title)}</li>`,
        )}
      </ul>
    </section>
  </div>`;
}

function tile(label: string, value: string, tone: 'red' | 'amber' | 'green') {
  return html`<div class="big-tile tone-${tone}"><span class="big-label">${label}</span><span class="big-value">${value}</span></div>`;
}
