// 态势标绘: the marks seats plot (world.marks, one per `plot` entry of the log) as plain drawable items,
// filtered by who is looking. Plain (no Pixi), so the audience rules and the geometry are tested in
// Node; the Pixi layer (map-view.ts) draws the items and the plot tool (views/plot-tool.ts) lists them.
//
// Screen-sized parts (an arrow's head, a label's offset) are given in screen pixels relative to a
// point in map units, as the other symbols of the map are: they keep their size at every zoom.
import { COMMANDS, FACILITATOR, roleOf, type Model } from '../../core/index.ts';
import { MARK_KINDS, visibleTo, type Audience } from '../../core/marks.ts';
import type { Mark, World } from '../../core/world.ts';
import { t, type Lang, type MessageKey } from '../i18n.ts';
import { project, type Projection } from './projection.ts';
import {
  ARROW_HEAD_PX, ARROW_HEAD_SPREAD, FAMILIES, MARK_LINES, PLOT_SYMBOLS, PLOT_SYMBOL_SIZE, isPlotSymbol,
  type Family, type Frame, type MarkLineStyle,
} from './symbols.ts';
import type { MarkSymbol } from '../../core/marks.ts';

export type { Audience, MarkKind } from '../../core/marks.ts';
export { AUDIENCES, MARK_KINDS } from '../../core/marks.ts';

/** A mark being drawn with the plot tool, not yet sent: shown to its author only. */
export type DraftMark = Pick<Mark, 'kind' | 'points'> & { symbol?: string; text?: string };

/** Text beside a mark: at (x, y) map units, moved by dy screen px; `anchorY` 0 hangs it below, 0.5 centres it. */
export interface MarkLabel {
  x: number;
  y: number;
  dy: number;
  anchorY: 0 | 0.5;
  text: string;
}

/** An arrow's head at its tip (map units); base, left and right corners are screen-px offsets from the tip. */
export interface ArrowHead {
  x: number;
  y: number;
  base: [number, number];
  left: [number, number];
  right: [number, number];
}

interface MarkBase {
  /** The plot entry's seq; 0 for the draft. */
  seq: number;
  by: string;
  audience: Audience;
  draft: boolean;
  label?: MarkLabel;
}

export interface SymbolMark extends MarkBase {
  kind: 'symbol';
  symbol: MarkSymbol;
  x: number;
  y: number;
  /** Half the frame's side, screen px. */
  r: number;
  family: Family;
  color: number;
  frame: Frame;
  glyph: string;
  name: string;
}

export interface NoteMark extends MarkBase {
  kind: 'note';
  x: number;
  y: number;
  label: MarkLabel;
}

export interface LineMark extends MarkBase {
  kind: 'arrow' | 'cordon';
  /** Flat [x0, y0, x1, y1, …], map units; a cordon's ring ends where it starts (closed). */
  points: number[];
  style: MarkLineStyle;
  /** Arrows only; none when every point is the same. */
  head?: ArrowHead;
}

export type MarkItem = SymbolMark | NoteMark | LineMark;

/** Labels on the map are cut to this many characters; the list under the map has the whole text [E]. */
export const MAX_LABEL_CHARS = 24;

// ── who sees what ───────────────────────────────────────────────────────────

/**
 * Whether `viewer` (a seat id, 'facilitator', EVALUATOR or OBSERVER) sees `mark`: by the core's
 * audience rule (visibleTo), and its author always, whatever audience it was plotted for.
 */
export const seesMark = (model: Model, viewer: string, mark: Mark): boolean => mark.by === viewer || visibleTo(model, viewer, mark.audience);

/** Who may plot at all (the core's `plot` command: the HQ, working groups, county HQs, the facilitator). */
export const mayPlot = (model: Model, actor: string): boolean => COMMANDS.plot.who.includes(roleOf(model, actor));

/** Who may take a mark off: whoever plotted it, or the facilitator (as the core's refuseUnplot). */
export const mayUnplot = (actor: string, mark: Mark): boolean => mark.by === actor || actor === FACILITATOR;

/** The marks on the map for `viewer`, oldest first (removed ones are gone). */
export function visibleMarks(model: Model, world: Readonly<World>, viewer: string): Mark[] {
  const out: Mark[] = [];
  for (const key in world.marks) {
    const m = world.marks[key]!;
    if (!m.removed && seesMark(model, viewer, m)) out.push(m);
  }
  return out.sort((a, b) => a.seq - b.seq);
}

/** Is a draft complete enough to send: points for its kind, its symbol, and text where the kind needs it. */
export function draftReady(draft: DraftMark): boolean {
  const rule = MARK_KINDS[draft.kind];
  if (draft.points.length < rule.minPoints || draft.points.length > rule.maxPoints) return false;
  if (rule.needsText && !draft.text?.trim()) return false;
  return !rule.symbol || (draft.symbol !== undefined && isPlotSymbol(draft.symbol));
}

// ── geometry ────────────────────────────────────────────────────────────────

/** A plottable symbol's name: the incident's or facility's kind, as the map names it elsewhere. */
export const symbolName = (lang: Lang, symbol: MarkSymbol): string => t(lang, `map.${PLOT_SYMBOLS[symbol].of}.${symbol}` as MessageKey);

const clip = (text: string) => (text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text);

/** The drawable item of one mark, in map units; undefined when it has nothing to draw. */
export function markItem(lang: Lang, p: Projection, m: Mark | (DraftMark & { seq: 0; by: string; audience: Audience }), draft = false): MarkItem | undefined {
  const flat: number[] = [];
  for (const [lat, lon] of m.points) {
    const xy = project(p, lat, lon);
    flat.push(xy.x, xy.y);
  }
  if (flat.length < 2) return undefined;
  const text = m.text?.trim() ? clip(m.text.trim()) : undefined;
  const base = { seq: m.seq, by: m.by, audience: m.audience, draft };
  const [x, y] = [flat[0]!, flat[1]!];
  switch (m.kind) {
    case 'symbol': {
      if (!m.symbol || !isPlotSymbol(m.symbol)) return undefined;
      const { family, of } = PLOT_SYMBOLS[m.symbol];
      const r = PLOT_SYMBOL_SIZE / 2;
      return {
        ...base, kind: 'symbol', symbol: m.symbol, x, y, r, family, color: FAMILIES[family].color, frame: FAMILIES[family].frame,
        glyph: t(lang, `map.glyph.${of}.${m.symbol}` as MessageKey), name: symbolName(lang, m.symbol),
        ...(text ? { label: { x, y, dy: r + 2, anchorY: 0, text } } : {}),
      };
    }
    case 'note':
      return text ? { ...base, kind: 'note', x, y, label: { x, y, dy: 0, anchorY: 0.5, text } } : undefined;
    case 'arrow': {
      const head = arrowHead(flat);
      const at = alongMiddle(flat);
      return { ...base, kind: 'arrow', points: flat, style: MARK_LINES.arrow, ...(head ? { head } : {}), ...(text ? { label: { ...at, dy: 4, anchorY: 0, text } } : {}) };
    }
    case 'cordon': {
      const ring = [...flat, x, y];
      const at = vertexMean(flat);
      return { ...base, kind: 'cordon', points: ring, style: MARK_LINES.cordon, ...(text ? { label: { ...at, dy: 0, anchorY: 0.5, text } } : {}) };
    }
  }
}

/**
 * The head at an arrow's last point, pointing along its last segment of non-zero length:
 * ARROW_HEAD_PX long, ARROW_HEAD_SPREAD × that wide on either side (as geometry.ts `arrow`).
 */
export function arrowHead(flat: readonly number[]): ArrowHead | undefined {
  const n = flat.length;
  const tx = flat[n - 2]!;
  const ty = flat[n - 1]!;
  for (let i = n - 4; i >= 0; i -= 2) {
    const len = Math.hypot(tx - flat[i]!, ty - flat[i + 1]!);
    if (len === 0) continue;
    const ux = (tx - flat[i]!) / len;
    const uy = (ty - flat[i + 1]!) / len;
    const h = ARROW_HEAD_PX;
    const w = h * ARROW_HEAD_SPREAD;
    return { x: tx, y: ty, base: [-ux * h, -uy * h], left: [-ux * h - uy * w, -uy * h + ux * w], right: [-ux * h + uy * w, -uy * h - ux * w] };
  }
  return undefined;
}

/** The point halfway along a polyline (by length). */
function alongMiddle(flat: readonly number[]): { x: number; y: number } {
  let total = 0;
  for (let i = 0; i + 3 < flat.length; i += 2) total += Math.hypot(flat[i + 2]! - flat[i]!, flat[i + 3]! - flat[i + 1]!);
  let left = total / 2;
  for (let i = 0; i + 3 < flat.length; i += 2) {
    const len = Math.hypot(flat[i + 2]! - flat[i]!, flat[i + 3]! - flat[i + 1]!);
    if (len >= left && len > 0) {
      const f = left / len;
      return { x: flat[i]! + (flat[i + 2]! - flat[i]!) * f, y: flat[i + 1]! + (flat[i + 3]! - flat[i + 1]!) * f };
    }
    left -= len;
  }
  return { x: flat[0]!, y: flat[1]! };
}

function vertexMean(flat: readonly number[]): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let i = 0; i < flat.length; i += 2) {
    x += flat[i]!;
    y += flat[i + 1]!;
  }
  const n = flat.length / 2;
  return { x: x / n, y: y / n };
}

// ── the view model's part ───────────────────────────────────────────────────

/**
 * The marks `viewer` sees, then the draft on top: the same array back while none of that changed
 * (the Pixi layer redraws marks only when it gets a new one).
 */
export function markItems(
  model: Model, world: Readonly<World>, lang: Lang, p: Projection, viewer: string, draft: DraftMark | undefined,
  memo: { key: string; value: MarkItem[] } | undefined,
): { key: string; value: MarkItem[] } {
  let key = `${lang}|${viewer}|${p.width}`;
  for (const k in world.marks) key += `|${k}${world.marks[k]!.removed ? 'x' : ''}`;
  if (draft) key += `#${draft.kind}:${draft.symbol ?? ''}:${draft.text ?? ''}:${draft.points.join(';')}`;
  if (memo?.key === key) return memo;
  const value: MarkItem[] = [];
  for (const m of visibleMarks(model, world, viewer)) {
    const item = markItem(lang, p, m);
    if (item) value.push(item);
  }
  if (draft) {
    const item = markItem(lang, p, { ...draft, seq: 0, by: viewer, audience: 'all' }, true);
    if (item) value.push(item);
  }
  return { key, value };
}
