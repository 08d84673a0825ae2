// 态势标绘 on the map: marks plotted through the authority show to the viewers their audience allows
// (and always to their author), vanish when taken off, and become drawable items whose geometry —
// an arrow's head, a cordon's closed ring, where labels go — is worked out here by hand.
import { describe, expect, it } from 'vitest';
import { createExercise, FACILITATOR, type Exercise } from '../../../src/core/index.ts';
import { MARK_SYMBOLS } from '../../../src/core/marks.ts';
import type { Mark } from '../../../src/core/world.ts';
import { arrowHead, draftReady, markItem, mayPlot, mayUnplot, visibleMarks, type LineMark, type MarkItem, type NoteMark, type SymbolMark } from '../../../src/app/map/marks.ts';
import type { Projection } from '../../../src/app/map/projection.ts';
import { ARROW_HEAD_PX, ARROW_HEAD_SPREAD, FAMILIES, MARK_LINES, PLOT_SYMBOLS, PLOT_SYMBOL_SIZE } from '../../../src/app/map/symbols.ts';
import { buildMapViewModel } from '../../../src/app/map/view-model.ts';
import { EVALUATOR, OBSERVER } from '../../../src/app/store.ts';
import { scenario } from './helpers.ts';

/** Ten degrees square, 100 map units a degree both ways: (lat, lon) → (100·lon, 100·(10 − lat)). */
const GRID: Projection = { bounds: { south: 0, west: 0, north: 10, east: 10 }, width: 1000, height: 1000, unitsPerKm: 1, kx: 100, ky: 100 };
const mark = (over: Partial<Mark>): Mark => ({ seq: 5, by: 'hq', clock: 0, kind: 'symbol', points: [[5, 5]], audience: 'all', ...over });

describe('who sees a plotted mark', () => {
  const ex: Exercise = createExercise({ scenario: scenario(), seed: 1 });
  const m = ex.model;
  const hq = m.hq;
  const group = [...m.membersOf.keys()][0]!;
  const county = [...m.counties.keys()][0]!;
  const unit = [...m.units.keys()][0]!;
  ex.apply({ t: 0, actor: FACILITATOR, event: { type: 'start' } });
  const plot = (actor: string, audience: 'all' | 'command' | 'control', text: string) => {
    const { ok } = ex.apply({ t: ex.world.t + 1000, actor, event: { type: 'plot', mark: { kind: 'note', points: [[40.8, 122.7]], text }, audience } });
    return { ok, seq: ex.world.seq };
  };
  const toAll = plot(hq, 'all', 'to all');
  const toCommand = plot(hq, 'command', 'to the command');
  const toControl = plot(FACILITATOR, 'control', 'to control');
  const countyOwn = plot(county, 'control', 'county asks control');
  const gone = plot(hq, 'all', 'taken off again');
  const texts = (viewer: string) => visibleMarks(m, ex.world, viewer).map((x) => x.text);

  it('is in the log and the world as the authority applied it', () => {
    for (const o of [toAll, toCommand, toControl, countyOwn, gone]) expect(o.ok).toBe(true);
    expect(ex.world.marks[String(toCommand.seq)]).toMatchObject({ by: hq, audience: 'command', kind: 'note' });
  });

  it('to everyone, to the command, to control: the facilitator and evaluators see them all', () => {
    expect(ex.apply({ t: ex.world.t + 1000, actor: hq, event: { type: 'unplot', mark: gone.seq } }).ok).toBe(true);
    const all = ['to all', 'to the command', 'to control', 'county asks control'];
    expect(texts(FACILITATOR)).toEqual(all);
    expect(texts(EVALUATOR)).toEqual(all);
  });

  it("'command' marks are on the command seats' maps, 'control' ones are not (except the author's own)", () => {
    expect(texts(hq)).toEqual(['to all', 'to the command']);
    expect(texts(group)).toEqual(['to all', 'to the command']);
    expect(texts(county)).toEqual(['to all', 'to the command', 'county asks control']);
  });

  it("a member unit and the observer (the big screen) see only the marks for everyone", () => {
    expect(texts(unit)).toEqual(['to all']);
    expect(texts(OBSERVER)).toEqual(['to all']);
  });

  it('a removed mark vanishes from every map', () => {
    expect(texts(FACILITATOR)).not.toContain('taken off again');
    expect(ex.world.marks[String(gone.seq)]!.removed).toBe(true);
  });

  it('the HQ, groups, counties and the facilitator may plot, a unit may not; a mark is taken off by its author or the facilitator', () => {
    expect([hq, group, county, FACILITATOR, unit].map((a) => mayPlot(m, a))).toEqual([true, true, true, true, false]);
    const theirs = ex.world.marks[String(toAll.seq)]!;
    expect([hq, group, FACILITATOR].map((a) => mayUnplot(a, theirs))).toEqual([true, false, true]);
  });

  it("the view model carries the viewer's marks, the same array until one comes or goes", () => {
    const view = (viewer: string) => buildMapViewModel({ model: m, world: ex.world, lang: 'zh', viewer });
    const a = view(unit);
    expect(a.marks.map((x) => (x as NoteMark).label.text)).toEqual(['to all']);
    expect(view(unit).marks).toBe(a.marks);
    plot(hq, 'all', 'one more');
    const b = view(unit);
    expect(b.marks).not.toBe(a.marks);
    expect(b.marks.map((x) => (x as NoteMark).label.text)).toEqual(['to all', 'one more']);
    // No viewer named: the observer's (least) view.
    expect(buildMapViewModel({ model: m, world: ex.world, lang: 'zh' }).marks).toHaveLength(2);
  });

  it('the plot tool’s draft is drawn last, marked as a draft, for its author', () => {
    const vm = buildMapViewModel({ model: m, world: ex.world, lang: 'zh', viewer: hq, draft: { kind: 'cordon', points: [[40.8, 122.7], [40.9, 122.7], [40.9, 122.8]] } });
    const last = vm.marks.at(-1)!;
    expect(last).toMatchObject({ kind: 'cordon', draft: true, seq: 0, by: hq });
  });
});

describe('marks as drawable items (a 10° grid, 100 units a degree)', () => {
  it('a symbol sits at its point with its family’s frame and glyph, its label hanging below', () => {
    const item = markItem('zh', GRID, mark({ symbol: 'fire', points: [[7, 2]], text: '城东火场' })) as SymbolMark;
    expect(item).toMatchObject({ kind: 'symbol', x: 200, y: 300, r: PLOT_SYMBOL_SIZE / 2, family: 'incident', color: FAMILIES.incident.color, frame: 'rounded', glyph: '火', name: '火灾' });
    expect(item.label).toEqual({ x: 200, y: 300, dy: PLOT_SYMBOL_SIZE / 2 + 2, anchorY: 0, text: '城东火场' });
    const shelter = markItem('en', GRID, mark({ symbol: 'shelter' })) as SymbolMark;
    expect([shelter.family, shelter.frame, shelter.glyph, shelter.name, shelter.label]).toEqual(['resource', 'square', 'SH', 'Emergency shelter', undefined]);
  });

  it('an arrow runs through its points with its head at the last one, pointing along the last leg', () => {
    // (5,1) → (5,4) → (8,4): east 300 units, then north 300; the head points up the screen.
    const item = markItem('zh', GRID, mark({ kind: 'arrow', points: [[5, 1], [5, 4], [8, 4]], text: '主攻方向' })) as LineMark;
    expect(item.points).toEqual([100, 500, 400, 500, 400, 200]);
    expect(item.style).toBe(MARK_LINES.arrow);
    const w = ARROW_HEAD_PX * ARROW_HEAD_SPREAD; // 7.7 px either side
    expect(item.head!.x).toBe(400);
    expect(item.head!.y).toBe(200);
    expect(item.head!.base.map((v) => v + 0)).toEqual([0, 14]);
    expect(item.head!.left[0]).toBeCloseTo(w, 12);
    expect(item.head!.left[1]).toBeCloseTo(14, 12);
    expect(item.head!.right[0]).toBeCloseTo(-w, 12);
    expect(item.head!.right[1]).toBeCloseTo(14, 12);
    // The label halfway along: 600 units long, so at the corner.
    expect(item.label).toEqual({ x: 400, y: 500, dy: 4, anchorY: 0, text: '主攻方向' });
  });

  it('an arrow heading east has its wings above and below the line', () => {
    const head = arrowHead([0, 0, 100, 0])!;
    expect(head.base.map((v) => v + 0)).toEqual([-14, 0]);
    expect(head.left[0]).toBe(-14);
    expect(head.left[1]).toBeCloseTo(7.7, 12);
    expect(head.right[1]).toBeCloseTo(-7.7, 12);
    // A last leg of zero length: the head follows the leg before it.
    expect(arrowHead([0, 0, 100, 0, 100, 0])).toEqual(head);
    expect(arrowHead([50, 50, 50, 50])).toBeUndefined();
  });

  it('a cordon is a closed ring, dashed, its label in the middle of its corners', () => {
    const item = markItem('zh', GRID, mark({ kind: 'cordon', points: [[9, 1], [9, 3], [7, 3]], text: '警戒区' })) as LineMark;
    expect(item.points).toEqual([100, 100, 300, 100, 300, 300, 100, 100]);
    expect(item.style.dashed).toBe(true);
    expect(item.head).toBeUndefined();
    expect(item.label!.x).toBeCloseTo(700 / 3, 9);
    expect(item.label!.y).toBeCloseTo(500 / 3, 9);
    expect(item.label!.anchorY).toBe(0.5);
  });

  it('a note is its text at its point; a long text is cut on the map, with an ellipsis', () => {
    const long = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十';
    const item = markItem('zh', GRID, mark({ kind: 'note', points: [[1, 1]], text: long })) as NoteMark;
    expect([item.x, item.y]).toEqual([100, 900]);
    expect(item.label.text).toBe(`${long.slice(0, 23)}…`);
    expect(markItem('zh', GRID, mark({ kind: 'note', text: '   ' }))).toBeUndefined();
  });

  it('a draft is ready when it has the points, symbol and text its kind needs', () => {
    expect(draftReady({ kind: 'cordon', points: [[1, 1], [1, 2]] })).toBe(false);
    expect(draftReady({ kind: 'cordon', points: [[1, 1], [1, 2], [2, 2]] })).toBe(true);
    expect(draftReady({ kind: 'arrow', points: [[1, 1], [1, 2]] })).toBe(true);
    expect(draftReady({ kind: 'symbol', points: [[1, 1]] })).toBe(false);
    expect(draftReady({ kind: 'symbol', symbol: 'school', points: [[1, 1]] })).toBe(true);
    expect(draftReady({ kind: 'note', points: [[1, 1]], text: ' ' })).toBe(false);
    expect(draftReady({ kind: 'note', points: [[1, 1]], text: '集结点' })).toBe(true);
  });
});

describe('the plottable symbols', () => {
  it('are exactly the ones the core allows, each in its GB/T 35649 family', () => {
    expect(Object.keys(PLOT_SYMBOLS).sort()).toEqual([...MARK_SYMBOLS].sort());
    const familyOf = (id: keyof typeof PLOT_SYMBOLS) => PLOT_SYMBOLS[id].family;
    expect(['fire', 'chemical-plant', 'school', 'shelter', 'command-post'].map((id) => familyOf(id as keyof typeof PLOT_SYMBOLS))).toEqual(['incident', 'hazard', 'protected', 'resource', 'resource']);
  });

  it('every one has a name and a glyph in both languages', () => {
    for (const id of MARK_SYMBOLS) {
      for (const lang of ['zh', 'en'] as const) {
        const item = markItem(lang, GRID, mark({ symbol: id })) as MarkItem & SymbolMark;
        expect(item.name, `${id} ${lang}`).not.toMatch(/^map\./);
        expect(item.glyph, `${id} ${lang}`).not.toMatch(/^map\./);
      }
    }
  });
});
