// @vitest-environment happy-dom
// The facilitator's hold on a decision: extend its deadline by a chosen time, void it (作废, with a
// reason or none: it is then not scored) and reopen it (重新开放) with a new time from now.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const d01 = scenario.decisions.find((x) => x.id === 'd01-level')!; // the HQ's, open from 3:00 for 10 minutes
const prompt = d01.prompt.zh;

/** The drill three minutes in: d01 is open. */
function withOpenDecision() {
  const d = renderDrill();
  d.start();
  d.pass(3 * MIN);
  expect(d.world().decisions[d01.id]!.status).toBe('open');
  return d;
}
const openPanel = (page: HTMLElement) => getByRole(page, 'region', { name: /^各席位待决策/ });
/** d01's row in the open decisions' table (other seats' decisions are open beside it). */
const d01Row = (page: HTMLElement) => within(openPanel(page)).getByRole('row', { name: new RegExp(prompt.slice(0, 10)) });
const closedPanel = (page: HTMLElement) => getByRole(page, 'region', { name: /^已结束的决策/ });
const chooseMinutes = (page: HTMLElement, n: number) => fireEvent.change(within(openPanel(page)).getByRole('combobox', { name: '时长' }), { target: { value: String(n) } });
const lastEvent = (d: ReturnType<typeof renderDrill>) => d.session().exercise.log.at(-1)!.event;

describe('a decision in the facilitator’s hands', () => {
  it('extends its deadline by the time chosen', () => {
    const d = withOpenDecision();
    chooseMinutes(d.container, 5);
    within(openPanel(d.container)).getByRole('button', { name: `为“${prompt}”延长时限 5 分钟` }).click();
    expect(lastEvent(d)).toEqual({ type: 'extend-deadline', decision: d01.id, byMs: 5 * MIN });
    expect(within(d01Row(d.container)).getByRole('timer').textContent).toBe('15:00'); // 10 minutes left, and 5 more
  });

  it('voids it with a reason: it leaves the open list and says why; the seat sees it voided', () => {
    const d = withOpenDecision();
    const open = d01Row(d.container);
    within(open).getByText('作废', { selector: 'summary' }).click();
    const reason = within(open).getByRole('textbox', { name: '作废原因（可选）' });
    fireEvent.input(reason, { target: { value: '情景设定有误' } });
    within(open).getByRole('button', { name: '确认作废' }).click();

    expect(lastEvent(d)).toEqual({ type: 'void-decision', decision: d01.id, reason: '情景设定有误' });
    expect(d.world().decisions[d01.id]!.status).toBe('voided');
    expect(openPanel(d.container).textContent).not.toContain(prompt);
    const row = within(closedPanel(d.container)).getByRole('row', { name: new RegExp(prompt.slice(0, 10)) });
    expect(row.textContent).toContain('已作废：情景设定有误');

    fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: 'anshan-hq' } });
    expect(getByRole(d.container, 'article', { name: prompt }).textContent).toContain('已作废：情景设定有误');
  });

  it('voids it without a reason: the command carries none', () => {
    const d = withOpenDecision();
    within(d01Row(d.container)).getByText('作废', { selector: 'summary' }).click();
    within(d01Row(d.container)).getByRole('button', { name: '确认作废' }).click();
    expect(lastEvent(d)).toEqual({ type: 'void-decision', decision: d01.id });
    expect(within(closedPanel(d.container)).getByRole('row', { name: new RegExp(prompt.slice(0, 10)) }).textContent).toContain('已作废');
  });

  it('reopens an expired decision with the time chosen, counted from now', () => {
    const d = withOpenDecision();
    d.pass(10 * MIN); // 13:00: it expired at its deadline
    expect(d.world().decisions[d01.id]!.status).not.toBe('open');
    expect(within(openPanel(d.container)).queryByText(prompt)).toBeNull();
    chooseMinutes(d.container, 10);
    within(closedPanel(d.container)).getByRole('button', { name: `重新开放“${prompt}”，时限 10 分钟` }).click();

    expect(lastEvent(d)).toEqual({ type: 'reopen-decision', decision: d01.id, byMs: 10 * MIN });
    expect(d.world().decisions[d01.id]!.status).toBe('open');
    expect(within(d01Row(d.container)).getByRole('timer').textContent).toBe('10:00');
    d.pass(MIN);
    expect(within(d01Row(d.container)).getByRole('timer').textContent).toBe('09:00');
  });
});
