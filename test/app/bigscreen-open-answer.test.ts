// @vitest-environment happy-dom
// The big screen is read by the whole room: it says that a seat answered, never what it answered.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const d01 = scenario.decisions.find((x) => x.id === 'd01-level')!;
const iii = d01.options.find((o) => o.id === 'iii')!.label.zh;

describe('the big screen and a seat’s answer', () => {
  it('shows that the seat answered, not the answer', () => {
    const d = renderDrill();
    d.start();
    d.pass(3 * MIN);
    fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: 'anshan-hq' } });
    const card = getByRole(d.container, 'article', { name: d01.prompt.zh });
    within(card).getByRole('radio', { name: iii }).click();
    within(card).getByRole('button', { name: '提交决策' }).click();
    // The seat's own screen says what it chose.
    expect(getByRole(d.container, 'status').textContent).toContain(iii);

    getByRole(d.container, 'button', { name: '指挥大屏' }).click();
    const status = getByRole(d.container, 'status').textContent!;
    expect(status).toContain(`决策“${d01.prompt.zh}”：已作答`);
    expect(status).not.toContain(iii);
    expect(d.container.querySelector('.bigscreen')!.textContent).not.toContain(iii);
  });
});
