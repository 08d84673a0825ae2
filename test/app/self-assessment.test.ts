// @vitest-environment happy-dom
// 参演人员自评 (issue 10 §2): once the drill is over each seat rates itself and answers three short
// questions on its own screen; each seat's answers are its own, and the debrief lists who answered.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { MIN, renderDrill } from './render.ts';

const show = (d: ReturnType<typeof renderDrill>, seat: string) => fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: seat } });
const form = (d: ReturnType<typeof renderDrill>) => d.container.querySelector<HTMLFormElement>('[data-self-assessment]');

describe('the self-assessment', () => {
  it('is asked on a seat’s screen only once the drill is over', () => {
    const d = renderDrill();
    const session = d.start();
    d.pass(MIN);
    show(d, session.exercise.model.hq);
    expect(form(d)).toBeNull();
    session.facilitator({ type: 'end' });
    d.app.render();
    expect(form(d)).not.toBeNull();
  });

  it('is saved per seat, and the debrief lists who has answered', () => {
    const d = renderDrill();
    const session = d.start();
    d.pass(MIN);
    session.facilitator({ type: 'end' });
    const [hq, other] = [session.exercise.model.hq, 'fire-rescue'];
    show(d, hq);
    const f = form(d)!;
    // No rating: refused on the rating itself.
    f.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect(d.app.records.getState().record.selfAssessments).toEqual({});
    expect((within(f).getByRole('radio', { name: '1 分' }) as HTMLInputElement).validationMessage).toBe('请选择自评分。');

    within(f).getByRole('radio', { name: '4 分' }).click();
    fireEvent.input(within(f).getByRole('textbox', { name: '做得好的' }), { target: { value: '响应启动及时' } });
    fireEvent.input(within(f).getByRole('textbox', { name: '对预案的建议' }), { target: { value: '明确县区报送时限' } });
    within(f).getByRole('button', { name: '提交自评' }).click();
    expect(d.app.records.getState().record.selfAssessments).toEqual({ [hq]: { seat: hq, rating: 4, well: '响应启动及时', hard: '', plan: '明确县区报送时限' } });
    expect(d.app.records.getState().entries.at(-1)).toMatchObject({ actor: hq, event: { type: 'self-assessment', seat: hq } });
    expect(form(d)!.textContent).toContain('已提交自评。');
    expect(within(form(d)!).getByRole('button', { name: '更新自评' })).toBeTruthy();

    // Another seat starts blank.
    show(d, other);
    expect(within(form(d)!).getByRole('radio', { name: '4 分' })).toHaveProperty('checked', false);
    expect((within(form(d)!).getByRole('textbox', { name: '做得好的' }) as HTMLTextAreaElement).value).toBe('');
    within(form(d)!).getByRole('radio', { name: '2 分' }).click();
    fireEvent.input(within(form(d)!).getByRole('textbox', { name: '遇到的困难' }), { target: { value: '道路信息不全' } });
    within(form(d)!).getByRole('button', { name: '提交自评' }).click();

    // Back at the first seat: its own answers.
    show(d, hq);
    expect(within(form(d)!).getByRole('radio', { name: '4 分' })).toHaveProperty('checked', true);
    expect((within(form(d)!).getByRole('textbox', { name: '做得好的' }) as HTMLTextAreaElement).value).toBe('响应启动及时');

    d.store.getState().setScreen('debrief');
    const table = getByRole(d.container, 'table', { name: '参演人员自评' });
    const seats = session.exercise.model.seats.size;
    expect(d.container.textContent).toContain(`已自评 2/${seats} 个席位`);
    const cells = (seat: string) => [...table.querySelectorAll(`tr[data-seat="${seat}"] td`)].map((c) => c.textContent!.trim());
    expect(cells(hq)).toEqual(['4', '响应启动及时', '', '明确县区报送时限']);
    expect(cells(other)).toEqual(['2', '', '道路信息不全', '']);
    const unanswered = [...session.exercise.model.seats].find((s) => s !== hq && s !== other)!;
    expect(cells(unanswered)).toEqual(['未填写']);
  });
});
