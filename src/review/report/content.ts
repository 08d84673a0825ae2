// What each kind of report says, section by section, as plain text blocks: the HTML and Markdown
// renderers only lay these out (and escape them), so the two formats of one kind carry the same words.
// 演练评估报告 and 演练总结报告 follow STANDARDS.md (AQ/T 9009-2015, GB/T 46792-2025 Annex E [E],
// the 2009 guide's 总结报告 §6.2); the English AAR/IP follows HSEEP's template in HSEEP's terms.
import type { Text } from '../../scenario/index.ts';
import { drillTime, expectedPeople, type AnsweredBy, RATING_EN, RATING_ZH, scenarioTime, span, type DecisionScore, type Rating } from '../../scoring/index.ts';
import type { CapabilityForm } from '../forms.ts';
import type { Trust } from '../log-file.ts';
import { LEVEL_NUMERAL, NOT_SEATS } from '../names.ts';
import { brokenText } from '../trust-text.ts';
import { CONTESTED, GRADE_EN, GRADE_ZH, ISSUE_TEXT, UNOWNED, type Issue, type ReportKind, type ReportModel, type ReportView } from './model.ts';

export type Lang = 'zh' | 'en';
export type ChartId = 'units' | 'times' | 'survival' | 'outcomes';
export type Block =
  | { p: string; strong?: boolean }
  | { list: string[] }
  | { table: { head: string[]; rows: string[][]; right?: number[] } }
  | { chart: ChartId };
export interface Section {
  heading: string;
  level: 2 | 3;
  blocks: Block[];
}
export interface ReportDoc {
  lang: Lang;
  title: string;
  subtitle: string;
  /** The record's integrity and final hash: printed at the head and foot of every page. */
  seal: string;
  untrusted: boolean;
  sections: Section[];
}

export const KIND_LANG: Record<ReportKind, Lang> = { evaluation: 'zh', summary: 'zh', aar: 'en' };
export const KIND_TITLE: Record<ReportKind, string> = { evaluation: '演练评估报告', summary: '演练总结报告', aar: 'After-Action Report / Improvement Plan' };

/** A text in the report's language (the Chinese where it has no English). */
export const say = (t: Text, lang: Lang) => (lang === 'en' ? (t.en ?? t.zh) : t.zh);
const num = (x: number | null, digits = 1) => (x === null ? '—' : x.toFixed(digits));
const rating = (r: Rating | null, lang: Lang) => (r === null ? '—' : lang === 'zh' ? RATING_ZH[r] : `${r} (${RATING_EN[r]})`);
/** A seat's, the facilitator's or an evaluator's name: the reports show names, the JSON and CSV the ids. */
const who = (m: ReportModel, id: string, lang: Lang) => say(m.scores.units[id]?.name ?? m.scores.groups[id]?.name ?? m.scores.counties[id]?.name ?? NOT_SEATS[id] ?? { zh: id }, lang);
const answeredBy = (by: AnsweredBy | null, lang: Lang) =>
  !by ? '—' : by.kind === 'seat' ? (lang === 'zh' ? '席位' : 'seat') : by.kind === 'bot' ? (lang === 'zh' ? `机器人（${by.policy}）` : `bot (${by.policy})`) : lang === 'zh' ? '导调代答' : 'facilitator';
const capabilityName = (m: ReportModel, id: string, lang: Lang) => say(m.scores.capabilities[id]?.name ?? { zh: id }, lang);

export function trustText(trust: Trust, lang: Lang): string {
  if (trust.kind === 'verified') return lang === 'zh' ? '记录完整性：已验证（哈希链完整）' : 'Record integrity: verified (hash chain intact)';
  if (trust.kind === 'unchained') return lang === 'zh' ? '记录完整性：未验证（旧格式记录，无哈希链）' : 'Record integrity: NOT VERIFIED (an older log without a hash chain)';
  // A continued drill's own chain holds: no line of it is at fault, only the record it came from.
  if (trust.part === 'origin') return lang === 'zh' ? `记录完整性：不可信——${brokenText(trust, lang)}` : `Record integrity: UNTRUSTED — ${brokenText(trust, lang)}`;
  const where = trust.seq === null ? `第 ${trust.line} 行` : `第 ${trust.line} 行（序号 ${trust.seq}）`;
  return lang === 'zh'
    ? `记录完整性：不可信——哈希链在${where}断开：${brokenText(trust, lang)}`
    : `Record integrity: UNTRUSTED — the hash chain breaks at line ${trust.line}${trust.seq === null ? '' : ` (entry ${trust.seq})`}: ${brokenText(trust, lang)}`;
}

function seal(m: ReportModel, lang: Lang): string {
  return `${trustText(m.record.trust, lang)} · ${lang === 'zh' ? '最终哈希' : 'Final hash'} ${m.record.final ?? '—'}`;
}

// ── sections shared by the kinds, in the kind's language ─────────────────────

function purpose(m: ReportModel, lang: Lang): Block[] {
  const caps = Object.values(m.scores.capabilities).map((c) => say(c.name, lang)).join(lang === 'zh' ? '、' : ', ');
  const docs = m.scenario.planDocuments.join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh'
    ? [{ list: [`检验预案的合理性与可操作性${docs ? `：${docs}` : ''}。`, `检验核心能力：${caps}。`, `情景：${m.scenario.description.zh}`] }]
    : [{ list: [`Test the plan's soundness and workability${docs ? `: ${docs}` : ''}.`, `Exercise the core capabilities: ${caps}.`, `Scenario: ${say(m.scenario.description, 'en')}`] }];
}

function timePlace(m: ReportModel, lang: Lang): Block[] {
  const zh = lang === 'zh';
  const rows = [
    [zh ? '演练记录' : 'Drill record', `${m.drill.id ?? '—'} · ${m.drill.logFile}`],
    [zh ? '演练开始（记录时间）' : 'Held (recorded)', m.drill.created ?? (zh ? '未记录' : 'not recorded')],
    [zh ? '演练时长' : 'Drill time', m.drill.length],
    [zh ? '情景地点' : 'Scenario region', say(m.scenario.region, lang)],
    [zh ? '情景发震时刻' : 'Scenario origin time', m.scenario.originTime],
    [zh ? '推演到的情景时间' : 'Scenario time reached', m.drill.scenarioReached],
    [zh ? '情景文件' : 'Scenario', `${m.scenario.id} ${m.scenario.version} (${m.scenario.file})`],
    [zh ? '随机种子 · 记录条数' : 'Seed · log entries', `${m.drill.seed} · ${m.drill.entries}`],
    ...(m.drill.parent ? [[zh ? '推演分支自' : 'Branched from', `${m.drill.parent.drill} #${m.drill.parent.seq}`]] : []),
  ];
  return [{ table: { head: [zh ? '项目' : 'Item', zh ? '内容' : 'Value'], rows } }];
}

function participants(m: ReportModel, lang: Lang): Block[] {
  const zh = lang === 'zh';
  const who = (p: ReportModel['participants'][number]) => {
    const parts = [];
    if (p.answeredBy.seat) parts.push(`${zh ? '席位' : 'seat'} ${p.answeredBy.seat}`);
    if (p.answeredBy.bot) parts.push(`${zh ? '机器人' : 'bot'} ${p.answeredBy.bot}`);
    if (p.answeredBy.facilitator) parts.push(`${zh ? '导调代答' : 'facilitator'} ${p.answeredBy.facilitator}`);
    if (p.answeredBy.none) parts.push(`${zh ? '超时' : 'expired'} ${p.answeredBy.none}`);
    return parts.join(' · ') || '—';
  };
  return [{
    table: {
      head: zh ? ['席位', '单位', '决策数', '作答', '机器人策略'] : ['Seat', 'Organization', 'Decisions', 'Answered by', 'Bot policy'],
      rows: m.participants.map((p) => [p.id, say(p.name, lang), String(p.decisions), who(p), p.bot ?? '—']),
      right: [2],
    },
  }];
}

function outline(m: ReportModel, lang: Lang): Block[] {
  const zh = lang === 'zh';
  return [
    { p: zh ? `${m.outline.nodes.length} 个时间节点，${m.outline.injects} 条注入信息，${m.outline.decisions} 项决策。` : `${m.outline.nodes.length} time nodes, ${m.outline.injects} injects, ${m.outline.decisions} decisions.` },
    { table: { head: zh ? ['节点', '名称', '情景时间'] : ['Node', 'Name', 'Scenario time'], rows: m.outline.nodes.map((n) => [n.id, say(n.name, lang), `${n.from} → ${n.to}`]) } },
  ];
}

function overall(m: ReportModel, lang: Lang): Block {
  const s = m.scores;
  const zh = lang === 'zh';
  if (s.overall === null) return { p: zh ? '无可评分决策。' : 'No decision to score.' };
  const bands = zh ? `评级：优 ≥ ${s.thresholds.P}，良 ≥ ${s.thresholds.S}，中 ≥ ${s.thresholds.M}，否则为差。` : `Ratings: P ≥ ${s.thresholds.P}, S ≥ ${s.thresholds.S}, M ≥ ${s.thresholds.M}, else U.`;
  return zh
    ? { p: `总体得分 ${s.overall.toFixed(1)}（${rating(s.rating, lang)}），基于 ${s.restsOn} 项决策${s.provisional ? `，其中 ${s.provisional} 项暂定` : ''}${s.byBots ? `，${s.byBots} 项由机器人作答` : ''}。${bands}`, strong: true }
    : { p: `Overall ${s.overall.toFixed(1)} — ${rating(s.rating, lang)}, on ${s.restsOn} decisions${s.provisional ? `, ${s.provisional} provisional` : ''}${s.byBots ? `, ${s.byBots} answered by bots` : ''}. ${bands}`, strong: true };
}

function objectives(m: ReportModel, lang: Lang): Block[] {
  const zh = lang === 'zh';
  return [
    overall(m, lang),
    { table: { head: zh ? ['核心能力', '得分', '评定', '决策数'] : ['Core capability', 'Score', 'Rating', 'Decisions'], rows: Object.values(m.scores.capabilities).map((c) => [say(c.name, lang), num(c.score), rating(c.rating, lang), String(c.applicable)]), right: [1, 3] } },
  ];
}

function unitPerformance(m: ReportModel, lang: Lang): Block[] {
  const zh = lang === 'zh';
  const rows = Object.values(m.scores.units).map((u) => [u.id, say(u.name, lang), num(u.score), rating(u.rating, lang), String(u.applicable), u.bots ? `${num(u.bots.score)} (${u.bots.decisions})` : '—']);
  return [
    { p: zh ? '机器人作答的决策不计入单位得分，单列为“机器人代答”。' : 'Decisions a bot answered do not count towards an organization\'s score; they are shown beside as "Bots".' },
    { table: { head: zh ? ['席位', '单位', '得分', '评定', '决策数', '机器人代答'] : ['Seat', 'Organization', 'Score', 'Rating', 'Decisions', 'Bots (decisions)'], rows, right: [2, 4] } },
    { chart: 'units' },
    { chart: 'times' },
  ];
}

function forms(fs: CapabilityForm[], lang: Lang): Section[] {
  const zh = lang === 'zh';
  return fs.map((f) => ({
    heading: `${say(f.name, lang)} — ${zh ? '评定' : 'rating'} ${rating(f.verdict, lang)}${f.verdictOverride ? (zh ? '（改评）' : ' (overridden)') : ''}${f.score === null ? '' : ` (${f.score.toFixed(1)})`}`,
    level: 3 as const,
    blocks: [
      ...(f.verdictOverride
        ? [{ p: zh ? `综合评定改评为${rating(f.verdictOverride.rating, lang)}（计算评定依得分 ${num(f.score)}），理由：${f.verdictOverride.reason}` : `Verdict overridden by the evaluators to ${rating(f.verdictOverride.rating, lang)} (score ${num(f.score)}); reason: ${f.verdictOverride.reason}` }]
        : []),
      {
        table: {
          head: zh ? ['指标', '得分', '评定', '依据（记录序号）'] : ['Indicator', 'Score', 'Rating', 'Evidence (log entry)'],
          rows: f.indicators.map((r) => [
            say(r.name, lang),
            num(r.score),
            `${rating(r.rating, lang)}${r.override ? (zh ? `（改评：${r.override.reason}）` : ` (overridden: ${r.override.reason})`) : ''}`,
            r.evidence.length ? r.evidence.map((e) => `#${e.seq} ${say(e.label, lang)}`).join('; ') : '—',
          ]),
          right: [1],
        },
      },
    ],
  }));
}

function issueWords(issues: readonly Issue[], lang: Lang): string {
  return issues.map((i) => (lang === 'zh' ? ISSUE_TEXT[i].zh : ISSUE_TEXT[i].en)).join(lang === 'zh' ? '；' : '; ');
}

/** The numbers behind a problem: how right, how fast against its target and deadline. */
function cause(x: DecisionScore, lang: Lang): string {
  const t = x.times;
  if (x.status === 'expired') return lang === 'zh' ? `截止 ${t.deadline} 前未作答` : `no answer before the deadline ${t.deadline}`;
  const after = t.answeredClock !== null && t.openedClock !== null ? span(t.answeredClock - t.openedClock) : '—';
  return lang === 'zh'
    ? `正确性 ${num(x.correctness, 2)}；开启后 ${after} 作答（目标 ${t.target}，截止 ${t.deadline}），时效 ${num(x.timeliness, 2)}`
    : `correctness ${num(x.correctness, 2)}; answered ${after} after opening (target ${t.target}, deadline ${t.deadline}), timeliness ${num(x.timeliness, 2)}`;
}

function problems(m: ReportModel, v: ReportView, lang: Lang): Block[] {
  const zh = lang === 'zh';
  if (!v.problems.length) return [{ p: zh ? '未发现超时、错误或超过目标时间的决策。' : 'No decision was late, wrong or expired.' }];
  return [{
    table: {
      head: zh ? ['决策', '决策单位', '问题', '原因（评分说明）'] : ['Decision', 'Owner', 'Issue', 'Cause (from the score)'],
      rows: v.problems.map((p) => {
        const x = m.scores.decisions[p.decision]!;
        return [say(p.prompt, lang), who(m, p.owner, lang), issueWords(p.issues, lang), cause(x, lang)];
      }),
    },
  }];
}

function plan(m: ReportModel, v: ReportView, lang: Lang): Block[] {
  const zh = lang === 'zh';
  if (!v.plan.length) return [{ p: zh ? '没有决策超时、错误、无人负责或有争议的预案条款。' : 'No plan clause had a late, wrong, unowned or contested decision.' }];
  const tag = (issues: readonly Issue[]) => {
    const kinds = [];
    if (issues.includes('late')) kinds.push(zh ? '迟' : 'late');
    if (issues.includes('wrong')) kinds.push(zh ? '错' : 'wrong');
    if (issues.some((i) => UNOWNED.has(i))) kinds.push(zh ? '无人负责' : 'unowned');
    if (issues.some((i) => CONTESTED.has(i))) kinds.push(zh ? '有争议' : 'contested');
    return kinds.join(zh ? '、' : ', ');
  };
  return [
    { p: zh ? '演练检验的是预案：以下条款所对应的决策迟、错、无人负责（超时、机器人或导调代答）或有争议（作废、重开、评估组改评）。' : 'The drill tests the plan: these clauses\' decisions were late, wrong, unowned (expired, or answered by a bot or the facilitator) or contested (voided, reopened, or re-rated by an evaluator).' },
    { table: { head: zh ? ['预案条款', '决策', '类别', '问题'] : ['Plan clause', 'Decisions', 'Kind', 'Issues'], rows: v.plan.flatMap((c) => c.decisions.map((d, i) => [i ? '〃' : c.clause, say(d.prompt, lang), tag(d.issues), issueWords(d.issues, lang)])) } },
  ];
}

function lessons(m: ReportModel, lang: Lang, all: boolean): Block[] {
  const zh = lang === 'zh';
  const notes = m.notes.filter((n) => all || n.published);
  const credit = (n: ReportModel['notes'][number]) => [who(m, n.author, lang), ...(n.capability ? [capabilityName(m, n.capability, lang)] : []), ...(n.unit ? [who(m, n.unit, lang)] : [])].join(' · ');
  const line = (n: ReportModel['notes'][number]) => `${n.text}${zh ? '（' : ' ('}${credit(n)}${n.published ? '' : zh ? ' · 未发布' : ' · unpublished'}${zh ? '）' : ')'}`;
  const strengths = notes.filter((n) => n.kind === 'strength');
  const improve = notes.filter((n) => n.kind === 'improvement');
  const best = Object.values(m.scores.capabilities).filter((c) => c.rating === 'P').map((c) => say(c.name, lang));
  return [
    { p: zh ? '亮点与优点' : 'Strengths', strong: true },
    { list: [...strengths.map(line), ...(best.length ? [zh ? `评定为优的能力：${best.join('、')}` : `Capabilities rated P: ${best.join(', ')}`] : [])] },
    { p: zh ? '待改进' : 'Areas for improvement', strong: true },
    { list: improve.map(line) },
  ];
}

function findings(m: ReportModel, lang: Lang): Block[] {
  const zh = lang === 'zh';
  const rows = m.findings.map((f) => [zh ? GRADE_ZH[f.grade] : GRADE_EN[f.grade], f.text, f.clause ?? '—', f.capability ?? '—', f.owner || '—', f.due || (zh ? '待定' : 'to set')]);
  return [
    ...(m.findingsSuggested ? [{ p: zh ? '评估组尚未填写纠正行动：以下为根据迟、错、超时决策生成的建议（建议），待评估组确认、指定责任单位和完成时限。' : 'The evaluators have written no improvement plan yet: these are suggestions derived from the late, wrong and expired decisions (suggested), for the evaluators to confirm and give an owner and a due date.' } as Block] : []),
    rows.length
      ? { table: { head: zh ? ['等级', '纠正行动', '预案条款', '能力', '责任单位', '完成时限'] : ['Grade', 'Corrective action', 'Plan clause', 'Capability', 'Primary responsible organization', 'Completion date'], rows } }
      : { p: zh ? '无。' : 'None.' },
  ];
}

function selfAssessments(m: ReportModel, lang: Lang): Block[] {
  const zh = lang === 'zh';
  if (!m.selfAssessments.length) return [{ p: zh ? '尚无参演人员自评。' : 'No participant feedback yet.' }];
  return [{
    table: {
      head: zh ? ['席位', '自评（1–5）', '做得好的', '遇到的困难', '对预案的建议'] : ['Seat', 'Self-rating (1–5)', 'What went well', 'What was hard', 'Suggestions for the plan'],
      rows: m.selfAssessments.map((s) => [`${s.seat} ${say(s.name, lang)}`, String(s.rating), s.well, s.hard, s.plan]),
    },
  }];
}

function notesTable(m: ReportModel, lang: Lang, all: boolean): Block[] {
  const zh = lang === 'zh';
  const notes = m.notes.filter((n) => all || n.published);
  if (!notes.length) return [{ p: zh ? '无。' : 'None.' }];
  return [{
    table: {
      head: zh ? ['记录序号', '时间', '评估人员', '类别', '能力', '单位', '内容', '改评', '状态'] : ['Entry', 'Time', 'Evaluator', 'Kind', 'Capability', 'Organization', 'Note', 'Rating override', 'Status'],
      rows: notes.map((n) => [
        `#${n.seq}`, drillTime(n.t), who(m, n.author, lang),
        n.kind === 'strength' ? (zh ? '亮点' : 'strength') : zh ? '待改进' : 'area for improvement',
        n.capability ? capabilityName(m, n.capability, lang) : '—', n.unit ? who(m, n.unit, lang) : '—', n.text,
        n.override ? `${rating(n.override.rating, lang)}${zh ? '：' : ': '}${n.override.reason}` : '—',
        n.published ? (zh ? '已发布' : 'published') : zh ? '未发布' : 'private',
      ]),
    },
  }];
}

function decisionDetails(m: ReportModel, lang: Lang): Section[] {
  const zh = lang === 'zh';
  return Object.values(m.scores.decisions).map((x) => ({
    heading: say(x.prompt, lang),
    level: 3 as const,
    blocks: [
      { p: `${zh ? '决策单位' : 'Owner'} ${who(m, x.owner, lang)} · ${zh ? '能力' : 'Capability'} ${capabilityName(m, x.capability, lang)} · ${zh ? '预案' : 'Plan'} ${x.planClause} · ${zh ? '作答' : 'Answered by'} ${answeredBy(x.answeredBy, lang)} · ${zh ? '得分' : 'Total'} ${x.pendingEvaluation ? (zh ? '待评估（评估人员尚未勾选报告要点）' : 'pending evaluation (the evaluator has not ticked the report’s points)') : `${num(x.total)} (${rating(x.rating, lang)})`}` },
      // A written report is read in full by the evaluators: it is what they tick.
      ...(x.answer?.text !== undefined ? [{ p: `${zh ? '报告全文：' : 'The report: '}${x.answer.text}` }] : []),
      { list: x.explanation },
    ],
  }));
}

/** The outcome metrics in the report's language, named (the JSON keeps `outcomes`, the CLI's bilingual rows with ids). */
function outcomeRows(m: ReportModel, lang: Lang): string[][] {
  const o = m.scores.outcomes;
  const zh = lang === 'zh';
  const n = (x: number) => x.toLocaleString('en');
  const share = o.trapped ? ` (${Math.round((100 * o.rescuedAlive) / o.trapped)} %)` : '';
  const r = o.responseLevel;
  // The level is set by a seat, the facilitator, or a decision's effect: the latter is named by the decision's owner.
  const by = r ? who(m, m.scores.decisions[r.by]?.owner ?? r.by, lang) : '';
  const level = !r
    ? (zh ? '未启动' : 'never set')
    : r.level === 'none'
      ? (zh ? `已终止：情景 ${r.scenario}（演练 ${r.drill}）由${by}终止` : `ended at ${r.scenario} (drill ${r.drill}) by ${by}`)
      : zh
        ? `${(LEVEL_NUMERAL as Readonly<Record<string, string>>)[r.level] ?? r.level}级：情景 ${r.scenario}（演练 ${r.drill}）由${by}启动`
        : `Level ${r.level} at ${r.scenario} (drill ${r.drill}) by ${by}`;
  const d = o.decisions;
  const label = (t: Text) => say(t, lang);
  const [hours, contain] = [o.hoursWithout.values(), o.timeToContain.values()];
  const rows = o.figures.flatMap((kind): string[][] => {
    switch (kind) {
      case 'trapped-rescued':
        return [[zh ? '被困人员' : 'Trapped', n(o.trapped)], [zh ? '生还救出' : 'Rescued alive', `${expectedPeople(o.rescuedAlive)}${share}`]];
      case 'response-level':
        return [[zh ? '启动响应' : 'Response level', level]];
      case 'first-rescue':
        return o.firstRescue.map((x) => [`${zh ? '首支救援队到达：' : 'First rescue team: '}${say(x.name, lang)}`, x.at ?? (zh ? '未到达' : 'none')]);
      case 'hours-without': {
        const h = hours.next().value;
        return h ? [[label(h.label), `${h.hours.toFixed(1)} h`]] : [];
      }
      case 'shelter':
        return [[zh ? '避难场所（已开放 / 需要）' : 'Shelter places opened / needed', `${n(o.shelter.opened)} / ${n(o.shelter.needed)}`]];
      case 'time-to-contain': {
        const c = contain.next().value;
        if (!c) return [];
        return c.contained.length
          ? c.contained.map((x, i) => [`${label(c.label)} ${i + 1}`, x.hoursToContain === null ? (zh ? '未控制' : 'never') : `${x.hoursToContain.toFixed(2)} h`])
          : [[label(c.label), zh ? '无' : 'none']];
      }
      case 'decisions':
        return [[zh ? '决策' : 'Decisions', zh
          ? `已决策 ${d.answered}，超时 ${d.expired}，进行中 ${d.open}，未触发 ${d.notOpened}${d.voided ? `，作废 ${d.voided}` : ''}（共 ${d.total}）`
          : `${d.answered} answered, ${d.expired} expired, ${d.open} open, ${d.notOpened} not opened${d.voided ? `, ${d.voided} voided` : ''} (of ${d.total})`]];
    }
  });
  return [
    ...rows,
    [zh ? '驳回' : 'Rejections', String(o.rejections)],
    [zh ? '演练结束' : 'End', zh ? `演练 ${drillTime(o.endClock)}，情景 ${scenarioTime(o.endScenarioMs)}` : `drill ${drillTime(o.endClock)}, scenario ${scenarioTime(o.endScenarioMs)}`],
  ];
}

function outcomes(m: ReportModel, lang: Lang): Block[] {
  return [
    { table: { head: lang === 'zh' ? ['指标', '值'] : ['Metric', 'Value'], rows: outcomeRows(m, lang) } },
    { chart: 'survival' },
    { chart: 'outcomes' },
  ];
}

function rejections(m: ReportModel, lang: Lang): Block[] {
  if (!m.rejections.length) return [{ p: lang === 'zh' ? '无。' : 'None.' }];
  return [{ table: { head: lang === 'zh' ? ['#', '记录时间', '席位', '指令', '原因'] : ['#', 'Log time', 'Actor', 'Command', 'Reason'], rows: m.rejections.map((r) => [String(r.seq), drillTime(r.t), r.actor, r.type, r.reason]), right: [0] } }];
}

const debrief = (m: ReportModel, lang: Lang): Block[] => [{ list: m.debrief.map((t) => say(t, lang)) }];

const s = (heading: string, blocks: Block[], level: 2 | 3 = 2): Section => ({ heading, level, blocks });

// ── the kinds ────────────────────────────────────────────────────────────────

/** 一 … 九十九: the chapter numbers of the Chinese reports. */
function zhNumeral(n: number): string {
  const DIGITS = '〇一二三四五六七八九';
  const [tens, ones] = [Math.floor(n / 10), n % 10];
  return `${tens > 1 ? DIGITS[tens] : ''}${tens ? '十' : ''}${ones ? DIGITS[ones] : ''}`;
}

/** The Chinese reports number their chapters 一、二、…; the sections under a chapter go unnumbered. */
const numbered = (sections: Section[]): Section[] => {
  let n = 0;
  return sections.map((x) => (x.level === 2 ? { ...x, heading: `${zhNumeral(++n)}、${x.heading}` } : x));
};

/** Both Chinese reports open alike (GB/T 46792's 评估报告 and 总结报告 share their first four chapters). */
const opening = (m: ReportModel, lang: Lang): Section[] => [
  s('演练目的', purpose(m, lang)),
  s('时间地点', timePlace(m, lang)),
  s('参演单位和人员', participants(m, lang)),
  s('方案概要', outline(m, lang)),
];

/** …and go on alike from the problems to the outcomes: the evaluation with every note, the summary with the published ones. */
const findingsOn = (m: ReportModel, v: ReportView, lang: Lang, evaluation: boolean): Section[] => [
  s('问题与原因', problems(m, v, lang)),
  s('预案', plan(m, v, lang)),
  s('经验教训', lessons(m, lang, evaluation)),
  s(evaluation ? '改进建议（纠正行动）' : '改进建议', findings(m, lang)),
  s('参演人员自评', selfAssessments(m, lang)),
  s('讲评提纲', debrief(m, lang)),
  s('结果指标', outcomes(m, lang)),
];

export function reportDoc(m: ReportModel, kind: ReportKind): ReportDoc {
  const lang = KIND_LANG[kind];
  const head = { lang, title: `${KIND_TITLE[kind]} — ${say(m.title, lang)}`, seal: seal(m, lang), untrusted: m.record.trust.kind !== 'verified' };
  const which = `${m.scenario.id} ${m.scenario.version} · ${m.drill.id ?? m.drill.logFile}`;
  if (kind === 'evaluation') {
    return {
      ...head,
      subtitle: `${which} · 评估组内部资料（含未发布的评估记录）`,
      sections: numbered([
        ...opening(m, lang),
        s('目标实现情况', objectives(m, lang)),
        s('各单位表现', unitPerformance(m, lang)),
        s('评估表（GB/T 46792 附录 B–D）', [{ p: '能力的得分即“目标实现情况”中该能力的得分，按本演练的评级阈值折算为优/良/中/差（综合评定），评估组可改评并说明理由；指标（响应时效、措施完整性、协同性、预案符合性、信息报送）为其分解，各由本能力的决策计算。指标改评只改该指标一行，不改能力的得分与综合评定。' }]),
        ...forms(m.evaluators.forms, lang),
        ...findingsOn(m, m.evaluators, lang, true),
        s('评估记录（全部）', notesTable(m, lang, true)),
        s('决策明细', []),
        ...decisionDetails(m, lang),
        s('驳回记录', rejections(m, lang)),
      ]),
    };
  }
  if (kind === 'summary') {
    return {
      ...head,
      subtitle: which,
      sections: numbered([
        ...opening(m, lang),
        s('目标实现情况', [...objectives(m, lang), { table: { head: ['核心能力', '评估表评定', '得分'], rows: m.published.forms.map((f) => [f.name.zh, `${rating(f.verdict, lang)}${f.verdictOverride ? `（改评：${f.verdictOverride.reason}）` : ''}`, num(f.score)]), right: [2] } }]),
        s('各单位表现', unitPerformance(m, lang)),
        ...findingsOn(m, m.published, lang, false),
        s('成果运用与归档', [{ list: ['依据本报告修订预案中列出的条款，并组织针对性培训、补充物资装备。', `归档：演练方案、演练记录（${m.drill.logFile}，最终哈希 ${m.record.final ?? '—'}）、评估报告和本总结报告。`] }]),
        s('已发布的评估记录', notesTable(m, lang, false)),
      ]),
    };
  }
  return {
    ...head,
    subtitle: `${which} · HSEEP`,
    sections: [
      s('Executive summary', [overall(m, lang), ...debrief(m, lang)]),
      s('Exercise overview', [...purpose(m, lang), ...timePlace(m, lang), ...outline(m, lang)]),
      s('Participating organizations', participants(m, lang)),
      s('Analysis of core capabilities', objectives(m, lang)),
      s('Performance by organization', unitPerformance(m, lang)),
      s('Exercise Evaluation Guides (P/S/M/U)', [{ p: "A capability's score is its score under Analysis of core capabilities, rated by this drill's thresholds (the verdict), which the evaluators may override with a reason; the indicators are its breakdown. An indicator's override changes that indicator's row only." }]),
      ...forms(m.published.forms, lang),
      s('Issues and root causes', problems(m, m.published, lang)),
      s('The plan', plan(m, m.published, lang)),
      s('Strengths and areas for improvement', lessons(m, lang, false)),
      s('Appendix A: Improvement Plan', findings(m, lang)),
      s('Participant feedback', selfAssessments(m, lang)),
      s('Outcomes', outcomes(m, lang)),
      s('Published evaluator observations', notesTable(m, lang, false)),
    ],
  };
}
