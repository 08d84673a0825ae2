// How things look on the map, as data: GB/T 35649-2017 symbol families (STANDARDS.md, "Map symbols"),
// the intensity colour ramp, line styles and symbol sizes. Plain numbers, so the view model, the Pixi
// layer and the legend all read the same table.
import { MARK_SYMBOLS, type MarkSymbol } from '../../core/marks.ts';
import { FACILITY_KIND_TABLE, mapKinds, type FacilityKind, type SymbolFamily } from '../../scenario/kinds.ts';
import type { Scenario } from '../../scenario/schema.ts';

/** The four point-symbol families of GB/T 35649-2017 (the kind tables name each kind's; this file draws them). */
export type Family = SymbolFamily;
export type Frame = 'rounded' | 'square';
export type { FacilityKind };
export type RouteKind = Scenario['region']['routes'][number]['kind'];

export interface FamilyStyle {
  /** Frame colour, 0xRRGGBB. */
  readonly color: number;
  readonly frame: Frame;
  /** The standard's family code (A 突发事件, B 危险源, C 防护目标, D 应急保障资源). */
  readonly code: 'A' | 'B' | 'C' | 'D';
}

// GB/T 35649-2017: A incidents red rounded frames; B hazard sources yellow, C protected targets blue,
// D response resources green, square frames [S] (STANDARDS.md, "Map symbols")
export const FAMILIES: Readonly<Record<Family, FamilyStyle>> = {
  incident: { color: 0xd7191c, frame: 'rounded', code: 'A' },
  hazard: { color: 0xf2c400, frame: 'square', code: 'B' },
  protected: { color: 0x1f5fbf, frame: 'square', code: 'C' },
  resource: { color: 0x1a9641, frame: 'square', code: 'D' },
};

/** Each facility kind's family, as the format's kind table names it. */
export const FACILITY_FAMILY: Readonly<Record<FacilityKind, Family>> = mapKinds(FACILITY_KIND_TABLE, (e) => e.family);

/** Seismic intensity colour ramp, V … XII: pale yellow to deep red. */
const INTENSITY_COLORS: Readonly<Record<number, number>> = {
  5: 0xfff1b8,
  6: 0xffd27a,
  7: 0xffa552,
  8: 0xf8703f,
  9: 0xe0402f,
  10: 0xc02424,
  11: 0x961818,
  12: 0x6a0f0f,
};
export const intensityColor = (degree: number): number => INTENSITY_COLORS[Math.min(12, Math.max(5, Math.floor(degree)))]!;

/** Zones are drawn as rings (each minus the next one in), all with this opacity over the land. */
export const ZONE_ALPHA = 0.62;
/** Outside the county polygons, and the canvas background. */
export const BACKGROUND_COLOR = 0xdfe6ea;
/** Inside the county polygons. */
export const LAND_COLOR = 0xf5f2ea;
export const COUNTY_BORDER_COLOR = 0x7b7f86;
export const EPICENTRE_COLOR = 0xc40000;
export const TEAM_LINE_COLOR = 0xd7191c;
export const CASCADE_COLOR = 0x7a0a0a;
export const DIMMED_COLOR = 0x9a9a9a;

export interface LineStyle {
  readonly color: number;
  /** Screen pixels. */
  readonly width: number;
  readonly dashed: boolean;
}

const ROUTE_STYLE: Readonly<Record<RouteKind, LineStyle>> = {
  expressway: { color: 0x6f6458, width: 3, dashed: false },
  national: { color: 0x8a8178, width: 2.4, dashed: false },
  provincial: { color: 0x9c958d, width: 2, dashed: false },
  county: { color: 0xa8a29b, width: 1.6, dashed: false },
  mountain: { color: 0xa8a29b, width: 1.4, dashed: false },
  railway: { color: 0x3c3c3c, width: 1.4, dashed: false },
  'high-speed-rail': { color: 0x4b4b7a, width: 1.6, dashed: false },
};
// GB/T 35649: damaged roads red; XF/T 3013: actual solid, planned dashed [S] (STANDARDS.md)
export const DAMAGED_ROUTE: LineStyle = { color: 0xd7191c, width: 3.2, dashed: false };
export const CLOSED_ROUTE: LineStyle = { color: 0xd7191c, width: 3.2, dashed: true };

export type RouteState = 'open' | 'damaged' | 'closed';
export function routeStyle(kind: RouteKind, state: RouteState): LineStyle {
  return state === 'closed' ? CLOSED_ROUTE : state === 'damaged' ? DAMAGED_ROUTE : ROUTE_STYLE[kind];
}

/** Symbol sizes, screen pixels (the side of the frame). */
export const FACILITY_SIZE = 18;
export const BASE_SIZE = 16;
export const TEAM_SIZE = 15;
/** Severity 1 … 5 → 16 … 28 px: the worse, the bigger. */
export const incidentSize = (severity: number): number => 13 + 3 * Math.min(5, Math.max(1, Math.round(severity)));
export const settlementRadius = (kind: string): number =>
  kind === 'city' ? 5.5 : kind === 'district' || kind === 'county-seat' ? 4.5 : kind === 'town' ? 3.5 : 3;

/** Spacing of symbols that share a spot (screen pixels), and the zoom the grouping is made for. */
export const CLUSTER_SPACING = 4;
export const LAYOUT_SCALE = 1;

export const hex = (color: number): string => `#${color.toString(16).padStart(6, '0')}`;

// ── 态势标绘: what seats may plot ───────────────────────────────────────────

/**
 * How each plottable symbol (the core's list, src/core/marks.ts MARK_SYMBOLS) is drawn: an incident
 * kind as its A-family symbol, a facility kind in its family. Names and glyphs are the incidents' and
 * facilities' own messages (map.incident.<id> / map.facility.<id>, map.glyph.…), so a plotted
 * symbol looks like the one the scenario puts there. Typed over MarkSymbol: a symbol the core allows
 * and the map cannot draw is a type error.
 */
export const PLOT_SYMBOLS: Readonly<Record<MarkSymbol, { family: Family; of: 'incident' | 'facility' }>> = Object.fromEntries(
  MARK_SYMBOLS.map((id) => [id, Object.hasOwn(FACILITY_FAMILY, id) ? { family: FACILITY_FAMILY[id as FacilityKind], of: 'facility' } : { family: 'incident', of: 'incident' }]),
) as Record<MarkSymbol, { family: Family; of: 'incident' | 'facility' }>;
export const isPlotSymbol = (id: string): id is MarkSymbol => Object.hasOwn(PLOT_SYMBOLS, id);
/** Side of a plotted symbol's frame, screen px: a touch larger than a facility's, as a seat's own mark. */
export const PLOT_SYMBOL_SIZE = 22;

/** How plotted lines are drawn (colour, width and dashes in screen px); point rules are the core's MARK_KINDS. */
export interface MarkLineStyle extends LineStyle {
  readonly dash: number;
  readonly gap: number;
  readonly closed: boolean;
  readonly head: boolean;
}
// GB/T 35649: plotted lines and areas red; a cordon (警戒区域) has a broken border [S] (STANDARDS.md)
export const PLOT_COLOR = 0xd7191c;
export const MARK_LINES: Readonly<Record<'arrow' | 'cordon', MarkLineStyle>> = {
  arrow: { color: PLOT_COLOR, width: 3, dashed: false, dash: 0, gap: 0, closed: false, head: true },
  cordon: { color: PLOT_COLOR, width: 2.5, dashed: true, dash: 10, gap: 6, closed: true, head: false },
};
/** An arrow's head, screen px: its length, and its half-width as a share of the length (as geometry.ts `arrow`). */
export const ARROW_HEAD_PX = 14;
export const ARROW_HEAD_SPREAD = 0.55;
