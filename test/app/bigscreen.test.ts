// @vitest-environment happy-dom
// The command-room big screen: the clocks and level, the key figures, the map slot, the open
// decisions with their countdowns; the facilitator's keys work there too.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();

describe('the big screen', () => {
  it('shows the drill at a glance and hands the keys to the facilitator', () => {
    const d = renderDrill();
    d.start();
    d.pass(5 * MIN);
    getByRole(d.container, 'button', { name: '指挥大屏' }).click();
    const page = d.container;
    expect(page.querySelector('.bigscreen')).not.toBeNull();
    expect(queryByRole(page, 'navigation')).toBeNull(); // the whole screen is the drill
    expect(getByRole(page, 'heading', { level: 1 }).textContent).toContain(scenario.meta.title.zh);

    const clock = getByRole(page, 'region', { name: '推演状态' });
    expect(clock.textContent).toContain('05:00');
    expect(clock.textContent).toContain('T+0:08'); // 5 of 20 drill minutes into T+0…30 min, rounded
    const figures = getByRole(page, 'region', { name: '关键数据' });
    expect(figures.textContent).toContain('救出 / 被困');
    expect(figures.textContent).toContain('医院断电（医院·小时）'); // the scenario's hours-without figure (its v1 set)
    expect(page.querySelector('.bigscreen [data-map-slot]')).not.toBeNull();
    const open = getByRole(page, 'region', { name: /各席位待决策/ });
    expect(within(open).getAllByRole('timer').length).toBeGreaterThan(0);
    expect(open.textContent).toContain('鞍山市抗震救灾指挥部');
    // The room sees no score until the facilitator shows the scores to the seats.
    expect(queryByRole(page, 'region', { name: '综合得分' })).toBeNull();
    expect(page.textContent).toContain('导调尚未向席位公布得分');
    d.reveal();
    // Five minutes in nothing is scored yet: d03 (open since 1:00) and d01 (since 3:00) still run.
    const overall = getByRole(page, 'region', { name: '综合得分' });
    expect(overall.textContent!.replace(/\s+/g, ' ').trim()).toBe('综合得分 — 未评分 基于 0 项决策');

    fireEvent.keyDown(document.body, { key: ' ' });
    expect(d.world().mode).toBe('paused');
    expect(getByRole(page, 'status').textContent).toContain('暂停');

    getByRole(page, 'button', { name: '退出大屏' }).click();
    expect(d.store.getState().screen).toBe('console');
  });
});
