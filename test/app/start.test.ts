// @vitest-environment happy-dom
// Starting: the app opens on the briefing; "开始推演" creates a session, starts it and opens the
// facilitator console at drill time 00:00, T+0:00, node 1.
import { describe, expect, it } from 'vitest';
import { getByRole, queryByRole, within } from '@testing-library/dom';
import { loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();

describe('starting a drill', () => {
  it('opens on the briefing of the default scenario, with a start button and a place for the map', () => {
    const { container: page, store } = renderDrill();
    expect(store.getState().screen).toBe('briefing');
    expect(getByRole(page, 'heading', { level: 1 }).textContent).toBe(scenario.meta.title.zh);
    expect(getByRole(page, 'table', { name: '时间节点' })).toBeTruthy();
    expect(getByRole(page, 'button', { name: '开始推演' })).toBeTruthy();
    expect(page.querySelector('[data-map-slot]')).not.toBeNull();
    expect(store.getState().session).toBeNull();
    // The other screens need a drill.
    expect((getByRole(page, 'button', { name: '导调台' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('start creates the session, sends start, and the console shows T+0:00 and node 1', () => {
    const drill = renderDrill();
    const session = drill.start();
    const page = drill.container;
    expect(drill.store.getState().screen).toBe('console');
    expect(session.exercise.log.map((e) => e.event.type)).toEqual(['start']);
    expect(session.exercise.world.mode).toBe('running');

    const status = getByRole(page, 'region', { name: '推演状态' });
    expect(within(status).getByText('00:00')).toBeTruthy();
    expect(within(status).getByText('T+0:00')).toBeTruthy();
    expect(status.textContent).toContain(`1/5 ${scenario.nodes[0]!.name.zh}`);
    expect(status.textContent).toContain('应急响应');
    expect(status.textContent).toContain('未启动'); // the response level, before the HQ decides
    expect(getByRole(page, 'button', { name: '导调台' }).getAttribute('aria-current')).toBe('page');
    expect(getByRole(page, 'status').textContent).toContain('开始推演');
    expect(page.querySelector('[data-map-slot]')).not.toBeNull();
  });

  it('drill and scenario time move with the room clock', () => {
    const drill = renderDrill();
    drill.start();
    drill.pass(4 * 60_000);
    const status = getByRole(drill.container, 'region', { name: '推演状态' });
    expect(within(status).getByText('04:00')).toBeTruthy();
    // Node 1 maps 20 drill minutes onto T+0 … T+30 min: 4 minutes in is T+0:06.
    expect(within(status).getByText('T+0:06')).toBeTruthy();
  });

  it('the briefing, once the drill runs, leads back to the console instead of starting another', () => {
    const drill = renderDrill();
    const session = drill.start();
    getByRole(drill.container, 'button', { name: '情况介绍' }).click();
    expect(queryByRole(drill.container, 'button', { name: '开始推演' })).toBeNull();
    getByRole(drill.container, 'button', { name: '返回导调台' }).click();
    expect(drill.store.getState().screen).toBe('console');
    expect(drill.store.getState().session).toBe(session);
  });
});
