// The HQ's region of the command hierarchy statechart: 接报 → 会商 → 指挥部开设 → 前方指挥部 → 响应结束,
// driven through a headless drill of the default scenario, asserted by state paths.
import { describe, expect, it } from 'vitest';
import { hierarchyPaths } from '../../src/core/index.ts';
import { MIN, TestDrill, scenario } from './test-drill.ts';

const HQ = 'anshan-hq';
const drill = () => new TestDrill(scenario('haicheng-m5.8.yaml'));

describe('the HQ region', () => {
  it('a new drill: the HQ receiving, no level, every group on standby; the start activates the county HQs (先期处置)', () => {
    const d = drill();
    const paths = hierarchyPaths(d.world);
    expect(paths.slice(0, 2)).toEqual(['hq.receiving', 'level.none']);
    expect(paths).toContain('groups.g-rescue.standby');
    expect(paths).toContain('counties.county-haicheng.standby');
    d.start();
    expect(hierarchyPaths(d.world)).toContain('counties.county-haicheng.activated');
    expect(hierarchyPaths(d.world)).toContain('counties.county-taian.activated');
    expect(hierarchyPaths(d.world)).toContain('groups.g-rescue.standby');
    // No level declared yet: nothing to end, and the county HQs stay activated.
    d.expectRefused(d.seat(HQ, { type: 'set-level', level: 'none' }), 'there is no response to end');
    expect(hierarchyPaths(d.world)).toContain('counties.county-haicheng.activated');
  });

  it('receiving → consulting → opened → forwardPost, each move the HQ\'s; a move out of order is refused with what it may do', () => {
    const d = drill().start();
    d.expectRefused(d.seat(HQ, { type: 'hq', move: 'forward-post' }), 'the HQ cannot forward-post while receiving: it may consult or open');
    expect(d.seat(HQ, { type: 'hq', move: 'consult' })).toEqual({ ok: true });
    expect(hierarchyPaths(d.world)[0]).toBe('hq.consulting');
    d.wait(2 * MIN);
    expect(d.seat(HQ, { type: 'hq', move: 'open' })).toEqual({ ok: true });
    expect(hierarchyPaths(d.world)[0]).toBe('hq.opened');
    d.expectRefused(d.seat(HQ, { type: 'hq', move: 'consult' }), 'the HQ cannot consult while opened: it may set up a forward post or end');
    expect(d.seat(HQ, { type: 'hq', move: 'forward-post' })).toEqual({ ok: true });
    expect(hierarchyPaths(d.world)[0]).toBe('hq.forwardPost');
    // Each move is on the drill's record, by whom.
    expect(d.world.effects.filter((e) => e.effect.startsWith('hq ')).map((e) => `${e.source}: ${e.effect}`)).toEqual([`${HQ}: hq consult`, `${HQ}: hq open`, `${HQ}: hq forward-post`]);
  });

  it('the facilitator may move the HQ; other seats may not', () => {
    const d = drill().start();
    d.expectRefused(d.seat('g-rescue', { type: 'hq', move: 'open' }), "g-rescue may not send 'hq'");
    d.expectRefused(d.seat('county-haicheng', { type: 'hq', move: 'open' }), "county-haicheng may not send 'hq'");
    expect(d.facilitator({ type: 'hq', move: 'open' })).toEqual({ ok: true });
    expect(hierarchyPaths(d.world)[0]).toBe('hq.opened');
  });

  it('declaring a level opens the HQ (启动响应); ending the response ends the HQ\'s, stands down its groups and the county HQs', () => {
    const d = drill().start().wait(MIN);
    expect(d.seat(HQ, { type: 'order', to: 'g-rescue', effect: { do: 'activate-group', group: 'g-rescue' } })).toEqual({ ok: true });
    expect(d.seat(HQ, { type: 'set-level', level: 'III' })).toEqual({ ok: true });
    expect(hierarchyPaths(d.world).slice(0, 2)).toEqual(['hq.opened', 'level.III']);
    d.expectRefused(d.seat(HQ, { type: 'hq', move: 'end' }), 'the level III response is still on: end it with set-level none (the one who leads it ends it)');
    expect(d.seat(HQ, { type: 'hq', move: 'forward-post' })).toEqual({ ok: true });
    d.wait(10 * MIN);
    expect(d.seat(HQ, { type: 'set-level', level: 'none' })).toEqual({ ok: true });
    const paths = hierarchyPaths(d.world);
    expect(paths.slice(0, 2)).toEqual(['hq.ended', 'level.ended']);
    expect(paths).toContain('groups.g-rescue.stoodDown');
    expect(paths).toContain('groups.g-medical.standby');
    expect(paths).toContain('counties.county-haicheng.stoodDown');
    expect(d.world.level).toBe('none');
    d.expectRefused(d.seat(HQ, { type: 'set-level', level: 'none' }), 'there is no response to end');
    // A new level reconvenes the HQ and calls the county HQs back.
    expect(d.seat(HQ, { type: 'set-level', level: 'III' })).toEqual({ ok: true });
    expect(hierarchyPaths(d.world).slice(0, 2)).toEqual(['hq.opened', 'level.III']);
    expect(hierarchyPaths(d.world)).toContain('counties.county-haicheng.activated');
  });

  it('a level set by a decision\'s effect moves the hierarchy as the command does', () => {
    const d = drill().start().wait(4.5 * MIN);
    expect(d.seat(HQ, { type: 'answer', decision: 'd01-level', options: ['iii'] })).toEqual({ ok: true });
    // Option iii: Level III, and the coordination group activated.
    expect(hierarchyPaths(d.world)).toEqual(expect.arrayContaining(['hq.opened', 'level.III', 'groups.g-coord.activated']));
  });
});
