// A seat may only act within its place in the hierarchy; every refusal says why and is recorded.
import { describe, expect, it } from 'vitest';
import { MIN, TestDrill, scenario } from './test-drill.ts';

const haicheng = () => new TestDrill(scenario('haicheng-m5.8.yaml'));

describe('the authority', () => {
  it('only the facilitator runs the drill and fires injects', () => {
    const d = new TestDrill().start();
    d.expectRefused(d.seat('fire-rescue', { type: 'fire-inject', inject: 'collapse-report' }), 'only the facilitator (导调) controls the drill');
    d.expectRefused(d.seat('hq', { type: 'assign-seat', seat: 'fire-rescue', policy: 'plan' }), 'only the facilitator (导调) controls the drill');
    d.expectRefused(d.seat('hq', { type: 'end' }), 'only the facilitator (导调) controls the drill');
  });

  it('a decision is answered by its owner, while open, with its own options', () => {
    const d = new TestDrill().start();
    d.expectRefused(d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] }), "decision 'send-usar' is not open (pending)");
    d.wait(2 * MIN);
    d.expectRefused(d.seat('hq', { type: 'answer', decision: 'send-usar', options: ['send'] }), "decision 'send-usar' belongs to fire-rescue, not hq");
    d.expectRefused(d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['sned'] }), "decision 'send-usar' has no option 'sned'");
    d.expectRefused(d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send', 'wait'] }), 'choose exactly one option');
    d.expectRefused(d.seat('fire-rescue', { type: 'answer', decision: 'nope' }), "there is no decision 'nope'");
    expect(d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] })).toEqual({ ok: true });
    d.expectRefused(d.seat('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['wait'] }), "decision 'send-usar' is not open (scored)");
  });

  it('orders flow down: the HQ directs groups and counties, a group tasks its own members, a unit orders nobody', () => {
    const d = haicheng().start();
    const hq = d.ex.model.hq;
    const s = d.ex.model.scenario;
    const group = s.organisation.groups[0]!;
    const member = group.members.find((m) => d.ex.model.units.get(m)?.teams.length)!;
    const team = d.ex.model.units.get(member)!.teams[0]!.id;
    const outsider = s.organisation.units.find((u) => !d.ex.model.membersOf.get(group.id)!.has(u.id))!;
    const county = s.organisation.counties[0]!.id;
    const dispatch = { do: 'dispatch' as const, team, to: s.region.settlements[0]!.id, count: 1 };

    expect(d.seat(hq, { type: 'order', to: group.id, effect: { do: 'notify', to: [member] } })).toEqual({ ok: true });
    expect(d.seat(hq, { type: 'order', to: county, effect: { do: 'notify', to: [county] } })).toEqual({ ok: true });
    // A group commands its members once the HQ has activated it.
    d.expectRefused(d.seat(group.id, { type: 'order', to: member, effect: dispatch }), `${group.id} is on standby: a working group commands its members once the HQ activates it`);
    expect(d.seat(hq, { type: 'order', to: group.id, effect: { do: 'activate-group', group: group.id } })).toEqual({ ok: true });
    expect(d.seat(group.id, { type: 'order', to: member, effect: dispatch })).toEqual({ ok: true });
    d.expectRefused(d.seat(group.id, { type: 'order', to: outsider.id, effect: { do: 'notify', to: [outsider.id] } }), `${group.id} cannot give orders to ${outsider.id}: orders flow down the hierarchy`);
    d.expectRefused(d.seat(member, { type: 'order', to: outsider.id, effect: { do: 'notify', to: [outsider.id] } }), 'a member unit cannot order other units; report to your working group or the HQ');
    d.expectRefused(d.seat(group.id, { type: 'order', to: hq, effect: { do: 'notify', to: [hq] } }), `${group.id} cannot give orders to ${hq}: orders flow down the hierarchy`);
    d.expectRefused(d.seat(group.id, { type: 'order', to: member, effect: { ...dispatch, team: outsider.teams[0]?.id ?? 'x' } }), new RegExp(`^${member} has no team`));
    d.expectRefused(d.seat('nobody', { type: 'order', to: member, effect: dispatch }), "'nobody' is not a seat");
    // Ordered at T+0: it assembles for the default 30 min before it leaves.
    expect(d.world.teams[`${team}#1`]).toMatchObject({ status: 'tasked', departMs: 30 * MIN });
  });

  it('reports flow up', () => {
    const d = haicheng().start();
    const hq = d.ex.model.hq;
    const group = d.ex.model.scenario.organisation.groups[0]!;
    const member = group.members[0]!;
    expect(d.seat(member, { type: 'report', to: group.id, text: '已到达' })).toEqual({ ok: true });
    expect(d.seat(group.id, { type: 'report', to: hq, text: '汇总' })).toEqual({ ok: true });
    d.expectRefused(d.seat(hq, { type: 'report', to: group.id, text: 'x' }), 'the city HQ reports to the province, which is not a seat in this drill');
    d.expectRefused(d.seat(group.id, { type: 'report', to: member, text: 'x' }), /reports flow up/);
    expect(d.world.messages.filter((m) => m.kind === 'report')).toHaveLength(2);
  });

  it('the response level is set by the seat the plan makes its lead, within its criteria', () => {
    const d = haicheng().start();
    const hq = d.ex.model.hq;
    const levels = d.ex.model.scenario.responseLevels;
    const lead = (l: string) => levels.find((x) => x.level === l)!.lead;
    d.expectRefused(d.seat(hq, { type: 'set-level', level: 'I' }), `level I is led by the ${lead('I')}; the city HQ reports and requests it`);
    const county = d.ex.model.scenario.organisation.counties[0]!.id;
    d.expectRefused(d.seat(county, { type: 'set-level', level: 'III' }), `level III is led by ${hq}, not ${county}`);
    expect(d.seat(hq, { type: 'set-level', level: 'III' })).toEqual({ ok: true });
    expect(d.world.level).toBe('III');
    d.expectRefused(d.seat(county, { type: 'set-level', level: 'none' }), `${hq} leads the level III response: it ends it, not ${county}`);
  });

  it('an unknown command is refused, not thrown', () => {
    const d = new TestDrill().start();
    d.expectRefused(d.seat('hq', { type: 'launch-rockets' } as never), "unknown command 'launch-rockets'");
    // Built in code rather than read from JSON: a type with no prototype has no string form.
    d.expectRefused(d.seat('hq', { type: Object.create(null) } as never), "unknown command '[object]'");
  });

  it('commands to a drill not under way are refused', () => {
    const d = new TestDrill();
    d.expectRefused(d.seat('fire-rescue', { type: 'report', to: 'hq', text: 'x' }), 'the drill is not under way (setup)');
  });
});

describe('orders are checked like any input', () => {
  it.each([
    [{ do: 'notify' }, `a 'order' event needs "effect.to" (array)`],
    [{ do: 'dispatch', team: 'usar-1' }, `a 'order' event needs "effect.to" (string)`],
    [{ do: 'dispatch', team: 'usar-9', to: 'chagou' }, "there is no team 'usar-9'"],
    [{ do: 'dispatch', team: 'usar-1', to: 'chagou', count: 0 }, `a 'order' event "effect.count": Too small: expected number to be >0`],
    [{ do: 'contain', incident: 'nope' }, "'contain' is an outcome, not an order: it comes from the facilitator or from a team on scene"],
    [{ do: 'launch' }, /^a 'order' event "effect.do" is not an effect: use one of set-level, activate-group, stand-down-group, dispatch/],
    [null, `a 'order' event "effect": Invalid input: expected object, received null`],
  ])('a malformed effect %j is refused: %s', (effect, reason) => {
    const d = new TestDrill().start();
    d.expectRefused(d.seat('hq', { type: 'order', to: 'rescue-group', effect } as never), reason);
  });

  it('a dispatch order without a count sends one team', () => {
    const d = new TestDrill().start();
    expect(d.seat('hq', { type: 'order', to: 'rescue-group', effect: { do: 'dispatch', team: 'usar-1', to: 'chagou' } } as never)).toEqual({ ok: true });
    expect(Object.values(d.world.teams).filter((t) => t.status !== 'available')).toHaveLength(1);
  });
});
