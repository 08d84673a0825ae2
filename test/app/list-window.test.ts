// @vitest-environment happy-dom
// The long lists (views/window.ts): the console's log draws its latest 100 rows and a seat's inbox
// its latest 30 messages, "显示更早的 N 条" draws as many more each time, and the log's filters still
// search the whole log.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { renderDrill } from './render.ts';

const table = (page: HTMLElement) => getByRole(page, 'table', { name: '推演日志' });
const rows = (page: HTMLElement) => within(table(page)).getAllByRole('row').slice(1);
const seqs = (page: HTMLElement) => rows(page).map((r) => Number(within(r).getAllByRole('cell')[0]!.textContent));
const logPanel = (page: HTMLElement) => table(page).closest('section')!;

/** A drill of 250 entries: the start (seq 1), then 249 reports from 消防救援支队 to 抢险救援组 (seq 2…250). */
function longDrill() {
  const d = renderDrill();
  const s = d.start();
  for (let i = 1; i <= 249; i++) expect(s.send('fire-rescue', { type: 'report', to: 'g-rescue', text: `第${i}次报告` })).toEqual({ ok: true });
  return d;
}

describe('the long lists', () => {
  it('draw the latest 100 log entries, and show earlier ones on request', () => {
    const d = longDrill();
    expect(rows(d.container)).toHaveLength(100);
    expect(seqs(d.container)[0]).toBe(250);
    expect(seqs(d.container).at(-1)).toBe(151);
    // The count is of the whole log, not of the rows drawn.
    expect(d.container.textContent).toContain('显示 250 / 250 条');

    getByRole(logPanel(d.container), 'button', { name: '显示更早的 100 条' }).click();
    expect(rows(d.container)).toHaveLength(200);
    expect(seqs(d.container).at(-1)).toBe(51);
    getByRole(logPanel(d.container), 'button', { name: '显示更早的 50 条' }).click();
    expect(rows(d.container)).toHaveLength(250);
    expect(seqs(d.container).at(-1)).toBe(1);
    expect(queryByRole(logPanel(d.container), 'button', { name: /^显示更早的/ })).toBeNull();
  });

  it('filter the whole log: an entry older than the latest 100 is found', () => {
    const d = longDrill();
    expect(seqs(d.container)).not.toContain(1);
    fireEvent.change(getByRole(d.container, 'combobox', { name: '按席位' }), { target: { value: 'facilitator' } });
    expect(seqs(d.container)).toEqual([1]);
    expect(within(rows(d.container)[0]!).getAllByRole('cell')[3]!.textContent).toBe('开始推演');
    expect(d.container.textContent).toContain('显示 1 / 250 条');
  });

  it('draw a seat’s latest 30 messages, numbered as in the whole inbox, and show earlier ones on request', () => {
    const d = longDrill();
    fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: 'g-rescue' } });
    const inbox = () => getByRole(d.container, 'region', { name: /^收件箱/ });
    const articles = () => within(inbox()).getAllByRole('article');
    expect(articles()).toHaveLength(30);
    expect(articles()[0]!.textContent).toContain('第249次报告');
    expect(articles().at(-1)!.textContent).toContain('第220次报告');
    expect(inbox().querySelector('ol')!.getAttribute('start')).toBe('249');
    // All 249 are unread, drawn or not.
    expect(getByRole(inbox(), 'heading', { level: 2 }).textContent!.replace(/\s+/g, ' ').trim()).toBe('收件箱 249 条未读');

    getByRole(inbox(), 'button', { name: '显示更早的 30 条' }).click();
    expect(articles()).toHaveLength(60);
    // 60 → 90 → … → 240, then the last 9.
    for (let i = 0; i < 6; i++) getByRole(inbox(), 'button', { name: '显示更早的 30 条' }).click();
    getByRole(inbox(), 'button', { name: '显示更早的 9 条' }).click();
    expect(articles()).toHaveLength(249);
    expect(articles().at(-1)!.textContent).toContain('第1次报告');
    expect(queryByRole(inbox(), 'button', { name: /^显示更早的/ })).toBeNull();
  });
});
