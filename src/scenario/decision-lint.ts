// The lint of what a decision's kind needs that the schema cannot say (src/scenario/decision-kinds.ts): a number's range holds its expected value, a ranking's expected order is
// every option once, a report's points are named once, and no kind carries another kind's section.
import { kindOf } from './decision-kinds.ts';
import type { Finding } from './problem.ts';
import type { Decision, Scenario } from './schema.ts';

type Path = (string | number)[];
const RULE = 'decision-kind';

const finding = (path: Path, message: string, hint: string, zh: string, zhHint: string): Finding => ({ path, rule: RULE, message, hint, zh: { message: zh, hint: zhHint } });

export function checkDecisionKinds(s: Scenario, out: Finding[]): void {
  s.decisions.forEach((d, i) => {
    const at: Path = ['decisions', i];
    const spec = kindOf(d);
    const noun = spec.noun;
    for (const section of ['number', 'report'] as const) {
      if (d[section] !== undefined && spec.section !== section) {
        out.push(finding([...at, section], `a ${noun.en} decision has no '${section}' section`, `remove it, or make the decision kind: ${section}`, `${noun.zh}决策没有 '${section}' 部分`, `删除它，或将决策类型改为 kind: ${section}`));
      }
    }
    if (d.expected.order !== undefined && d.kind !== 'ranking') {
      out.push(finding([...at, 'expected', 'order'], `only a ranking decision expects an order, not a ${noun.en} one`, 'remove expected.order, or make the decision kind: ranking', `只有排序决策有期望顺序，${noun.zh}决策没有`, '删除 expected.order，或将决策类型改为 kind: ranking'));
    }
    if (spec.measure === 'rubric') return;
    if (d.rubric.length > 0) {
      out.push(finding([...at, 'rubric'], `a ${noun.en} decision is scored by its own measure, not by rubric lines`, `remove the rubric${d.kind === 'report' ? ' and give report.points instead' : ''}`, `${noun.zh}决策按其自身方法评分，不使用评分细则`, d.kind === 'report' ? '删除 rubric，改写 report.points' : '删除 rubric'));
    }
    if (spec.minOptions === 0 && d.options.length > 0) {
      out.push(finding([...at, 'options'], `a ${noun.en} decision offers no options`, 'remove the options', `${noun.zh}决策没有选项`, '删除 options'));
    }
    if (d.kind === 'number') checkNumber(d, at, out);
    if (d.kind === 'ranking') checkRanking(d, at, out);
    if (d.kind === 'report') checkReport(d, at, out);
  });
}

function checkNumber(d: Decision, at: Path, out: Finding[]): void {
  const n = d.number;
  if (!n) {
    out.push(finding([...at, 'kind'], "a number decision needs 'number' (its unit, min, max, expected and tolerance)", 'add e.g. number: { unit: { zh: 人, en: people }, min: 0, max: 5000, expected: 1200, tolerance: 200 }', "数值决策需要 'number'（单位、最小值、最大值、期望值和容差）", '例如添加 number: { unit: { zh: 人, en: people }, min: 0, max: 5000, expected: 1200, tolerance: 200 }'));
    return;
  }
  if (n.min > n.max) {
    out.push(finding([...at, 'number', 'max'], `max ${n.max} is below min ${n.min}`, 'swap them, or correct one', `最大值 ${n.max} 小于最小值 ${n.min}`, '交换或更正其中一个'));
    return;
  }
  if (n.expected === undefined) {
    out.push(finding([...at, 'number'], "a number decision needs 'expected': the plan's number", `add expected: a number from ${n.min} to ${n.max}`, "数值决策需要 'expected'：预案的期望数值", `添加 expected：${n.min} 到 ${n.max} 之间的数`));
  } else if (n.expected < n.min || n.expected > n.max) {
    out.push(finding([...at, 'number', 'expected'], `the expected number ${n.expected} is outside min..max (${n.min}–${n.max}): no seat could give it`, `make expected a number from ${n.min} to ${n.max}, or widen the range`, `期望数值 ${n.expected} 超出范围（${n.min}–${n.max}），学员无法作答`, `把期望值改为 ${n.min} 到 ${n.max} 之间的数，或放宽范围`));
  }
}

function checkRanking(d: Decision, at: Path, out: Finding[]): void {
  const ids = d.options.map((o) => o.id);
  if (ids.length < 2) {
    out.push(finding([...at, 'kind'], 'a ranking decision needs at least two options (the items to put in order)', 'add the items as options', '排序决策至少需要两个选项（待排序的事项）', '把待排序的事项写成 options'));
    return;
  }
  const order = d.expected.order;
  const example = `expected: { order: [${ids.join(', ')}] }`;
  if (!order) {
    out.push(finding([...at, 'expected'], 'a ranking decision expects an order: every option id, most important first', `add e.g. ${example}`, '排序决策需要期望顺序：按重要性从高到低列出每个选项编号', `例如添加 ${example}`));
    return;
  }
  const known = new Set(ids);
  const seen = new Set<string>();
  order.forEach((x, j) => {
    if (!known.has(x)) out.push(finding([...at, 'expected', 'order', j], `decision '${d.id}' has no option '${x}'`, `its options are: ${ids.join(', ')}`, `决策 '${d.id}' 没有选项 '${x}'`, `它的选项为：${ids.join(', ')}`));
    else if (seen.has(x)) out.push(finding([...at, 'expected', 'order', j], `'${x}' appears twice in the expected order`, 'name each option once', `'${x}' 在期望顺序中出现了两次`, '每个选项只列一次'));
    seen.add(x);
  });
  const missing = ids.filter((x) => !seen.has(x));
  if (missing.length) {
    out.push(finding([...at, 'expected', 'order'], `the expected order leaves out ${missing.join(', ')}: it must name every option once`, `e.g. ${example}`, `期望顺序缺少 ${missing.join(', ')}：必须列出每个选项各一次`, `例如 ${example}`));
  }
}

function checkReport(d: Decision, at: Path, out: Finding[]): void {
  const r = d.report;
  if (!r) {
    out.push(finding([...at, 'kind'], "a report decision needs 'report' (the points the evaluator ticks)", 'add e.g. report: { points: [{ id: casualties, text: { zh: 报告伤亡人数, en: States the casualties }, points: 5 }] }', "书面报告决策需要 'report'（评估人员勾选的要点）", '例如添加 report: { points: [{ id: casualties, text: { zh: 报告伤亡人数, en: States the casualties }, points: 5 }] }'));
    return;
  }
  const seen = new Set<string>();
  r.points.forEach((p, j) => {
    if (seen.has(p.id)) out.push(finding([...at, 'report', 'points', j, 'id'], `point id '${p.id}' appears twice in this report`, 'rename one of them', `要点编号 '${p.id}' 在本报告中出现了两次`, '给其中一个改名'));
    seen.add(p.id);
  });
}
