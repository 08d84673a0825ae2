// @vitest-environment happy-dom
// The drill screens in English: one click on the toggle, every label from the dictionary and the
// scenario's English text, back to Chinese the same way.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const d01 = scenario.decisions.find((x) => x.id === 'd01-level')!;

describe('the drill screens in English', () => {
  it('shows the console, a seat and the scoreboard with English labels', () => {
    const d = renderDrill();
    d.start();
    d.reveal(); // the scoreboard is the seats' once the facilitator shows the scores
    d.pass(3 * MIN);
    getByRole(d.container, 'button', { name: 'English' }).click();
    const page = d.container;
    const status = getByRole(page, 'region', { name: 'Drill status' });
    expect(status.textContent).toContain('Drill time');
    expect(status.textContent).toContain('Scenario time');
    expect(status.textContent).toContain(`1/5 ${scenario.nodes[0]!.name.en}`);
    expect(status.textContent).toContain('Not activated');
    for (const name of ['Pause', 'Next node', 'End the drill', 'Console', 'Scoreboard', 'Big screen']) expect(getByRole(page, 'button', { name })).toBeTruthy();
    expect(getByRole(page, 'table', { name: 'Drill log' }).textContent).toContain('Start the drill');
    expect(getByRole(page, 'combobox', { name: 'Who plays Quake bureau' })).toBeTruthy();
    expect(page.firstElementChild!.getAttribute('lang')).toBe('en');

    fireEvent.change(getByRole(page, 'combobox', { name: 'Seat' }), { target: { value: 'anshan-hq' } });
    const card = getByRole(page, 'article', { name: d01.prompt.en! });
    expect(within(card).getByRole('timer', { name: 'Time left' }).textContent).toContain('left');
    expect(within(card).getByRole('radio', { name: d01.options[1]!.label.en! })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Submit the decision' })).toBeTruthy();

    getByRole(page, 'button', { name: 'Scoreboard' }).click();
    expect(getByRole(page, 'table', { name: 'Scores by unit' })).toBeTruthy();

    getByRole(page, 'button', { name: '中文' }).click();
    expect(getByRole(page, 'table', { name: '各单位得分' })).toBeTruthy();
  });
});
