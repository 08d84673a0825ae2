// @vitest-environment happy-dom
// Scenario files are untrusted: whatever markup their text contains is shown as text, never run.
import { describe, expect, it } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import { replaced } from '../scenario/helpers.ts';
import { minimal, renderText } from './render.ts';

const ATTACK = '<img src=x onerror=alert(1)>';
const FILE = 'scenarios/minimal.yaml';

describe('markup in scenario text', () => {
  it('is shown literally in the summary, in both languages', () => {
    let text = replaced('title: { zh: 最小示例, en: Minimal example }', `title: { zh: "${ATTACK}", en: "${ATTACK} en" }`, minimal());
    text = replaced('name: { zh: 市消防救援支队,', `name: { zh: "${ATTACK}市消防救援支队",`, text);
    const { container: page, store } = renderText(text, FILE);

    expect(getByRole(page, 'heading', { level: 1 }).textContent).toBe(ATTACK);
    const units = getByRole(page, 'table', { name: '成员单位' });
    expect(within(units).getByRole('rowheader').textContent).toBe(`${ATTACK}市消防救援支队`);
    expect(page.querySelector('img')).toBeNull();

    store.getState().setLang('en');
    expect(getByRole(page, 'heading', { level: 1 }).textContent).toBe(`${ATTACK} en`);
    expect(page.querySelector('img')).toBeNull();
  });

  it('is shown literally in a problem message', () => {
    const text = minimal().replace(/^format: .*$/m, `format: "${ATTACK}"`);
    const page = renderText(text, FILE).container;
    const problem = within(getByRole(page, 'list', { name: '问题清单' })).getByRole('listitem');
    expect(problem.textContent).toContain(ATTACK);
    expect(page.querySelector('img')).toBeNull();
  });
});
