// @vitest-environment happy-dom
// The scoreboard: scores per unit and working group as the drill goes, with the outcome figures.
import { describe, expect, it } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();

describe('the scoreboard', () => {
  it('shows each unit’s score and rating, updated as decisions are scored', () => {
    const d = renderDrill();
    const session = d.start();
    d.reveal();
    d.pass(4 * MIN + 10_000); // after the first damage report
    expect(session.send('anshan-hq', { type: 'answer', decision: 'd01-level', options: ['iii'] }).ok).toBe(true);
    getByRole(d.container, 'button', { name: '记分板' }).click();

    const units = getByRole(d.container, 'table', { name: '各单位得分' });
    const owners = new Set(scenario.decisions.map((x) => x.owner));
    expect(within(units).getAllByRole('row')).toHaveLength(owners.size + 1);
    const hq = within(units).getByRole('row', { name: /^鞍山市抗震救灾指挥部/ });
    const [score, rating, counted] = within(hq).getAllByRole('cell').map((c) => c.textContent!.trim());
    expect(score).toBe('100.0 暂定'); // judged at the end of node 2 (test/app/provisional.test.ts)
    expect(rating).toBe('优');
    expect(counted).toBe(`1 / ${scenario.decisions.filter((x) => x.owner === 'anshan-hq').length} 其中 1 项暂定`);
    const ema = within(units).getByRole('row', { name: /^市应急局/ });
    expect(within(ema).getAllByRole('cell')[1]!.textContent!.trim()).toBe('未评分');
    expect(getByRole(d.container, 'table', { name: '各工作组得分' })).toBeTruthy();
    expect(getByRole(d.container, 'region', { name: '综合得分' }).textContent).toContain('100.0');

    // The figures come from the world: people trapped in the incidents reported so far.
    const trapped = Object.values(d.world().incidents).filter((i) => i.status !== 'latent').reduce((a, i) => a + i.trapped, 0);
    expect(trapped).toBeGreaterThan(0);
    const figures = getByRole(d.container, 'region', { name: '关键数据' });
    expect(within(figures).getByText('被困人员').nextElementSibling!.textContent).toBe(String(trapped));

    // Live: the quake bureau lets its decision expire, and its row changes.
    d.pass(9 * MIN);
    const bureau = within(getByRole(d.container, 'table', { name: '各单位得分' })).getByRole('row', { name: /^市地震局/ });
    expect(within(bureau).getAllByRole('cell')[0]!.textContent!.trim()).toBe('0.0 暂定'); // expired, but its consequence is judged at the end of node 2
    expect(within(bureau).getAllByRole('cell')[1]!.textContent!.trim()).toBe('差');
  });
});
