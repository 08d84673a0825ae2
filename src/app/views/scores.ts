// Score pieces shared by the scoreboard, the big screen, the evaluator's view and the debrief:
// the outcome figures, roll-up tables (per capability, seat, working group, county) with P/S/M/U and
// 优良中差, and every decision's score with the reasons for it.
import { html, nothing } from 'lit-html';
import type { Level, Model, World } from '../../core/index.ts';
import type { DrillScore, RollUp } from '../../scoring/index.ts';
import { expectedPeople } from '../../scoring/people.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { answerView, missedView, whyView } from './decision-card.ts';
import type { Figures } from './drill-data.ts';
import { answeredByText, expectedOf, levelLabel, provisionalMark, ratingLabel, restsOnText, seatKindLabel, seatName } from './words.ts';

/** The figures tiles: the scenario's outcome figures it shows (scenario/outcomes.ts), its own labels on its hours-without ones. */
export function figuresView(lang: Lang, f: Figures, className = '') {
  const tiles: (readonly [string, string])[] = [
    ...(f.show.trappedRescued ? ([[t(lang, 'console.figures.trapped'), String(f.trapped)], [t(lang, 'console.figures.rescued'), expectedCount(f.rescuedAlive)]] as const) : []),
    [t(lang, 'console.figures.casualties'), String(f.casualties)],
    ...f.hoursWithout.map((h): [string, string] => [pick(lang, h.label), t(lang, 'console.figures.hoursValue', { hours: h.hours.toFixed(1) })]),
    ...(f.show.shelter ? ([[t(lang, 'console.figures.shelter'), t(lang, 'console.figures.shelterValue', { opened: f.shelterOpened, needed: f.shelterNeeded })]] as const) : []),
    [t(lang, 'console.figures.incidents'), String(f.activeIncidents)],
    [t(lang, 'console.figures.open'), String(f.openDecisions)],
  ];
  return html`<section class="figures ${className}" aria-label=${t(lang, 'console.figures.label')}>
    <dl>${tiles.map(([label, value]) => html`<div class="figure"><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
  </section>`;
}

/** An expected number of people (scores keep it unrounded), shown as a whole count (scoring/people.ts). */
export const expectedCount = expectedPeople;

export const scoreText = (score: number | null) => (score === null ? '—' : score.toFixed(1));

/** The bots' score beside a unit's: "机器人 78.5（3）" (their answers do not count in its own). */
export const botsText = (lang: Lang, bots: RollUp['bots']) => (bots ? t(lang, 'scores.bots', { score: scoreText(bots.score), n: bots.decisions }) : '—');

function rollUpTable(lang: Lang, id: string, heading: string, rows: { name: string; kind?: string; r: RollUp }[]) {
  // Units, groups and counties leave bot answers out of their score; a column shows them when any did.
  const bots = rows.some(({ r }) => r.bots !== null);
  return html`<section class="panel" aria-labelledby=${id}>
    <h2 id=${id}>${heading}</h2>
    ${bots ? html`<p class="hint">${t(lang, 'scores.botsHint')}</p>` : nothing}
    <div class="scroll">
      <table aria-labelledby=${id}>
        <thead>
          <tr>
            <th scope="col">${t(lang, 'console.score.name')}</th>
            <th scope="col" class="num">${t(lang, 'console.score.score')}</th>
            <th scope="col">${t(lang, 'console.score.rating')}</th>
            <th scope="col" class="num">${t(lang, 'console.score.counted')}</th>
            ${bots ? html`<th scope="col" class="num">${t(lang, 'scores.botsCol')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ({ name, kind, r }) => html`<tr>
              <th scope="row">${name}${kind ? html` <span class="muted small">${kind}</span>` : nothing}</th>
              <td class="num score">${scoreText(r.score)}${r.provisional > 0 ? html` ${provisionalMark(lang)}` : nothing}</td>
              <td><span class="rating rating-${r.rating ?? 'none'}">${ratingLabel(lang, r.rating)}</span></td>
              <td class="num">
                ${t(lang, 'console.score.countedValue', { n: r.applicable, of: r.decisions.length })}${r.provisional > 0
                  ? html` <span class="muted small">${t(lang, 'scores.rollProvisional', { n: r.provisional })}</span>`
                  : nothing}
              </td>
              ${bots ? html`<td class="num">${botsText(lang, r.bots)}</td>` : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

export function capabilitiesTable(lang: Lang, _model: Model, s: DrillScore) {
  const rows = Object.values(s.capabilities).map((r) => ({ name: pick(lang, r.name), r }));
  return rollUpTable(lang, 'capabilities-heading', t(lang, 'console.score.byCapability'), rows);
}

/** Every seat that owns decisions: the HQ, groups, units and county HQs. */
export function unitsTable(lang: Lang, model: Model, s: DrillScore) {
  const rows = Object.values(s.units).map((r) => ({ name: seatName(lang, model, r.id), kind: r.kind === 'capability' ? '' : seatKindLabel(lang, r.kind), r }));
  return rollUpTable(lang, 'units-heading', t(lang, 'console.score.byUnit'), rows);
}

export function groupsTable(lang: Lang, _model: Model, s: DrillScore) {
  const rows = Object.values(s.groups).map((r) => ({ name: pick(lang, r.name), r }));
  return rollUpTable(lang, 'groups-heading', t(lang, 'console.score.byGroup'), rows);
}

export function countiesTable(lang: Lang, _model: Model, s: DrillScore) {
  const rows = Object.values(s.counties).map((r) => ({ name: pick(lang, r.name), r }));
  return rows.length === 0 ? nothing : rollUpTable(lang, 'counties-heading', t(lang, 'console.score.byCounty'), rows);
}

export function overallView(lang: Lang, s: DrillScore) {
  return html`<section class="overall" aria-label=${t(lang, 'console.score.overall')}>
    <p class="overall-label">${t(lang, 'console.score.overall')}</p>
    <p class="overall-score">${scoreText(s.overall)}${s.provisional > 0 ? html` ${provisionalMark(lang)}` : nothing}</p>
    <p class="rating rating-${s.rating ?? 'none'}">${ratingLabel(lang, s.rating)}</p>
    <p class="rests-on muted small">${restsOnText(lang, s.restsOn, s.provisional, s.byBots)}</p>
    ${s.rating ? html`<p class="muted small">${t(lang, `console.ratingLong.${s.rating}`)}</p>` : nothing}
  </section>`;
}

/** The outcome of the drill in the simulation, from scoreDrill's outcome metrics: the scenario's figures in its order, with its labels. */
export function outcomesView(lang: Lang, s: DrillScore, model: Model) {
  const o = s.outcomes;
  const [hours, contain] = [o.hoursWithout.values(), o.timeToContain.values()];
  const fact = (label: string, value: string) => html`<dt>${label}</dt><dd>${value}</dd>`;
  const facts = o.figures.map((kind) => {
    switch (kind) {
      case 'trapped-rescued':
        return fact(t(lang, 'console.outcomes.trapped'), t(lang, 'console.outcomes.trappedValue', { trapped: o.trapped, rescued: expectedCount(o.rescuedAlive) }));
      case 'response-level':
        return html`${fact(
          t(lang, 'console.outcomes.level'),
          o.responseLevel
            ? t(lang, 'console.outcomes.levelValue', { level: levelLabel(lang, o.responseLevel.level as Level, true), scenario: o.responseLevel.scenario, drill: o.responseLevel.drill })
            : t(lang, 'console.outcomes.levelNone'),
        )}${fact(t(lang, 'console.outcomes.levelAtEnd'), levelLabel(lang, o.levelAtEnd.level as Level, o.levelAtEnd.ended))}`;
      case 'first-rescue':
        return fact(
          t(lang, 'console.outcomes.firstRescue'),
          o.firstRescue.length === 0
            ? '—'
            : o.firstRescue.map((r) => t(lang, 'console.outcomes.firstRescueValue', { place: pick(lang, r.name), time: r.at ?? t(lang, 'console.outcomes.never') })).join(t(lang, 'org.listSeparator')),
        );
      case 'hours-without': {
        const h = hours.next().value;
        return h ? fact(pick(lang, h.label), t(lang, 'console.outcomes.hoursValue', { hours: h.hours })) : nothing;
      }
      case 'shelter':
        return fact(t(lang, 'console.outcomes.shelter'), t(lang, 'console.figures.shelterValue', { opened: o.shelter.opened, needed: o.shelter.needed }));
      case 'time-to-contain': {
        const c = contain.next().value;
        if (!c) return nothing;
        const name = (id: string) => {
          const text = model.incidents.get(id)?.name;
          return text ? pick(lang, text) : id;
        };
        const each = c.contained.map((x) => (x.hoursToContain === null ? t(lang, 'console.outcomes.notContained', { incident: name(x.incident) }) : t(lang, 'console.outcomes.containedValue', { incident: name(x.incident), hours: x.hoursToContain })));
        return fact(pick(lang, c.label), each.length === 0 ? '—' : each.join(t(lang, 'org.listSeparator')));
      }
      case 'decisions':
        return fact(
          t(lang, 'console.outcomes.decisions'),
          t(lang, 'console.outcomes.decisionsValue', { total: o.decisions.total, answered: o.decisions.answered, expired: o.decisions.expired, open: o.decisions.open, notOpened: o.decisions.notOpened }),
        );
    }
  });
  return html`<section class="panel" aria-labelledby="outcomes-heading">
    <h2 id="outcomes-heading">${t(lang, 'console.outcomes.heading')}</h2>
    <dl class="facts">
      ${facts}
      <dt>${t(lang, 'console.outcomes.rejections')}</dt>
      <dd>${o.rejections}</dd>
    </dl>
  </section>`;
}

/** Each decision: whose, its status, the answer, the score and the reasons. */
export function decisionScoresList(lang: Lang, model: Model, world: Readonly<World>, s: DrillScore, opts: { onlyStarted?: boolean } = {}) {
  // The ones that count first, in the order they opened; those that never opened last.
  const list = Object.values(s.decisions)
    .filter((d) => !opts.onlyStarted || d.status !== 'not-opened')
    .sort((a, b) => Number(b.status !== 'not-opened') - Number(a.status !== 'not-opened') || (a.times.openedClock ?? 0) - (b.times.openedClock ?? 0));
  return html`<section class="panel" aria-labelledby="decision-scores-heading">
    <h2 id="decision-scores-heading">${t(lang, 'console.score.decisions')} <span class="count">${list.length}</span></h2>
    ${list.length === 0 ? html`<p class="empty">${t(lang, 'console.score.noDecisions')}</p>` : nothing}
    <ol class="decision-scores">
      ${list.map((d) => {
        const def = model.decisions.get(d.id);
        const scored = world.decisions[d.id]?.status === 'scored' || world.mode === 'debrief';
        return html`<li>
          <article class="decision-score" aria-labelledby=${`score-${d.id}`}>
            <header>
              <h3 id=${`score-${d.id}`}>${pick(lang, d.prompt)}</h3>
              <p class="muted small">
                ${seatName(lang, model, d.owner)} · ${d.status === 'voided' ? t(lang, 'working.status.voided') : t(lang, `console.status.${d.status}`)}
                ${d.answeredBy ? html` · <span class="answered-by">${t(lang, 'scores.answeredBy', { who: answeredByText(lang, d.answeredBy) })}</span>` : nothing}
                ${d.total !== null
                  ? html` · <strong>${d.total.toFixed(1)}</strong> <span class="rating rating-${d.rating}">${ratingLabel(lang, d.rating)}</span>${d.provisional
                        ? html` ${provisionalMark(lang, d.horizonMs)}`
                        : nothing}`
                  : nothing}
              </p>
            </header>
            ${d.answer ? answerView(lang, model, def, t(lang, 'console.card.yourAnswer'), d.answer) : nothing}
            ${scored && def ? html`${answerView(lang, model, def, t(lang, 'console.card.expected'), expectedOf(def))} ${d.answer ? missedView(lang, model, def, d.answer) : nothing}` : nothing}
            ${d.applicable ? whyView(lang, model, d) : nothing}
          </article>
        </li>`;
      })}
    </ol>
  </section>`;
}
