// @vitest-environment happy-dom
// The debrief at the end: overall score and rating, each capability with P/S/M/U and 优良中差, each
// unit, the outcomes, and every decision's score with its explanation.
import { describe, expect, it } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const RATED = /^(优|良|中|差|未评分)$/;

describe('the debrief', () => {
  it('lists the capabilities with their ratings, the units, the outcomes and each decision explained', () => {
    const d = renderDrill();
    const session = d.start();
    // Every seat played by the plan bot through node 1.
    for (const seat of session.exercise.model.seats) session.facilitator({ type: 'assign-seat', seat, policy: 'plan' });
    d.pass(20 * MIN);
    getByRole(d.container, 'button', { name: '结束推演' }).click();
    getByRole(d.container, 'button', { name: '确认结束' }).click();

    const page = d.container;
    expect(getByRole(page, 'heading', { level: 1 }).textContent).toBe('推演复盘');
    const overall = getByRole(page, 'region', { name: '综合得分' });
    expect(overall.textContent).toMatch(/\d+\.\d/);
    expect(overall.textContent).toMatch(/(优|良|中|差)/);
    expect(overall.textContent).not.toMatch(/[PSMU]）/); // P/S/M/U only in the English AAR

    const capabilities = getByRole(page, 'table', { name: '各项能力' });
    const rows = within(capabilities).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(scenario.scoring.capabilities.map((c) => c.name.zh));
    for (const r of rows) expect(within(r).getAllByRole('cell')[1]!.textContent!.trim()).toMatch(RATED);
    const coordination = within(capabilities).getByRole('row', { name: /^指挥协调/ });
    expect(within(coordination).getAllByRole('cell')[1]!.textContent!.trim()).toMatch(/^(优|良|中|差)$/);

    expect(getByRole(page, 'table', { name: '各单位得分' })).toBeTruthy();
    const outcomes = getByRole(page, 'region', { name: '处置结果' });
    // The expected number freed alive is a fraction; people are shown as a whole count, ≈ when expected.
    expect(outcomes.textContent).toMatch(/被困 \d+ 人，生还救出 ≈?\d+ 人/);
    expect(outcomes.textContent).toContain('Ⅲ级'); // the plan bot declared level III

    const d01 = scenario.decisions.find((x) => x.id === 'd01-level')!;
    const item = getByRole(page, 'article', { name: d01.prompt.zh });
    expect(item.textContent).toContain('预案期望');
    expect(within(item).getByRole('list', { name: '评分依据' }).textContent).toContain(d01.rubric[0]!.because.zh);
    expect(item.textContent).toMatch(/总分 100 = 100 ×/); // the scorer's working, line by line, in Chinese
    expect(item.textContent).not.toMatch(/total \d/); // not scoring's English lines
  });
});
