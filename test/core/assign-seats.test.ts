// One entry hands many seats to bots (托管), or takes them back.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/index.ts';
import { TestDrill } from './test-drill.ts';

describe('assigning many seats at once', () => {
  it('every listed seat gets the policy; null takes the listed seats back', () => {
    const d = new TestDrill();
    expect(d.facilitator({ type: 'assign-seats', seats: ['hq', 'rescue-group', 'fire-rescue'], policy: 'plan' })).toEqual({ ok: true });
    expect(d.world.seats).toEqual({ hq: 'plan', 'rescue-group': 'plan', 'fire-rescue': 'plan' });
    d.start().facilitator({ type: 'assign-seats', seats: ['hq', 'fire-rescue'], policy: null });
    expect(d.world.seats).toEqual({ 'rescue-group': 'plan' });
    d.facilitator({ type: 'assign-seats', seats: ['rescue-group', 'fire-rescue'], policy: 'late' });
    expect(d.world.seats).toEqual({ 'rescue-group': 'late', 'fire-rescue': 'late' });
  });

  it('a list naming a seat the scenario lacks changes no seat', () => {
    const d = new TestDrill();
    d.expectRefused(d.facilitator({ type: 'assign-seats', seats: ['hq', 'police'], policy: 'plan' }), "there is no seat 'police'");
    expect(d.world.seats).toEqual({});
  });

  it('only the facilitator assigns seats; each seat is listed once', () => {
    const d = new TestDrill();
    d.expectRefused(d.seat('hq', { type: 'assign-seats', seats: ['fire-rescue'], policy: 'plan' }), 'only the facilitator (导调) controls the drill');
    expect(parseCommand({ type: 'assign-seats', seats: ['hq', 'hq'], policy: 'plan' })).toEqual({ ok: false, reason: `a 'assign-seats' event "seats": name each seat once` });
    expect(parseCommand({ type: 'assign-seats', seats: ['hq'], policy: 'genius' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^a 'assign-seats' event "policy": Invalid option/) });
  });
});
