// The CLI's own words in both languages (the scenario's problems carry theirs: scenario/problem.ts).
import type { Lang } from './lang.ts';

const zh = {
  ok: '通过 {file}',
  title: '震演 — 灾情估算：{title}',
  origin: '发震时刻 {origin} — 当地 {local}，室内人员比例 {occupancy}',
  field: '烈度场：{relation}，{field}（修正 {offset}）；σ {sigma} — {from}',
  median: '中值',
  degree: '度数：{convention}',
  modelMix: '模型：GB/T 17742 建筑类别校准（SCIENCE.md §7.2，估计值）；PAGER 经验值为中心参考',
  modelPager: '模型：PAGER 经验模型（按烈度档）；PAGER 经验值为中心参考',
  place: '居民点',
  intensity: '烈度 I',
  degreeCol: '度',
  bin: 'PAGER 档',
  population: '人口',
  deaths: '死亡',
  serious: '重伤',
  minor: '轻伤',
  trapped: '被困',
  pagerDeaths: 'PAGER 死亡',
  total: '合计',
  beside: '{field}场：死亡 {deaths}，重伤 {serious}，轻伤 {minor}，被困 {trapped}，PAGER {pager}',
  levelDeaths: '按预案分级标准（死亡人数）：{level} 级响应',
  levelMagnitude: '按预案分级标准（震级）：{level} 级响应',
  levelNone: '按预案分级标准：无匹配级别',
  footnote: '≈ 位置与人口为估计值。人数为模型期望值，四舍五入取整显示（大于 0 但不足 0.5 人记为 <1）。',
  'from.scenario': '情景设定',
  'from.relation': '衰减关系自带',
  'from.gb18306-east': 'GB 18306-2015 东部区（该衰减关系未给σ）',
};

const en: Record<keyof typeof zh, string> = {
  ok: 'OK {file}',
  title: 'Quake Drill — loss estimate: {title}',
  origin: 'origin {origin} — local {local}, share indoors {occupancy}',
  field: 'field: {relation}, {field} (offset {offset}); σ {sigma} — {from}',
  median: 'median',
  degree: 'degree: {convention}',
  modelMix: 'model: GB/T 17742 building classes, SCIENCE.md §7.2 [E]; PAGER empirical = central reference',
  modelPager: 'model: PAGER empirical (binned); PAGER empirical = central reference',
  place: 'Place',
  intensity: 'I',
  degreeCol: 'degree',
  bin: 'PAGER bin',
  population: 'pop.',
  deaths: 'deaths',
  serious: 'serious',
  minor: 'minor',
  trapped: 'trapped',
  pagerDeaths: 'PAGER deaths',
  total: 'Total',
  beside: '{field} field beside: deaths {deaths}, serious {serious}, minor {minor}, trapped {trapped}, PAGER {pager}',
  levelDeaths: "by the plan's criteria (death bands): Level {level}",
  levelMagnitude: "by the plan's criteria (magnitude bands): Level {level}",
  levelNone: "by the plan's criteria: no level matches",
  footnote: '≈ location and population estimated. People are the model’s expected values, rounded to whole people (above 0 but under 0.5 shows as <1).',
  'from.scenario': 'the scenario',
  'from.relation': 'the relation',
  'from.gb18306-east': 'GB 18306-2015 eastern zone — the relation gives none',
};

export type CliKey = keyof typeof zh;

/** A template's `{name}` placeholders filled from `vars` (an unknown one is left as written). */
export const fill = (template: string, vars: Record<string, string | number> = {}): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

/** A CLI string; `{name}` placeholders are filled from `vars`. */
export function say(lang: Lang, key: CliKey, vars: Record<string, string | number> = {}): string {
  return fill((lang === 'zh' ? zh : en)[key], vars);
}
