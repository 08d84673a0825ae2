// The report (演练评估报告 · 演练总结报告 · HSEEP AAR/IP) as data: a pure function of the scenario, the
// log with its header and trust, and the review record (notes, self-assessments, findings, form
// ratings). Every renderer (HTML, Markdown, JSON) reads this one model, so they cannot disagree.
import { survivalScale, type LogEntry, type Rejection } from '../../core/index.ts';
import { aliveWhenFreed } from '../../hazard/index.ts';
import type { Scenario, Text } from '../../scenario/index.ts';
import { drillTime, scenarioTime, type DecisionScore, type RollUp } from '../../scoring/index.ts';
import { drillJson, type DrillJson } from '../drill-json.ts';
import { evaluationForms, type CapabilityForm } from '../forms.ts';
import type { LogHeader, Trust } from '../log-file.ts';
import type { Finding, Grade, Note, ReviewRecord, SelfAssessment } from '../record.ts';
import { replay } from '../replay.ts';
import { outcomeSeries, SERIES_STEP_MS, type SeriesPoint } from '../series.ts';
import { outcomeRows } from '../summary.ts';

export const REPORT_FORMAT = 'quake-drill/report@1';
export type ReportKind = 'evaluation' | 'summary' | 'aar';
export const REPORT_KINDS: readonly ReportKind[] = ['evaluation', 'summary', 'aar'];

export interface ReportInput {
  scenario: Scenario;
  header: LogHeader;
  log: readonly LogEntry[];
  trust: Trust;
  record: ReviewRecord;
  /** The log file as named to the reader (a path, or the archive's name). */
  logFile: string;
}

/** What went wrong with a decision, as the 预案 section and the problems list name it. */
export type Issue = 'late' | 'wrong' | 'expired' | 'bot' | 'facilitator' | 'voided' | 'reopened' | 'override';
/** 无人负责: nobody at the seat took it. 有争议: taken out, reopened, or re-rated by an evaluator. */
export const UNOWNED: ReadonlySet<Issue> = new Set(['expired', 'bot', 'facilitator']);
export const CONTESTED: ReadonlySet<Issue> = new Set(['voided', 'reopened', 'override']);

export interface DecisionIssues {
  decision: string;
  owner: string;
  prompt: Text;
  issues: Issue[];
}

export interface ReportFinding extends Finding {
  /** Derived by the report from late, wrong or expired decisions while the evaluators have written none (建议). */
  suggested: boolean;
}

export interface Participant {
  id: string;
  name: Text;
  kind: RollUp['kind'];
  decisions: number;
  /** Who gave the accepted answers: the seat's people, bots (by policy), the facilitator on its behalf; and none (expired). */
  answeredBy: { seat: number; bot: number; facilitator: number; none: number };
  /** The bot policy that played the seat at the end of the record, if a bot did. */
  bot: string | null;
}

/** The parts of a report that the notes bear on: their evidence and their rating overrides. */
export interface ReportView {
  forms: CapabilityForm[];
  /** Decisions late, wrong or expired. */
  problems: DecisionIssues[];
  /** Every plan clause with a late, wrong, unowned or contested decision. */
  plan: { clause: string; decisions: DecisionIssues[] }[];
}

export interface ReportModel {
  format: typeof REPORT_FORMAT;
  title: Text;
  scenario: { id: string; version: string; file: string; digest: string | null; description: Text; region: Text; originTime: string; planDocuments: string[] };
  drill: { id: string | null; seed: number; created: string | null; parent: { drill: string; seq: number; hash: string } | null; logFile: string; entries: number; length: string; scenarioReached: string };
  record: { trust: Trust; final: string | null; headerHash: string | null };
  outline: { nodes: { id: string; name: Text; from: string; to: string }[]; injects: number; decisions: number };
  participants: Participant[];
  scores: DrillJson;
  /** What the evaluators see (every note), and what leaves their room (the published notes only). */
  evaluators: ReportView;
  published: ReportView;
  findings: ReportFinding[];
  /** True when `findings` are the report's suggestions, not the evaluators' own. */
  findingsSuggested: boolean;
  notes: Note[];
  selfAssessments: (SelfAssessment & { name: Text })[];
  debrief: Text[];
  outcomes: [string, string][];
  rejections: Rejection[];
  charts: {
    survival: { hours: number; alive: number }[];
    rescues: { settlement: string; name: Text; hours: number }[];
    series: SeriesPoint[];
  };
}

const PLAN_DOCUMENT = /《[^》]+》(?:（[^）]*）|\([^)]*\))?/g;

/** Every issue of one decision: what was wrong with the answer first, then who gave it, then what contests it. */
function issuesOf(x: DecisionScore, reopened: boolean, overridden: boolean): Issue[] {
  const out: Issue[] = [];
  if (x.status === 'expired') out.push('expired');
  if (x.status === 'answered' && x.correctness !== null && x.correctness < 1) out.push('wrong');
  if (x.status === 'answered' && x.timeliness !== null && x.timeliness < 1) out.push('late');
  if (x.answeredBy?.kind === 'bot') out.push('bot');
  if (x.answeredBy?.kind === 'facilitator') out.push('facilitator');
  if (x.status === 'voided') out.push('voided');
  if (reopened) out.push('reopened');
  if (overridden) out.push('override');
  return out;
}

/** 不足项 when nothing was decided, 整改项 when the decision was wrong, 改进项 when it was only late [E]. */
function gradeOf(issues: readonly Issue[]): Grade {
  return issues.includes('expired') ? 'deficiency' : issues.includes('wrong') ? 'rectify' : 'improve';
}

export const GRADE_ZH: Record<Grade, string> = { deficiency: '不足项', rectify: '整改项', improve: '改进项' };
export const GRADE_EN: Record<Grade, string> = { deficiency: 'Deficiency', rectify: 'Corrective action', improve: 'Improvement' };
export const ISSUE_TEXT: Record<Issue, Text & { en: string }> = {
  late: { zh: '超过目标时间作答', en: 'answered after its target time' },
  wrong: { zh: '答案与预案不符', en: 'answer not as the plan expects' },
  expired: { zh: '超时未决策', en: 'not decided before the deadline' },
  bot: { zh: '由机器人代答', en: 'answered by a bot' },
  facilitator: { zh: '由导调代答', en: 'answered by the facilitator on the seat\'s behalf' },
  voided: { zh: '被导调作废', en: 'voided by the facilitator' },
  reopened: { zh: '被导调重新开启', en: 'reopened by the facilitator' },
  override: { zh: '评估人员改评', en: 'rating overridden by an evaluator' },
};

/** Suggested findings, one per plan clause with late, wrong or expired decisions: graded by the worst. */
function suggestFindings(plan: ReportView['plan'], seatName: (id: string) => string): ReportFinding[] {
  const out: ReportFinding[] = [];
  for (const { clause, decisions } of plan) {
    const bad = decisions.filter((d) => d.issues.some((i) => i === 'late' || i === 'wrong' || i === 'expired'));
    if (!bad.length) continue;
    const issues = [...new Set(bad.flatMap((d) => d.issues))];
    const owners = [...new Set(bad.map((d) => seatName(d.owner)))];
    const what = (['expired', 'wrong', 'late'] as const).filter((i) => issues.includes(i)).map((i) => ISSUE_TEXT[i].zh).join('、');
    out.push({
      id: `suggested-${out.length + 1}`,
      grade: gradeOf(issues),
      text: `${bad.map((d) => `“${d.prompt.zh}”`).join('、')}：${what}；对照预案条款复核职责与时限`,
      owner: owners.join('、'),
      due: '',
      clause,
      suggested: true,
    });
  }
  return out;
}

function participantsOf(scenario: Scenario, scores: DrillJson, seats: Readonly<Record<string, string>>): Participant[] {
  return Object.values(scores.units).map((u) => {
    const decisions = u.decisions.map((id) => scores.decisions[id]!);
    const count = (k: 'seat' | 'bot' | 'facilitator') => decisions.filter((x) => x.answeredBy?.kind === k).length;
    return {
      id: u.id,
      name: u.name,
      kind: u.kind,
      decisions: decisions.length,
      answeredBy: { seat: count('seat'), bot: count('bot'), facilitator: count('facilitator'), none: decisions.filter((x) => x.status === 'expired').length },
      bot: seats[u.id] ?? null,
    };
  }).filter((p) => p.decisions > 0 || scenario.organisation.hq.id === p.id);
}

/** The read-out at the end of the drill (讲评): a handful of lines, most important first [E]. */
function debriefOf(scores: DrillJson, { problems, plan }: ReportView, findings: ReportFinding[], notes: readonly Note[]): Text[] {
  const out: Text[] = [];
  if (scores.overall !== null && scores.rating && scores.ratingZh) {
    out.push({ zh: `总体得分 ${scores.overall.toFixed(1)}，评定为“${scores.ratingZh}”，基于 ${scores.restsOn} 项决策。`, en: `Overall ${scores.overall.toFixed(1)}, rated ${scores.rating}, on ${scores.restsOn} decisions.` });
  }
  const rated = Object.values(scores.capabilities).filter((c) => c.score !== null).sort((a, b) => b.score! - a.score! || a.id.localeCompare(b.id));
  if (rated.length) {
    const [best, worst] = [rated[0]!, rated.at(-1)!];
    out.push({ zh: `表现最好的能力：${best.name.zh}（${best.score!.toFixed(1)}）；最需加强：${worst.name.zh}（${worst.score!.toFixed(1)}）。`, en: `Strongest capability: ${best.name.en ?? best.name.zh} (${best.score!.toFixed(1)}); weakest: ${worst.name.en ?? worst.name.zh} (${worst.score!.toFixed(1)}).` });
  }
  for (const n of notes.filter((x) => x.published && x.kind === 'strength').slice(0, 2)) out.push({ zh: `亮点：${n.text}`, en: `Strength: ${n.text}` });
  for (const n of notes.filter((x) => x.published && x.kind === 'improvement').slice(0, 2)) out.push({ zh: `待改进：${n.text}`, en: `To improve: ${n.text}` });
  const count = (i: Issue) => problems.filter((p) => p.issues.includes(i)).length;
  const [expired, wrong, late] = [count('expired'), count('wrong'), count('late')];
  if (expired + wrong + late) out.push({ zh: `问题：${expired} 项决策超时未决、${wrong} 项与预案不符、${late} 项超过目标时间。`, en: `Issues: ${expired} decisions expired, ${wrong} not as the plan expects, ${late} past their target time.` });
  if (plan.length) out.push({ zh: `需复核的预案条款 ${plan.length} 条，见“预案”一节。`, en: `${plan.length} plan clauses to review: see "The plan".` });
  const o = scores.outcomes;
  if (o.trapped) out.push({ zh: `被困 ${o.trapped} 人，预计生还救出 ${o.rescuedAlive} 人。`, en: `${o.trapped} people trapped, ${o.rescuedAlive} expected rescued alive.` });
  if (findings.length) {
    const by = (g: Grade) => findings.filter((f) => f.grade === g).length;
    out.push({ zh: `纠正行动：不足项 ${by('deficiency')}、整改项 ${by('rectify')}、改进项 ${by('improve')}${findings[0]!.suggested ? '（建议，待评估组确认）' : ''}。`, en: `Improvement plan: ${by('deficiency')} deficiencies, ${by('rectify')} corrective actions, ${by('improve')} improvements${findings[0]!.suggested ? ' (suggested, for the evaluators to confirm)' : ''}.` });
  }
  return out;
}

/** S(t) sampled every 2 h over the 72 golden hours, or on to the half-day after the last first rescue (the cold's scale if the scenario asks for it). */
function survivalCurve(rescues: readonly { hours: number }[], scale: number): { hours: number; alive: number }[] {
  const end = Math.max(72, ...rescues.map((r) => Math.ceil(r.hours / 12) * 12));
  const out: { hours: number; alive: number }[] = [];
  for (let h = 0; h <= end; h += 2) out.push({ hours: h, alive: Math.round(aliveWhenFreed(h, scale) * 10_000) / 10_000 });
  return out;
}

/** A chart needs no more than about 100 points: whole multiples of the series' step (each point is a seek and a score). */
const chartStep = (endScenarioMs: number) => SERIES_STEP_MS * Math.max(1, Math.ceil(endScenarioMs / 100 / SERIES_STEP_MS));

export function buildReport(input: ReportInput): ReportModel {
  const { scenario, header, log, trust, record, logFile } = input;
  const ex = replay(scenario, header.seed, log, header.until);
  const scores = drillJson(header.scenario, scenario, header.seed, null, ex, record.ticks);
  const world = ex.world;
  const viewOf = (rec: ReviewRecord): ReportView => {
    // A note's rating override anchored at a decision's answer contests that decision.
    const overridden = new Set(rec.notes.filter((n) => n.override).map((n) => n.seq));
    const problems: DecisionIssues[] = [];
    const byClause = new Map<string, DecisionIssues[]>();
    for (const x of Object.values(scores.decisions)) {
      const issues = issuesOf(x, world.decisions[x.id]?.reopenedClock !== undefined, x.answeredSeq !== null && overridden.has(x.answeredSeq));
      if (!issues.length) continue;
      const row = { decision: x.id, owner: x.owner, prompt: x.prompt, issues };
      if (issues.some((i) => i === 'late' || i === 'wrong' || i === 'expired')) problems.push(row);
      byClause.set(x.planClause, [...(byClause.get(x.planClause) ?? []), row]);
    }
    return { forms: evaluationForms(scenario, world, log, scores, rec), problems, plan: [...byClause].map(([clause, decisions]) => ({ clause, decisions })) };
  };
  const evaluators = viewOf(record);
  const published = viewOf({ ...record, notes: record.notes.filter((n) => n.published) });

  // The app stores a finding's owner as a seat, group or county id: the report names it.
  const names = new Map([scores.units, scores.groups, scores.counties].flatMap((r) => Object.values(r).map((u) => [u.id, u.name] as const)));
  const seatName = (id: string) => names.get(id)?.zh ?? id;
  const capabilityName = (id: string) => scores.capabilities[id]?.name.zh ?? id;
  const own = record.findings.map((f) => ({ ...f, owner: f.owner && seatName(f.owner), ...(f.capability ? { capability: capabilityName(f.capability) } : {}), suggested: false }));
  const findings = own.length ? own : suggestFindings(evaluators.plan, seatName);

  const o = scores.outcomes;
  const rescues = o.firstRescue.flatMap((r) => (r.firstTeamMs === null ? [] : [{ settlement: r.settlement, name: r.name, hours: Math.round(r.firstTeamMs / 36_000) / 100 }]));
  const planDocuments = [...new Set(scenario.decisions.flatMap((d) => d.planClause.match(PLAN_DOCUMENT) ?? []))];
  return {
    format: REPORT_FORMAT,
    title: scenario.meta.title,
    scenario: {
      id: scenario.meta.id, version: scenario.meta.version, file: header.scenario, digest: header.scenarioHash || null,
      description: scenario.meta.description, region: scenario.region.name, originTime: scenario.earthquake.originTime, planDocuments,
    },
    drill: {
      id: header.drill || null, seed: header.seed, created: header.created ?? null, parent: header.parent ?? null, logFile, entries: log.length,
      length: drillTime(o.endClock), scenarioReached: scenarioTime(o.endScenarioMs),
    },
    record: { trust, final: trust.kind === 'verified' ? trust.final : (header.final ?? null), headerHash: header.hash || null },
    outline: {
      nodes: scenario.nodes.map((n) => ({ id: n.id, name: n.name, from: scenarioTime(n.span.from), to: scenarioTime(n.span.to) })),
      injects: scenario.injects.length,
      decisions: scenario.decisions.length,
    },
    participants: participantsOf(scenario, scores, world.seats),
    scores,
    evaluators,
    published,
    findings,
    findingsSuggested: !own.length && findings.length > 0,
    notes: [...record.notes].sort((a, b) => a.seq - b.seq || a.id.localeCompare(b.id)),
    selfAssessments: Object.values(record.selfAssessments).map((s) => ({ ...s, name: names.get(s.seat) ?? { zh: s.seat } })),
    debrief: debriefOf(scores, published, findings, record.notes),
    outcomes: outcomeRows(o, scenario),
    rejections: [...world.rejections],
    charts: {
      survival: survivalCurve(rescues, survivalScale(scenario)),
      rescues,
      series: outcomeSeries(scenario, header.seed, log, header.until, chartStep(o.endScenarioMs), record.ticks),
    },
  };
}
