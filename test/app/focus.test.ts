// @vitest-environment happy-dom
// Keyboard focus is never dropped on the page: after 开始推演 it is on the console's first control,
// and a dialog closed with Escape gives it back to what opened it (or to its button).
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole } from '@testing-library/dom';
import { renderDrill } from './render.ts';

describe('keyboard focus', () => {
  it('moves to the pause button when the drill starts', () => {
    const d = renderDrill();
    d.start();
    expect(document.activeElement).toBe(getByRole(d.container, 'button', { name: '暂停' }));
  });

  it('comes back to the opener when the shortcuts dialog closes', () => {
    const d = renderDrill();
    d.start();
    const opener = getByRole(d.container, 'button', { name: '快捷键 (?)' });
    opener.focus();
    opener.click();
    expect(getByRole(d.container, 'dialog').contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(document.activeElement).toBe(getByRole(d.container, 'button', { name: '快捷键 (?)' }));
  });

  it('opened with ? from the page, goes to the shortcuts button when it closes', () => {
    const d = renderDrill();
    d.start();
    (document.activeElement as HTMLElement | null)?.blur();
    fireEvent.keyDown(document.body, { key: '?' });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(document.activeElement).toBe(getByRole(d.container, 'button', { name: '快捷键 (?)' }));
  });
});
