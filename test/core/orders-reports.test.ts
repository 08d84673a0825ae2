// Free orders and the three kinds of report as the authority takes them: an order carries an effect,
// a text, or both, and its message says both; a report is 报告, 请示 or 协调; logs written before
// these fields existed still read the same.
import { describe, expect, it } from 'vitest';
import { MIN, TestDrill, scenario } from './test-drill.ts';

const HQ = 'anshan-hq';
const drill = () => new TestDrill(scenario('haicheng-m5.8.yaml')).start().wait(MIN);

describe('orders', () => {
  it('an order with neither an effect nor a text is refused', () => {
    const d = drill();
    d.expectRefused(d.seat(HQ, { type: 'order', to: 'g-rescue' }), 'an order says what to do: give it an effect, a text, or both');
  });

  it('a free-text order, and an order with both: the message carries the text and the effect', () => {
    const d = drill();
    expect(d.seat(HQ, { type: 'order', to: 'g-rescue', text: '抢险救援组立即赶赴岔沟镇' })).toEqual({ ok: true });
    expect(d.seat(HQ, { type: 'order', to: 'g-rescue', effect: { do: 'activate-group', group: 'g-rescue' }, text: '启动抢险救援组' })).toEqual({ ok: true });
    // An order as old logs hold it: an effect, no text.
    expect(d.seat(HQ, { type: 'order', to: 'county-haicheng', effect: { do: 'notify', to: ['county-haicheng'] } })).toEqual({ ok: true });
    expect(d.world.messages.filter((m) => m.kind === 'order').map(({ from, to, text, effect }) => ({ from, to, text, effect }))).toEqual([
      { from: HQ, to: 'g-rescue', text: '抢险救援组立即赶赴岔沟镇', effect: undefined },
      { from: HQ, to: 'g-rescue', text: '启动抢险救援组', effect: 'activate-group' },
      { from: HQ, to: 'county-haicheng', text: undefined, effect: 'notify' },
    ]);
  });

  it('the hierarchy applies to a free-text order as to any other', () => {
    const d = drill();
    d.expectRefused(d.seat('g-rescue', { type: 'order', to: 'fire-rescue', text: '待命' }), 'g-rescue is on standby: a working group commands its members once the HQ activates it');
    d.expectRefused(d.seat(HQ, { type: 'order', to: 'fire-rescue', text: '出动' }), 'anshan-hq cannot give orders to fire-rescue: orders flow down the hierarchy');
  });
});

describe('reports, requests and coordination', () => {
  it('报告 and 请示 go up, 协调 sideways; each is a message of its kind; a report without kind is 报告', () => {
    const d = drill();
    expect(d.seat('fire-rescue', { type: 'report', to: 'g-rescue', text: '已到达岔沟' })).toEqual({ ok: true });
    expect(d.seat('g-rescue', { type: 'report', to: HQ, text: '请求调派重型机械', kind: 'request' })).toEqual({ ok: true });
    expect(d.seat('g-rescue', { type: 'report', to: 'g-medical', text: '请医疗组到岔沟设置检伤点', kind: 'coordinate' })).toEqual({ ok: true });
    expect(d.seat('fire-rescue', { type: 'report', to: 'blue-sky', text: '分区搜救', kind: 'coordinate' })).toEqual({ ok: true });
    expect(d.seat('county-haicheng', { type: 'report', to: 'county-tiedong', text: '请支援帐篷', kind: 'coordinate' })).toEqual({ ok: true });
    d.expectRefused(d.seat('g-rescue', { type: 'report', to: HQ, text: 'x', kind: 'coordinate' }), /^g-rescue and anshan-hq are not peers: coordination \(协调\) goes sideways/);
    d.expectRefused(d.seat('g-rescue', { type: 'report', to: 'g-medical', text: 'x', kind: 'request' }), 'g-rescue reports to the HQ, not to g-medical: reports flow up');
    d.expectRefused(d.seat('fire-rescue', { type: 'report', to: 'health', text: 'x', kind: 'coordinate' }), /^fire-rescue and health are not peers/);
    expect(d.world.messages.filter((m) => m.kind !== 'inject').map((m) => `${m.kind} ${m.from} → ${m.to}`)).toEqual([
      'report fire-rescue → g-rescue',
      'request g-rescue → anshan-hq',
      'coordinate g-rescue → g-medical',
      'coordinate fire-rescue → blue-sky',
      'coordinate county-haicheng → county-tiedong',
    ]);
  });
});
