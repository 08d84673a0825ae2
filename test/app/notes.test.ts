// @vitest-environment happy-dom
// The evaluator's notes written live (issue 10 §2): anchored at the drill's moment, private to the
// evaluators and the facilitator until published — a seat's screen shows none of them before — and a
// rating override is refused without its reason.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { EVALUATOR } from '../../src/app/store.ts';
import { MIN, renderDrill } from './render.ts';

const show = (d: ReturnType<typeof renderDrill>, seat: string) => fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: seat } });
const form = (d: ReturnType<typeof renderDrill>) => d.container.querySelector<HTMLFormElement>('[data-note-form]')!;
const notes = (d: ReturnType<typeof renderDrill>) => [...d.container.querySelectorAll<HTMLElement>('[data-note]')];

/** Types a note into the evaluator's form and sends it. */
function write(d: ReturnType<typeof renderDrill>, text: string, more: { kind?: string; capability?: string; unit?: string; rating?: string; reason?: string } = {}) {
  const f = form(d);
  fireEvent.input(f.querySelector('textarea[data-note-text]')!, { target: { value: text } });
  if (more.kind) fireEvent.change(f.querySelector('select[data-note-kind]')!, { target: { value: more.kind } });
  if (more.capability) fireEvent.change(within(f).getByRole('combobox', { name: '核心能力' }), { target: { value: more.capability } });
  if (more.unit) fireEvent.change(within(f).getByRole('combobox', { name: '涉及单位' }), { target: { value: more.unit } });
  if (more.rating) fireEvent.change(within(f).getByRole('combobox', { name: '改评等级' }), { target: { value: more.rating } });
  if (more.reason !== undefined) fireEvent.input(within(f).getByRole('textbox', { name: '改评理由' }), { target: { value: more.reason } });
  f.querySelector<HTMLButtonElement>('[data-note-submit]')!.click();
}

describe('evaluator notes, live', () => {
  it('are anchored at the moment, listed for the evaluator and the facilitator, and reach a seat only once published', () => {
    const d = renderDrill();
    const session = d.start();
    d.pass(3 * MIN);
    const hq = session.exercise.model.hq;
    show(d, EVALUATOR);
    const at = { seq: d.world().seq, t: d.world().t };
    expect(at.seq).toBeGreaterThan(0); // the drill has entries by now: the anchor is not the start
    write(d, '指挥部未及时研判灾情', { capability: 'operational-coordination', unit: hq });

    const [item] = notes(d);
    expect(notes(d)).toHaveLength(1);
    expect(item!.textContent).toContain('指挥部未及时研判灾情');
    expect(item!.textContent).toContain('待改进'); // the default kind
    expect(item!.textContent).toContain('仅评估组可见');
    expect(form(d).querySelector('textarea')!.value).toBe(''); // the form is cleared once the note is in
    const [note] = d.app.records.getState().record.notes;
    expect(note).toMatchObject({ seq: at.seq, t: at.t, author: EVALUATOR, kind: 'improvement', capability: 'operational-coordination', unit: hq, published: false });

    // A seat — even the one the note concerns — sees nothing of it yet.
    show(d, hq);
    expect(notes(d)).toHaveLength(0);
    expect(d.container.textContent).not.toContain('指挥部未及时研判灾情');

    // The facilitator's console lists it (private), and may publish it.
    d.store.getState().setScreen('console');
    expect(notes(d)).toHaveLength(1);
    expect(queryByRole(d.container, 'textbox', { name: '记录内容' })).toBeNull(); // the console reads and publishes; evaluators write
    getByRole(notes(d)[0]!, 'button', { name: '公布' }).click();
    expect(notes(d)[0]!.textContent).toContain('已公布');

    show(d, hq);
    expect(notes(d)).toHaveLength(1);
    expect(notes(d)[0]!.textContent).toContain('指挥部未及时研判灾情');
    expect(getByRole(d.container, 'heading', { name: /^评估组点评/ })).toBeTruthy();
  });

  it('refuses a rating override without its reason, and keeps one with it', () => {
    const d = renderDrill();
    d.start();
    d.pass(MIN);
    show(d, EVALUATOR);
    write(d, '信息报送准确', { kind: 'strength', rating: 'P', reason: '' });
    expect(notes(d)).toHaveLength(0);
    const reason = within(form(d)).getByRole('textbox', { name: '改评理由' }) as HTMLInputElement;
    expect(reason.validationMessage).toBe('请填写改评理由。');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    // Said in words beside the field too, not only in the browser's passing bubble.
    const said = form(d).querySelector('[data-problem-for="reason"]')!;
    expect(said.textContent).toBe('请填写改评理由。');
    expect(reason.getAttribute('aria-describedby')).toContain(said.id);
    expect(d.app.records.getState().record.notes).toEqual([]);

    // The text typed is still there; with the reason it goes in.
    expect(form(d).querySelector('textarea')!.value).toBe('信息报送准确');
    fireEvent.input(reason, { target: { value: '首报在 10 分钟内完成' } });
    expect(reason.validationMessage).toBe('');
    expect(form(d).querySelector('[data-problem-for="reason"]')!.textContent).toBe('');
    form(d).querySelector<HTMLButtonElement>('[data-note-submit]')!.click();
    expect(notes(d)).toHaveLength(1);
    expect(notes(d)[0]!.textContent).toContain('亮点');
    expect(notes(d)[0]!.textContent).toContain('改评为 优：首报在 10 分钟内完成');
    expect(d.app.records.getState().record.notes[0]!.override).toEqual({ rating: 'P', reason: '首报在 10 分钟内完成' });
  });

  it('publishes every private note at once, and deletes one', () => {
    const d = renderDrill();
    d.start();
    show(d, EVALUATOR);
    write(d, '第一条');
    d.pass(MIN);
    write(d, '第二条');
    write(d, '第三条');
    expect(notes(d).map((n) => n.querySelector('.note-text')!.textContent)).toEqual(['第一条', '第二条', '第三条']);
    getByRole(notes(d)[2]!, 'button', { name: '删除' }).click();
    getByRole(d.container, 'button', { name: '全部公布（2 条）' }).click();
    expect(d.app.records.getState().record.notes.map((n) => [n.text, n.published])).toEqual([
      ['第一条', true],
      ['第二条', true],
    ]);
    expect(queryByRole(d.container, 'button', { name: /^全部公布/ })).toBeNull();
  });
});
