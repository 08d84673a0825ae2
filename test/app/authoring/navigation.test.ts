// @vitest-environment happy-dom
// The authoring view is reached from the masthead (编写情景), beside 选择情景, with or without a drill;
// the app mounts it into its slot once, tells it the language, and lets it go when the screen changes.
import '../quiet-lit.ts';
import { describe, expect, it } from 'vitest';
import { getByRole } from '@testing-library/dom';
import { html } from 'lit-html';
import type { AuthoringHandle, FileActions } from '../../../src/app/app.ts';
import type { Lang } from '../../../src/app/i18n.ts';
import { DEFAULT_FILE, loadDefault, renderApp } from '../render.ts';

const files: FileActions = {
  picker: () => html`<p>picker</p>`,
  exportDrill: () => undefined,
  newDrill: () => undefined,
  notice: () => null,
  subscribe: () => () => undefined,
};

describe('reaching the authoring view', () => {
  it('opens from the masthead, follows the language and goes back to the briefing', () => {
    const calls: string[] = [];
    let close: (() => void) | undefined;
    const mountAuthoring = (el: HTMLElement, lang: Lang, back: () => void): AuthoringHandle => {
      calls.push(`mount ${lang} ${el.hasAttribute('data-authoring-slot')}`);
      close = back;
      return { update: (l) => calls.push(`update ${l}`), destroy: () => calls.push('destroy') };
    };
    const { container, store } = renderApp(DEFAULT_FILE, { ok: true, scenario: loadDefault() }, 'zh', { files, mountAuthoring });

    getByRole(container, 'button', { name: '编写情景' }).click();
    expect(store.getState().screen).toBe('author');
    expect(container.querySelector('[data-authoring-slot]')).not.toBeNull();
    store.getState().setLang('en');
    expect(calls[0]).toBe('mount zh true');
    expect(calls.filter((c) => c.startsWith('mount'))).toHaveLength(1);
    expect(calls.at(-1)).toBe('update en');

    close!();
    expect(store.getState().screen).toBe('briefing');
    expect(container.querySelector('[data-authoring-slot]')).toBeNull();
    expect(calls.at(-1)).toBe('destroy');
  });

  it('is not offered where the app has no authoring hook', () => {
    const { container } = renderApp(DEFAULT_FILE, { ok: true, scenario: loadDefault() }, 'zh', { files });
    expect(container.querySelector('[data-author-open]')).toBeNull();
  });
});
