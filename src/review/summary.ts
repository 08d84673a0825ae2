// The readable summary `quake-drill run` prints: overall score, score per unit, outcome metrics.
import type { Scenario, Text } from '../scenario/index.ts';
import { drillTime, expectedPeople, scenarioTime, type Outcomes } from '../scoring/index.ts';
import type { DrillJson } from './drill-json.ts';
import { bilingual, rated, restsOn, score, table } from './text.ts';

const n = (x: number) => x.toLocaleString('en');

/** A scenario's label as the CLI writes its bilingual rows: "中文 / English". */
const both = (t: Text) => (t.en ? `${t.zh} / ${t.en}` : t.zh);

/** The outcome metrics as [label, value] pairs, Chinese label first: the scenario's figures in its order (Outcomes.figures), then the refusals and the end. */
export function outcomeRows(o: Outcomes, scenario: Scenario): [string, string][] {
  const settlement = (id: string) => scenario.region.settlements.find((s) => s.id === id)?.name.zh ?? id;
  const share = o.trapped ? ` (${Math.round((100 * o.rescuedAlive) / o.trapped)} %)` : '';
  const [hours, contain] = [o.hoursWithout.values(), o.timeToContain.values()];
  const rows = o.figures.flatMap((kind): [string, string][] => {
    switch (kind) {
      case 'trapped-rescued':
        return [['被困人员 / Trapped', n(o.trapped)], ['生还救出 / Rescued alive', `${expectedPeople(o.rescuedAlive)}${share}`]];
      case 'response-level':
        return [['启动响应 / Response level', o.responseLevel ? `${o.responseLevel.level === 'none' ? 'ended' : `${o.responseLevel.level}级`} at ${o.responseLevel.scenario} (drill ${o.responseLevel.drill}) by ${o.responseLevel.by}` : '未启动 / never set']];
      case 'first-rescue':
        return o.firstRescue.map((r): [string, string] => [`首支救援队到达 / First rescue team: ${settlement(r.settlement)} ${r.settlement}`, r.at ?? '未到达 / none']);
      case 'hours-without': {
        const h = hours.next().value;
        return h ? [[both(h.label), `${h.hours.toFixed(1)} h`]] : [];
      }
      case 'shelter':
        return [['避难场所 / Shelter places opened / needed', `${n(o.shelter.opened)} / ${n(o.shelter.needed)}`]];
      case 'time-to-contain': {
        const c = contain.next().value;
        if (!c) return [];
        return c.contained.length ? c.contained.map((x): [string, string] => [`${both(c.label)}: ${x.incident}`, x.hoursToContain === null ? '未控制 / never' : `${x.hoursToContain.toFixed(2)} h`]) : [[both(c.label), '无 / none']];
      }
      case 'decisions':
        return [['决策 / Decisions', `${o.decisions.answered} answered 已决策, ${o.decisions.expired} expired 超时, ${o.decisions.open} open, ${o.decisions.notOpened} not opened 未触发${o.decisions.voided ? `, ${o.decisions.voided} voided 作废` : ''} (of ${o.decisions.total})`]];
    }
  });
  return [...rows, ['驳回 / Rejections', String(o.rejections)], ['演练结束 / End', `drill ${drillTime(o.endClock)}, scenario ${scenarioTime(o.endScenarioMs)}`]];
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
