// 态势标绘 beside the map: a seat that may plot (the HQ, working groups, county HQs, the facilitator)
// picks a kind of mark — a GB/T 35649 symbol, an arrow, a cordon, a note — and its audience, clicks
// the map for its points (or, from the keyboard, puts them at named places), and 完成 sends `plot`;
// Esc cancels. Under it, the marks this viewer sees, each with 删除 for its author (any, for the
// facilitator): the list is also how keyboard and screen-reader users read the plotted map.
//
// The tool keeps what is being drawn (kind, points, text) between the app's renders, so it is a
// small custom element that renders itself; the app passes it fresh props on every render. It
// reaches the map mounted in the screen's map slot (map/mount.ts `mountedIn`) for the clicked
// points and to show the draft.
import { html, nothing, render } from 'lit-html';
import { FACILITATOR, type DrillEvent, type Model, type World } from '../../core/index.ts';
import type { MarkSymbol } from '../../core/marks.ts';
import { drillTime } from '../format.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { mountedIn, type MountedMap } from '../map/mount.ts';
import { AUDIENCES, MARK_KINDS, draftReady, mayPlot, mayUnplot, symbolName, visibleMarks, type Audience, type DraftMark, type MarkKind } from '../map/marks.ts';
import { FAMILIES, PLOT_SYMBOLS, type Family } from '../map/symbols.ts';
import type { Mark } from '../../core/world.ts';
import { seatName } from './words.ts';

export interface PlotProps {
  lang: Lang;
  model: Model;
  world: Readonly<World>;
  /** Who plots from this screen (a seat id or the facilitator); null where nothing is sent (evaluator, observer). */
  actor: string | null;
  /** Who is looking: which marks are listed. */
  viewer: string;
  /** This tab follows a drill another one holds: nothing can be sent. */
  readOnly: boolean;
  /** Sends as `actor`; true when the authority accepted it (its refusal is in the status line). */
  send: (event: DrillEvent) => boolean;
}

/** The plot tool and the list of marks, for one screen. */
export const plotPanel = (p: PlotProps) => {
  definePlotTool();
  return html`<qd-plot-tool .props=${p}></qd-plot-tool>`;
};

/** The console's: the facilitator plots, sees every mark and may take any off. */
export const facilitatorPlot = (p: Pick<PlotProps, 'lang' | 'model' | 'world' | 'send'>) => plotPanel({ ...p, actor: FACILITATOR, viewer: FACILITATOR, readOnly: false });

interface ToolState {
  kind: MarkKind | null;
  symbol: MarkSymbol;
  audience: Audience;
  text: string;
  points: [number, number][];
  /** The named place chosen for the keyboard's "put a point here" (a settlement or facility id). */
  place: string;
}

const FAMILY_ORDER: readonly Family[] = ['incident', 'hazard', 'protected', 'resource'];
const SYMBOLS_BY_FAMILY = FAMILY_ORDER.map((family) => ({ family, ids: (Object.keys(PLOT_SYMBOLS) as MarkSymbol[]).filter((id) => PLOT_SYMBOLS[id].family === family) }));
const KINDS = Object.keys(MARK_KINDS) as MarkKind[];
const fresh = (): ToolState => ({ kind: null, symbol: SYMBOLS_BY_FAMILY[0]!.ids[0]!, audience: 'all', text: '', points: [], place: '' });

function definePlotTool(): void {
  if (typeof customElements === 'undefined' || customElements.get('qd-plot-tool')) return;
  customElements.define('qd-plot-tool', class extends HTMLElement {
    private p: PlotProps | null = null;
    private state = fresh();
    /** The map the tool is listening to while a kind is chosen. */
    private map: MountedMap | undefined;

    set props(p: PlotProps) {
      this.p = p;
      if (this.state.kind && !this.canPlot()) this.cancel();
      this.draw();
    }

    disconnectedCallback(): void {
      this.release();
      this.ownerDocument.removeEventListener('keydown', this.onKey);
    }

    connectedCallback(): void {
      this.ownerDocument.addEventListener('keydown', this.onKey);
    }

    private readonly onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !this.state.kind || e.defaultPrevented) return;
      e.preventDefault();
      this.cancel();
    };

    private canPlot(): boolean {
      const p = this.p;
      return !!p && p.actor !== null && !p.readOnly && mayPlot(p.model, p.actor) && (p.world.mode === 'running' || p.world.mode === 'paused');
    }

    private mapNow(): MountedMap | undefined {
      const slot = this.ownerDocument.querySelector('[data-map-slot]');
      return slot ? mountedIn(slot) : undefined;
    }

    private choose(kind: MarkKind): void {
      if (this.state.kind === kind) return;
      this.release();
      this.state = { ...this.state, kind, points: [] };
      this.map = this.mapNow();
      this.map?.onPoint(({ lat, lon }) => this.addPoint([lat, lon]));
      this.changed();
    }

    private addPoint(point: [number, number]): void {
      const kind = this.state.kind;
      if (!kind) return;
      const rule = MARK_KINDS[kind];
      const points = rule.maxPoints === 1 ? [point] : this.state.points.length < rule.maxPoints ? [...this.state.points, point] : this.state.points;
      this.state = { ...this.state, points };
      this.changed();
    }

    private set(patch: Partial<ToolState>): void {
      this.state = { ...this.state, ...patch };
      this.changed();
    }

    private draft(): DraftMark | null {
      const s = this.state;
      if (!s.kind) return null;
      return { kind: s.kind, points: s.points, ...(s.kind === 'symbol' ? { symbol: s.symbol } : {}), ...(s.text.trim() ? { text: s.text.trim() } : {}) };
    }

    /** The state moved: the map shows the draft (a note without words yet as an ellipsis), and the tool redraws. */
    private changed(): void {
      const d = this.draft();
      this.map?.setDraft(d && d.kind === 'note' && !d.text ? { ...d, text: '…' } : d);
      this.draw();
    }

    private release(): void {
      this.map?.onPoint(null);
      this.map?.setDraft(null);
      this.map = undefined;
    }

    private cancel(): void {
      this.release();
      this.state = { ...fresh(), symbol: this.state.symbol, audience: this.state.audience };
      this.draw();
    }

    private finish(): void {
      const d = this.draft();
      if (!this.p || !d || !draftReady(d)) return;
      const sent = this.p.send({ type: 'plot', mark: { kind: d.kind, points: d.points, ...(d.symbol ? { symbol: d.symbol as MarkSymbol } : {}), ...(d.text ? { text: d.text } : {}) }, audience: this.state.audience });
      if (sent) this.cancel();
    }

    private draw(): void {
      if (this.p) render(this.view(this.p), this);
    }

    private view(p: PlotProps) {
      const { lang } = p;
      const marks = visibleMarks(p.model, p.world, p.viewer);
      const may = p.actor !== null && mayPlot(p.model, p.actor) && !p.readOnly;
      return html`<div class="plot-tool">
        ${may ? (this.canPlot() ? this.toolbar(p) : html`<p class="hint">${t(lang, 'map.plot.notRunning')}</p>`) : nothing}
        ${marksList(p, marks, p.actor !== null && this.canPlot() ? p.actor : null)}
      </div>`;
    }

    private toolbar(p: PlotProps) {
      const { lang } = p;
      const s = this.state;
      const d = this.draft();
      const rule = s.kind ? MARK_KINDS[s.kind] : null;
      return html`<div class="plot-bar" role="toolbar" aria-label=${t(lang, 'map.plot.tools')}>
          <span class="plot-bar-title">${t(lang, 'map.plot.heading')}</span>
          ${KINDS.map((k) => html`<button type="button" aria-pressed=${s.kind === k ? 'true' : 'false'} @click=${() => this.choose(k)}>${t(lang, `map.plot.kind.${k}`)}</button>`)}
        </div>
        ${s.kind && rule
          ? html`<div class="plot-form">
              ${s.kind === 'symbol'
                ? html`<div class="plot-field">
                    <label for="plot-symbol">${t(lang, 'map.plot.symbolPick')}</label>
                    <select id="plot-symbol" @change=${(e: Event) => this.set({ symbol: (e.target as HTMLSelectElement).value as MarkSymbol })}>
                      ${SYMBOLS_BY_FAMILY.map(
                        (g) => html`<optgroup label=${`${FAMILIES[g.family].code} ${t(lang, `map.family.${g.family}`)}`}>
                          ${g.ids.map((id) => html`<option value=${id} ?selected=${s.symbol === id}>${symbolName(lang, id)}</option>`)}
                        </optgroup>`,
                      )}
                    </select>
                  </div>`
                : nothing}
              <div class="plot-field">
                <label for="plot-audience">${t(lang, 'map.plot.audience')}</label>
              <select id="plot-audience" @change=${(e: Event) => this.set({ audience: (e.target as HTMLSelectElement).value as Audience })}>
                ${AUDIENCES.map((a) => html`<option value=${a} ?selected=${s.audience === a}>${t(lang, `map.plot.audience.${a}`)}</option>`)}
              </select>
              </div>
              <div class="plot-field">
                <label for="plot-text">${t(lang, rule.needsText ? 'map.plot.textNote' : 'map.plot.text')}</label>
              <input id="plot-text" type="text" maxlength="200" .value=${s.text} ?required=${rule.needsText} @input=${(e: Event) => this.set({ text: (e.target as HTMLInputElement).value })} />
              </div>
              ${placePicker(p, s.place, (place) => this.set({ place }), () => {
                const at = p.model.places.get(s.place);
                if (at) this.addPoint([at.lat, at.lon]);
              })}
              <p class="hint">${t(lang, `map.plot.hint.${s.kind}`)}</p>
              <p class="plot-count" aria-live="polite">${t(lang, 'map.plot.points', { n: s.points.length })}</p>
              <div class="plot-actions">
                ${rule.maxPoints > 1
                  ? html`<button type="button" ?disabled=${s.points.length === 0} @click=${() => this.set({ points: s.points.slice(0, -1) })}>${t(lang, 'map.plot.undo')}</button>`
                  : nothing}
                <button type="button" class="primary" ?disabled=${!d || !draftReady(d)} @click=${() => this.finish()}>${t(lang, 'map.plot.done')}</button>
                <button type="button" aria-keyshortcuts="Escape" @click=${() => this.cancel()}>${t(lang, 'map.plot.cancel')}</button>
              </div>
            </div>`
          : nothing}`;
    }
  });
}

/** Settlements and facilities by name: the keyboard's way to put a point on the map. */
function placePicker(p: PlotProps, chosen: string, onChoose: (id: string) => void, onAdd: () => void) {
  const { lang } = p;
  const region = p.model.scenario.region;
  return html`<div class="plot-place">
    <div class="plot-field">
      <label for="plot-place">${t(lang, 'map.plot.place')}</label>
    <select id="plot-place" @change=${(e: Event) => onChoose((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${chosen === ''}>${t(lang, 'map.plot.placeChoose')}</option>
        <optgroup label=${t(lang, 'map.plot.settlements')}>
          ${region.settlements.map((x) => html`<option value=${x.id} ?selected=${chosen === x.id}>${pick(lang, x.name)}</option>`)}
        </optgroup>
        <optgroup label=${t(lang, 'map.plot.facilities')}>
          ${region.facilities.map((x) => html`<option value=${x.id} ?selected=${chosen === x.id}>${pick(lang, x.name)}</option>`)}
        </optgroup>
      </select>
    </div>
    <button type="button" ?disabled=${chosen === ''} @click=${onAdd}>${t(lang, 'map.plot.placeAdd')}</button>
  </div>`;
}

/** What a mark is, in words: its symbol's name and its text; with its kind first when `kind` (the remove button's name). */
function markWords(lang: Lang, m: Mark, kind: boolean): string {
  return [kind ? t(lang, `map.plot.kind.${m.kind}`) : '', m.symbol ? symbolName(lang, m.symbol) : '', m.text ?? ''].filter((w) => w !== '').join(' · ');
}

function marksList(p: PlotProps, marks: Mark[], remover: string | null) {
  const { lang, model } = p;
  return html`<section class="plot-list" aria-labelledby="plot-list-heading">
    <h3 id="plot-list-heading">${t(lang, 'map.plot.list', { n: marks.length })}</h3>
    ${marks.length === 0
      ? html`<p class="empty">${t(lang, 'map.plot.none')}</p>`
      : html`<ul>
          ${marks.map((m) => {
            const words = markWords(lang, m, true);
            return html`<li>
              <span class="tag">${t(lang, `map.plot.kind.${m.kind}`)}</span>
              <span class="plot-what">${markWords(lang, m, false)}</span>
              <span class="muted small">${t(lang, 'map.plot.by', { who: seatName(lang, model, m.by), time: drillTime(m.clock) })} · ${t(lang, `map.plot.audience.${m.audience}`)}</span>
              ${remover !== null && mayUnplot(remover, m)
                ? html`<button type="button" class="link" aria-label=${t(lang, 'map.plot.removeLabel', { what: words })} @click=${() => p.send({ type: 'unplot', mark: m.seq })}>${t(lang, 'map.plot.remove')}</button>`
                : nothing}
            </li>`;
          })}
        </ul>`}
  </section>`;
}

