// @vitest-environment happy-dom
// A score still unfolding (its horizon not reached, teams on their way, people still trapped) is
// marked 暂定 wherever scores are shown — the seat's card, the scoreboard, the big screen, the
// evaluator's view — and the overall says how many decisions it rests on. Once the drill has ended
// nothing is provisional any more.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const d01 = scenario.decisions.find((x) => x.id === 'd01-level')!;

/**
 * At 4:10 of node 1 the HQ declares level III: d01 is scored, but its horizon (the end of node 2) is
 * far off. The facilitator has shown the scores and expected answers to the seats.
 */
function declared(lang?: 'en') {
  const d = renderDrill(lang ? { lang } : {});
  const session = d.start();
  d.reveal();
  d.pass(4 * MIN + 10_000);
  expect(session.send('anshan-hq', { type: 'answer', decision: d01.id, options: ['iii'] }).ok).toBe(true);
  return d;
}

describe('provisional scores (暂定)', () => {
  it('the seat’s card marks its score provisional until its horizon', () => {
    const d = declared();
    d.store.getState().setSeat('anshan-hq');
    const card = getByRole(d.container, 'article', { name: d01.prompt.zh });
    const score = within(card).getByRole('region', { name: '评分' });
    const mark = within(score).getByText('暂定');
    // Judged at the end of the node after the one it opened in: node 2 ends at T+2 h (the scenario's n2 span).
    expect(mark.getAttribute('title')).toContain('T+2:00');
  });

  it('the scoreboard marks the overall and the seat’s row, and says what the overall rests on', () => {
    const d = declared();
    getByRole(d.container, 'button', { name: '记分板' }).click();
    const overall = getByRole(d.container, 'region', { name: '综合得分' });
    expect(overall.textContent).toContain('暂定');
    // One decision scored (d01); d02–d04 are still open and do not count yet.
    expect(overall.textContent).toContain('基于 1 项决策，其中 1 项暂定');
    const hq = within(getByRole(d.container, 'table', { name: '各单位得分' })).getByRole('row', { name: /^鞍山市抗震救灾指挥部/ });
    const [score, , counted] = within(hq).getAllByRole('cell');
    expect(within(score!).getByText('暂定')).toBeTruthy();
    expect(counted!.textContent).toContain('其中 1 项暂定');
    // A seat with nothing scored is not marked.
    const ema = within(getByRole(d.container, 'table', { name: '各单位得分' })).getByRole('row', { name: /^市应急局/ });
    expect(ema.textContent).not.toContain('暂定');
  });

  it('the big screen shows the overall with one decimal, marked, and what it rests on', () => {
    const d = declared();
    getByRole(d.container, 'button', { name: '指挥大屏' }).click();
    const overall = getByRole(d.container, 'region', { name: '综合得分' });
    expect(overall.textContent).toMatch(/\d+\.\d/);
    expect(overall.textContent).toContain('暂定');
    expect(overall.textContent).toContain('基于 1 项决策，其中 1 项暂定');
  });

  it('the evaluator’s list marks the decision', () => {
    const d = declared();
    fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: '@evaluator' } });
    const item = getByRole(d.container, 'article', { name: d01.prompt.zh });
    expect(within(item).getByText('暂定')).toBeTruthy();
  });

  it('says it in English', () => {
    const d = declared('en');
    getByRole(d.container, 'button', { name: 'Scoreboard' }).click();
    const overall = getByRole(d.container, 'region', { name: 'Overall score' });
    expect(overall.textContent).toContain('provisional');
    expect(overall.textContent).toContain('based on 1 decision, 1 provisional');
  });

  it('once the drill has ended nothing is provisional: the debrief rests on every decision that opened', () => {
    const d = declared();
    getByRole(d.container, 'button', { name: '结束推演' }).click();
    getByRole(d.container, 'button', { name: '确认结束' }).click();
    const overall = getByRole(d.container, 'region', { name: '综合得分' });
    // Opened by 4:10 (scenarios/haicheng-m5.8.yaml): d03 at 1:00, d02 at 2:00, d01 at 3:00, d04 at 4:00 — d01 answered, the rest expired.
    expect(overall.textContent).toContain('基于 4 项决策');
    expect(overall.textContent).not.toContain('暂定');
    expect(getByRole(d.container, 'article', { name: d01.prompt.zh }).textContent).not.toContain('暂定');
  });
});
