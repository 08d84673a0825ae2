// @vitest-environment happy-dom
// Reports (报告), requests (请示) and coordination (协调) from a seat's screen (issue 9 §2): 报告 and
// 请示 go up to whom the seat answers to, 协调 sideways to its peers; the seat is offered exactly
// those, sees why not the others, and what it sends lands in the recipient's inbox with its kind.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { renderDrill } from './render.ts';

type Drill = ReturnType<typeof renderDrill>;
const show = (d: Drill, seat: string) => fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: seat } });
const form = (d: Drill) => getByRole(d.container, 'form', { name: '报告、请示与协调' });
const words = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
const offered = (d: Drill) => within(within(form(d)).getByRole('combobox', { name: '接收方' })).getAllByRole('option').map(words);
const kind = (d: Drill, name: '报告' | '请示' | '协调') => within(form(d)).getByRole('radio', { name }).click();

function send(d: Drill, to: string, text: string) {
  fireEvent.change(within(form(d)).getByRole('combobox', { name: '接收方' }), { target: { value: to } });
  fireEvent.input(within(form(d)).getByRole('textbox', { name: '内容' }), { target: { value: text } });
  within(form(d)).getByRole('button', { name: '发送' }).click();
}

const inboxOf = (d: Drill, seat: string) => {
  show(d, seat);
  return within(getByRole(d.container, 'region', { name: /^收件箱/ })).queryAllByRole('article').map(words);
};

describe('reports, requests and coordination from a seat', () => {
  it('a member unit reports and requests up to its working groups or the HQ, and coordinates with the units of its groups', () => {
    const d = renderDrill();
    d.start();
    show(d, 'fire-rescue');
    // Up: the HQ first, then its two groups (抢险救援组, 地震监测和次生灾害防范处置组), in the organisation's order.
    expect(offered(d)).toEqual(['鞍山市抗震救灾指挥部', '抢险救援组', '地震监测和次生灾害防范处置组']);
    expect(words(within(form(d)).getByText('不能选择的原因').closest('details')!)).toContain('成员单位向所在工作组或指挥部报告、请示。');
    send(d, 'g-rescue', '岔沟镇倒塌民房已确认3处，请求增派搜救犬');
    expect(d.session().exercise.log.at(-1)).toMatchObject({ actor: 'fire-rescue', event: { type: 'report', to: 'g-rescue', kind: 'report', text: '岔沟镇倒塌民房已确认3处，请求增派搜救犬' } });

    show(d, 'fire-rescue');
    kind(d, '请示');
    expect(offered(d)).toEqual(['鞍山市抗震救灾指挥部', '抢险救援组', '地震监测和次生灾害防范处置组']);
    send(d, 'anshan-hq', '请示调用鞍钢矿业救护队协助');

    show(d, 'fire-rescue');
    kind(d, '协调');
    // Sideways: the units it shares 抢险救援组 or 地震监测组 with, in the file's order.
    expect(offered(d)).toEqual(['市应急局', '市地震局', '市住建局', '市水利局', '市生态环境局', '市自然资源局', '军分区', '武警支队', '森林消防大队', '鞍钢矿业救护队', '鞍钢危化品救援队', '红十字救援队', '蓝天救援队']);
    send(d, 'blue-sky', '请蓝天救援队到岔沟镇与我队会合');
    expect(d.world().rejections).toEqual([]);

    expect(inboxOf(d, 'g-rescue')[0]).toBe('演练时间 00:00 报告 来自 消防救援支队 未读 岔沟镇倒塌民房已确认3处，请求增派搜救犬 标为已读');
    expect(inboxOf(d, 'anshan-hq')[0]).toBe('演练时间 00:00 请示 来自 消防救援支队 未读 请示调用鞍钢矿业救护队协助 标为已读');
    expect(inboxOf(d, 'blue-sky')[0]).toBe('演练时间 00:00 协调 来自 消防救援支队 未读 请蓝天救援队到岔沟镇与我队会合 标为已读');
  });

  it('a working group coordinates with the other groups and the county HQs; the city HQ has no one above it at the table', () => {
    const d = renderDrill();
    d.start();
    show(d, 'g-medical');
    kind(d, '协调');
    const peers = offered(d);
    expect(peers).toContain('抢险救援组');
    expect(peers).toContain('海城市抗震救灾指挥部');
    expect(peers).not.toContain('鞍山市抗震救灾指挥部');
    expect(peers).not.toContain('市卫健委');
    send(d, 'g-rescue', '伤员转运请走沈海高速');
    expect(inboxOf(d, 'g-rescue')[0]).toBe('演练时间 00:00 协调 来自 医疗防疫组 未读 伤员转运请走沈海高速 标为已读');

    show(d, 'anshan-hq');
    expect(queryByRole(form(d), 'combobox', { name: '接收方' })).toBeNull();
    expect(form(d).textContent).toContain('按指挥体系，本席位目前没有可以上报或协调的对象。');
    expect(words(within(form(d)).getByRole('list', { name: '不能选择的原因' }))).toContain('市指挥部向省级报告、请示，省级不是本次演练的席位。');
  });
});
