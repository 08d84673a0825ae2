// @vitest-environment happy-dom
// The authority's newer refusals, said in the interface language in the status line: an option
// chosen twice, and more teams of a type than the unit has.
import { describe, expect, it } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const d01 = scenario.decisions.find((x) => x.id === 'd01-level')!;
const d09 = scenario.decisions.find((x) => x.id === 'd09-sar-allocation')!;

describe('refusal reasons in words', () => {
  it('an option sent twice: 每个选项只能选择一次', () => {
    const d = renderDrill();
    d.start();
    d.pass(3 * MIN + 10_000);
    d.store.getState().setSeat('anshan-hq');
    // A stale or doubled form: the same option twice in the draft.
    d.store.getState().setDraft(d01.id, { options: ['iii', 'iii'], allocations: {} });
    within(getByRole(d.container, 'article', { name: d01.prompt.zh })).getByRole('button', { name: '提交决策' }).click();
    const status = getByRole(d.container, 'status');
    expect(status.textContent).toContain('已驳回');
    expect(status.textContent).toContain('原因：每个选项只能选择一次');
    expect(d.world().rejections.at(-1)!.reason).toBe('choose each option at most once'); // as recorded
  });

  // One app per test: two on one page would share the cards' ids.
  it.each(['zh', 'en'] as const)('three heavy rescue teams when the fire detachment has two: says the team by name and both numbers (%s)', (lang) => {
    const d = renderDrill({ lang });
    const session = d.start();
    // d09 opens 1 min after the Pailou nursing-home inject.
    expect(session.facilitator({ type: 'fire-inject', inject: 'i14-pailou-nursing' }).ok).toBe(true);
    d.pass(MIN + 10_000);
    expect(d.world().decisions[d09.id]!.status).toBe('open');
    d.store.getState().setSeat(d09.owner);
    d.store.getState().setDraft(d09.id, {
      options: [],
      allocations: { 'fire-usar': 'inc-collapse-chagou', 'fire-usar#2': 'inc-collapse-jiewen', 'fire-usar#3': 'inc-collapse-ximu' },
    });
    const card = getByRole(d.container, 'article', { name: lang === 'zh' ? d09.prompt.zh : d09.prompt.en! });
    within(card).getByRole('button', { name: lang === 'zh' ? '提交决策' : 'Submit the decision' }).click();
    // scenarios/haicheng-m5.8.yaml: fire-usar, 地震（重型）救援队, count 2.
    expect(getByRole(d.container, 'status').textContent).toContain(
      lang === 'zh' ? '原因：地震（重型）救援队派出 3 支，但只有 2 支' : 'Reason: 3 × Heavy urban search and rescue team sent, but there are only 2',
    );
  });
});
