// @vitest-environment happy-dom
// The evaluation forms on the debrief (GB/T 46792 Annexes B–D): one per capability with its five
// indicators; an evaluator's rating of an indicator needs its reason and then stands in the form, as a
// form-rating entry of the review record. The report buttons are beside them.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
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

    fireEvent.input(within(override).getByRole('textbox', { name: '改评理由' }), { target: { value: '灾情续报未按时上报省指挥部' } });
    within(override).getByRole('button', { name: '改评' }).click();
    expect(d.app.records.getState().record.formRatings).toEqual([{ capability: 'operational-coordination', indicator: 'reporting', rating: 'U', reason: '灾情续报未按时上报省指挥部' }]);
    const after = getByRole(d.container, 'article', { name: '指挥协调' }).querySelector<HTMLElement>('[data-indicator="reporting"]')!;
    expect(within(after).getAllByRole('cell')[1]!.textContent).toContain('差');
    expect(after.textContent).toContain('已改评为 差：灾情续报未按时上报省指挥部');

    for (const kind of ['html', 'md', 'json', 'csv', 'print']) expect(d.container.querySelector(`[data-report="${kind}"]`)).not.toBeNull();
  });
});
