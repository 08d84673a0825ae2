// The working groups' regions of the command hierarchy statechart: standby → activated → deployed →
// stoodDown. A group commands its members only once activated; it is deployed when it sends them out.
import { describe, expect, it } from 'vitest';
import { groupState, hierarchyPaths } from '../../src/core/index.ts';
import { MIN, TestDrill, scenario } from './test-drill.ts';

const HQ = 'anshan-hq';
const drill = () => new TestDrill(scenario('haicheng-m5.8.yaml')).start().wait(2 * MIN);
const activate = (group: string) => ({ type: 'order' as const, to: group, effect: { do: 'activate-group' as const, group } });
const sendUsar = { type: 'order' as const, to: 'fire-rescue', effect: { do: 'dispatch' as const, team: 'fire-usar', to: 'chagou', count: 1 } };

describe('working groups', () => {
  it('an order from a group on standby is refused; after the HQ activates it, accepted, and the group is deployed', () => {
    const d = drill();
    d.expectRefused(d.seat('g-rescue', sendUsar), 'g-rescue is on standby: a working group commands its members once the HQ activates it');
    expect(d.world.teams['fire-usar#1']!.status).toBe('available');
    expect(d.seat(HQ, activate('g-rescue'))).toEqual({ ok: true });
    expect(hierarchyPaths(d.world)).toContain('groups.g-rescue.activated');
    // Passing word moves no one: still activated.
    expect(d.seat('g-rescue', { type: 'order', to: 'fire-rescue', text: '做好出动准备' })).toEqual({ ok: true });
    expect(groupState(d.world, 'g-rescue')).toBe('activated');
    expect(d.seat('g-rescue', sendUsar)).toEqual({ ok: true });
    expect(hierarchyPaths(d.world)).toContain('groups.g-rescue.deployed');
    expect(d.world.teams['fire-usar#1']!.status).toBe('tasked');
    // Still deployed after a second dispatch; the others untouched.
    expect(d.seat('g-rescue', { ...sendUsar, effect: { ...sendUsar.effect, to: 'jiewen' } })).toEqual({ ok: true });
    expect(groupState(d.world, 'g-rescue')).toBe('deployed');
    expect(groupState(d.world, 'g-medical')).toBe('standby');
  });

  it('the HQ stands a group down (stand-down-group); a stood-down group commands no one until activated again', () => {
    const d = drill();
    d.expectRefused(d.seat(HQ, { type: 'order', to: 'g-medical', effect: { do: 'stand-down-group', group: 'g-medical' } }), 'g-medical is on standby: only an activated group stands down');
    d.seat(HQ, activate('g-rescue'));
    d.expectRefused(d.seat(HQ, activate('g-rescue')), 'g-rescue is already activated');
    expect(d.seat(HQ, { type: 'order', to: 'g-rescue', effect: { do: 'stand-down-group', group: 'g-rescue' } })).toEqual({ ok: true });
    expect(hierarchyPaths(d.world)).toContain('groups.g-rescue.stoodDown');
    d.expectRefused(d.seat('g-rescue', sendUsar), 'g-rescue is stood down: a working group commands its members once the HQ activates it');
    d.expectRefused(d.seat('g-rescue', { type: 'order', to: 'g-rescue', effect: { do: 'stand-down-group', group: 'g-rescue' } }), "g-rescue cannot give orders to g-rescue: orders flow down the hierarchy");
    expect(d.seat(HQ, activate('g-rescue'))).toEqual({ ok: true });
    expect(d.seat('g-rescue', sendUsar)).toEqual({ ok: true });
    expect(groupState(d.world, 'g-rescue')).toBe('deployed');
    expect(d.world.effects.map((e) => e.effect).filter((e) => e.includes('g-rescue'))).toEqual(['activate g-rescue', 'stand down g-rescue', 'activate g-rescue']);
  });

  it("a group's own decision that sends its members out deploys it, if activated", () => {
    const d = drill();
    d.seat(HQ, activate('g-rescue'));
    d.wait(24 * MIN); // d09, the rescue group's allocation, opens at 26:00
    const d09 = d.ex.model.decisions.get('d09-sar-allocation')!;
    expect(d.seat('g-rescue', { type: 'answer', decision: d09.id, allocations: d09.expected.allocations })).toEqual({ ok: true });
    expect(groupState(d.world, 'g-rescue')).toBe('deployed');
  });

  it('the decision of a group on standby still sends its members (the script runs), but does not deploy the group', () => {
    const d = drill().wait(24 * MIN);
    const d09 = d.ex.model.decisions.get('d09-sar-allocation')!;
    expect(d.seat('g-rescue', { type: 'answer', decision: d09.id, allocations: d09.expected.allocations })).toEqual({ ok: true });
    expect(groupState(d.world, 'g-rescue')).toBe('standby');
  });
});
