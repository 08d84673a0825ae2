// @vitest-environment happy-dom
// Handing every empty seat to bots in one action: one assign-seats entry naming each seat that has
// no bot and no accepted entry of its own in the log; a seat someone has played is left alone.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const org = scenario.organisation;
/** Every seat in the order of the organisation: the HQ, 11 working groups, 23 units, 7 county HQs. */
const allSeats = [org.hq.id, ...org.groups.map((g) => g.id), ...org.units.map((u) => u.id), ...org.counties.map((c) => c.id)];

describe('handing the empty seats to bots', () => {
  it('assigns, in one log entry, every seat with no bot that has not played; says what empty means', () => {
    const d = renderDrill();
    const session = d.start();
    d.pass(3 * MIN);
    expect(allSeats).toHaveLength(42);
    expect(session.send('anshan-hq', { type: 'answer', decision: 'd01-level', options: ['iii'] }).ok).toBe(true); // the HQ played
    expect(session.send('quake-bureau', { type: 'answer', decision: 'd01-level', options: ['iii'] }).ok).toBe(false); // refused: still empty
    const seats = getByRole(d.container, 'region', { name: /^席位与/ });
    fireEvent.change(within(seats).getByRole('combobox', { name: '市应急局的操作方' }), { target: { value: 'plan' } }); // a bot already

    expect(seats.textContent).toContain('空席：没有机器人托管，且日志中没有该席位已执行的操作。');
    fireEvent.change(within(seats).getByRole('combobox', { name: '托管方式' }), { target: { value: 'random' } });
    within(seats).getByRole('button', { name: '全部空席交由机器人托管（40 个）' }).click(); // 42 less the HQ and the EMA

    const entries = session.exercise.log.filter((e) => e.event.type === 'assign-seats');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.event).toEqual({ type: 'assign-seats', seats: allSeats.filter((s) => s !== 'anshan-hq' && s !== 'ema'), policy: 'random' });
    const w = d.world();
    expect(w.seats['anshan-hq']).toBeUndefined();
    expect(w.seats.ema).toBe('plan');
    expect(w.seats['quake-bureau']).toBe('random');
    expect(w.seats['county-xiuyan']).toBe('random');

    const button = within(getByRole(d.container, 'region', { name: /^席位与/ })).getByRole('button', { name: '全部空席交由机器人托管（0 个）' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });
});
