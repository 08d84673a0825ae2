// @vitest-environment happy-dom
// The drill script (演练脚本) in the authoring view: one table per receiving unit under each time node,
// rows in delivery order; an inject sent to two units is in both units' tables.
import { describe, expect, it } from 'vitest';
import { minimal } from '../render.ts';
import { mountForTest } from './helpers.ts';

// Two more injects for the minimal scenario: an early call in n1 to the fire brigade, and a meeting in
// n2 for the HQ and the fire brigade.
const MORE = `  - id: hq-brief
    at: { node: n2, offset: 1m }
    title: { zh: 指挥部会商, en: HQ meeting }
    narrative: { zh: 向指挥部汇报救援进展。, en: Brief the HQ on the rescue. }
    to: [hq, fire-rescue]
    via: meeting
  - id: early-call
    at: { node: n1, offset: 1m }
    title: { zh: 群众来电, en: A call from the public }
    narrative: { zh: 群众报告岔沟有房屋倒塌。, en: A caller reports collapsed houses in Chagou. }
    to: [fire-rescue]
    via: phone
decisions:
`;

const rowsOf = (table: Element) => [...table.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-msel-row'));

describe('the MSEL table', () => {
  it('groups the rows by node, then by receiving unit, in delivery order', () => {
    const text = minimal().replace(/^decisions:\n/m, MORE);
    const t = mountForTest({ text });
    expect(t.container.querySelector('[data-author-problems]')).toBeNull();

    const nodes = [...t.container.querySelectorAll('[data-msel-node]')];
    expect(nodes.map((n) => n.getAttribute('data-msel-node'))).toEqual(['n1', 'n2']);

    // n1: the fire brigade only — the call at T+1m, then the collapse report at T+2m.
    const n1 = [...nodes[0]!.querySelectorAll('[data-msel-unit]')];
    expect(n1.map((u) => u.getAttribute('data-msel-unit'))).toEqual(['fire-rescue']);
    expect(rowsOf(n1[0]!)).toEqual(['early-call', 'collapse-report']);
    expect(n1[0]!.querySelector('caption')!.textContent).toBe('接收单位：市消防救援支队');

    // n2: the meeting under the HQ first (the organisation's order), then under the fire brigade.
    const n2 = [...nodes[1]!.querySelectorAll('[data-msel-unit]')];
    expect(n2.map((u) => u.getAttribute('data-msel-unit'))).toEqual(['hq', 'fire-rescue']);
    expect(rowsOf(n2[0]!)).toEqual(['hq-brief']);
    expect(rowsOf(n2[1]!)).toEqual(['hq-brief']);

    // The cells of the meeting row: T+, its scenario time (n2 spans 30m–6h over 20 min of drill: 1m in is
    // 30m + 330m/20 = 46m30s after the quake), 阶段, 标题, 注入内容, 注入方式, 接收单位.
    const cells = [...n2[0]!.querySelectorAll('tbody td')].map((td) => td.textContent!.trim());
    expect(cells.slice(0, 7)).toEqual(['T+1m', '46m30s', '抢险救援', '指挥部会商', '向指挥部汇报救援进展。', '会议', '市抗震救灾指挥部、市消防救援支队']);
    expect([...n2[0]!.querySelectorAll('thead th')].map((th) => th.textContent!.trim()).slice(0, 3)).toEqual(['T+', '震后时间', '阶段']);
  });

  it('shows the English cells and headers in the English interface', () => {
    const text = minimal().replace(/^decisions:\n/m, MORE);
    const t = mountForTest({ text, lang: 'en' });
    const table = t.container.querySelector('[data-msel-node="n2"] [data-msel-unit="hq"]')!;
    const cells = [...table.querySelectorAll('tbody td')].map((td) => td.textContent!.trim());
    // The units joined as English lists are in the app (org.listSeparator: '; ').
    expect(cells.slice(2, 7)).toEqual(['Rescue', 'HQ meeting', 'Brief the HQ on the rescue.', 'meeting', 'City earthquake relief HQ; City fire and rescue detachment']);
  });
});
