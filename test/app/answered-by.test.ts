// @vitest-environment happy-dom
// Who answered a decision — the seat itself, a bot playing it (and by which policy), or the
// facilitator on its behalf — is shown wherever the answer is: the seat's card, the debrief, and the
// scoreboard, where a bot's answers are left out of the seat's score and shown beside it.
import { describe, expect, it } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const prompt = (id: string) => scenario.decisions.find((x) => x.id === id)!.prompt.zh;

/**
 * By 4:10 of node 1: the quake bureau's seat is played by the plan bot (it answers d03, open since
 * 1:00); the facilitator answers d02 for the EMA seat; the HQ answers d01 itself.
 */
function played() {
  const d = renderDrill();
  const session = d.start();
  expect(session.facilitator({ type: 'assign-seat', seat: 'quake-bureau', policy: 'plan' }).ok).toBe(true);
  d.pass(4 * MIN + 10_000);
  expect(session.facilitator({ type: 'answer', decision: 'd02-notify', options: ['report-province'] }).ok).toBe(true);
  expect(session.send('anshan-hq', { type: 'answer', decision: 'd01-level', options: ['iii'] }).ok).toBe(true);
  expect(d.world().decisions['d03-quake-consult']!.outcome).toBe('answered');
  return d;
}

describe('who answered', () => {
  it('the seat’s card says who gave the answer', () => {
    const d = played();
    d.store.getState().setSeat('quake-bureau');
    expect(getByRole(d.container, 'article', { name: prompt('d03-quake-consult') }).textContent).toContain('作答：机器人·按预案');
    d.store.getState().setSeat('ema');
    expect(getByRole(d.container, 'article', { name: prompt('d02-notify') }).textContent).toContain('作答：导调代答');
    d.store.getState().setSeat('anshan-hq');
    expect(getByRole(d.container, 'article', { name: prompt('d01-level') }).textContent).toContain('作答：本席位');
  });

  it('the debrief says it for every answered decision', () => {
    const d = played();
    getByRole(d.container, 'button', { name: '结束推演' }).click();
    getByRole(d.container, 'button', { name: '确认结束' }).click();
    expect(getByRole(d.container, 'article', { name: prompt('d01-level') }).textContent).toContain('作答：本席位');
    expect(getByRole(d.container, 'article', { name: prompt('d02-notify') }).textContent).toContain('作答：导调代答');
    expect(getByRole(d.container, 'article', { name: prompt('d03-quake-consult') }).textContent).toContain('作答：机器人·按预案');
    // Expired, nobody answered it: no "answered by".
    expect(getByRole(d.container, 'article', { name: prompt('d04-county-first') }).textContent).not.toContain('作答：');
  });

  it('the scoreboard leaves the bot’s answer out of the seat’s score and shows it beside', () => {
    const d = played();
    d.reveal();
    getByRole(d.container, 'button', { name: '记分板' }).click();
    const units = getByRole(d.container, 'table', { name: '各单位得分' });
    expect(within(units).getByRole('columnheader', { name: '机器人代答' })).toBeTruthy();
    const bureau = within(units).getByRole('row', { name: /^市地震局/ });
    const [score, , counted, bots] = within(bureau).getAllByRole('cell').map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    expect(score).toBe('—'); // nothing of its own counts
    expect(counted).toMatch(/^0 \/ 2/); // the bureau owns d03 and d29; neither counts for it
    expect(bots).toMatch(/^机器人 \d+\.\d（1）$/);
    const hq = within(units).getByRole('row', { name: /^鞍山市抗震救灾指挥部/ });
    expect(within(hq).getAllByRole('cell')[3]!.textContent!.trim()).toBe('—');
    expect(d.container.textContent).toContain('机器人作答的决策不计入单位、工作组和县区得分');
  });
});

describe('the facilitator answers for a seat', () => {
  it('with 导调代答 ticked on the seat screen, the answer goes in as the facilitator’s and says so', () => {
    const d = renderDrill();
    d.start();
    d.pass(4 * MIN + 10_000);
    d.store.getState().setSeat('ema');
    getByRole(d.container, 'checkbox', { name: /^导调代答/ }).click();
    const card = () => getByRole(d.container, 'article', { name: prompt('d02-notify') });
    within(card()).getAllByRole('checkbox')[0]!.click();
    within(card()).getByRole('button', { name: '提交决策' }).click();
    const entry = d.session().exercise.log.at(-1)!;
    expect(entry).toMatchObject({ actor: 'facilitator', event: { type: 'answer', decision: 'd02-notify' } });
    expect(d.world().decisions['d02-notify']).toMatchObject({ outcome: 'answered', answeredBy: { kind: 'facilitator' } });
    expect(card().textContent).toContain('作答：导调代答');
  });
});
