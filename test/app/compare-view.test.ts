// @vitest-environment happy-dom
// The comparison view (推演对比): a what-if branch of a minimal drill that sent the rescue team,
// against its parent that sent scouts; the headline, the tables, the chart, the branching, both
// languages, and labels that carry markup shown as text.
import './quiet-lit.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'lit-html';
import { getByRole, within } from '@testing-library/dom';
import { FACILITATOR, type LogEntry } from '../../src/core/index.ts';
import { compareDrills, type Comparison, type DrillInput } from '../../src/review/compare.ts';
import { chainHashes, headerFor, parseLog, replay, writeLog, type ParentRef } from '../../src/review/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { scoreDrill } from '../../src/scoring/index.ts';
import { compareView } from '../../src/app/views/compare.ts';
import type { Lang } from '../../src/app/i18n.ts';
import { MIN, minimal } from './render.ts';

const scenario = (() => {
  const r = loadScenario(minimal(), 'minimal.yaml');
  if (!r.ok) throw new Error('minimal.yaml does not load');
  return r.scenario;
})();

/** Two 20-min nodes: the drill ends itself at 40 min. send-usar opens with its inject at 2:00. */
const UNTIL = 40 * MIN;
const start: LogEntry = { seq: 1, t: 0, actor: FACILITATOR, event: { type: 'start' } };
const answer = (option: string): LogEntry => ({ seq: 2, t: 4 * MIN + 7_000, actor: 'fire-rescue', event: { type: 'answer', decision: 'send-usar', options: [option] } });

/** A log as the file carries it, read back: the header's hashes and the trust are the reader's. */
function drill(label: string, id: string, log: LogEntry[], parent?: ParentRef): DrillInput {
  const parsed = parseLog(writeLog(headerFor('minimal.yaml', scenario, 1, { drill: id, until: UNTIL, ...(parent ? { parent } : {}) }), log));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return { label, header: parsed.header, log: parsed.log, trust: parsed.trust };
}

const HOSTILE = '<img src=x onerror=alert(1)>';
const parentLog = [start, answer('scout')];
const parent = drill(HOSTILE, 'drill-parent', parentLog);
const branchLog = [start, answer('send')];
const branch = drill('本分支', 'drill-branch', branchLog, { drill: 'drill-parent', seq: 1, hash: chainHashes(parent.header.hash, parentLog)[0]! });
const comparison = compareDrills(scenario, branch, parent);
/** What scoring itself says of each drill, not through the comparison. */
const scoreOf = (log: LogEntry[]) => scoreDrill(scenario, replay(scenario, 1, log, UNTIL).world, log);
const [sent, scouted] = [scoreOf(branchLog), scoreOf(parentLog)];

const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((x) => x.remove()));
function show(lang: Lang, c: Comparison = comparison) {
  const container = document.body.appendChild(document.createElement('div'));
  mounted.push(container);
  render(compareView({ lang, comparison: c }), container);
  return container;
}
const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim());

describe('the comparison view', () => {
  it('leads with what sending the team bought, by the scenario time it arrived', () => {
    const page = show('zh');
    const arrived = sent.outcomes.firstRescue[0]!;
    expect(arrived.settlement).toBe('chagou');
    expect(scouted.outcomes.firstRescue[0]!.firstTeamMs).toBeNull();
    // 12 trapped; the branch frees them, each alive with the survival curve's chance (≈12 of 12).
    expect(sent.outcomes.rescuedAlive).toBeGreaterThan(11.5);
    const headline = within(page.querySelector('[data-compare-headlines]')!).getAllByRole('listitem')[0]!;
    expect(headline.textContent).toBe(`「本分支」的首支救援队于 ${arrived.at} 到达岔沟镇，「${HOSTILE}」始终未到达，多救出约 12 人`);
  });

  it('shows the overall score, the outcomes and the decision in both drills with their deltas', () => {
    const page = show('zh');
    const overall = getByRole(page, 'table', { name: '总分' });
    const delta = Math.round((sent.overall! - scouted.overall!) * 10) / 10;
    expect(cells(within(overall).getByRole('row', { name: /^得分/ }))).toEqual([sent.overall!.toFixed(1), scouted.overall!.toFixed(1), `+${delta.toFixed(1)}`]);
    const outcomes = getByRole(page, 'table', { name: '结果指标' });
    expect(cells(outcomes.querySelector('[data-figure="trapped"]')!)).toEqual(['12', '12', '0']);
    expect(cells(outcomes.querySelector('[data-figure="rescuedAlive"]')!)).toEqual(['≈12', '0', '≈+12']);
    const rescue = getByRole(page, 'table', { name: '首支救援队到达' });
    expect(cells(rescue.querySelector('[data-settlement="chagou"]')!).slice(0, 3)).toEqual([sent.outcomes.firstRescue[0]!.at, '未到达', '—']);
    const decision = getByRole(page, 'table', { name: '决策' }).querySelector('[data-decision="send-usar"]')!;
    // Answered at drill 4:07 in both; n1 maps 30 scenario min onto 20 drill min: 4:07 × 1.5 = 6:10.5 → T+0:06.
    expect(cells(decision)).toEqual(['立即派出', '先派侦察组', '04:07（T+0:06）', '04:07（T+0:06）', sent.decisions['send-usar']!.total!.toFixed(1), scouted.decisions['send-usar']!.total!.toFixed(1), expect.stringMatching(/^\+/)]);
  });

  it('gives each unit the debrief’s score and name, and what bots scored beside it when they answered', () => {
    const row = (page: HTMLElement) => getByRole(page, 'table', { name: '各单位得分' }).querySelector('[data-id="fire-rescue"]')!;
    // People answered in both drills: the unit's own scores (scoring's, as the debrief shows them), no bots column.
    const [x, y] = [sent.units['fire-rescue']!, scouted.units['fire-rescue']!];
    const seats = row(show('zh'));
    expect(seats.querySelector('th')!.textContent).toBe('市消防救援支队');
    expect(cells(seats)).toEqual([`${x.score!.toFixed(1)} 优`, `${y.score!.toFixed(1)} 差`, `+${(Math.round((x.score! - y.score!) * 10) / 10).toFixed(1)}`]);
    expect([x.rating, y.rating]).toEqual(['P', 'U']);
    // A bot sent the team in one: the unit has no score of its own there (未评分, as in the debrief); the bots' score stands beside.
    const botLog: LogEntry[] = [start, { ...answer('send'), event: { type: 'answer', decision: 'send-usar', options: ['send'], bot: 'plan' } }];
    const byBot = scoreOf(botLog).units['fire-rescue']!;
    expect([byBot.score, byBot.bots]).toEqual([null, { score: x.score, decisions: 1 }]);
    const page = show('zh', compareDrills(scenario, drill('机器人', 'drill-bot', botLog), parent));
    expect(cells(row(page))).toEqual(['— 未评分', `${y.score!.toFixed(1)} 差`, '—', `机器人 ${x.score!.toFixed(1)}（1）`, '—', '—']);
    expect(page.textContent).toContain('机器人作答的决策不计入单位得分');
  });

  it('says where the branch left its parent, and that the shared start checks out', () => {
    const page = show('zh');
    expect(page.querySelector('[data-compare-branch]')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(`“本分支”是“${HOSTILE}”的假设推演分支：自第 1 条记录（T+0:00）起分岔。 共享的前段与原记录一致。`);
    const drills = getByRole(page, 'table', { name: '对比的推演' });
    expect([...drills.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-trust'))).toEqual(['verified', 'verified']);
  });

  it('draws people rescued alive over scenario time, one line per drill', () => {
    const page = show('zh');
    const chart = page.querySelector('[data-compare-chart] svg')!;
    expect(chart.getAttribute('aria-label')).toBe(`生还救出（期望值）随情景时间：“本分支”最终约 12 人，“${HOSTILE}”最终约 0 人`);
    const [a, b] = [chart.querySelector('[data-series="a"]')!.getAttribute('d')!, chart.querySelector('[data-series="b"]')!.getAttribute('d')!];
    // The parent never frees anyone: its line stays on the axis (y = 160 − 22 = 138); the branch's rises.
    expect(b).toMatch(/^M36\.0,138\.0/);
    expect(b.match(/V([\d.]+)/g)!.every((v) => v === 'V138.0')).toBe(true);
    expect(a.match(/V([\d.]+)/g)!.some((v) => v !== 'V138.0')).toBe(true);
  });

  it('shows labels as text, never as markup', () => {
    const page = show('zh');
    expect(page.querySelector('img')).toBeNull();
    expect(page.textContent).toContain(HOSTILE);
  });

  it('speaks English when asked', () => {
    const page = show('en');
    expect(getByRole(page, 'heading', { level: 2 }).textContent).toContain('Drill comparison');
    expect(getByRole(page, 'table', { name: 'Outcomes' })).toBeTruthy();
    expect(page.querySelector('[data-headline="rescue"]')!.textContent).toBe(`本分支 had a rescue team at Chagou by ${sent.outcomes.firstRescue[0]!.at}, ${HOSTILE} never did, keeping about 12 more people alive`);
  });
});
