// @vitest-environment happy-dom
// Free orders from a seat's screen (issue 9 §2): the recipients offered are the ones the command
// hierarchy allows now, and a line says why the others are not; a working group commands its
// members only once the HQ has activated it. An order is a log entry and lands in the recipient's inbox.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { MIN, renderDrill } from './render.ts';

const show = (d: ReturnType<typeof renderDrill>, seat: string) => fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: seat } });
const orderForm = (d: ReturnType<typeof renderDrill>) => getByRole(d.container, 'form', { name: '下达命令' });
const words = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
/** g-rescue's lead and members, as seatsOf lists units: in the file's order, by their short names. */
const RESCUE_MEMBERS = ['市应急局', '市住建局', '军分区', '武警支队', '消防救援支队', '森林消防大队', '鞍钢矿业救护队', '红十字救援队', '蓝天救援队'];

describe('orders from a seat', () => {
  it('a group on standby cannot order its members and is told why; once the HQ activates it, it can, and the order reaches the member', () => {
    const d = renderDrill();
    d.start();
    d.pass(MIN);

    show(d, 'g-rescue');
    let form = orderForm(d);
    expect(queryByRole(form, 'combobox', { name: '接收方' })).toBeNull();
    expect(form.textContent).toContain('按指挥体系，本席位目前不能向任何席位下达命令。');
    const why = within(form).getByRole('list', { name: '不能选择的原因' });
    const lines = within(why).getAllByRole('listitem').map(words);
    expect(lines).toContain(`本工作组待命：经指挥部启动后才能指挥成员单位。 （${RESCUE_MEMBERS.join('、')}）`);
    expect(lines.find((l) => l.startsWith('命令逐级下达'))).toContain('鞍山市抗震救灾指挥部');

    // The HQ activates the group by an order carrying that action.
    show(d, 'anshan-hq');
    form = orderForm(d);
    fireEvent.change(within(form).getByRole('combobox', { name: '接收方' }), { target: { value: 'g-rescue' } });
    fireEvent.change(within(orderForm(d)).getByRole('combobox', { name: '附带行动' }), { target: { value: 'activate-group' } });
    fireEvent.change(within(orderForm(d)).getByRole('combobox', { name: '工作组' }), { target: { value: 'g-rescue' } });
    within(orderForm(d)).getByRole('button', { name: '下达命令' }).click();
    expect(d.session().exercise.log.at(-1)).toMatchObject({ actor: 'anshan-hq', event: { type: 'order', to: 'g-rescue', effect: { do: 'activate-group', group: 'g-rescue' } } });
    expect(d.world().rejections).toEqual([]);
    expect(d.world().hierarchy.groups['g-rescue']).toBe('activated');
    expect(d.container.querySelector('.status-line')!.classList.contains('refused')).toBe(false);

    show(d, 'g-rescue');
    const to = within(orderForm(d)).getByRole('combobox', { name: '接收方' });
    expect(within(to).getAllByRole('option').map(words)).toEqual(RESCUE_MEMBERS);
    fireEvent.change(to, { target: { value: 'fire-rescue' } });
    fireEvent.input(within(orderForm(d)).getByRole('textbox', { name: '内容' }), { target: { value: '立即组织力量赶赴岔沟镇搜救被困群众' } });
    within(orderForm(d)).getByRole('button', { name: '下达命令' }).click();
    expect(d.session().exercise.log.at(-1)).toMatchObject({ actor: 'g-rescue', event: { type: 'order', to: 'fire-rescue', text: '立即组织力量赶赴岔沟镇搜救被困群众' } });
    expect(d.world().rejections).toEqual([]);
    // Sent: the form is ready for the next order, the keyboard still in it, and the seat's sent list has it.
    const text = within(orderForm(d)).getByRole('textbox', { name: '内容' }) as HTMLTextAreaElement;
    expect(text.value).toBe('');
    expect(document.activeElement).toBe(text);
    expect(words(getByRole(d.container, 'region', { name: /^已发出/ }))).toContain('发往 消防救援支队');

    show(d, 'fire-rescue');
    const inbox = getByRole(d.container, 'region', { name: /^收件箱/ });
    const [order] = within(inbox).getAllByRole('article');
    expect(words(order!)).toBe('演练时间 01:00 命令 来自 抢险救援组 未读 立即组织力量赶赴岔沟镇搜救被困群众 标为已读');
  });

  it('an order carries an action built from the scenario’s names, or is not sent without words or an action', () => {
    const d = renderDrill();
    d.start();
    show(d, 'anshan-hq');
    const send = () => within(orderForm(d)).getByRole('button', { name: '下达命令' }) as HTMLButtonElement;
    // Neither words nor an action: nothing to send, and the form says so.
    expect(send().disabled).toBe(true);
    expect(orderForm(d).textContent).toContain('请填写命令内容或选择一项行动。');
    // The HQ's own orders: its groups and county HQs, never a member unit directly.
    const to = within(orderForm(d)).getByRole('combobox', { name: '接收方' });
    const offered = within(to).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);
    expect(offered).toContain('g-living');
    expect(offered).toContain('county-haicheng');
    expect(offered).not.toContain('fire-rescue');

    fireEvent.change(to, { target: { value: 'g-living' } });
    fireEvent.change(within(orderForm(d)).getByRole('combobox', { name: '附带行动' }), { target: { value: 'close-route' } });
    // An action chosen but not filled in is not an order yet.
    expect(send().disabled).toBe(true);
    const route = within(orderForm(d)).getByRole('combobox', { name: '道路' });
    // A road not closed yet (the placeholder comes first): the first the scenario lists.
    const first = (within(route).getAllByRole('option')[1] as HTMLOptionElement).value;
    expect(first).toBe('g15-shenhai');
    fireEvent.change(route, { target: { value: first } });
    expect(send().disabled).toBe(false);
    send().click();
    expect(d.session().exercise.log.at(-1)).toMatchObject({ actor: 'anshan-hq', event: { type: 'order', to: 'g-living', effect: { do: 'close-route', route: first } } });
    expect(d.world().routesClosed).toEqual([first]);
    // A closed road is no longer offered to close.
    expect(within(within(orderForm(d)).getByRole('combobox', { name: '道路' })).queryByRole('option', { name: /沈海/ })).toBeNull();
  });

  it('a county HQ not leading the response orders its own forces: evacuating a place in its own area', () => {
    const d = renderDrill();
    d.start();
    show(d, 'county-haicheng');
    const to = within(orderForm(d)).getByRole('combobox', { name: '接收方' });
    expect(within(to).getAllByRole('option').map(words)).toEqual(['本级所属力量']);
    expect(words(within(orderForm(d)).getByText('不能选择的原因').closest('details')!)).toContain('县区指挥部只在牵头响应时指挥市工作组；现由鞍山市抗震救灾指挥部牵头。');
    fireEvent.change(within(orderForm(d)).getByRole('combobox', { name: '附带行动' }), { target: { value: 'evacuate' } });
    const place = within(orderForm(d)).getByRole('combobox', { name: '疏散地点' });
    // Its own towns only: Tiedong's city districts are another county HQ's.
    expect(within(place).getAllByRole('option').map(words).slice(0, 2)).toEqual(['— 请选择 —', '岔沟镇']);
    expect(within(place).queryByRole('option', { name: /铁东/ })).toBeNull();
    fireEvent.change(place, { target: { value: 'chagou' } });
    fireEvent.input(within(orderForm(d)).getByRole('spinbutton', { name: '疏散人数' }), { target: { value: '1200' } });
    within(orderForm(d)).getByRole('button', { name: '下达命令' }).click();
    expect(d.session().exercise.log.at(-1)).toMatchObject({ actor: 'county-haicheng', event: { type: 'order', to: 'county-haicheng', effect: { do: 'evacuate', place: 'chagou', people: 1200 } } });
    expect(d.world().rejections).toEqual([]);
    expect(d.world().evacuated).toBe(1200);
  });
});
