// @vitest-environment happy-dom
// A response that was activated and then ended reads 已终止 (ended), not 未启动 (never activated):
// in the clock bar, on the big screen and in the log.
import { describe, expect, it } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import { MIN, renderDrill } from './render.ts';

const levelOf = (region: HTMLElement, label = '响应级别') => within(region).getByText(label).nextElementSibling!.textContent!.trim();

describe('the response level once ended', () => {
  it('reads 未启动 before any level, the level while it runs, and 已终止 once the HQ ends it', () => {
    const d = renderDrill();
    const session = d.start();
    const clock = () => getByRole(d.container, 'region', { name: '推演状态' });
    expect(levelOf(clock())).toBe('未启动');
    d.pass(MIN);
    expect(session.send('anshan-hq', { type: 'set-level', level: 'III' }).ok).toBe(true);
    expect(levelOf(clock())).toBe('Ⅲ级');
    expect(session.send('anshan-hq', { type: 'set-level', level: 'none' }).ok).toBe(true);
    expect(levelOf(clock())).toBe('已终止');
    const log = getByRole(d.container, 'table', { name: '推演日志' });
    expect(within(log).getAllByRole('row')[1]!.textContent).toContain('已终止');

    getByRole(d.container, 'button', { name: '指挥大屏' }).click();
    const big = getByRole(d.container, 'region', { name: '推演状态' });
    expect(big.textContent).toContain('已终止');
    expect(big.textContent).not.toContain('未启动');
  });

  it('in English: Ended', () => {
    const d = renderDrill({ lang: 'en' });
    const session = d.start();
    d.pass(MIN);
    session.send('anshan-hq', { type: 'set-level', level: 'III' });
    session.send('anshan-hq', { type: 'set-level', level: 'none' });
    expect(levelOf(getByRole(d.container, 'region', { name: 'Drill status' }), 'Response level')).toBe('Ended');
  });
});
