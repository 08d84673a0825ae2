// @vitest-environment happy-dom
// The language toggle: Chinese by default, English on demand, and back — re-rendered in place.
import { describe, expect, it } from 'vitest';
import { getByRole } from '@testing-library/dom';
import { DEFAULT_FILE, loadDefault, renderApp } from './render.ts';

const scenario = loadDefault();

describe('switching the interface language', () => {
  it('opens in Chinese and switches to English and back', () => {
    const { container: page, store } = renderApp(DEFAULT_FILE, { ok: true, scenario });
    const english = getByRole(page, 'button', { name: 'English' });
    expect(getByRole(page, 'button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');
    expect(getByRole(page, 'heading', { level: 1 }).textContent).toBe(scenario.meta.title.zh);

    english.click();
    expect(store.getState().lang).toBe('en');
    expect(getByRole(page, 'heading', { level: 1 }).textContent).toBe(scenario.meta.title.en ?? scenario.meta.title.zh);
    expect(scenario.meta.title.en).toBeTruthy();
    expect(getByRole(page, 'button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(getByRole(page, 'table', { name: 'Time nodes' })).toBeTruthy();
    expect(getByRole(page, 'region', { name: 'The earthquake' })).toBeTruthy();
    expect(page.firstElementChild!.getAttribute('lang')).toBe('en'); // for screen readers

    getByRole(page, 'button', { name: '中文' }).click();
    expect(getByRole(page, 'heading', { level: 1 }).textContent).toBe(scenario.meta.title.zh);
    expect(getByRole(page, 'table', { name: '时间节点' })).toBeTruthy();
  });

  it('falls back to the Chinese text where the scenario has no English', () => {
    const untranslated = { ...scenario, meta: { ...scenario.meta, title: { zh: '只有中文的标题' } } };
    const { container: page } = renderApp(DEFAULT_FILE, { ok: true, scenario: untranslated }, 'en');
    expect(getByRole(page, 'heading', { level: 1 }).textContent).toBe('只有中文的标题');
  });
});
