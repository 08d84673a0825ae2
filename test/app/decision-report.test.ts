// @vitest-environment happy-dom
// A report card (minimal.yaml's situation-report, at most 1,000 characters): a textarea with a counter;
// an empty report is refused in words; once sent it reads back, and shows as pending evaluation — not
// as a score of 0 — until the evaluator ticks its points.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { loadScenario } from '../../src/scenario/index.ts';
import { reasonText } from '../../src/app/views/words.ts';
import { EVALUATOR } from '../../src/app/store.ts';
import { MIN, minimal, renderDrill } from './render.ts';

const loaded = loadScenario(minimal(), 'minimal.yaml');
if (!loaded.ok) throw new Error('minimal.yaml does not load');
const scenario = loaded.scenario;
const d = scenario.decisions.find((x) => x.id === 'situation-report')!;

function openAtHq() {
  const drill = renderDrill({ scenario, file: 'scenarios/minimal.yaml' });
  drill.start();
  drill.session().facilitator({ type: 'next-node' });
  drill.pass(5 * MIN + 1_000);
  fireEvent.change(getByRole(drill.container, 'combobox', { name: '席位' }), { target: { value: 'hq' } });
  return { drill, card: () => getByRole(drill.container, 'article', { name: d.prompt.zh }) };
}

describe('a report card', () => {
  it('counts what is written against the limit, refuses an empty report, and sends the text', () => {
    const { drill, card } = openAtHq();
    expect(within(card()).getByText('书面报告')).toBeTruthy();
    const box = within(card()).getByRole<HTMLTextAreaElement>('textbox', { name: '报告内容' });
    expect(box.maxLength).toBe(1_000);
    expect(within(card()).getByText('0/1000 字')).toBeTruthy();
    within(card()).getByRole('button', { name: '提交决策' }).click();
    expect(drill.world().decisions[d.id]!.status).toBe('open');
    expect(drill.container.textContent).toContain('请填写报告内容');
    const text = '岔沟镇民房倒塌，12人被困，请求支援。';
    fireEvent.input(within(card()).getByRole('textbox', { name: '报告内容' }), { target: { value: text } });
    expect(within(card()).getByText(`${[...text].length}/1000 字`)).toBeTruthy();
    within(card()).getByRole('button', { name: '提交决策' }).click();
    expect(drill.world().decisions[d.id]!.answer).toEqual({ text });
    expect(card().textContent).toContain(`作答： ${text}`);
  });

  it('shows the report as pending evaluation, with the points the evaluator looks for, never a score of 0', () => {
    const { drill, card } = openAtHq();
    fireEvent.input(within(card()).getByRole('textbox', { name: '报告内容' }), { target: { value: '已报告' } });
    within(card()).getByRole('button', { name: '提交决策' }).click();
    drill.reveal();
    const scored = within(card()).getByRole('region', { name: '评分' });
    expect(scored.textContent).toContain('待评估：评估人员阅读报告、勾选要点后评分。');
    expect([...scored.querySelectorAll('.answer-lines li')].map((li) => li.textContent)).toEqual(['报告伤亡和被困人数（4 分）', '说明房屋倒塌范围（2 分）', '提出支援需求（4 分）']);
    expect(scored.querySelector('.score-value')).toBeNull();
    expect(scored.textContent).not.toContain('undefined');
  });

  it('says a refusal of a report too long in Chinese', () => {
    const { drill } = openAtHq();
    expect(reasonText('zh', drill.session().exercise.model, 'the report has 1001 characters; at most 1000')).toBe('报告共 1001 字，最多 1000 字');
  });

  it('the evaluator reads the report, ticks its points, and the seat’s card then shows the score from them', () => {
    const { drill, card } = openAtHq();
    const text = '12人被困，请求支援重型救援队。';
    fireEvent.input(within(card()).getByRole('textbox', { name: '报告内容' }), { target: { value: text } });
    within(card()).getByRole('button', { name: '提交决策' }).click();
    drill.reveal();
    fireEvent.change(getByRole(drill.container, 'combobox', { name: '席位' }), { target: { value: EVALUATOR } });
    const panel = () => getByRole(drill.container, 'region', { name: '书面报告评估' });
    const report = () => within(panel()).getByRole('article', { name: d.prompt.zh });
    expect(report().textContent).toContain(text);
    expect(report().textContent).toContain('待评估');
    within(report()).getByRole('checkbox', { name: '报告伤亡和被困人数（4 分）' }).click();
    within(report()).getByRole('checkbox', { name: '提出支援需求（4 分）' }).click();
    within(report()).getByRole('button', { name: '记录勾选' }).click();
    expect(drill.app.records.getState().record.ticks).toEqual({ [d.id]: ['casualties', 'needs'] });
    expect(report().textContent).toContain('已评估：8/10 分');
    // Back at the HQ's seat: 8 of 10 points, answered within the target — 100 × (0.5·0.8 + 0.2·1·0.8 + 0.3·0.8) = 80.
    fireEvent.change(getByRole(drill.container, 'combobox', { name: '席位' }), { target: { value: 'hq' } });
    const scored = within(card()).getByRole('region', { name: '评分' });
    expect(scored.querySelector('.score-value')?.textContent).toBe('80');
    expect(scored.textContent).not.toContain('待评估');
    expect([...scored.querySelectorAll('.report-points li')].map((li) => li.className)).toEqual(['ticked', 'unticked', 'ticked']);
  });
});
