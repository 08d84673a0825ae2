// 态势标绘: the command seats and the facilitator mark the shared map; each mark is a log entry,
// seen by the audience it was plotted for.
import { describe, expect, it } from 'vitest';
import { FACILITY_FAMILY } from '../../src/app/map/symbols.ts';
import { messages } from '../../src/app/i18n.ts';
import { EVALUATOR, MARK_SYMBOLS, OBSERVER, parseCommand, visibleTo, type DrillEvent } from '../../src/core/index.ts';
import { INCIDENT_KINDS } from '../../src/scenario/schema.ts';
import { MIN, TestDrill, scenario } from './test-drill.ts';

const cordon = { kind: 'cordon', points: [[40.7, 122.85], [40.71, 122.85], [40.71, 122.86]], text: '警戒区' } as const;
const plot = (mark: object, audience = 'all'): DrillEvent => ({ type: 'plot', mark, audience }) as DrillEvent;

describe('plotting marks', () => {
  it('the HQ, a working group and the facilitator plot; each mark is kept under its log entry', () => {
    const d = new TestDrill().start().wait(MIN);
    expect(d.seat('hq', plot(cordon, 'command'))).toEqual({ ok: true });
    expect(d.seat('rescue-group', plot({ kind: 'symbol', symbol: 'collapse', points: [[40.7, 122.85]] }))).toEqual({ ok: true });
    expect(d.facilitator(plot({ kind: 'note', points: [[40.69, 122.84]], text: '此处道路中断' }, 'control'))).toEqual({ ok: true });
    expect(d.world.marks).toEqual({
      2: { seq: 2, by: 'hq', clock: MIN, kind: 'cordon', points: [[40.7, 122.85], [40.71, 122.85], [40.71, 122.86]], text: '警戒区', audience: 'command' },
      3: { seq: 3, by: 'rescue-group', clock: MIN, kind: 'symbol', symbol: 'collapse', points: [[40.7, 122.85]], audience: 'all' },
      4: { seq: 4, by: 'facilitator', clock: MIN, kind: 'note', points: [[40.69, 122.84]], text: '此处道路中断', audience: 'control' },
    });
  });

  it('a county HQ plots too', () => {
    const d = new TestDrill(scenario('haicheng-m5.8.yaml')).start();
    expect(d.seat('county-haicheng', plot({ kind: 'arrow', points: [[40.85, 122.75], [40.8, 122.8]] }))).toEqual({ ok: true });
  });

  it('a member unit may not, nor a stranger, nor anyone before the drill is under way', () => {
    const d = new TestDrill();
    d.expectRefused(d.seat('hq', plot(cordon)), 'the drill is not under way (setup)');
    d.start();
    d.expectRefused(d.seat('fire-rescue', plot(cordon)), "fire-rescue is a member unit: it reports what it sees to its working group or the HQ, who mark the command's map");
    d.expectRefused(d.seat('nobody', plot(cordon)), "'nobody' is not a seat");
    expect(d.world.marks).toEqual({});
  });

  it('each kind has its number of points, its symbol or none, and a note its text', () => {
    const d = new TestDrill().start();
    const at = [40.7, 122.85];
    d.expectRefused(d.seat('hq', plot({ kind: 'arrow', points: [at] })), 'arrow marks need at least 2 points, not 1');
    d.expectRefused(d.seat('hq', plot({ kind: 'cordon', points: [at, at] })), 'cordon marks need at least 3 points, not 2');
    d.expectRefused(d.seat('hq', plot({ kind: 'symbol', symbol: 'fire', points: [at, at] })), 'a symbol mark has exactly one point, not 2');
    d.expectRefused(d.seat('hq', plot({ kind: 'note', text: '注', points: [at, at] })), 'a note mark has exactly one point, not 2');
    d.expectRefused(d.seat('hq', plot({ kind: 'symbol', points: [at] })), 'a symbol mark needs its GB/T 35649 symbol');
    d.expectRefused(d.seat('hq', plot({ kind: 'arrow', symbol: 'fire', points: [at, at] })), 'arrow marks carry no symbol: plot the symbol as a mark of its own');
    d.expectRefused(d.seat('hq', plot({ kind: 'note', points: [at] })), 'a note mark needs its text');
    expect(d.world.marks).toEqual({});
  });

  it('its shape is checked: a known symbol, points on the globe, at most 50, a short text, a known audience', () => {
    const reason = (e: DrillEvent) => {
      const r = parseCommand(e);
      return r.ok ? 'accepted' : r.reason;
    };
    expect(reason(plot({ kind: 'symbol', symbol: 'tank', points: [[40, 122]] }))).toMatch(/^a 'plot' event "mark\.symbol": Invalid option/);
    expect(reason(plot({ kind: 'symbol', symbol: 'fire', points: [[91, 122]] }))).toMatch(/^a 'plot' event "mark\.points\.0\.0": Too big/);
    expect(reason(plot({ kind: 'symbol', symbol: 'fire', points: [[40, -181]] }))).toMatch(/^a 'plot' event "mark\.points\.0\.1": Too small/);
    expect(reason(plot({ kind: 'symbol', symbol: 'fire', points: [] }))).toBe(`a 'plot' event "mark.points": a mark needs a point`);
    expect(reason(plot({ kind: 'cordon', points: Array.from({ length: 51 }, () => [40, 122]) }))).toMatch(/^a 'plot' event "mark\.points": Too big/);
    expect(reason(plot({ kind: 'cordon', points: Array.from({ length: 50 }, () => [40, 122]) }))).toBe('accepted');
    expect(reason(plot({ kind: 'note', points: [[40, 122]], text: '字'.repeat(201) }))).toMatch(/^a 'plot' event "mark\.text": Too big/);
    expect(reason(plot(cordon, 'everyone'))).toMatch(/^a 'plot' event "audience": Invalid option/);
  });
});

describe('removing marks', () => {
  it('by whoever plotted it, or the facilitator; kept, marked removed', () => {
    const d = new TestDrill().start();
    d.seat('hq', plot(cordon)); // #2
    d.seat('rescue-group', plot({ kind: 'symbol', symbol: 'fire', points: [[40.7, 122.85]] })); // #3
    d.expectRefused(d.seat('rescue-group', { type: 'unplot', mark: 2 }), 'mark #2 was plotted by hq: only they or the facilitator remove it');
    d.expectRefused(d.seat('fire-rescue', { type: 'unplot', mark: 3 }), "fire-rescue is a member unit: it reports what it sees to its working group or the HQ, who mark the command's map");
    expect(d.seat('hq', { type: 'unplot', mark: 2 })).toEqual({ ok: true });
    expect(d.facilitator({ type: 'unplot', mark: 3 })).toEqual({ ok: true });
    expect(d.world.marks[2]).toMatchObject({ by: 'hq', removed: true });
    expect(d.world.marks[3]).toMatchObject({ by: 'rescue-group', removed: true });
    d.expectRefused(d.seat('hq', { type: 'unplot', mark: 2 }), 'mark #2 was already removed');
    d.expectRefused(d.facilitator({ type: 'unplot', mark: 99 }), 'there is no mark #99');
    expect(parseCommand({ type: 'unplot', mark: 2.5 }).ok).toBe(false);
  });
});

describe('who sees a mark', () => {
  it("'all' every seat and the observer; 'command' the commanding seats and control; 'control' the facilitator and evaluators", () => {
    const m = new TestDrill(scenario('haicheng-m5.8.yaml')).ex.model;
    const viewers = [m.hq, 'county-haicheng', [...m.membersOf.keys()][0]!, [...m.units.keys()][0]!, OBSERVER, 'facilitator', EVALUATOR];
    const sees = (audience: 'all' | 'command' | 'control') => viewers.map((v) => visibleTo(m, v, audience));
    // HQ, county HQ, group, unit, observer, facilitator, evaluator
    expect(sees('all')).toEqual([true, true, true, true, true, true, true]);
    expect(sees('command')).toEqual([true, true, true, false, false, true, true]);
    expect(sees('control')).toEqual([false, false, false, false, false, true, true]);
  });

  it("a unit's map shows the marks meant for all, not the command's nor control's, nor removed ones", () => {
    const d = new TestDrill().start();
    d.seat('hq', plot(cordon, 'command')); // #2
    d.seat('hq', plot({ kind: 'symbol', symbol: 'shelter', points: [[40.7, 122.85]] })); // #3
    d.seat('hq', plot({ kind: 'symbol', symbol: 'school', points: [[40.7, 122.86]] })); // #4
    d.facilitator(plot({ kind: 'note', points: [[40.7, 122.85]], text: '下一注入：余震' }, 'control')); // #5
    d.seat('hq', { type: 'unplot', mark: 4 });
    const shown = (viewer: string) => Object.values(d.world.marks).filter((x) => !x.removed && visibleTo(d.ex.model, viewer, x.audience)).map((x) => x.seq);
    expect(shown('fire-rescue')).toEqual([3]);
    expect(shown('rescue-group')).toEqual([2, 3]);
    expect(shown(EVALUATOR)).toEqual([2, 3, 5]);
  });
});

describe('the symbols a seat may plot', () => {
  it('are the ones the map draws: each incident kind and each facility kind, with its glyph', () => {
    const drawn = [...INCIDENT_KINDS, ...Object.keys(FACILITY_FAMILY)];
    expect([...MARK_SYMBOLS].sort()).toEqual([...drawn].sort());
    const glyphs = messages.zh as Record<string, string>;
    for (const k of INCIDENT_KINDS) expect(glyphs[`map.glyph.incident.${k}`], k).toBeTruthy();
    for (const k of Object.keys(FACILITY_FAMILY)) expect(glyphs[`map.glyph.facility.${k}`], k).toBeTruthy();
  });
});
