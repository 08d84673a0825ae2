// @vitest-environment happy-dom
// The dry run in the authoring view: offered for a valid file, its report shown as a table of score
// spreads per policy with what never fired and the warnings; an edit after it marks it as stale.
import { describe, expect, it } from 'vitest';
import { getByRole, waitFor } from '@testing-library/dom';
import type { DryRunReport } from '../../../src/review/dry-run.ts';
import { minimal } from '../render.ts';
import { mountForTest } from './helpers.ts';

// A report as dry-run.ts gives it (written here by hand: the view's table is under test, not the run).
const REPORT: DryRunReport = {
  runs: 10,
  firstSeed: 1,
  policies: ['plan', 'idle'],
  neverFired: ['late-news'],
  neverReachable: [],
  why: { 'late-news': { zh: '条件从未成立', en: 'its condition never held' } },
  spread: { plan: { p5: 88, p50: 91, p95: 95, min: 86, max: 96 }, idle: { p5: 10, p50: 12.4, p95: 15, min: 9, max: 16 } },
  correctness: { plan: 1, idle: 0 },
  warnings: [{ code: 'plan-like-random', message: { zh: '评分无法区分按预案与随机作答', en: 'scoring cannot tell plan from random' } }],
};

describe('the dry run panel', () => {
  it('runs the valid text and shows the spread per policy, what never fired and the warnings', async () => {
    const asked: string[] = [];
    const t = mountForTest({
      text: minimal(),
      options: {
        dryRun: async (text) => {
          asked.push(text);
          return REPORT;
        },
      },
    });
    getByRole(t.container, 'button', { name: '试运行' }).click();
    await waitFor(() => expect(t.container.querySelector('[data-author-dry-report]')).not.toBeNull());
    expect(asked).toEqual([minimal()]);
    const rows = [...t.container.querySelectorAll('.author-dry-table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows).toEqual([
      ['按预案', '88', '91', '95', '86', '96'],
      ['不作为', '10', '12', '15', '9', '16'],
    ]);
    const report = t.container.querySelector('[data-author-dry-report]')!;
    expect(report.textContent).toContain('late-news — 条件从未成立');
    expect(report.querySelector('[data-warning="plan-like-random"]')!.textContent).toBe('评分无法区分按预案与随机作答');
    expect(report.textContent).not.toContain('此结果来自文件修改之前的版本。');

    t.type(minimal().replace('depthKm: 10', 'depthKm: 11'));
    t.settle();
    expect(t.container.querySelector('[data-author-dry-report]')!.textContent).toContain('此结果来自文件修改之前的版本。');
  });

  it('is not offered for a broken file', () => {
    const t = mountForTest({ text: minimal().replace('magnitude: 5.8', 'magnitude: big'), options: { dryRun: async () => REPORT } });
    expect(getByRole(t.container, 'button', { name: '试运行' }).hasAttribute('disabled')).toBe(true);
  });
});
