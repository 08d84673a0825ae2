// @vitest-environment happy-dom
// At the end of the last time node the drill ends itself: the console says so (推演结束) and offers
// the debrief, and nothing is left to press that would move the drill.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByRole } from '@testing-library/dom';
import { loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();

function toLastNodeEnd(lang?: 'en') {
  const d = renderDrill(lang ? { lang } : {});
  d.start();
  for (let i = 1; i < scenario.nodes.length; i++) {
    fireEvent.keyDown(document.body, { key: 'n' });
    fireEvent.keyDown(document.body, { key: 'Enter' });
  }
  expect(d.world().node).toBe(scenario.nodes.length - 1);
  // Not while the drill runs.
  expect(queryByRole(d.container, 'region', { name: lang === 'en' ? 'The drill has ended' : '推演结束' })).toBeNull();
  // The last node runs its whole length in drill time (n5 in scenarios/haicheng-m5.8.yaml).
  d.pass(scenario.nodes.at(-1)!.length + 1_000);
  return d;
}

describe('the drill ends itself', () => {
  it('the console says the drill ended and opens the debrief', () => {
    const d = toLastNodeEnd();
    expect(d.world().mode).toBe('debrief');
    expect(d.store.getState().screen).toBe('console');
    const ended = getByRole(d.container, 'region', { name: '推演结束' });
    expect(ended.textContent).toContain('推演自动结束');
    for (const name of ['暂停', '下一节点', '结束推演']) expect((getByRole(d.container, 'button', { name }) as HTMLButtonElement).disabled).toBe(true);
    getByRole(d.container, 'button', { name: '查看复盘' }).click();
    expect(d.store.getState().screen).toBe('debrief');
    expect(getByRole(d.container, 'heading', { level: 1 }).textContent).toBe('推演复盘');
  });

  it('ended by the facilitator, the console offers the debrief without saying it ended itself', () => {
    const d = renderDrill();
    d.start();
    getByRole(d.container, 'button', { name: '结束推演' }).click();
    getByRole(d.container, 'button', { name: '确认结束' }).click();
    getByRole(d.container, 'button', { name: '导调台' }).click();
    const ended = getByRole(d.container, 'region', { name: '推演结束' });
    expect(ended.textContent).not.toContain('推演自动结束');
  });

  it('in English it reads “The drill has ended”', () => {
    const d = toLastNodeEnd('en');
    expect(getByRole(d.container, 'region', { name: 'The drill has ended' })).toBeTruthy();
    expect(getByRole(d.container, 'button', { name: 'Open the debrief' })).toBeTruthy();
  });
});
