// @vitest-environment happy-dom
// Drafts survive leaving the authoring view and a reload: the working copy comes back as it was typed,
// a saved draft is kept under its scenario's id and can be opened again; storage that refuses is said.
import { describe, expect, it } from 'vitest';
import { getByRole } from '@testing-library/dom';
import { idInText } from '../../../src/app/authoring/drafts.ts';
import { minimal } from '../render.ts';
import { memoryStorage, mountForTest } from './helpers.ts';

describe('authoring drafts', () => {
  it('keeps the text typed across a re-mount, and a saved draft under its id', () => {
    const storage = memoryStorage();
    const first = mountForTest({ storage, text: minimal() });
    const mine = minimal().replace('id: minimal-example', 'id: my-county-drill').replace('magnitude: 5.8', 'magnitude: 6.1');
    first.type(mine);
    first.settle();
    getByRole(first.container, 'button', { name: '保存草稿' }).click();
    expect(first.container.querySelector('[data-author-saved-state]')!.textContent).toBe('草稿 my-county-drill 已保存在本浏览器。');
    // Then more typing, checked but not saved: the working copy has it.
    const later = mine.replace('depthKm: 10', 'depthKm: 12');
    first.type(later);
    first.settle();
    first.destroy();

    const again = mountForTest({ storage });
    expect(again.textarea().value).toBe(later);
    expect(again.container.querySelector('[data-author-status]')!.textContent!.trim()).toBe('文件有效');
    // The saved draft is offered by its id and opens as saved (before the last edit).
    getByRole(again.container, 'button', { name: 'my-county-drill' }).click();
    expect(again.textarea().value).toBe(mine);
    expect(again.container.querySelector('[data-author-saved-state]')!.textContent).toBe('已恢复本浏览器保存的草稿 my-county-drill。');
  });

  it('keys a broken file by the id written in it, and says when storage refuses', () => {
    const storage = memoryStorage();
    const t = mountForTest({ storage, text: minimal().replace('magnitude: 5.8', 'magnitude: big') });
    t.handle.store.getState().save();
    expect(storage.map.has('quake-drill.author.draft:minimal-example')).toBe(true);

    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    t.handle.store.getState().save();
    expect(t.container.querySelector('[data-author-saved-state]')!.getAttribute('role')).toBe('alert');
  });

  it('reads the id under meta only', () => {
    expect(idInText('format: x\nregion:\n  id: not-this\nmeta:\n  title: { zh: 甲 }\n  id: "the-one"\n')).toBe('the-one');
    expect(idInText('meta:\n  title: t\nregion:\n  id: other\n')).toBeNull();
  });
});
