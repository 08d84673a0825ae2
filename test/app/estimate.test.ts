// @vitest-environment happy-dom
// The briefing shows the same loss table as `quake-drill estimate` (SCIENCE.md §7.2), with PAGER's
// central reference and the +1σ field beside the median.
import { getByRole, within } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILE, loadDefault, renderApp } from './render.ts';

describe('the briefing’s loss estimate', () => {
  it('lists per place the degree (by zone) with its intensity, deaths, injuries, trapped, PAGER and +1σ deaths, and the totals', () => {
    const scenario = loadDefault();
    const { container } = renderApp(DEFAULT_FILE, { ok: true, scenario });
    const section = getByRole(container, 'region', { name: '灾情初步估算' });
    const table = getByRole(section, 'table', { name: '各居民点估算' });
    const header = within(table).getAllByRole('columnheader').map((c) => c.textContent);
    expect(header).toEqual(['居民点', '烈度', '人口', '死亡', '重伤', '轻伤', '被困', '死亡（PAGER）', '死亡（+1σ）']);
    const rows = within(table).getAllByRole('row');
    const cells = (name: string) => within(rows.find((r) => r.textContent!.includes(name))!).getAllByRole('cell').map((c) => c.textContent);
    // 岔沟 7.39 → VII; 6.6 deaths, 4.5 × 6.6 serious, 9.6 × 6.6 minor, 46 trapped, PAGER 26,000 × 5.05e-5 = 1.3 (SCIENCE.md §7.2),
    // shown as whole people: 7, 30, 64, 46, 1
    expect(cells('岔沟')).toEqual(['VII (7.39)', '26,000', '7', '30', '64', '46', '1', expect.stringMatching(/^\d+$/)]);
    // 牌楼 at 6.95 lies in the VI zone, at the edge of VII
    expect(cells('牌楼')[0]).toBe('VI (6.95)');
    expect(section.textContent).toContain('烈度度数取所在烈度区，即 I 向下取整');
    expect(section.textContent).toContain('PAGER 中国经验模型（中心参考）：12 人');
    expect(section.textContent).toContain('发震时刻当地 09:30，室内人员比例 0.6');
    expect(section.textContent).toContain('中值烈度场合计：死亡约 15 人，重伤约 67 人');
    expect(section.textContent).toContain('+1σ 烈度场（σ = 0.5826，情景设定）：死亡约 71 人');
    expect(section.textContent).toContain('按预案分级标准（死亡人数），中值估算对应 III 级响应');
  });

  it('reads in English too', () => {
    const scenario = loadDefault();
    const { container } = renderApp(DEFAULT_FILE, { ok: true, scenario }, 'en');
    const section = getByRole(container, 'region', { name: 'First loss estimate' });
    expect(section.textContent).toContain('The degree is the zone a place lies in, floor(I)');
    expect(section.textContent).toContain('a Level III response');
  });
});
