// @vitest-environment happy-dom
// The facilitator writes an inject live (title, text, receiving seats, question, expected action),
// or edits a prepared one before sending it: one log entry, and one inbox message per receiving seat.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const i02 = scenario.injects.find((x) => x.id === 'i02-intensity')!; // node 1 + 2:00, to the quake bureau, the HQ and the EMA

const injectsPanel = (page: HTMLElement) => getByRole(page, 'region', { name: '注入信息' });
const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } });
const inboxOf = (d: ReturnType<typeof renderDrill>, inject: string) => d.world().messages.filter((m) => m.kind === 'inject' && m.inject === inject);

describe('an inject written live', () => {
  it('goes out to the seats ticked, with its question; the expected action stays with control', () => {
    const d = renderDrill();
    d.start();
    d.pass(MIN); // after the opening inject, so the live one is the latest delivered
    getByRole(injectsPanel(d.container), 'button', { name: '编写注入' }).click();
    const form = getByRole(d.container, 'form', { name: '现场编写注入' });
    type(within(form).getByRole('textbox', { name: '标题' }), '鞍钢厂区氨气泄漏');
    type(within(form).getByRole('textbox', { name: '内容' }), '鞍钢化工厂储罐破裂，厂区下风向有刺鼻气味。');
    within(within(form).getByRole('group', { name: '指挥部' })).getByRole('checkbox', { name: '鞍山市抗震救灾指挥部' }).click();
    within(within(form).getByRole('group', { name: '成员单位' })).getByRole('checkbox', { name: '鞍钢危化品救援队' }).click();
    within(within(form).getByRole('group', { name: '县区指挥部' })).getByRole('checkbox', { name: '铁西区抗震救灾指挥部' }).click();
    type(within(form).getByRole('textbox', { name: '提问（可选）' }), '是否组织下风向群众疏散？');
    type(within(form).getByRole('textbox', { name: '期望处置（可选，仅导调与评估人员可见）' }), '划定警戒区，疏散下风向 500 米内群众');
    within(form).getByRole('button', { name: '下达' }).click();

    const entry = d.session().exercise.log.at(-1)!;
    expect(entry.actor).toBe('facilitator');
    expect(entry.event).toEqual({
      type: 'live-inject',
      title: '鞍钢厂区氨气泄漏',
      text: '鞍钢化工厂储罐破裂，厂区下风向有刺鼻气味。',
      to: ['anshan-hq', 'angang-chem-rescue', 'county-tiexi'],
      question: '是否组织下风向群众疏散？',
      expected: '划定警戒区，疏散下风向 500 米内群众',
    });
    const inbox = inboxOf(d, `live-${entry.seq}`);
    expect(inbox.map((m) => m.to)).toEqual(['anshan-hq', 'angang-chem-rescue', 'county-tiexi']);
    expect(inbox[0]).toMatchObject({ from: 'facilitator', title: '鞍钢厂区氨气泄漏', text: '鞍钢化工厂储罐破裂，厂区下风向有刺鼻气味。', question: '是否组织下风向群众疏散？' });

    // The form closes; the delivered list names it and its three recipients.
    expect(queryByRole(d.container, 'form', { name: '现场编写注入' })).toBeNull();
    const delivered = within(injectsPanel(d.container)).getByRole('list', { name: /^已下达/ });
    const item = within(delivered).getAllByRole('listitem')[0]!;
    expect(item.textContent).toContain('现场编写');
    expect(item.textContent).toContain('鞍钢厂区氨气泄漏');
    expect(item.textContent).toContain('鞍山市抗震救灾指挥部、鞍钢危化品救援队、铁西区抗震救灾指挥部');
    expect(item.textContent).toContain('期望处置：划定警戒区，疏散下风向 500 米内群众'); // the console is control's screen
  });

  it('is not sent without a receiving seat: the form says what is missing', () => {
    const d = renderDrill();
    d.start();
    getByRole(injectsPanel(d.container), 'button', { name: '编写注入' }).click();
    const form = getByRole(d.container, 'form', { name: '现场编写注入' });
    type(within(form).getByRole('textbox', { name: '标题' }), '余震');
    type(within(form).getByRole('textbox', { name: '内容' }), '4.1级余震。');
    within(form).getByRole('button', { name: '下达' }).click();
    expect(within(form).getByRole('alert').textContent).toBe('请至少选择一个接收席位。');
    expect((within(form).getByRole('textbox', { name: '标题' }) as HTMLInputElement).value).toBe('余震'); // what was typed stays
    expect(d.session().exercise.log.map((e) => e.event.type)).toEqual(['start']);
  });
});

describe('a prepared inject edited before sending', () => {
  it('opens prefilled with its title, narrative and recipients, and sends only what changed', () => {
    const d = renderDrill();
    d.start();
    getByRole(injectsPanel(d.container), 'button', { name: `编辑后下达：${i02.title.zh}` }).click();
    const form = getByRole(d.container, 'form', { name: `编辑后下达：${i02.title.zh}` });
    expect((within(form).getByRole('textbox', { name: '标题' }) as HTMLInputElement).value).toBe(i02.title.zh);
    const text = within(form).getByRole('textbox', { name: '内容' }) as HTMLTextAreaElement;
    expect(text.value).toBe(i02.narrative.zh);
    const box = (name: string) => within(form).getByRole('checkbox', { name }) as HTMLInputElement;
    expect(box('市地震局').checked).toBe(true);
    expect(box('鞍山市抗震救灾指挥部').checked).toBe(true);
    expect(box('市应急局').checked).toBe(true);
    expect(box('海城市抗震救灾指挥部').checked).toBe(false);
    expect(within(form).queryByRole('textbox', { name: '期望处置（可选，仅导调与评估人员可见）' })).toBeNull();

    type(text, '烈度速报：海城震中区最高烈度Ⅷ度。');
    box('市应急局').click();
    box('海城市抗震救灾指挥部').click();
    within(form).getByRole('button', { name: '下达' }).click();

    expect(d.session().exercise.log.at(-1)!.event).toEqual({
      type: 'fire-inject',
      inject: i02.id,
      edit: { narrative: '烈度速报：海城震中区最高烈度Ⅷ度。', to: ['anshan-hq', 'quake-bureau', 'county-haicheng'] },
    });
    expect(d.world().injects[i02.id]!.status).toBe('delivered');
    const inbox = inboxOf(d, i02.id);
    expect(inbox.map((m) => m.to).sort()).toEqual(['anshan-hq', 'county-haicheng', 'quake-bureau']);
    expect(inbox.every((m) => m.text === '烈度速报：海城震中区最高烈度Ⅷ度。')).toBe(true);
  });

  it('says so when the inject goes out as scheduled while it is being edited', () => {
    const d = renderDrill();
    d.start();
    getByRole(injectsPanel(d.container), 'button', { name: `编辑后下达：${i02.title.zh}` }).click();
    d.pass(2 * MIN); // i02 is due at 2:00
    const form = getByRole(d.container, 'form', { name: `编辑后下达：${i02.title.zh}` });
    expect(within(form).getByRole('alert').textContent).toContain('该注入已按计划下达（未修改）');
  });

  it('in English, the form holds the scenario’s English text', () => {
    const d = renderDrill({ lang: 'en' });
    d.start();
    getByRole(d.container, 'button', { name: `Edit and send: ${i02.title.en}` }).click();
    const form = getByRole(d.container, 'form', { name: `Edit, then send: ${i02.title.en}` });
    expect((within(form).getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe(i02.title.en);
    expect((within(form).getByRole('textbox', { name: 'Text' }) as HTMLTextAreaElement).value).toBe(i02.narrative.en);
    within(form).getByRole('button', { name: 'Cancel' }).click();
    expect(queryByRole(d.container, 'form')).toBeNull();
    expect(d.session().exercise.log.map((e) => e.event.type)).toEqual(['start']);
  });
});
