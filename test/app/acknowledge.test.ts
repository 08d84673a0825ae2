// @vitest-environment happy-dom
// An acknowledge/report card: one button, no options.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const d17 = scenario.decisions.find((x) => x.id === 'd17-province-report')!;

describe('an acknowledge card', () => {
  it('is answered with one button and shows it was acknowledged', () => {
    expect(d17.kind).toBe('acknowledge');
    const d = renderDrill();
    d.start();
    getByRole(d.container, 'button', { name: /^注入：省工作组出发/ }).click(); // d17 opens with it
    fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: d17.owner } });
    const card = () => getByRole(d.container, 'article', { name: d17.prompt.zh });
    expect(within(card()).getByText('确认报告')).toBeTruthy();
    expect(within(card()).queryAllByRole('radio')).toHaveLength(0);
    expect(within(card()).queryAllByRole('checkbox')).toHaveLength(0);
    within(card()).getByRole('button', { name: '确认并报告' }).click();
    expect(d.world().decisions[d17.id]!.outcome).toBe('answered');
    expect(card().textContent).toContain('作答： 已确认');
    // The plan's answer waits until the facilitator shows it to the seats.
    expect(within(card()).queryByRole('region', { name: '评分' })).toBeNull();
    d.reveal();
    expect(within(card()).getByRole('region', { name: '评分' }).textContent).toContain('预案期望： 已确认');
  });
});
