// @vitest-environment happy-dom
// The log timeline on the console, filtered by seat (what it sent or what concerns it) and by the
// time node the entry was made in.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const rumour = loadDefault().injects.find((x) => x.id === 'i06-rumour-m7')!;

const rows = (page: HTMLElement) => within(getByRole(page, 'table', { name: '推演日志' })).getAllByRole('row').slice(1);

describe('the log timeline', () => {
  it('filters by unit and by node', () => {
    const d = renderDrill();
    d.start();
    fireEvent.change(getByRole(d.container, 'combobox', { name: '市地震局的操作方' }), { target: { value: 'plan' } });
    d.pass(MIN + 30_000); // the bot answers d03 at 01:20
    getByRole(d.container, 'button', { name: `注入：${rumour.title.zh}` }).click(); // before it is due
    fireEvent.keyDown(document.body, { key: 'n' });
    fireEvent.keyDown(document.body, { key: 'Enter' }); // confirms leaving node 1 early
    getByRole(d.container, 'button', { name: '暂停' }).click();
    expect(rows(d.container)).toHaveLength(6);

    const byUnit = getByRole(d.container, 'combobox', { name: '按席位' });
    fireEvent.change(byUnit, { target: { value: 'quake-bureau' } });
    const bureau = rows(d.container);
    expect(bureau.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['3', '2']);
    for (const r of bureau) expect(r.textContent).toContain('市地震局');
    expect(d.container.textContent).toContain('显示 2 / 6 条');

    fireEvent.change(byUnit, { target: { value: 'facilitator' } });
    expect(rows(d.container)).toHaveLength(5);

    fireEvent.change(byUnit, { target: { value: '' } });
    const byNode = getByRole(d.container, 'combobox', { name: '按节点' });
    fireEvent.change(byNode, { target: { value: '1' } }); // node 2: the jump and the pause
    expect(rows(d.container).map((r) => within(r).getAllByRole('cell')[3]!.textContent)).toEqual(['暂停', '进入下一节点']);
    fireEvent.change(byNode, { target: { value: '0' } });
    expect(rows(d.container)).toHaveLength(4);
    expect(rows(d.container).at(-1)!.textContent).toContain('开始推演');
    // Drill time of each entry, even though it is not stored in the log.
    expect(within(rows(d.container)[1]!).getAllByRole('cell')[1]!.textContent).toBe('01:20');
  });
});
