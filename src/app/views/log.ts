// The log as a live timeline (推演日志): every input in order — its number, the drill time it was
// made at, who sent it, what it was, and whether the authority accepted it or why it refused.
// Filterable by seat and by time node; the latest entry on top, the latest LOG_WINDOW matching
// entries drawn (the filters search the whole log), earlier ones on request.
import { html } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { LogEntry, Model } from '../../core/index.ts';
import { FACILITATOR } from '../../core/index.ts';
import { drillTime } from '../../scoring/index.ts';
import { pick, t, type Lang } from '../i18n.ts';
import type { LogFilter } from '../store.ts';
import { entryConcerns, seatsOf, type EntryMark } from './drill-data.ts';
import { LOG_WINDOW, earlierButton, latest } from './window.ts';
import { describeEvent, reasonText, seatName } from './words.ts';

export interface LogProps {
  lang: Lang;
  model: Model;
  log: readonly LogEntry[];
  marks: ReadonlyMap<number, EntryMark>;
  filter: LogFilter;
  onFilter: (filter: Partial<LogFilter>) => void;
}

export function logView({ lang, model, log, marks, filter, onFilter }: LogProps) {
  const shown =
    filter.unit === null && filter.node === null
      ? log
      : log.filter((e) => {
          if (filter.unit !== null && !entryConcerns(model, e).includes(filter.unit)) return false;
          if (filter.node !== null && marks.get(e.seq)?.node !== filter.node) return false;
          return true;
        });
  const limit = filter.limit ?? LOG_WINDOW;
  const { rows, hidden } = latest(shown, limit);
  const seats = seatsOf(model.scenario);
  const nodes = model.scenario.nodes;
  return html`<section class="panel log" aria-labelledby="log-heading">
    <h2 id="log-heading">${t(lang, 'console.log.heading')}</h2>
    <div class="filters">
      <label>
        <span>${t(lang, 'console.log.byUnit')}</span>
        <select aria-label=${t(lang, 'console.log.byUnit')} @change=${(e: Event) => onFilter({ unit: (e.target as HTMLSelectElement).value || null })}>
          <option value="" ?selected=${filter.unit === null}>${t(lang, 'console.log.all')}</option>
          <option value=${FACILITATOR} ?selected=${filter.unit === FACILITATOR}>${seatName(lang, model, FACILITATOR)}</option>
          ${seats.map((s) => html`<option value=${s.id} ?selected=${filter.unit === s.id}>${pick(lang, s.name)}</option>`)}
        </select>
      </label>
      <label>
        <span>${t(lang, 'console.log.byNode')}</span>
        <select aria-label=${t(lang, 'console.log.byNode')} @change=${(e: Event) => onFilter({ node: (e.target as HTMLSelectElement).value === '' ? null : Number((e.target as HTMLSelectElement).value) })}>
          <option value="" ?selected=${filter.node === null}>${t(lang, 'console.log.all')}</option>
          ${nodes.map((n, i) => html`<option value=${String(i)} ?selected=${filter.node === i}>${t(lang, 'console.log.nodeOption', { n: i + 1, name: pick(lang, n.name) })}</option>`)}
        </select>
      </label>
      <span class="muted">${t(lang, 'console.log.count', { shown: shown.length, total: log.length })}</span>
    </div>
    <div class="scroll timeline">
      <table aria-labelledby="log-heading">
        <thead>
          <tr>
            <th scope="col" class="num">${t(lang, 'console.log.seq')}</th>
            <th scope="col">${t(lang, 'console.log.time')}</th>
            <th scope="col">${t(lang, 'console.log.actor')}</th>
            <th scope="col">${t(lang, 'console.log.what')}</th>
            <th scope="col">${t(lang, 'console.log.result')}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            rows,
            (e) => e.seq,
            (e) => {
              const mark = marks.get(e.seq);
              const ok = mark?.accepted ?? true;
              return html`<tr class=${ok ? 'accepted' : 'refused'}>
                <td class="num">${e.seq}</td>
                <td class="mono">${mark ? drillTime(mark.clock) : '—'}</td>
                <td>${seatName(lang, model, e.actor)}</td>
                <td>${describeEvent(lang, model, e.event)}</td>
                <td title=${ok ? '' : (mark?.reason ?? '')}>${ok ? t(lang, 'console.log.accepted') : t(lang, 'console.log.refused', { reason: reasonText(lang, model, mark?.reason ?? '') })}</td>
              </tr>`;
            },
          )}
        </tbody>
      </table>
      ${earlierButton(lang, hidden, limit, LOG_WINDOW, (n) => onFilter({ limit: n }))}
      ${shown.length === 0 ? html`<p class="empty">${t(lang, 'console.log.empty')}</p>` : null}
    </div>
  </section>`;
}
