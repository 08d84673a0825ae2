// The scoreboard (记分板): scores per seat, working group and county HQ as they stand now, with the
// outcome figures beside them. scoreDrill runs over the live world (throttled by app.ts). The room
// and the seats see it, so during the drill the scores show only once the facilitator releases them.
import { html } from 'lit-html';
import type { Model, World } from '../../core/index.ts';
import type { DrillScore } from '../../scoring/index.ts';
import { t, type Lang } from '../i18n.ts';
import { clockBar } from './clock-bar.ts';
import { figuresOf } from './drill-data.ts';
import { countiesTable, figuresView, groupsTable, overallView, unitsTable } from './scores.ts';
import { seatSees } from './visibility.ts';

export function scoreboardView(lang: Lang, model: Model, world: Readonly<World>, speed: number, scores: DrillScore) {
  if (!seatSees(world).scores) {
    return html`<div class="scoreboard">
      <h1>${t(lang, 'console.scoreboard.heading')}</h1>
      ${clockBar(lang, model, world, speed)} ${figuresView(lang, figuresOf(model, world))}
      <p class="hint scores-hidden">${t(lang, 'facilitator.hidden.scores')}</p>
    </div>`;
  }
  return html`<div class="scoreboard">
    <h1>${t(lang, 'console.scoreboard.heading')}</h1>
    ${clockBar(lang, model, world, speed)}
    <div class="scoreboard-top">${overallView(lang, scores)} ${figuresView(lang, figuresOf(model, world))}</div>
    <p class="hint">${t(lang, 'console.scoreboard.hint')}</p>
    <div class="two-col">${unitsTable(lang, model, scores)} ${groupsTable(lang, model, scores)}</div>
    ${countiesTable(lang, model, scores)}
  </div>`;
}
