// @vitest-environment happy-dom
// A seat's decision card: a visible countdown that runs with drill time, the options, submit; the
// card then shows the answer, and — only once the decision is scored — the plan's expected answer
// and the score with the rubric lines it matched and the timeliness.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByText, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const d01 = scenario.decisions.find((x) => x.id === 'd01-level')!;
const d03 = scenario.decisions.find((x) => x.id === 'd03-quake-consult')!;
const label = (d: typeof d01, id: string) => d.options.find((o) => o.id === id)!.label.zh;

/** The drill three minutes in (d01 opens then), showing the seat. */
function atSeat(seat: string) {
  const d = renderDrill();
  d.start();
  d.pass(3 * MIN);
  fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: seat } });
  return d;
}

describe('a decision card', () => {
  it('counts down as drill time passes, and stops while paused', () => {
    const d = atSeat('anshan-hq');
    const timer = () => within(getByRole(d.container, 'article', { name: d01.prompt.zh })).getByRole('timer', { name: '剩余时间' });
    expect(timer().textContent!.trim()).toBe('剩余 10:00');
    d.pass(30_000);
    expect(timer().textContent!.trim()).toBe('剩余 09:30');
    d.pass(4 * 60_000 + 15_000);
    expect(timer().textContent!.trim()).toBe('剩余 05:15');
    d.session().facilitator({ type: 'pause' });
    d.pass(MIN);
    expect(timer().textContent!.trim()).toBe('剩余 05:15');
  });

  it('single choice: choose, submit, answered; the expected answer and the score appear only once scored', () => {
    const d = atSeat('anshan-hq');
    d.reveal();
    const card = () => getByRole(d.container, 'article', { name: d01.prompt.zh });
    // Before scoring, nothing of the plan's answer is in the DOM.
    expect(queryByText(card(), /预案期望/)).toBeNull();
    expect(within(card()).queryByRole('region', { name: '评分' })).toBeNull();
    expect(d.container.textContent).not.toContain('预案期望');

    d.pass(20_000);
    const iii = within(card()).getByRole('radio', { name: label(d01, 'iii') }) as HTMLInputElement;
    iii.click();
    expect(iii.checked).toBe(true);
    expect(d.store.getState().drafts[d01.id]?.options).toEqual(['iii']);
    d.pass(1_000); // a re-render keeps the choice
    expect((within(card()).getByRole('radio', { name: label(d01, 'iii') }) as HTMLInputElement).checked).toBe(true);
    within(card()).getByRole('button', { name: '提交决策' }).click();

    expect(d.world().decisions[d01.id]!.status).toBe('scored');
    expect(d.session().exercise.log.at(-1)).toMatchObject({ actor: 'anshan-hq', event: { type: 'answer', decision: d01.id, options: ['iii'] } });
    const done = card();
    expect(within(done).queryByRole('timer')).toBeNull();
    expect(done.textContent).toContain('已作答（用时 21 秒）'); // a duration, said as one
    expect(done.textContent).toContain(`作答： ${label(d01, 'iii')}`);
    const score = within(done).getByRole('region', { name: '评分' });
    expect(score.textContent).toContain(`预案期望： ${label(d01, 'iii')}`);
    expect(score.textContent).toMatch(/得分\s*100\s*优\s/); // 优 alone: P/S/M/U only in the English AAR
    const rubric = within(score).getByRole('list', { name: '评分依据' });
    expect(within(rubric).getAllByRole('listitem')[0]!.textContent).toContain(d01.rubric[0]!.because.zh);
    expect(score.textContent).toContain('开启后 21 秒 作答；目标用时 5 分钟；截止 演练时间');
    expect(getByRole(d.container, 'status').textContent).toContain('已执行');
  });

  it('multiple choice: checkboxes, any number of them', () => {
    const d = atSeat('quake-bureau');
    const card = () => getByRole(d.container, 'article', { name: d03.prompt.zh });
    within(card()).getByRole('checkbox', { name: label(d03, 'consult') }).click();
    within(card()).getByRole('checkbox', { name: label(d03, 'field-team') }).click();
    within(card()).getByRole('checkbox', { name: label(d03, 'predict') }).click();
    within(card()).getByRole('checkbox', { name: label(d03, 'predict') }).click(); // changed its mind
    within(card()).getByRole('button', { name: '提交决策' }).click();
    expect(d.world().decisions[d03.id]!.answer).toEqual({ options: ['consult', 'field-team'] });
    // Several options, one per line.
    const lines = within(card()).getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual(expect.arrayContaining([label(d03, 'consult'), label(d03, 'field-team')]));
  });

  it('an expired decision shows it expired, with the expected answer', () => {
    const d = atSeat('anshan-hq');
    d.pass(10 * MIN);
    const card = () => getByRole(d.container, 'article', { name: d01.prompt.zh });
    expect(card().textContent).toContain('超时未决策');
    // The plan's answer waits until the facilitator shows it to the seats.
    expect(card().textContent).not.toContain('预案期望：');
    d.reveal();
    expect(card().textContent).toContain('超时未决策');
    expect(card().textContent).toContain(`预案期望： ${label(d01, 'iii')}`);
    expect(within(card()).queryByRole('button', { name: '提交决策' })).toBeNull();
  });

  it('the console extends a deadline: the seat sees two more minutes', () => {
    const d = atSeat('anshan-hq');
    getByRole(d.container, 'button', { name: '导调台' }).click();
    getByRole(d.container, 'button', { name: `为“${d01.prompt.zh}”延长时限 2 分钟` }).click();
    expect(d.session().exercise.log.at(-1)?.event).toEqual({ type: 'extend-deadline', decision: d01.id, byMs: 2 * MIN });
    fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: 'anshan-hq' } });
    const card = getByRole(d.container, 'article', { name: d01.prompt.zh });
    expect(within(card).getByRole('timer').textContent!.trim()).toBe('剩余 12:00');
  });

  it('once the drill has ended, a decision left open is no longer a form: it counts as expired', () => {
    const d = atSeat('anshan-hq');
    d.session().facilitator({ type: 'end' });
    fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: 'anshan-hq' } });
    const card = getByRole(d.container, 'article', { name: d01.prompt.zh });
    expect(within(card).queryByRole('button', { name: '提交决策' })).toBeNull();
    expect(within(card).queryByRole('timer')).toBeNull();
    expect(card.textContent).toContain('推演结束时仍未作答（按超时计）');
    expect(card.textContent).toContain(`预案期望： ${label(d01, 'iii')}`);
  });
});
