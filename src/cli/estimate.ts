// `quake-drill estimate <scenario> [--json] [--sigma N]`: the hazard model's loss estimate per place
// (SCIENCE.md §7.2) — intensity, degree, deaths, injuries, the trapped and PAGER's central figure —
// with the totals, the +1σ field beside the median, and the response level the plan's criteria give.
import { parseArgs } from 'node:util';
import { DEGREE_CONVENTION, estimateLosses, levelByCriteria, type LossEstimate } from '../core/estimate.ts';
import type { Scenario } from '../scenario/index.ts';
import { table } from '../review/text.ts';
import { argsAndScenario, UsageError } from './scenario-file.ts';

const USAGE = 'usage: quake-drill estimate <scenario> [--json] [--sigma N]';
/** σ added to the field: a "stress" variant is +1σ; more than ±3σ is not a scenario any more. */
const MAX_SIGMAS = 3;



function parse(args: string[]): { file: string; json: boolean; sigmas: number } {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, sigma: { type: 'string' } } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one scenario at a time, not ${positionals.length}` : 'which scenario? e.g. quake-drill estimate scenarios/haicheng-m5.8.yaml');
  let sigmas = 0;
  if (values.sigma !== undefined) {
    sigmas = Number(values.sigma);
    if (values.sigma.trim() === '' || !Number.isFinite(sigmas) || Math.abs(sigmas) > MAX_SIGMAS) throw new UsageError(`--sigma takes a number from −${MAX_SIGMAS} to ${MAX_SIGMAS} (e.g. 1 for the +1σ field), not '${values.sigma}'`);
  }
  return { file: positionals[0]!, json: values.json ?? false, sigmas };
}

const SIGMA_FROM = {
  scenario: { zh: '情景设定', en: 'the scenario' },
  relation: { zh: '衰减关系自带', en: 'the relation' },
  'gb18306-east': { zh: 'GB 18306-2015 东部区（该衰减关系未给σ）', en: 'GB 18306-2015 eastern zone — the relation gives none' },
} as const;

/** What `estimate --json` prints: the estimate, the +1σ (or median) totals beside it, and the level the criteria give. */
export function estimateJson(file: string, scenario: Scenario, sigmas = 0) {
  const e = estimateLosses(scenario, { sigmas });
  const beside = estimateLosses(scenario, { sigmas: sigmas === 0 ? 1 : 0 });
  return {
    scenario: file,
    scenarioId: scenario.meta.id,
    originTime: scenario.earthquake.originTime,
    relation: scenario.earthquake.attenuation.relation,
    degreeConvention: DEGREE_CONVENTION.en,
    ...e,
    beside: { sigmas: beside.sigmas, offset: beside.offset, total: beside.total },
    level: levelByCriteria(scenario, e.total.deaths) ?? null,
  };
}

const one = (x: number) => x.toFixed(1);
const whole = (x: number) => Math.round(x).toLocaleString('en');
const hhmm = (h: number) => `${String(Math.floor(h)).padStart(2, '0')}:${String(Math.round((h % 1) * 60)).padStart(2, '0')}`;
const field = (e: Pick<LossEstimate, 'sigmas'>) => (e.sigmas === 0 ? '中值 median' : `${e.sigmas > 0 ? '+' : '−'}${Math.abs(e.sigmas)}σ`);

/** The text `estimate` prints. */
export function estimateText(file: string, scenario: Scenario, sigmas = 0): string {
  const j = estimateJson(file, scenario, sigmas);
  const names = new Map(scenario.region.settlements.map((s) => [s.id, s.name]));
  const from = SIGMA_FROM[j.sigma.from];
  const out = [
    (`震演 Quake Drill — 灾情估算 loss estimate: ${scenario.meta.title.zh}`),
    (`发震时刻 origin ${j.originTime} — 当地 local ${hhmm(j.localHour)}, 室内率 indoors ${j.occupancy}`),
    `烈度场 field: ${j.relation}, ${field(j)} (offset ${j.offset.toFixed(4)}); σ ${j.sigma.value} — ${from.zh} / ${from.en}`,
    `度数 degree: ${DEGREE_CONVENTION.zh}`,
    `         ${DEGREE_CONVENTION.en}`,
    `模型 model: ${j.model === 'building-mix' ? 'GB/T 17742 building classes, SCIENCE.md §7.2 [E]' : 'PAGER empirical (binned)'}; PAGER 经验值 = 中心参考 central reference`,
    '',
  ];
  const rows = [
    ['居民点 Place', 'I', '度 degree', 'PAGER档 bin', '人口 pop.', '死亡 deaths', '重伤 serious', '轻伤 minor', '被困 trapped', 'PAGER死亡 deaths'],
    ...j.settlements.map((s) => {
      const n = names.get(s.id);
      return [(n ? `${n.zh}${s.approximate ? '≈' : ''}` : s.id), s.intensity.toFixed(2), s.degree, s.pagerBin, whole(s.population), one(s.deaths), one(s.serious), one(s.minor), one(s.trappedAlive), one(s.pagerDeaths)];
    }),
    ['合计 Total', '', '', '', whole(j.total.population), one(j.total.deaths), one(j.total.serious), one(j.total.minor), one(j.total.trappedAlive), one(j.total.pagerDeaths)],
  ];
  out.push(...table(rows, new Set([1, 4, 5, 6, 7, 8, 9])));
  out.push('');
  out.push(`${field(j.beside)} 场 field beside: 死亡 deaths ${one(j.beside.total.deaths)}, 重伤 serious ${one(j.beside.total.serious)}, 轻伤 minor ${one(j.beside.total.minor)}, 被困 trapped ${one(j.beside.total.trappedAlive)}, PAGER ${one(j.beside.total.pagerDeaths)}`);
  out.push(j.level ? `按预案分级标准 by the plan's criteria (${j.level.by === 'deaths' ? '死亡人数 death bands' : '震级 magnitude bands'}): ${j.level.level} 级响应 Level ${j.level.level}` : '按预案分级标准 by the plan\'s criteria: 无匹配 no level matches');
  out.push('≈ 位置与人口为估计值 location and population estimated. 估算值为期望值（未取整）expected values, not counts.');
  return out.join('\n');
}

export async function estimate(args: string[]): Promise<number> {
  const start = await argsAndScenario('estimate', USAGE, parse, args);
  if (typeof start === 'number') return start;
  const { args: a, scenario } = start;
  console.log(a.json ? JSON.stringify(estimateJson(a.file, scenario, a.sigmas), null, 2) : estimateText(a.file, scenario, a.sigmas));
  return 0;
}
