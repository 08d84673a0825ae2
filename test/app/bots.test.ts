// @vitest-environment happy-dom
// Seats nobody plays can be given to a bot (plan / late / random / idle) from the console and taken
// back; the bot's answer is an entry of the log like anyone's, and shows in the timeline.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();

describe('a seat played by a bot', () => {
  it('assigned from the console, answers by itself, and its answer is in the log timeline', () => {
    const d = renderDrill();
    d.start();
    const player = getByRole(d.container, 'combobox', { name: '市地震局的操作方' });
    fireEvent.change(player, { target: { value: 'plan' } });
    expect(d.session().policyOf('quake-bureau')).toBe('plan');
    expect(d.session().exercise.log.at(-1)).toMatchObject({ actor: 'facilitator', event: { type: 'assign-seat', seat: 'quake-bureau', policy: 'plan' } });

    // d03 opens at node 1 + 1:00; the plan bot answers 20 s after it opens.
    const d03 = scenario.decisions.find((x) => x.id === 'd03-quake-consult')!;
    d.pass(MIN + 25_000);
    expect(d.world().decisions[d03.id]!.status).toBe('scored');
    const log = getByRole(d.container, 'table', { name: '推演日志' });
    const latest = within(log).getAllByRole('row')[1]!;
    const cells = within(latest).getAllByRole('cell').map((c) => c.textContent!.trim());
    expect(cells[1]).toBe('01:20');
    expect(cells[2]).toBe('市地震局');
    expect(cells[3]).toContain(`决策“${d03.prompt.zh}”`);
    expect(cells[3]).toContain(d03.options.find((o) => o.id === 'consult')!.label.zh);
    expect(cells[4]).toBe('已执行');

    // Taken back: a person plays it again.
    fireEvent.change(getByRole(d.container, 'combobox', { name: '市地震局的操作方' }), { target: { value: '' } });
    expect(d.session().policyOf('quake-bureau')).toBeUndefined();
    expect(within(getByRole(d.container, 'table', { name: '推演日志' })).getAllByRole('row')[1]!.textContent).toContain('市地震局收回人工操作');
  });

  it('the seat screen says a bot plays it', () => {
    const d = renderDrill();
    d.start();
    fireEvent.change(getByRole(d.container, 'combobox', { name: '市应急局的操作方' }), { target: { value: 'late' } });
    fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: 'ema' } });
    expect(d.container.textContent).toContain('本席位目前由机器人·临近时限代答');
  });
});
