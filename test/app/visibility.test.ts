// @vitest-environment happy-dom
// What the seats see of the scores and the plan's expected answers: hidden while the drill runs
// until the facilitator shows them (set-visibility); the evaluators' view always shows them, and
// so does everything once the drill has ended.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const d01 = scenario.decisions.find((x) => x.id === 'd01-level')!;
const iii = d01.options.find((o) => o.id === 'iii')!.label.zh;

/** Three minutes in, the HQ answers d01 (the plan's answer, so it scores 100): scored at once. */
function answered() {
  const d = renderDrill();
  const session = d.start();
  d.pass(3 * MIN);
  expect(session.send('anshan-hq', { type: 'answer', decision: d01.id, options: ['iii'] }).ok).toBe(true);
  expect(d.world().decisions[d01.id]!.status).toBe('scored');
  return d;
}
const show = (d: ReturnType<typeof renderDrill>, seat: string) => fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: seat } });
const d01Card = (page: HTMLElement) => getByRole(page, 'article', { name: d01.prompt.zh });
const screen = (d: ReturnType<typeof renderDrill>, name: string) => within(getByRole(d.container, 'navigation')).getByRole('button', { name }).click();

describe('scores and expected answers, as the seats see them', () => {
  it('are hidden from a seat while the drill runs; its answer is still shown', () => {
    const d = answered();
    expect(d.world().visibility).toEqual({ scores: false, answers: false });
    show(d, 'anshan-hq');
    const card = d01Card(d.container);
    expect(card.textContent).toContain(`作答： ${iii}`);
    expect(card.textContent).not.toContain('预案期望：');
    expect(within(card).queryByRole('region', { name: '评分' })).toBeNull();
    expect(within(card).queryByRole('list', { name: '评分依据' })).toBeNull();
    expect(card.textContent).toContain('预案期望答案与得分待导调公布或推演结束后查看。');

    screen(d, '记分板');
    expect(queryByRole(d.container, 'table', { name: '各单位得分' })).toBeNull();
    expect(queryByRole(d.container, 'region', { name: '综合得分' })).toBeNull();
    expect(getByRole(d.container, 'region', { name: '关键数据' })).toBeTruthy(); // the situation's figures are no score
    expect(d.container.textContent).toContain('导调尚未向席位公布得分');
  });

  it('the evaluators’ view always shows the scores', () => {
    const d = answered();
    show(d, '@evaluator');
    const units = getByRole(d.container, 'table', { name: '各单位得分' });
    expect(within(units).getByRole('row', { name: /^鞍山市抗震救灾指挥部/ }).textContent).toContain('100.0');
  });

  it('show once the facilitator says so: the score first, then the expected answer', () => {
    const d = answered();
    const seen = getByRole(d.container, 'group', { name: '席位可见内容' });
    within(seen).getByRole('checkbox', { name: '向席位显示得分' }).click();
    expect(d.session().exercise.log.at(-1)!.event).toEqual({ type: 'set-visibility', scores: true, answers: false });

    show(d, 'anshan-hq');
    let region = within(d01Card(d.container)).getByRole('region', { name: '评分' });
    expect(region.textContent).toMatch(/得分\s*100\s*优/);
    // The reasons of a score are the plan's answer in other words: they come with the expected answer.
    expect(region.textContent).not.toContain('预案期望：');
    expect(within(region).queryByRole('list', { name: '评分依据' })).toBeNull();
    screen(d, '记分板');
    expect(within(getByRole(d.container, 'region', { name: '综合得分' })).getByText('100.0')).toBeTruthy();

    screen(d, '导调台');
    within(getByRole(d.container, 'group', { name: '席位可见内容' })).getByRole('checkbox', { name: '向席位显示预案期望答案' }).click();
    expect(d.session().exercise.log.at(-1)!.event).toEqual({ type: 'set-visibility', scores: true, answers: true });
    show(d, 'anshan-hq');
    region = within(d01Card(d.container)).getByRole('region', { name: '评分' });
    expect(region.textContent).toContain(`预案期望： ${iii}`);
    expect(within(region).getByRole('list', { name: '评分依据' })).toBeTruthy();
  });

  it('show to everyone once the drill has ended (the debrief)', () => {
    const d = answered();
    d.session().facilitator({ type: 'end' });
    show(d, 'anshan-hq');
    expect(within(d01Card(d.container)).getByRole('region', { name: '评分' }).textContent).toContain(`预案期望： ${iii}`);
    screen(d, '记分板');
    expect(getByRole(d.container, 'table', { name: '各单位得分' })).toBeTruthy();
  });
});
