// The readable summary `quake-drill run` prints: overall score, score per unit, outcome metrics.
import type { Scenario } from '../scenario/index.ts';
import { drillTime, expectedPeople, scenarioTime, type Outcomes } from '../scoring/index.ts';
import type { DrillJson } from './drill-json.ts';
import { bilingual, rated, restsOn, score, table } from './text.ts';

const n = (x: number) => x.toLocaleString('en');

/** The outcome metrics as [label, value] pairs, Chinese label first. */
export function outcomeRows(o: Outcomes, scenario: Scenario): [string, string][] {
  const settlement = (id: string) => scenario.region.settlements.find((s) => s.id === id)?.name.zh ?? id;
  const share = o.trapped ? ` (${Math.round((100 * o.rescuedAlive) / o.trapped)} %)` : '';
  return [
    ['被困人员 / Trapped', n(o.trapped)],
    ['生还救出 / Rescued alive', `${expectedPeople(o.rescuedAlive)}${share}`],
    ['启动响应 / Response level', o.responseLevel ? `${o.responseLevel.level === 'none' ? 'ended' : `${o.responseLevel.level}级`} at ${o.responseLevel.scenario} (drill ${o.responseLevel.drill}) by ${o.responseLevel.by}` : '未启动 / never set'],
    ...o.firstRescue.map((r): [string, string] => [`首支救援队到达 / First rescue team: ${settlement(r.settlement)} ${r.settlement}`, r.at ?? '未到达 / none']),
    ['医院断电 / Hospital-hours without power', `${o.hospitalHoursWithoutPower.toFixed(1)} h`],
    ['避难场所 / Shelter places opened / needed', `${n(o.shelter.opened)} / ${n(o.shelter.needed)}`],
    ...(o.chemicalLeaks.length
      ? o.chemicalLeaks.map((c): [string, string] => [`危化品泄漏控制 / Chemical leak contained: ${c.incident}`, c.hoursToContain === null ? '未控制 / never' : `${c.hoursToContain.toFixed(2)} h`])
      : [['危化品泄漏 / Chemical leaks', '无 / none'] as [string, string]]),
    ['决策 / Decisions', `${o.decisions.answered} answered 已决策, ${o.decisions.expired} expired 超时, ${o.decisions.open} open, ${o.decisions.notOpened} not opened 未触发${o.decisions.voided ? `, ${o.decisions.voided} voided 作废` : ''} (of ${o.decisions.total})`],
    ['驳回 / Rejections', String(o.rejections)],
    ['演练结束 / End', `drill ${drillTime(o.endClock)}, scenario ${scenarioTime(o.endScenarioMs)}`],
  ];
}

export function summaryText(d: DrillJson, scenario: Scenario): string {
  const out: string[] = [];
  out.push(`震演 Quake Drill — ${bilingual(scenario.meta.title)} (${d.scenarioId} ${d.scenarioVersion})`);
  out.push(`种子 Seed ${d.seed} · 策略 Policy ${d.policy ?? '—'} · ${d.events} events · state ${d.stateHash}`);
  out.push('');
  out.push(`总分 Overall: ${rated(d.overall, d.rating)} — ${restsOn(d.restsOn, d.provisional, d.byBots)}`);
  out.push('');
  out.push('各单位得分 / Score per unit:');
  // Bot answers do not count towards a unit's score: the bots' score is shown beside it.
  const rows = Object.values(d.units).map((u) => [
    u.id, u.name.zh, score(u.score), u.rating ? `${u.rating} ${u.ratingZh}` : '—',
    `${u.applicable} decision${u.applicable === 1 ? '' : 's'}${u.provisional ? `, ${u.provisional} 暂定 provisional` : ''}`,
    u.bots ? `机器人 bots ${score(u.bots.score)} (${u.bots.decisions})` : '',
  ]);
  out.push(...table(rows, new Set([2])).map((l) => `  ${l}`));
  out.push('');
  out.push('核心能力 / Core capabilities:');
  const caps = Object.values(d.capabilities).map((c) => [c.id, c.name.zh, score(c.score), c.rating ? `${c.rating} ${c.ratingZh}` : '—']);
  out.push(...table(caps, new Set([2])).map((l) => `  ${l}`));
  out.push('');
  out.push('结果指标 / Outcomes:');
  out.push(...table(outcomeRows(d.outcomes, scenario)).map((l) => `  ${l}`));
  return out.join('\n');
}
