// @vitest-environment happy-dom
// The facilitator's controls on the console: pause/resume by button and by Space, N for the next
// node, "?" for the shortcuts, fast-forward, and ending the drill — each one an entry in the log.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const statusRegion = (page: HTMLElement) => getByRole(page, 'region', { name: '推演状态' });
const types = (d: ReturnType<typeof renderDrill>) => d.session().exercise.log.map((e) => e.event.type);

describe('the facilitator console controls', () => {
  it('pauses and resumes with the button: drill time stands still in between', () => {
    const d = renderDrill();
    d.start();
    d.pass(MIN);
    getByRole(d.container, 'button', { name: '暂停' }).click();
    expect(d.world().mode).toBe('paused');
    expect(within(statusRegion(d.container)).getByText('已暂停')).toBeTruthy();
    expect(getByRole(d.container, 'status').textContent).toContain('暂停');

    d.pass(5 * MIN);
    expect(within(statusRegion(d.container)).getByText('01:00')).toBeTruthy();
    getByRole(d.container, 'button', { name: '继续' }).click();
    d.pass(30_000);
    expect(within(statusRegion(d.container)).getByText('01:30')).toBeTruthy();
    expect(types(d)).toEqual(['start', 'pause', 'resume']);
  });

  it('Space pauses and resumes; not while a field or a button has the key', () => {
    const d = renderDrill();
    d.start();
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(d.world().mode).toBe('paused');
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(d.world().mode).toBe('running');

    const filter = getByRole(d.container, 'combobox', { name: '按席位' });
    fireEvent.keyDown(filter, { key: ' ' });
    fireEvent.keyDown(filter, { key: 'n' });
    const button = getByRole(d.container, 'button', { name: '下一节点' });
    fireEvent.keyDown(button, { key: ' ' }); // Space presses the focused button instead
    expect(d.world().mode).toBe('running');
    expect(d.world().node).toBe(0);
    expect(types(d)).toEqual(['start', 'pause', 'resume']);
  });

  it('N moves to the next time node (once confirmed with Enter); on the last node it is refused and the status line says why', () => {
    const d = renderDrill();
    d.start();
    fireEvent.keyDown(document.body, { key: 'n' });
    expect(d.world().node).toBe(0); // it asks first (test/app/next-node.test.ts)
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(d.world().node).toBe(1);
    expect(statusRegion(d.container).textContent).toContain(`2/5 ${scenario.nodes[1]!.name.zh}`);

    for (let i = 0; i < 3; i++) {
      fireEvent.keyDown(document.body, { key: 'N' });
      fireEvent.keyDown(document.body, { key: 'Enter' });
    }
    expect(d.world().node).toBe(4);
    expect((getByRole(d.container, 'button', { name: '下一节点' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(document.body, { key: 'n' });
    const status = getByRole(d.container, 'status');
    expect(status.textContent).toContain('已驳回');
    expect(status.textContent).toContain('原因：已是最后一个时间节点');
    expect(d.world().rejections.at(-1)!.reason).toBe('cannot next-node while running.node5'); // as recorded
    const log = getByRole(d.container, 'table', { name: '推演日志' });
    const refused = within(log).getAllByRole('row')[1]!;
    expect(refused.textContent).toContain('驳回：已是最后一个时间节点');
    expect(within(refused).getAllByRole('cell')[4]!.getAttribute('title')).toBe('cannot next-node while running.node5');
  });

  it('? shows the shortcuts; Escape closes them', () => {
    const d = renderDrill();
    d.start();
    expect(queryByRole(d.container, 'dialog')).toBeNull();
    fireEvent.keyDown(document.body, { key: '?' });
    const dialog = getByRole(d.container, 'dialog', { name: '快捷键' });
    expect(dialog.textContent).toContain('暂停 / 继续');
    expect(dialog.textContent).toContain('进入下一时间节点');
    fireEvent.keyDown(document.body, { key: ' ' }); // the dialog has the keys while open
    expect(d.world().mode).toBe('running');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(queryByRole(d.container, 'dialog')).toBeNull();
    getByRole(d.container, 'button', { name: '快捷键 (?)' }).click();
    getByRole(d.container, 'button', { name: '关闭' }).click();
    expect(queryByRole(d.container, 'dialog')).toBeNull();
  });

  it('fast-forward runs drill time faster than the room', () => {
    const d = renderDrill();
    d.start();
    const speed = getByRole(d.container, 'group', { name: '快进' });
    within(speed).getByRole('button', { name: '60×' }).click();
    expect(within(speed).getByRole('button', { name: '60×' }).getAttribute('aria-pressed')).toBe('true');
    d.pass(5_000);
    expect(within(statusRegion(d.container)).getByText('05:00')).toBeTruthy();
    within(speed).getByRole('button', { name: '1×' }).click();
    d.pass(5_000);
    expect(within(statusRegion(d.container)).getByText('05:05')).toBeTruthy();
  });

  it('ending asks first, then opens the debrief', () => {
    const d = renderDrill();
    d.start();
    getByRole(d.container, 'button', { name: '结束推演' }).click();
    expect(d.world().mode).toBe('running');
    getByRole(d.container, 'button', { name: '取消' }).click();
    getByRole(d.container, 'button', { name: '结束推演' }).click();
    getByRole(d.container, 'button', { name: '确认结束' }).click();
    expect(d.world().mode).toBe('debrief');
    expect(d.store.getState().screen).toBe('debrief');
    expect(getByRole(d.container, 'heading', { level: 1 }).textContent).toBe('推演复盘');
    expect(types(d)).toEqual(['start', 'end']);
  });
});
