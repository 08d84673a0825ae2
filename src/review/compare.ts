// Two drills of one scenario side by side (issue 10 §4): scores by unit, capability and decision,
// the outcomes, the outcome series on aligned scenario time, and the few sentences that say what
// the difference bought ("reaching 析木 40 minutes earlier keeps about 3 more people alive").
// Every delta is a − b: `a` is the drill in question (a what-if branch), `b` the one it is set against.
import { canonicalJson, createExercise, survivalScale, type Exercise, type LogEntry, type Model } from '../core/index.ts';
import type { Scenario, Text } from '../scenario/index.ts';
import { drillTime, expectedPeople, scenarioTime, scoreDrill, wholePeople, type DecisionScore, type DecisionStatus, type DrillScore, type Rating, type RollUp } from '../scoring/index.ts';
import { round } from '../scoring/format.ts';
import { RATING_ZH } from '../scoring/ratings.ts';
import { md } from './report/escape.ts';
import { chainHashes, scenarioDigest } from './chain.ts';
import { actorText } from './names.ts';
import type { LogHeader, Trust } from './log-file.ts';
import { deadAmongTrapped, outcomeSeries, type SeriesPoint } from './series.ts';
import { answeredByToken } from './text.ts';

export interface DrillInput {
  /** How the drill is named to the reader: a file name, "分支 1", … (untrusted text: escape it). */
  label: string;
  header: LogHeader;
  log: LogEntry[];
  trust: Trust;
}

/** Why two drills cannot be compared, in both languages. */
export class ComparisonRefused extends Error {
  constructor(
    readonly reason: 'different-scenarios' | 'not-this-scenario',
    message: string,
    readonly zh: string,
  ) {
    super(message);
    this.name = 'ComparisonRefused';
  }
}

/** A figure in both drills and a − b (null where either has none). */
export interface Figure {
  a: number | null;
  b: number | null;
  delta: number | null;
}

export interface Side {
  label: string;
  drill: string;
  seed: number;
  trust: Trust['kind'];
  /** The record's final hash as its header gives it (null: a format 1 log). */
  final: string | null;
  entries: number;
  endClock: number;
  endScenarioMs: number;
}

/** What bots scored in a roll-up, in both drills, and how many decisions they answered there. */
export interface BotsFigure extends Figure {
  decisions: { a: number; b: number };
}

export interface RollUpRow {
  id: string;
  /** As the debrief names it: a unit by its short name. */
  name: Text;
  /** The roll-up's score as the debrief and the reports give it: a unit's leaves out the answers bots gave. */
  score: Figure;
  rating: { a: Rating | null; b: Rating | null };
  /** The bots' score beside it; null where no bot answered in either drill (a capability counts every answer). */
  bots: BotsFigure | null;
}

export interface DecisionSide {
  status: DecisionStatus;
  /** What was chosen: the options' labels and the teams sent (team → place); null when unanswered. */
  answer: Text | null;
  /** seat, bot:<policy>, facilitator (null: unanswered). */
  answeredBy: string | null;
  answeredClock: number | null;
  answeredScenarioMs: number | null;
  total: number | null;
  rating: Rating | null;
}

export interface DecisionRow {
  id: string;
  owner: string;
  capability: string;
  prompt: Text;
  planClause: string;
  a: DecisionSide;
  b: DecisionSide;
  /** Total a − b. */
  delta: number | null;
  /** The same status and the same answer in both. */
  same: boolean;
}

export interface RescueRow {
  settlement: string;
  name: Text;
  /** Scenario ms the first rescue team was on scene (null: never); delta a − b in ms. */
  firstTeamMs: Figure;
  trapped: Figure;
  rescuedAlive: Figure;
}

export interface ComparedOutcomes {
  trapped: Figure;
  /** Expected numbers of people, one decimal: round them with scoring/people.ts to show them. */
  rescuedAlive: Figure;
  deadTrapped: Figure;
  /** One per hours-without figure of the scenario (Outcomes.hoursWithout), under its label. */
  hoursWithout: { label: Text; figure: Figure }[];
  shelterOpened: Figure;
  shelterNeeded: Figure;
  firstRescue: RescueRow[];
}

/** Where one drill branched from the other: the child's log repeats the parent's up to `seq`. */
export interface Branching {
  child: 'a' | 'b';
  seq: number;
  hash: string;
  /** Scenario time of the parent's entry `seq` (null when the parent has no such entry). */
  scenarioMs: number | null;
  /** The parent's entry `seq` has that hash and the child's log repeats the parent's to it; null when the parent is unchained. */
  verified: boolean | null;
}

export interface AlignedPoint {
  scenarioMs: number;
  /** Each drill's figures at that scenario time: its own sample, or the last before it while its record runs on; null outside its record. */
  a: SeriesPoint | null;
  b: SeriesPoint | null;
}

export interface Headline {
  kind: 'rescue' | 'lives' | 'overall' | 'hours-without' | 'shelter' | 'decision';
  zh: string;
  en: string;
}

export interface Comparison {
  scenario: { id: string; version: string; title: Text };
  a: Side;
  b: Side;
  branching: Branching | null;
  overall: { score: Figure; rating: { a: Rating | null; b: Rating | null }; restsOn: { a: number; b: number } };
  units: RollUpRow[];
  capabilities: RollUpRow[];
  decisions: DecisionRow[];
  outcomes: ComparedOutcomes;
  series: AlignedPoint[];
  headlines: Headline[];
}

const figure = (a: number | null, b: number | null, digits = 1): Figure => ({ a, b, delta: a === null || b === null ? null : round(a - b, digits) });

/** The two must be records of this one scenario, as played: the same id and, where the logs seal it, the same digest. */
function checkSameScenario(scenario: Scenario, a: DrillInput, b: DrillInput): void {
  const [x, y] = [a.header, b.header];
  if (x.scenarioId !== y.scenarioId || x.scenarioVersion !== y.scenarioVersion || (x.scenarioHash && y.scenarioHash && x.scenarioHash !== y.scenarioHash)) {
    const what = x.scenarioId !== y.scenarioId ? `'${x.scenarioId}' and '${y.scenarioId}'` : `two versions of '${x.scenarioId}' (${x.scenarioVersion}, ${y.scenarioVersion}${x.scenarioVersion === y.scenarioVersion ? ', their contents differ' : ''})`;
    const zhWhat = x.scenarioId !== y.scenarioId ? `「${x.scenarioId}」与「${y.scenarioId}」` : `「${x.scenarioId}」的两个不同版本（${x.scenarioVersion}、${y.scenarioVersion}${x.scenarioVersion === y.scenarioVersion ? '，内容不同' : ''}）`;
    throw new ComparisonRefused('different-scenarios', `${a.label} and ${b.label} were played on ${what}: only drills of one scenario compare`, `${a.label} 与 ${b.label} 分别基于${zhWhat}，只有同一情景的推演可以对比`);
  }
  const digest = x.scenarioHash || y.scenarioHash ? scenarioDigest(scenario) : '';
  for (const d of [a, b]) {
    if ((d.header.scenarioId ?? scenario.meta.id) !== scenario.meta.id || (d.header.scenarioHash && d.header.scenarioHash !== digest)) {
      throw new ComparisonRefused('not-this-scenario', `${d.label} was not played on this scenario (${scenario.meta.id} ${scenario.meta.version})`, `${d.label} 不是基于此情景（${scenario.meta.id} ${scenario.meta.version}）的推演`);
    }
  }
}

interface Played {
  input: DrillInput;
  ex: Exercise;
  score: DrillScore;
  /** Scenario time after each entry was applied, by seq. */
  scenarioMsAt: Map<number, number>;
}

/** The replay (replay.ts's fold), noting the scenario time each entry was applied at. */
function play(scenario: Scenario, input: DrillInput): Played {
  const ex = createExercise({ scenario, seed: input.header.seed, log: input.log });
  const scenarioMsAt = new Map<number, number>();
  for (const entry of input.log) {
    ex.apply(entry);
    scenarioMsAt.set(entry.seq, ex.world.scenarioMs);
  }
  const until = input.header.until;
  if (until !== undefined && until > ex.world.t) ex.advance(until);
  // Scored as the debrief and the reports score it: one unit has one score wherever it is shown.
  return { input, ex, score: scoreDrill(scenario, ex.world, ex.log), scenarioMsAt };
}

function sideOf(p: Played): Side {
  const { header, log, trust, label } = p.input;
  return { label, drill: header.drill, seed: header.seed, trust: trust.kind, final: header.final ?? null, entries: log.length, endClock: p.ex.world.clock, endScenarioMs: p.ex.world.scenarioMs };
}

function rollUpRows(a: Record<string, RollUp>, b: Record<string, RollUp>, nameOf: (r: RollUp) => Text = (r) => r.name): RollUpRow[] {
  return Object.values(a).map((x) => {
    const y = b[x.id]!;
    const bots = x.bots || y.bots ? { ...figure(x.bots?.score ?? null, y.bots?.score ?? null), decisions: { a: x.bots?.decisions ?? 0, b: y.bots?.decisions ?? 0 } } : null;
    return { id: x.id, name: nameOf(x), score: figure(x.score, y.score), rating: { a: x.rating, b: y.rating }, bots };
  });
}

/** The answer in words: the options' labels, and each team sent as "消防重型救援队 → 岔沟镇房屋倒塌" by the scenario's names. */
function answerText(model: Model, s: DecisionScore): Text | null {
  if (!s.answer) return null;
  const options = model.decisions.get(s.id)?.options ?? [];
  const named = (id: string, name: Text | undefined): Text => name ?? { zh: id, en: id };
  const labels = s.answer.options.map((id) => named(id, options.find((o) => o.id === id)?.label));
  const placeName = (id: string) => model.incidents.get(id)?.name ?? model.settlements.get(id)?.name ?? model.facilities.get(id)?.name;
  const sent = s.answer.allocations.map((x) => [named(x.team, model.teamTypes.get(x.team)?.team.name), named(x.to, placeName(x.to))] as const);
  // A number with its unit, a ranking in order, a report as written.
  const d = model.decisions.get(s.id);
  const unit = d?.number?.unit;
  const order = (s.answer.order ?? []).map((id, i) => ({ n: i + 1, l: named(id, options.find((o) => o.id === id)?.label) }));
  const { value, text } = s.answer;
  /** The whole answer in one language (`say` picks a Text's words in it). */
  const inWords = (say: (t: Text) => string, sep: string) =>
    [
      ...labels.map(say),
      ...sent.map(([t, to]) => `${say(t)} → ${say(to)}`),
      ...(value !== undefined ? [`${value}${unit ? ` ${say(unit)}` : ''}`] : []),
      ...(order.length ? [order.map((x) => `${x.n}. ${say(x.l)}`).join(' ')] : []),
      ...(text !== undefined ? [text] : []),
    ].join(sep);
  const zh = inWords((t) => t.zh, '；');
  const en = inWords((t) => t.en ?? t.zh, '; ');
  return zh ? { zh, en } : { zh: '已确认', en: 'acknowledged' };
}

function decisionSide(p: Played, id: string): DecisionSide {
  const s = p.score.decisions[id]!;
  return {
    status: s.status,
    answer: answerText(p.ex.model, s),
    answeredBy: answeredByToken(s.answeredBy),
    answeredClock: s.times.answeredClock,
    answeredScenarioMs: s.answeredSeq === null ? null : (p.scenarioMsAt.get(s.answeredSeq) ?? null),
    total: s.total,
    rating: s.rating,
  };
}

function decisionRows(scenario: Scenario, a: Played, b: Played): DecisionRow[] {
  return scenario.decisions.map((d) => {
    const x = decisionSide(a, d.id);
    const y = decisionSide(b, d.id);
    const same = x.status === y.status && canonicalJson(a.score.decisions[d.id]!.answer) === canonicalJson(b.score.decisions[d.id]!.answer);
    return { id: d.id, owner: d.owner, capability: d.capability, prompt: d.prompt, planClause: d.planClause, a: x, b: y, delta: figure(x.total, y.total).delta, same };
  });
}

function comparedOutcomes(scenario: Scenario, a: Played, b: Played): ComparedOutcomes {
  const [x, y] = [a.score.outcomes, b.score.outcomes];
  const inPlace = (p: Played, ids: readonly string[] | undefined, key: 'trapped' | 'rescuedAlive') => (ids ?? []).reduce((sum, id) => sum + (p.ex.world.incidents[id]?.[key] ?? 0), 0);
  const settlements = [...new Set([...x.firstRescue, ...y.firstRescue].map((r) => r.settlement))];
  const firstRescue = settlements.map((settlement): RescueRow => {
    const [ra, rb] = [x.firstRescue.find((r) => r.settlement === settlement), y.firstRescue.find((r) => r.settlement === settlement)];
    return {
      settlement,
      name: (ra ?? rb)!.name,
      firstTeamMs: figure(ra?.firstTeamMs ?? null, rb?.firstTeamMs ?? null, 0),
      trapped: figure(inPlace(a, ra?.incidents, 'trapped'), inPlace(b, rb?.incidents, 'trapped'), 0),
      rescuedAlive: figure(round(inPlace(a, ra?.incidents, 'rescuedAlive'), 1), round(inPlace(b, rb?.incidents, 'rescuedAlive'), 1)),
    };
  });
  return {
    trapped: figure(x.trapped, y.trapped, 0),
    rescuedAlive: figure(x.rescuedAlive, y.rescuedAlive),
    deadTrapped: figure(deadAmongTrapped(a.ex.world, survivalScale(scenario)), deadAmongTrapped(b.ex.world, survivalScale(scenario))),
    // Both drills are of one scenario: its figures, in the same order.
    hoursWithout: x.hoursWithout.map((h, i) => ({ label: h.label, figure: figure(h.hours, y.hoursWithout[i]?.hours ?? null, 2) })),
    shelterOpened: figure(x.shelter.opened, y.shelter.opened, 0),
    shelterNeeded: figure(x.shelter.needed, y.shelter.needed, 0),
    firstRescue: scenario.region.settlements.flatMap((s) => firstRescue.filter((r) => r.settlement === s.id)),
  };
}

/** When one names the other as its parent: where it branched, and whether the shared prefix is what the parent recorded. */
function branchingOf(a: Played, b: Played): Branching | null {
  const pair = a.input.header.parent?.drill === b.input.header.drill ? ([a, b, 'a'] as const) : b.input.header.parent?.drill === a.input.header.drill ? ([b, a, 'b'] as const) : null;
  if (!pair) return null;
  const [child, parent, which] = pair;
  const ref = child.input.header.parent!;
  const at = parent.input.log.findIndex((e) => e.seq === ref.seq);
  const prefixSame = () => at >= 0 && parent.input.log.slice(0, at + 1).every((e, i) => canonicalJson(e) === canonicalJson(child.input.log[i] ?? null));
  const verified = parent.input.header.hash ? at >= 0 && chainHashes(parent.input.header.hash, parent.input.log.slice(0, at + 1))[at] === ref.hash && prefixSame() : null;
  return { child: which, seq: ref.seq, hash: ref.hash, scenarioMs: parent.scenarioMsAt.get(ref.seq) ?? null, verified };
}

/** Both series on the union of their scenario times; a drill holds its last figures until its record ends. */
export function alignSeries(a: readonly SeriesPoint[], b: readonly SeriesPoint[]): AlignedPoint[] {
  const times = [...new Set([...a, ...b].map((p) => p.scenarioMs))].sort((x, y) => x - y);
  const at = (series: readonly SeriesPoint[], ms: number) => (ms > (series.at(-1)?.scenarioMs ?? -1) ? null : (series.findLast((p) => p.scenarioMs <= ms) ?? null));
  return times.map((scenarioMs) => ({ scenarioMs, a: at(a, scenarioMs), b: at(b, scenarioMs) }));
}

export function compareDrills(scenario: Scenario, a: DrillInput, b: DrillInput): Comparison {
  checkSameScenario(scenario, a, b);
  const [x, y] = [play(scenario, a), play(scenario, b)];
  const series = alignSeries(outcomeSeries(scenario, a.header.seed, a.log, a.header.until), outcomeSeries(scenario, b.header.seed, b.log, b.header.until));
  const c: Omit<Comparison, 'headlines'> = {
    scenario: { id: scenario.meta.id, version: scenario.meta.version, title: scenario.meta.title },
    a: sideOf(x),
    b: sideOf(y),
    branching: branchingOf(x, y),
    overall: { score: figure(x.score.overall, y.score.overall), rating: { a: x.score.rating, b: y.score.rating }, restsOn: { a: x.score.restsOn, b: y.score.restsOn } },
    units: rollUpRows(x.score.units, y.score.units, (r) => actorText(scenario, r.id)),
    capabilities: rollUpRows(x.score.capabilities, y.score.capabilities),
    decisions: decisionRows(scenario, x, y),
    outcomes: comparedOutcomes(scenario, x, y),
    series,
  };
  return { ...c, headlines: headlines(c) };
}

// ── headlines ────────────────────────────────────────────────────────────────

const MINUTE = 60_000;
/** A length of scenario time in words: "40 分钟" / "40 minutes", "2 小时 5 分钟" / "2 h 5 min". */
function duration(ms: number): Text & { en: string } {
  const m = Math.round(Math.abs(ms) / MINUTE);
  if (m < 60) return { zh: `${m} 分钟`, en: `${m} minute${m === 1 ? '' : 's'}` };
  const [h, r] = [Math.floor(m / 60), m % 60];
  return { zh: `${h} 小时${r ? ` ${r} 分钟` : ''}`, en: `${h} h${r ? ` ${r} min` : ''}` };
}

/** "多救出约 3 人" for an expected difference in people alive, rounded as people are everywhere (scoring/people.ts). */
function moreAlive(d: number): { zh: string; en: string } {
  const n = wholePeople(Math.abs(d));
  if (n === '0') return { zh: '生还人数相当', en: 'with about as many rescued alive' };
  if (n === '<1') return d > 0 ? { zh: '多救出不到 1 人（期望值）', en: 'keeping less than one more person alive (expected)' } : { zh: '少救出不到 1 人（期望值）', en: 'with less than one fewer person alive (expected)' };
  return d > 0 ? { zh: `多救出约 ${n} 人`, en: `keeping about ${n} more ${n === '1' ? 'person' : 'people'} alive` } : { zh: `反而少救出约 ${n} 人`, en: `yet with about ${n} fewer ${n === '1' ? 'person' : 'people'} alive` };
}

const nameEn = (t: Text) => t.en ?? t.zh;
const noteworthy = (f: Figure, least: number) => f.delta !== null && Math.abs(f.delta) >= least;

/** A drill's label inside a Chinese sentence: 「分支」. */
const zhLabel = (s: string) => `「${s}」`;

function rescueHeadlines(c: Omit<Comparison, 'headlines'>): Headline[] {
  const label = { a: c.a.label, b: c.b.label };
  const zh = { a: zhLabel(c.a.label), b: zhLabel(c.b.label) };
  const rows = c.outcomes.firstRescue.filter((r) => r.firstTeamMs.a !== r.firstTeamMs.b);
  rows.sort((r, s) => Math.abs(s.rescuedAlive.delta ?? 0) - Math.abs(r.rescuedAlive.delta ?? 0) || Math.abs(s.firstTeamMs.delta ?? Infinity) - Math.abs(r.firstTeamMs.delta ?? Infinity));
  return rows.slice(0, 3).map((r): Headline => {
    const { a, b } = r.firstTeamMs;
    // The subject is the drill that got there first; its lives are counted against the other's.
    const first: 'a' | 'b' = b === null || (a !== null && a < b) ? 'a' : 'b';
    const other = first === 'a' ? 'b' : 'a';
    const alive = moreAlive((r.rescuedAlive[first] ?? 0) - (r.rescuedAlive[other] ?? 0));
    const [at, late] = [r.firstTeamMs[first]!, r.firstTeamMs[other]];
    if (late === null) {
      return {
        kind: 'rescue',
        zh: `${zh[first]}的首支救援队于 ${scenarioTime(at)} 到达${r.name.zh}，${zh[other]}始终未到达，${alive.zh}`,
        en: `${label[first]} had a rescue team at ${nameEn(r.name)} by ${scenarioTime(at)}, ${label[other]} never did, ${alive.en}`,
      };
    }
    const gap = duration(late - at);
    return {
      kind: 'rescue',
      zh: `${zh[first]}首支救援队到达${r.name.zh}早 ${gap.zh}（${scenarioTime(at)}，对 ${scenarioTime(late)}），${alive.zh}`,
      en: `${label[first]} reached ${nameEn(r.name)} ${gap.en} earlier (${scenarioTime(at)} against ${scenarioTime(late)}), ${alive.en}`,
    };
  });
}

function headlines(c: Omit<Comparison, 'headlines'>): Headline[] {
  const [A, B] = [c.a.label, c.b.label];
  const [ZA, ZB] = [zhLabel(A), zhLabel(B)];
  const o = c.outcomes;
  const out = rescueHeadlines(c);
  if (noteworthy(o.rescuedAlive, 0.05) || noteworthy(o.deadTrapped, 0.05)) {
    const p = (x: number | null) => wholePeople(x ?? 0);
    out.push({
      kind: 'lives',
      zh: `生还救出：${ZA} 约 ${p(o.rescuedAlive.a)} 人，${ZB} 约 ${p(o.rescuedAlive.b)} 人；被困人员预计死亡：${ZA} 约 ${p(o.deadTrapped.a)} 人，${ZB} 约 ${p(o.deadTrapped.b)} 人`,
      en: `Rescued alive: about ${p(o.rescuedAlive.a)} in ${A}, ${p(o.rescuedAlive.b)} in ${B}; expected deaths among the trapped: about ${p(o.deadTrapped.a)} and ${p(o.deadTrapped.b)}`,
    });
  }
  const s = c.overall.score;
  if (noteworthy(s, 0.1)) {
    const d = Math.abs(s.delta!).toFixed(1);
    out.push({
      kind: 'overall',
      zh: `总分：${ZA} ${s.a!.toFixed(1)}，${ZB} ${s.b!.toFixed(1)}（${ZA}${s.delta! > 0 ? '高' : '低'} ${d} 分）`,
      en: `Overall score: ${A} ${s.a!.toFixed(1)}, ${B} ${s.b!.toFixed(1)} (${d} points ${s.delta! > 0 ? 'higher' : 'lower'})`,
    });
  }
  for (const { label, figure: h } of o.hoursWithout) {
    if (!noteworthy(h, 0.05)) continue;
    out.push({ kind: 'hours-without', zh: `${label.zh}：${ZA} ${h.a!.toFixed(1)} 小时，${ZB} ${h.b!.toFixed(1)} 小时`, en: `${nameEn(label)}: ${h.a!.toFixed(1)} h in ${A}, ${h.b!.toFixed(1)} h in ${B}` });
  }
  const sh = o.shelterOpened;
  if (noteworthy(sh, 1)) {
    const n = (x: number | null) => (x ?? 0).toLocaleString('en');
    out.push({ kind: 'shelter', zh: `避难场所开放床位：${ZA} ${n(sh.a)}，${ZB} ${n(sh.b)}（需 ${n(o.shelterNeeded.a)}）`, en: `Shelter places opened: ${n(sh.a)} in ${A}, ${n(sh.b)} in ${B} (${n(o.shelterNeeded.a)} needed)` });
  }
  const decisions = c.decisions.filter((d) => noteworthy({ a: d.a.total, b: d.b.total, delta: d.delta }, 1));
  decisions.sort((x, y) => Math.abs(y.delta!) - Math.abs(x.delta!));
  for (const d of decisions.slice(0, 2)) {
    out.push({
      kind: 'decision',
      zh: `决策 ${d.id}「${clip(d.prompt.zh)}」：${ZA} ${d.a.total!.toFixed(1)}，${ZB} ${d.b.total!.toFixed(1)}`,
      en: `Decision ${d.id} “${clip(nameEn(d.prompt))}”: ${d.a.total!.toFixed(1)} in ${A}, ${d.b.total!.toFixed(1)} in ${B}`,
    });
  }
  return out;
}

const clip = (s: string, n = 30) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);

// ── Markdown and JSON ────────────────────────────────────────────────────────

type Lang = 'zh' | 'en';
const WORDS = {
  zh: {
    title: '推演对比', drills: '对比的推演', label: '推演', drill: '编号', seed: '种子', trust: '记录校验', entries: '条目', end: '结束', final: '最终哈希',
    branch: (child: string, parent: string, seq: number, at: string, ok: string) => `${child} 是 ${parent} 的分支：自第 ${seq} 条记录（${at}）起分岔${ok}。`,
    verified: '，共享前缀与原记录一致', unverified: '，但共享前缀与原记录不符', headlines: '主要差异', none: '两次推演没有可见差异。',
    overall: '总分', rating: '评级', outcomes: '结果指标', figure: '指标', units: '各单位得分', capabilities: '核心能力', decisions: '决策', rescue: '首支救援队到达',
    settlement: '乡镇', aliveThere: '生还救出', series: '结果随情景时间', time: '情景时间', score: '得分', answer: '答复', answered: '作答时间', status: '状态',
    sameCount: (n: number) => `另有 ${n} 项决策两次推演相同。`, never: '未到达',
    bots: '机器人代答', botsCell: (score: string, n: number) => `${score}（${n}）`, botsHint: '机器人作答的决策不计入单位得分（与讲评、报告一致），其得分与决策数单列。',
    rows: { trapped: '被困人员', rescuedAlive: '生还救出（期望值）', deadTrapped: '被困人员预计死亡', shelterOpened: '避难场所开放床位', shelterNeeded: '避难需求' },
    trustKind: { verified: '已校验', unchained: '无校验链', broken: '校验失败（不可信）' },
    status_: { answered: '已决策', expired: '超时', open: '进行中', 'not-opened': '未触发', voided: '作废' },
  },
  en: {
    title: 'Drill comparison', drills: 'The drills compared', label: 'Drill', drill: 'Id', seed: 'Seed', trust: 'Record', entries: 'Entries', end: 'End', final: 'Final hash',
    branch: (child: string, parent: string, seq: number, at: string, ok: string) => `${child} is a branch of ${parent}: it branched after entry ${seq} (${at})${ok}.`,
    verified: '; the shared prefix matches the parent record', unverified: '; but the shared prefix does not match the parent record', headlines: 'The main differences', none: 'The two drills show no difference.',
    overall: 'Overall score', rating: 'Rating', outcomes: 'Outcomes', figure: 'Figure', units: 'Score per unit', capabilities: 'Core capabilities', decisions: 'Decisions', rescue: 'First rescue team on scene',
    settlement: 'Settlement', aliveThere: 'Rescued alive', series: 'Outcomes over scenario time', time: 'Scenario time', score: 'Score', answer: 'Answer', answered: 'Answered', status: 'Status',
    sameCount: (n: number) => `${n} more decision${n === 1 ? ' was' : 's were'} the same in both drills.`, never: 'never',
    bots: 'Bot answers', botsCell: (score: string, n: number) => `${score} (${n})`, botsHint: 'Decisions a bot answered do not count towards a unit’s score (as in the debrief and the reports); their score and number are shown beside.',
    rows: { trapped: 'Trapped', rescuedAlive: 'Rescued alive (expected)', deadTrapped: 'Expected deaths among the trapped', shelterOpened: 'Shelter places opened', shelterNeeded: 'Shelter places needed' },
    trustKind: { verified: 'verified', unchained: 'unchained', broken: 'BROKEN (untrusted)' },
    status_: { answered: 'answered', expired: 'expired', open: 'open', 'not-opened': 'not opened', voided: 'voided' },
  },
} as const;

/** The figures every comparison has, people first; the scenario's hours-without figures come between (after PEOPLE_FIGURES). */
export const PEOPLE_FIGURES = ['trapped', 'rescuedAlive', 'deadTrapped'] as const;
export const SHELTER_FIGURES = ['shelterOpened', 'shelterNeeded'] as const;

const num = (x: number | null, digits = 1) => (x === null ? '—' : x.toFixed(digits));
/** A signed delta: "+3.2", "−1.0", "0.0". */
export const signed = (x: number | null, digits = 1) => (x === null ? '—' : x > 0 ? `+${x.toFixed(digits)}` : x < 0 ? `−${Math.abs(x).toFixed(digits)}` : (0).toFixed(digits));
/** A difference in (expected) people, never a fraction of a person: "≈+2", "≈−1", "+<1", "0". */
export function peopleDelta(d: number | null): string {
  if (d === null) return '—';
  const n = wholePeople(Math.abs(d));
  if (n === '0') return '0';
  const sign = d > 0 ? '+' : '−';
  return n === '<1' ? `${sign}<1` : Number.isInteger(d) ? `${sign}${n}` : `≈${sign}${n}`;
}
const people = (x: number | null) => (x === null ? '—' : expectedPeople(x));
const textIn = (lang: Lang, t: Text) => md(lang === 'en' ? (t.en ?? t.zh) : t.zh);

export function comparisonMarkdown(c: Comparison, lang: Lang): string {
  const w = WORDS[lang];
  const [A, B] = [md(c.a.label), md(c.b.label)];
  const o: string[] = [`# ${w.title} — ${textIn(lang, c.scenario.title)}`, ''];
  o.push(`## ${w.drills}`, '', `| ${w.label} | ${w.drill} | ${w.seed} | ${w.entries} | ${w.end} | ${w.trust} | ${w.final} |`, '|---|---|---:|---:|---|---|---|');
  for (const s of [c.a, c.b]) o.push(`| ${md(s.label)} | ${md(s.drill)} | ${s.seed} | ${s.entries} | ${drillTime(s.endClock)} / ${scenarioTime(s.endScenarioMs)} | ${w.trustKind[s.trust]} | ${s.final ? `\`${s.final}\`` : '—'} |`);
  o.push('');
  if (c.branching) {
    const b = c.branching;
    const [child, parent] = b.child === 'a' ? [A, B] : [B, A];
    o.push(w.branch(child, parent, b.seq, b.scenarioMs === null ? '?' : scenarioTime(b.scenarioMs), b.verified === null ? '' : b.verified ? w.verified : w.unverified), '');
  }
  o.push(`## ${w.headlines}`, '', ...(c.headlines.length ? c.headlines.map((h) => `- ${md(h[lang])}`) : [w.none]), '');

  const head = (first: string) => [`| ${first} | ${A} | ${B} | Δ |`, '|---|---:|---:|---:|'];
  // 优良中差 in the Chinese comparison; HSEEP's letter beside it in the English one (as the reports do).
  const rated = (r: Rating | null) => (r === null ? '' : lang === 'zh' ? RATING_ZH[r] : `${r} ${RATING_ZH[r]}`);
  o.push(`## ${w.overall}`, '', ...head(w.figure));
  o.push(`| ${w.score} | ${num(c.overall.score.a)} | ${num(c.overall.score.b)} | ${signed(c.overall.score.delta)} |`, `| ${w.rating} | ${rated(c.overall.rating.a) || '—'} | ${rated(c.overall.rating.b) || '—'} | |`, '');

  o.push(`## ${w.outcomes}`, '', ...head(w.figure));
  for (const k of PEOPLE_FIGURES) o.push(`| ${w.rows[k]} | ${people(c.outcomes[k].a)} | ${people(c.outcomes[k].b)} | ${peopleDelta(c.outcomes[k].delta)} |`);
  for (const { label, figure: f } of c.outcomes.hoursWithout) o.push(`| ${textIn(lang, label)} | ${num(f.a)} | ${num(f.b)} | ${signed(f.delta)} |`);
  for (const k of SHELTER_FIGURES) o.push(`| ${w.rows[k]} | ${num(c.outcomes[k].a, 0)} | ${num(c.outcomes[k].b, 0)} | ${signed(c.outcomes[k].delta, 0)} |`);
  o.push('');
  if (c.outcomes.firstRescue.length) {
    o.push(`### ${w.rescue}`, '', `| ${w.settlement} | ${A} | ${B} | Δ | ${w.aliveThere} ${A} | ${w.aliveThere} ${B} |`, '|---|---:|---:|---:|---:|---:|');
    const at = (ms: number | null) => (ms === null ? w.never : scenarioTime(ms));
    for (const r of c.outcomes.firstRescue) {
      const d = r.firstTeamMs.delta;
      o.push(`| ${textIn(lang, r.name)} | ${at(r.firstTeamMs.a)} | ${at(r.firstTeamMs.b)} | ${d === null ? '—' : `${d < 0 ? '−' : d > 0 ? '+' : ''}${duration(d)[lang]}`} | ${people(r.rescuedAlive.a)} | ${people(r.rescuedAlive.b)} |`);
    }
    o.push('');
  }

  for (const [title, rows] of [[w.units, c.units], [w.capabilities, c.capabilities]] as const) {
    const bots = rows.some((r) => r.bots);
    const scored = (r: RollUpRow, side: 'a' | 'b') => [num(r.score[side]), rated(r.rating[side])].filter(Boolean).join(' ');
    const botsCell = ({ bots: x }: RollUpRow, side: 'a' | 'b') => (!x || x[side] === null ? '—' : w.botsCell(num(x[side]), x.decisions[side]));
    o.push(`## ${title}`, '', ...(bots ? [w.botsHint, ''] : []));
    o.push(`| | ${A} | ${B} | Δ |${bots ? ` ${w.bots} ${A} | ${w.bots} ${B} | Δ |` : ''}`, `|---|---:|---:|---:|${bots ? '---:|---:|---:|' : ''}`);
    for (const r of rows) {
      const beside = bots ? ` ${botsCell(r, 'a')} | ${botsCell(r, 'b')} | ${signed(r.bots?.delta ?? null)} |` : '';
      o.push(`| ${textIn(lang, r.name)} | ${scored(r, 'a')} | ${scored(r, 'b')} | ${signed(r.score.delta)} |${beside}`);
    }
    o.push('');
  }

  const differing = c.decisions.filter((d) => !d.same || d.delta !== 0);
  o.push(`## ${w.decisions}`, '', `| | ${w.answer} ${A} | ${w.answer} ${B} | ${w.answered} ${A} | ${w.answered} ${B} | ${w.score} ${A} | ${w.score} ${B} | Δ |`, '|---|---|---|---|---|---:|---:|---:|');
  const answer = (s: DecisionSide) => (s.answer ? textIn(lang, s.answer) : w.status_[s.status]);
  const when = (s: DecisionSide) => (s.answeredClock === null ? '—' : `${drillTime(s.answeredClock)}${s.answeredScenarioMs === null ? '' : ` (${scenarioTime(s.answeredScenarioMs)})`}`);
  for (const d of differing) o.push(`| ${md(d.id)} ${textIn(lang, d.prompt)} | ${answer(d.a)} | ${answer(d.b)} | ${when(d.a)} | ${when(d.b)} | ${num(d.a.total)} | ${num(d.b.total)} | ${signed(d.delta)} |`);
  o.push('');
  if (differing.length < c.decisions.length) o.push(w.sameCount(c.decisions.length - differing.length), '');

  // The series at each whole scenario day and where the records end: the full series is in the JSON.
  const DAY = 24 * 60 * MINUTE;
  const marks = c.series.filter((p, i) => p.scenarioMs % DAY === 0 || i === c.series.length - 1 || (p.a === null) !== (c.series[i + 1]?.a === null) || (p.b === null) !== (c.series[i + 1]?.b === null));
  const cell = (p: SeriesPoint | null, k: 'rescuedAlive' | 'deadTrapped') => people(p ? p[k] : null);
  o.push(`## ${w.series}`, '', `| ${w.time} | ${w.rows.rescuedAlive} ${A} | ${B} | ${w.rows.deadTrapped} ${A} | ${B} |`, '|---|---:|---:|---:|---:|');
  for (const p of marks) o.push(`| ${scenarioTime(p.scenarioMs)} | ${cell(p.a, 'rescuedAlive')} | ${cell(p.b, 'rescuedAlive')} | ${cell(p.a, 'deadTrapped')} | ${cell(p.b, 'deadTrapped')} |`);
  return o.join('\n') + '\n';
}

export const comparisonJson = (c: Comparison): string => `${JSON.stringify(c, null, 2)}\n`;
