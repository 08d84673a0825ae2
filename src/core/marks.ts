// 态势标绘: marks the command seats draw on the shared map, each a log entry. What each kind of mark
// needs, which symbols may be drawn, and who sees what live here, so the authority, the app and a
// future server read one table.
import { EVALUATOR, FACILITATOR, type OBSERVER } from './actors.ts';
import type { Ctx } from './context.ts';
import type { CheckedEvent } from './events.ts';
import type { Model } from './model.ts';
import { FACILITY_KINDS, INCIDENT_KINDS, type FacilityKind, type IncidentKind } from '../scenario/kinds.ts';

/** Who sees a mark (or message): everyone; the command (HQ, groups, counties) and control; control alone. */
export const AUDIENCES = ['all', 'command', 'control'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The most points one mark may have: a cordon drawn by hand, not a traced boundary [E]. */
export const MAX_MARK_POINTS = 50;
/** A mark's label is a map label, not a report [E]. */
export const MAX_MARK_TEXT = 200;

/** What each kind of mark is made of: how many points, whether it carries a symbol, whether it needs words. */
export const MARK_KINDS = {
  /** One GB/T 35649 point symbol. */
  symbol: { minPoints: 1, maxPoints: 1, symbol: true, needsText: false },
  /** A movement or attack direction, drawn along its points (XF/T 3013 arrows). */
  arrow: { minPoints: 2, maxPoints: MAX_MARK_POINTS, symbol: false, needsText: false },
  /** 警戒区域: a closed area. */
  cordon: { minPoints: 3, maxPoints: MAX_MARK_POINTS, symbol: false, needsText: false },
  /** A text note pinned at one spot. */
  note: { minPoints: 1, maxPoints: 1, symbol: false, needsText: true },
} as const satisfies Record<string, { minPoints: number; maxPoints: number; symbol: boolean; needsText: boolean }>;
export type MarkKind = keyof typeof MARK_KINDS;
export const MARK_KIND_IDS = Object.keys(MARK_KINDS) as MarkKind[];

/**
 * The point symbols a seat may plot: the ones the map draws (src/app/map/symbols.ts and its glyphs),
 * A 突发事件 by incident kind and B/C/D by facility kind — the format's kind tables (scenario/kinds.ts).
 */
export type MarkSymbol = IncidentKind | FacilityKind;
export const MARK_SYMBOLS = [...INCIDENT_KINDS, ...FACILITY_KINDS] as [MarkSymbol, ...MarkSymbol[]];

/** Who looks: a seat id, or one of the roles that are not seats. */
export type Viewer = string | typeof FACILITATOR | typeof EVALUATOR | typeof OBSERVER;

/** Whether `viewer` may see a mark or message meant for `audience` (the app filters with this, a server will too). */
export function visibleTo(model: Model, viewer: Viewer, audience: Audience): boolean {
  if (audience === 'all' || viewer === FACILITATOR || viewer === EVALUATOR) return true;
  return audience === 'command' && isCommand(model, viewer);
}

/** The HQ, a working group or a county HQ: the seats that command, and so plot and read the command's picture. */
function isCommand(model: Model, seat: string): boolean {
  return seat === model.hq || model.membersOf.has(seat) || model.counties.has(seat);
}

/** What is wrong with a mark for its kind, if anything (who may plot is the registry's `who`). */
export function refusePlot(e: CheckedEvent<'plot'>): string | undefined {
  const { kind, points, symbol, text } = e.mark;
  const rule = MARK_KINDS[kind];
  if (points.length < rule.minPoints || points.length > rule.maxPoints) {
    return rule.minPoints === rule.maxPoints ? `a ${kind} mark has exactly one point, not ${points.length}` : `${kind} marks need at least ${rule.minPoints} points, not ${points.length}`;
  }
  if (rule.symbol && symbol === undefined) return 'a symbol mark needs its GB/T 35649 symbol';
  if (!rule.symbol && symbol !== undefined) return `${kind} marks carry no symbol: plot the symbol as a mark of its own`;
  if (rule.needsText && text === undefined) return `a ${kind} mark needs its text`;
  return undefined;
}

export function applyPlot(ctx: Ctx, actor: string, e: CheckedEvent<'plot'>): void {
  const w = ctx.world;
  const { kind, points, symbol, text } = e.mark;
  w.marks[w.seq] = {
    seq: w.seq, by: actor, clock: w.clock, kind,
    ...(symbol !== undefined ? { symbol } : {}),
    points: points.map(([lat, lon]) => [lat, lon]),
    ...(text !== undefined ? { text } : {}),
    audience: e.audience,
  };
}

export function refuseUnplot(ctx: Ctx, actor: string, e: CheckedEvent<'unplot'>): string | undefined {
  const mark = Object.hasOwn(ctx.world.marks, e.mark) ? ctx.world.marks[e.mark] : undefined;
  if (!mark) return `there is no mark #${e.mark}`;
  if (mark.removed) return `mark #${e.mark} was already removed`;
  return actor === mark.by || actor === FACILITATOR ? undefined : `mark #${e.mark} was plotted by ${mark.by}: only they or the facilitator remove it`;
}

export function applyUnplot(ctx: Ctx, _actor: string, e: CheckedEvent<'unplot'>): void {
  ctx.world.marks[e.mark]!.removed = true;
}
