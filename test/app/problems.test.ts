// @vitest-environment happy-dom
// A scenario that does not load: the page lists every problem at file:line:column, with its hint.
import { describe, expect, it } from 'vitest';
import { getByRole, queryByRole, within } from '@testing-library/dom';
import { positionOf, replaced } from '../scenario/helpers.ts';
import { minimal, renderText } from './render.ts';

const FILE = 'scenarios/minimal.yaml';

describe('a scenario file with problems', () => {
  it('shows each problem at file:line:column instead of the summary', () => {
    const text = replaced('magnitude: 5.8', 'magnitude: big', minimal());
    const page = renderText(text, FILE).container;
    expect(getByRole(page, 'heading', { level: 1 }).textContent).toBe('情景文件无法加载');
    expect(queryByRole(page, 'table', { name: '时间节点' })).toBeNull();

    const list = getByRole(page, 'list', { name: '问题清单' });
    const { line, column } = positionOf(text, 'big');
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toMatch(new RegExp(`^${FILE}:${line}:${column}: `));
    expect(page.textContent).toContain(`npx quake-drill validate ${FILE}`);
  });

  it('shows the hint under the problem', () => {
    const text = replaced('lead: fire-rescue', 'lead: fire-resuce', minimal());
    const items = within(getByRole(renderText(text, FILE).container, 'list', { name: '问题清单' })).getAllByRole('listitem');
    const { line, column } = positionOf(text, 'fire-resuce');
    const item = items.find((li) => li.textContent!.startsWith(`${FILE}:${line}:${column}:`));
    expect(item, items.map((li) => li.textContent).join('\n')).toBeTruthy();
    expect(item!.textContent).toMatch(/提示：.*fire-rescue/); // said in Chinese, with the nearest id
  });

  it('positions YAML syntax errors too, and speaks English when asked', () => {
    const text = replaced('magnitude: 5.8', 'magnitude: [5.8', minimal());
    const page = renderText(text, FILE, 'en').container;
    expect(getByRole(page, 'heading', { level: 1 }).textContent).toBe('The scenario file could not be loaded');
    const items = within(getByRole(page, 'list', { name: 'Problems' })).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) expect(li.textContent).toMatch(new RegExp(`^${FILE}:\\d+:\\d+: \\S`));
  });

  it('leaves the valid minimal example alone', () => {
    const page = renderText(minimal(), FILE).container;
    expect(getByRole(page, 'heading', { level: 1 }).textContent).toBe('最小示例');
    expect(queryByRole(page, 'list', { name: '问题清单' })).toBeNull();
  });
});
