// @vitest-environment happy-dom
// The evaluation forms on the debrief (GB/T 46792 Annexes B–D): one per capability with its five
// indicators; an evaluator's rating of an indicator or of the verdict (综合评定) needs its reason — said
// beside the field when missing — and then stands in the form, as a form-rating entry of the review
// record. The capability's score is the scores table's. The report buttons are beside them.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { scoreDrill } from '../../src/scoring/index.ts';
import { MIN, loadDefault, renderDrill } from './render.ts';

describe('the evaluation forms', () => {
  it('show each capability’s indicators, and take an override with its reason', () => {
    const scenario = loadDefault();
    const d = renderDrill();
    const session = d.start();
    for (const seat of session.exercise.model.seats) session.facilitator({ type: 'assign-seat', seat, policy: 'plan' });
    d.pass(20 * MIN);
    session.facilitator({ type: 'end' });
    d.store.getState().setScreen('debrief');

    const forms = [...d.container.querySelectorAll<HTMLElement>('[data-eval-form]')];
    expect(forms.map((f) => f.dataset.evalForm)).toEqual(scenario.scoring.capabilities.map((c) => c.id));
    const form = getByRole(d.container, 'article', { name: '指挥协调' });
    const rows = within(form).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['响应时效', '措施完整性', '协同性', '预案符合性', '信息报送']);

    const row = form.querySelector<HTMLElement>('[data-indicator="reporting"]')!;
    const override = row.querySelector<HTMLFormElement>('[data-form-rating]')!;
    fireEvent.change(within(override).getByRole('combobox', { name: '改评等级' }), { target: { value: 'U' } });
    within(override).getByRole('button', { name: '改评' }).click();
    expect(d.app.records.getState().record.formRatings).toEqual([]);
    expect((within(override).getByRole('textbox', { name: '改评理由' }) as HTMLInputElement).validationMessage).toBe('请填写改评理由。');
    // Said beside the field, and the rating chosen stays.
    expect(override.querySelector('[data-form-problem]')!.textContent).toBe('请填写改评理由。');
    expect((within(override).getByRole('combobox', { name: '改评等级' }) as HTMLSelectElement).value).toBe('U');

    fireEvent.input(within(override).getByRole('textbox', { name: '改评理由' }), { target: { value: '灾情续报未按时上报省指挥部' } });
    expect(override.querySelector('[data-form-problem]')!.textContent).toBe('');
    within(override).getByRole('button', { name: '改评' }).click();
    expect(d.app.records.getState().record.formRatings).toEqual([{ capability: 'operational-coordination', indicator: 'reporting', rating: 'U', reason: '灾情续报未按时上报省指挥部' }]);
    const after = getByRole(d.container, 'article', { name: '指挥协调' }).querySelector<HTMLElement>('[data-indicator="reporting"]')!;
    expect(within(after).getAllByRole('cell')[1]!.textContent).toContain('差');
    expect(after.textContent).toContain('已改评为 差：灾情续报未按时上报省指挥部');

    // One capability, one score: the form's is the roll-up's; an indicator's override leaves the verdict.
    const roll = scoreDrill(session.scenario, session.exercise.world, session.exercise.log).capabilities['operational-coordination']!;
    const verdictText = () => getByRole(d.container, 'article', { name: '指挥协调' }).querySelector('[data-verdict]')!.textContent;
    expect(verdictText()).toBe(`综合得分 ${roll.score!.toFixed(1)}，评定：${roll.ratingZh}`);

    const verdict = getByRole(d.container, 'article', { name: '指挥协调' }).querySelector<HTMLFormElement>('[data-form-rating="operational-coordination:verdict"]')!;
    fireEvent.change(within(verdict).getByRole('combobox', { name: '改评等级' }), { target: { value: 'M' } });
    fireEvent.input(within(verdict).getByRole('textbox', { name: '改评理由' }), { target: { value: '报送迟缓拖累整体协调' } });
    within(verdict).getByRole('button', { name: '改评' }).click();
    expect(d.app.records.getState().record.formRatings.at(-1)).toEqual({ capability: 'operational-coordination', indicator: 'verdict', rating: 'M', reason: '报送迟缓拖累整体协调' });
    expect(verdictText()).toBe(`综合得分 ${roll.score!.toFixed(1)}，评定：中`);
    expect(getByRole(d.container, 'article', { name: '指挥协调' }).querySelector('[data-verdict-override]')!.textContent).toBe(`综合评定已改评为 中（按得分为 ${roll.ratingZh}）：报送迟缓拖累整体协调`);

    for (const kind of ['html', 'md', 'json', 'csv', 'print']) expect(d.container.querySelector(`[data-report="${kind}"]`)).not.toBeNull();
  });
});
