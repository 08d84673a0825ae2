// @vitest-environment happy-dom
// A seat's inbox (issue 9 §2): every message addressed to it — 命令, 报告, 请示, 协调, 通知 and the
// injects the facilitator writes live — newest first, with who sent it and when (drill time,
// T+h:mm); unread until the seat marks it read, which is the interface's memory and no log entry.
// An inject's expected action is for the facilitator and the evaluators, never for the seat.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { MIN, renderDrill } from './render.ts';

type Drill = ReturnType<typeof renderDrill>;
const show = (d: Drill, seat: string) => fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: seat } });
const words = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
const inbox = (d: Drill) => getByRole(d.container, 'region', { name: /^收件箱/ });
const EXPECTED = '抢险救援组派评估组核查并组织老人转移';

/** Six messages to g-rescue, one a minute, each of another kind. */
function sixMessages() {
  const d = renderDrill();
  const s = d.start();
  const sent = (actor: string, event: Parameters<typeof s.send>[1]) => {
    d.pass(MIN);
    expect(s.send(actor, event)).toEqual({ ok: true });
  };
  sent('anshan-hq', { type: 'order', to: 'g-rescue', text: '抢险救援组立即进入应急状态' });
  sent('fire-rescue', { type: 'report', to: 'g-rescue', text: '消防救援支队已集结完毕' });
  sent('fire-rescue', { type: 'report', to: 'g-rescue', kind: 'request', text: '请求调派鞍钢矿业救护队' });
  sent('g-medical', { type: 'report', to: 'g-rescue', kind: 'coordinate', text: '医疗队随救援队同行' });
  sent('anshan-hq', { type: 'order', to: 'g-coord', effect: { do: 'notify', to: ['g-rescue'] } });
  d.pass(MIN);
  expect(
    s.facilitator({ type: 'live-inject', title: '牌楼镇敬老院墙体开裂', text: '敬老院报告墙体出现贯通裂缝，院内有老人42名。', to: ['g-rescue', 'g-medical'], question: '如何处置？', expected: EXPECTED }),
  ).toEqual({ ok: true });
  return d;
}

describe('a seat’s inbox', () => {
  it('lists every kind of message to the seat, newest first, with sender, kind and drill time — never an inject’s expected action', () => {
    const d = sixMessages();
    show(d, 'g-rescue');
    expect(within(inbox(d)).getAllByRole('article').map(words)).toEqual([
      '演练时间 06:00 注入 来自 导调 未读 牌楼镇敬老院墙体开裂 敬老院报告墙体出现贯通裂缝，院内有老人42名。 问题： 如何处置？ 标为已读',
      // The HQ's order to the coordination group notified g-rescue: the notice is the HQ's.
      '演练时间 05:00 通知 来自 鞍山市抗震救灾指挥部 未读 标为已读',
      '演练时间 04:00 协调 来自 医疗防疫组 未读 医疗队随救援队同行 标为已读',
      '演练时间 03:00 请示 来自 消防救援支队 未读 请求调派鞍钢矿业救护队 标为已读',
      '演练时间 02:00 报告 来自 消防救援支队 未读 消防救援支队已集结完毕 标为已读',
      '演练时间 01:00 命令 来自 鞍山市抗震救灾指挥部 未读 抢险救援组立即进入应急状态 标为已读',
    ]);
    expect(d.container.textContent).not.toContain(EXPECTED);
    // The other receiving seat has the inject too, and neither sees the expected action.
    show(d, 'g-medical');
    expect(words(within(inbox(d)).getAllByRole('article')[0]!)).toContain('牌楼镇敬老院墙体开裂');
    expect(d.container.textContent).not.toContain(EXPECTED);
    // What a seat sent is in its sent list, not in its inbox.
    expect(words(getByRole(d.container, 'region', { name: /^已发出/ }))).toBe('已发出 1 演练时间 04:00 协调 发往 抢险救援组 医疗队随救援队同行');
  });

  it('keeps a message unread until the seat marks it read; reading is not a log entry', () => {
    const d = sixMessages();
    const entries = d.session().exercise.log.length;
    show(d, 'g-rescue');
    expect(getByRole(inbox(d), 'heading', { level: 2 }).textContent!.replace(/\s+/g, ' ').trim()).toBe('收件箱 6 条未读');
    const order = () => within(inbox(d)).getAllByRole('article')[5]!;
    within(order()).getByRole('button', { name: '标为已读' }).click();
    expect(words(order())).toBe('演练时间 01:00 命令 来自 鞍山市抗震救灾指挥部 抢险救援组立即进入应急状态');
    expect(words(getByRole(inbox(d), 'heading', { level: 2 }))).toBe('收件箱 5 条未读');

    // Read on one seat is not read on another.
    show(d, 'g-medical');
    expect(words(getByRole(inbox(d), 'heading', { level: 2 }))).toBe('收件箱 1 条未读');

    show(d, 'g-rescue');
    within(inbox(d)).getByRole('button', { name: '全部标为已读' }).click();
    expect(words(getByRole(inbox(d), 'heading', { level: 2 }))).toBe('收件箱');
    expect(within(inbox(d)).queryAllByText('未读')).toEqual([]);
    expect(d.session().exercise.log.length).toBe(entries);
  });
});
