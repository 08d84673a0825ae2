// @vitest-environment happy-dom
// The briefing shows the hazard model's first loss estimate, with PAGER's lower reference beside it.
import { getByRole, within } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import { estimateLosses } from '../../src/core/index.ts';
import { DEFAULT_FILE, loadDefault, renderApp } from './render.ts';

describe('the briefing’s loss estimate', () => {
  it('lists the places by intensity with both death figures, and the totals', () => {
    const scenario = loadDefault();
    const { container } = renderApp(DEFAULT_FILE, { ok: true, scenario });
    const section = getByRole(container, 'region', { name: '灾情初步估算' });
    const rows = within(getByRole(section, 'table', { name: '各居民点估算' })).getAllByRole('row');
    const e = estimateLosses(scenario);
    expect(rows).toHaveLength(e.settlements.length + 1);
    expect(rows[1]!.textContent).toContain('岔沟');
    expect(rows[1]!.textContent).toContain('VII');
    expect(section.textContent).toContain(`PAGER 中国经验死亡率（下限参考）：${Math.round(e.total.pagerEmpiricalDeaths)} 人`);
    expect(section.textContent).toContain(`死亡约 ${Math.round(e.total.deaths).toLocaleString('en')} 人`);
  });
});
