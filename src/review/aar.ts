// The after-action report (演练评估报告) as Markdown: Chinese headings first, English beside them.
// Ratings are 优/良/中/差; HSEEP's P/S/M/U stand beside them only in the English report
// (STANDARDS.md, "Evaluation and reports"; issue 9 §4).
import type { Rejection } from '../core/index.ts';
import type { Scenario, Text } from '../scenario/index.ts';
import { RATING_EN, drillTime, scenarioTime, type RollUp } from '../scoring/index.ts';
import type { DrillJson } from './drill-json.ts';
import { outcomeRows } from './summary.ts';
import { answeredBy, restsOn } from './text.ts';

/** Scenario text is untrusted: no raw HTML, no table breaks, one line. */
export const md = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\s*\r?\n\s*/g, ' ');
const both = (t: Text) => md(t.en ? `${t.zh} / ${t.en}` : t.zh);
const num = (x: number | null, digits = 1) => (x === null ? '—' : x.toFixed(digits));
type Lang = 'zh' | 'en';
/** A rating cell: 优 in the Chinese report, "P 优" in the English one. */
const ratingIn = (lang: Lang) => (r: Pick<RollUp, 'rating' | 'ratingZh'>) => (r.rating ? (lang === 'zh' ? `${r.ratingZh}` : `${r.rating} ${r.ratingZh}`) : '—');

const STATUS: Record<string, string> = { answered: '已决策 answered', expired: '超时 expired', open: '进行中 open', 'not-opened': '未触发 not opened', voided: '作废 voided' };

const provisional = (n: number) => (n > 0 ? ` (${n} 暂定 provisional)` : '');

/** Units, groups and counties leave bot answers out of their score: a column shows the bots' beside, when any answered. */
function rollUpTable(rows: RollUp[], head: string, rating: ReturnType<typeof ratingIn>): string[] {
  const bots = rows.some((r) => r.bots !== null);
  const botsCell = (r: RollUp) => (r.bots ? ` ${num(r.bots.score)} (${r.bots.decisions}) |` : ' — |');
  return [
    `| ${head} | 名称 Name | 得分 Score | 评级 Rating | 决策数 Decisions |${bots ? ' 机器人代答 Bots (decisions) |' : ''}`,
    `|---|---|---:|---|---:|${bots ? '---:|' : ''}`,
    ...rows.map((r) => `| ${md(r.id)} | ${both(r.name)} | ${num(r.score)} | ${rating(r)} | ${r.applicable}${provisional(r.provisional)} |${bots ? botsCell(r) : ''}`),
  ];
}

export function aarMarkdown(d: DrillJson, scenario: Scenario, rejections: readonly Rejection[], logFile: string, lang: Lang = 'en'): string {
  const o: string[] = [];
  const rating = ratingIn(lang);
  const meta = scenario.meta;
  o.push(`# 演练评估报告 / After-action report — ${both(meta.title)}`, '');

  o.push('## 演练概况 / Overview', '');
  o.push(
    `- 情景 Scenario: ${md(meta.id)} ${md(meta.version)} (\`${md(d.scenario)}\`)`,
    `- 记录 Log: \`${md(logFile)}\`, ${d.events} events, seed ${d.seed}`,
    `- 演练时长 Drill time: ${drillTime(d.outcomes.endClock)}; 情景时间 scenario time reached: ${scenarioTime(d.outcomes.endScenarioMs)}`,
    `- 参演 Seats scored: ${Object.keys(d.units).length}; 决策 decisions: ${d.outcomes.decisions.total} (${d.outcomes.decisions.answered} answered, ${d.outcomes.decisions.expired} expired, ${d.outcomes.decisions.notOpened} not opened${d.outcomes.decisions.voided ? `, ${d.outcomes.decisions.voided} voided` : ''})`,
    `- 状态指纹 State hash: \`${d.stateHash}\``,
    '',
  );

  o.push('## 总体评分 / Overall score', '');
  o.push(
    d.overall === null
      ? '无可评分决策 / No decision to score.'
      : lang === 'zh'
        ? `**${d.overall.toFixed(1)}** — ${d.ratingZh}；${restsOn(d.restsOn, d.provisional, d.byBots)}`
        : `**${d.overall.toFixed(1)}** — ${d.rating} ${d.ratingZh} (${RATING_EN[d.rating!]}); ${restsOn(d.restsOn, d.provisional, d.byBots)}`,
    '',
    `权重 Weights: 正确性 correctness ${d.weights.correctness}, 时效 timeliness ${d.weights.timeliness}, 后果 consequence ${d.weights.consequence}. ` +
      (lang === 'zh'
        ? `评级 Ratings: 优 ≥ ${d.thresholds.P}, 良 ≥ ${d.thresholds.S}, 中 ≥ ${d.thresholds.M}, 否则为差.`
        : `评级 Ratings: P 优 ≥ ${d.thresholds.P}, S 良 ≥ ${d.thresholds.S}, M 中 ≥ ${d.thresholds.M}, else U 差.`),
    '',
  );

  o.push('## 各单位得分 / Scores by unit', '');
  o.push('机器人作答的决策不计入单位、工作组和县区得分，单列为“机器人代答” / Decisions a bot answered do not count towards a unit\'s, group\'s or county\'s score; they are shown beside as "Bots".', '');
  o.push(...rollUpTable(Object.values(d.units), '席位 Seat', rating), '');
  o.push('### 工作组 / Working groups', '', '工作组得分含其成员单位的决策 / A group counts its own decisions and its member units\'.', '');
  o.push(...rollUpTable(Object.values(d.groups), '工作组 Group', rating), '');
  if (Object.keys(d.counties).length) o.push('### 县区指挥部 / County HQs', '', ...rollUpTable(Object.values(d.counties), '县区 County', rating), '');

  o.push(lang === 'zh' ? '## 核心能力评估 / Core capabilities (优良中差)' : '## 核心能力评估 / Core capabilities (P/S/M/U, 优良中差)', '');
  o.push(...rollUpTable(Object.values(d.capabilities), '能力 Capability', rating), '');

  o.push('## 决策明细 / Decisions', '');
  for (const x of Object.values(d.decisions)) {
    o.push(`### ${md(x.id)} — ${both(x.prompt)}`, '');
    o.push(
      `- 决策席位 Owner: ${md(x.owner)} · 能力 Capability: ${md(x.capability)} · 预案 Plan: ${md(x.planClause)}`,
      `- 状态 Status: ${STATUS[x.status]}` +
        (x.answeredBy ? ` · 作答 Answered by: ${answeredBy(x.answeredBy)}` : '') +
        (x.applicable ? ` · 得分 Total **${num(x.total)}** (${rating(x)}) · 正确性 correctness ${num(x.correctness, 2)} · 时效 timeliness ${num(x.timeliness, 2)} · 后果 consequence ${num(x.consequence, 2)}` : '') +
        (x.applicable && x.provisional ? ` · **暂定 provisional**${x.horizonMs !== null ? ` (judged at ${scenarioTime(x.horizonMs)})` : ''}` : ''),
    );
    for (const line of x.explanation) o.push(`  - ${md(line)}`);
    o.push('');
  }

  o.push('## 结果指标 / Outcomes', '', '| 指标 Metric | 值 Value |', '|---|---|');
  for (const [k, v] of outcomeRows(d.outcomes, scenario)) o.push(`| ${md(k)} | ${md(v)} |`);
  o.push('');

  o.push('## 驳回记录 / Rejections', '');
  if (!rejections.length) o.push('无 / None.');
  else {
    o.push('| # | 记录时间 Log time | 席位 Actor | 指令 Command | 原因 Reason |', '|---:|---|---|---|---|');
    for (const r of rejections) o.push(`| ${r.seq} | ${drillTime(r.t)} | ${md(r.actor)} | ${md(r.type)} | ${md(r.reason)} |`);
  }
  return o.join('\n');
}
