// scoreDrill: a pure function of the scenario, the final world and the log — the same live, in
// replay and at any scrub point (DESIGN.md).
import type { Answer, LogEntry, World } from '../core/index.ts';
import type { Decision, Scenario } from '../scenario/schema.ts';
import { consequenceOf, doingsBySource, horizonOf, isProvisional, NOTHING_DONE, referredIncidents } from './consequence.ts';
import { drillTime, round, scenarioTime, span } from './format.ts';
import { outcomesOf } from './outcomes.ts';
import { RATING_ZH, rate } from './ratings.ts';
import { correctnessOf, expectedAnswer } from './rubric.ts';
import { indexScenario, type ScenarioIndex } from './scenario-index.ts';
import { targetOf, timelinessOf } from './timeliness.ts';
import type { OwnDoing } from './consequence.ts';
import type { DecisionScore, DecisionStatus, DrillScore, RollUp } from './types.ts';

/**
 * The evaluator's ticks of report decisions' points, by decision id (the review record's `tick`
 * entries, src/review/record.ts): a score is a pure function of scenario, log and these.
 */
export type ReportTicks = Readonly<Record<string, readonly string[]>>;

export function scoreDrill(scenario: Scenario, world: Readonly<World>, log: readonly LogEntry[], ticks: ReportTicks = {}): DrillScore {
  const ix = indexScenario(scenario);
  const rejected = new Set(world.rejections.map((r) => r.seq));
  const decisions: Record<string, DecisionScore> = {};
  const doings = doingsBySource(world);
  for (const d of scenario.decisions) decisions[d.id] = scoreDecision(ix, world, log, rejected, d, doings, Object.hasOwn(ticks, d.id) ? ticks[d.id] : undefined);

  const all = Object.values(decisions);
  const thresholds = scenario.scoring.ratings;
  const mean = (xs: DecisionScore[]) => (xs.length ? round(xs.reduce((a, x) => a + x.total!, 0) / xs.length, 1) : null);
  const rollUp = (id: string, name: RollUp['name'], kind: RollUp['kind'], ids: string[], people = false): RollUp => {
    const counted = ids.map((x) => decisions[x]!).filter((x) => x.applicable);
    const byBots = people ? counted.filter((x) => x.answeredBy?.kind === 'bot') : [];
    const bots = new Set(byBots);
    const rated = counted.filter((x) => !bots.has(x));
    const score = mean(rated);
    const rating = score === null ? null : rate(score, thresholds);
    return {
      id, name, kind, score, rating, ratingZh: rating && RATING_ZH[rating], applicable: rated.length, decisions: ids,
      provisional: rated.filter((x) => x.provisional).length,
      bots: byBots.length ? { score: mean(byBots), decisions: byBots.length } : null,
    };
  };
  const owned = (owners: ReadonlySet<string>) => all.filter((x) => owners.has(x.owner)).map((x) => x.id);
  // Each owner's decisions in one pass, in the order `owned` lists them.
  const byOwner = new Map<string, string[]>();
  for (const x of all) byOwner.set(x.owner, [...(byOwner.get(x.owner) ?? []), x.id]);
  const ownedBy = (owner: string) => byOwner.get(owner) ?? [];

  const units: Record<string, RollUp> = {};
  for (const owner of new Set(scenario.decisions.map((d) => d.owner))) {
    const seat = ix.seats.get(owner);
    units[owner] = rollUp(owner, seat?.name ?? { zh: owner }, seat?.kind ?? 'unit', [...ownedBy(owner)], true);
  }
  const groups: Record<string, RollUp> = {};
  for (const g of scenario.organisation.groups) groups[g.id] = rollUp(g.id, g.name, 'group', owned(new Set([g.id, g.lead, ...g.members])), true);
  const counties: Record<string, RollUp> = {};
  for (const c of scenario.organisation.counties) counties[c.id] = rollUp(c.id, c.name, 'county', [...ownedBy(c.id)], true);
  const capabilities: Record<string, RollUp> = {};
  for (const c of scenario.scoring.capabilities) capabilities[c.id] = rollUp(c.id, c.name, 'capability', all.filter((x) => x.capability === c.id).map((x) => x.id));

  const overall = rollUp('overall', scenario.meta.title, 'hq', all.map((x) => x.id));
  return {
    overall: overall.score,
    restsOn: overall.applicable,
    provisional: overall.provisional,
    byBots: all.filter((x) => x.applicable && x.answeredBy?.kind === 'bot').length,
    rating: overall.rating,
    ratingZh: overall.ratingZh,
    weights: { ...scenario.scoring.weights },
    thresholds: { ...thresholds },
    decisions,
    units,
    groups,
    counties,
    capabilities,
    outcomes: outcomesOf(ix, world, all.map((x) => x.status)),
  };
}

const answersOf = new WeakMap<readonly LogEntry[], { read: number; last: LogEntry | undefined; by: Map<unknown, LogEntry[]> }>();
/** Each decision's answer entries, read once per log and extended as the log grows (entries are never changed). */
function answersByDecision(log: readonly LogEntry[]): Map<unknown, LogEntry[]> {
  let seen = answersOf.get(log);
  // A log cut back (and perhaps grown again) is read afresh.
  if (!seen || seen.read > log.length || (seen.read > 0 && log[seen.read - 1] !== seen.last)) answersOf.set(log, (seen = { read: 0, last: undefined, by: new Map() }));
  for (; seen.read < log.length; seen.read++) {
    const e = log[seen.read]!;
    seen.last = e;
    if (e.event?.type !== 'answer') continue;
    const decision = (e.event as { decision?: unknown }).decision;
    const list = seen.by.get(decision);
    if (list) list.push(e);
    else seen.by.set(decision, [e]);
  }
  return seen.by;
}

/** The log entry whose answer to `decision` counts: the last the authority accepted (a reopened decision's new answer replaces the old). */
function answerEntries(log: readonly LogEntry[], decision: string, rejected: ReadonlySet<number>) {
  const tries = answersByDecision(log).get(decision) ?? [];
  return { accepted: tries.findLast((e) => !rejected.has(e.seq)), refused: tries.filter((e) => rejected.has(e.seq)).map((e) => e.seq) };
}

function statusOf(world: Readonly<World>, id: string): DecisionStatus {
  const s = world.decisions[id];
  if (s?.status === 'voided') return 'voided';
  if (!s || s.status === 'pending' || s.openClock === undefined) return 'not-opened';
  if (s.outcome === 'answered') return 'answered';
  if (s.outcome === 'expired') return 'expired';
  // Still open when the drill ended: it was never answered.
  return world.mode === 'debrief' ? 'expired' : 'open';
}

export function scoreDecision(
  ix: ScenarioIndex,
  world: Readonly<World>,
  log: readonly LogEntry[],
  rejected: ReadonlySet<number>,
  d: Decision,
  doings: ReadonlyMap<string, OwnDoing> = doingsBySource(world),
  ticked?: readonly string[],
): DecisionScore {
  const s = world.decisions[d.id];
  const status = statusOf(world, d.id);
  const { accepted, refused } = answerEntries(log, d.id, rejected);
  const answer: Answer | undefined = status === 'answered' ? (s?.answer ?? {}) : undefined;
  const open = s?.openClock ?? null;
  const deadline = s?.deadlineClock ?? null;
  const answered = status === 'answered' ? (s?.answerClock ?? null) : null;
  const target = open !== null && deadline !== null ? targetOf(d, deadline - open) : null;
  const extendedMs = open !== null && deadline !== null ? Math.max(0, deadline - open - d.deadline) : 0;
  const times = {
    openedClock: open,
    answeredClock: answered,
    deadlineClock: deadline,
    targetMs: target,
    extendedMs,
    opened: open === null ? null : drillTime(open),
    answered: answered === null ? null : drillTime(answered),
    target: target === null ? null : span(target),
    deadline: deadline === null ? null : drillTime(deadline),
  };
  const base = {
    id: d.id,
    owner: d.owner,
    capability: d.capability,
    kind: d.kind,
    prompt: d.prompt,
    planClause: d.planClause,
    status,
    answeredSeq: answer ? (accepted?.seq ?? null) : null,
    answer: answer ? scoredAnswer(answer) : null,
    rejectedSeqs: refused,
    answeredBy: status === 'answered' ? (s?.answeredBy ?? { kind: 'seat' }) : null,
    times,
  };
  const notScored = (why: string, pending = false): DecisionScore => {
    const max = correctnessOf(d, expectedAnswer(d));
    return Object.assign({}, base, pending ? { pendingEvaluation: true as const } : {}, {
      applicable: false,
      horizonMs: null,
      provisional: false,
      correctness: null, timeliness: null, consequence: null, total: null, rating: null, ratingZh: null,
      rubric: { matched: [], points: 0, maxPoints: max.max, maxFrom: max.maxFrom },
      consequenceBasis: { method: 'correctness', incidents: [], effects: [] },
      explanation: [why],
    } satisfies Omit<DecisionScore, keyof typeof base>);
  };
  if (status === 'voided') {
    const { clock, reason } = s!.voided!;
    return notScored(`voided by the facilitator at ${drillTime(clock)}${reason ? `: ${reason}` : ''} (作废), so it is left out of every roll-up`);
  }
  if (status === 'not-opened') return notScored('not applicable: the decision never opened (未触发), so it is left out of every roll-up');
  if (status === 'open') return notScored(`still open (opened ${times.opened}, deadline ${times.deadline}): scored once it is answered or expires`);

  const measured = answer ? correctnessOf(d, answer, ticked) : undefined;
  if (measured && measured.value === null) {
    return notScored(`pending evaluation (待评估): answered by log entry #${base.answeredSeq ?? '?'}; scored once the evaluator ticks the report's points, and left out of every roll-up until then`, true);
  }
  const c = measured ? { ...measured, value: measured.value! } : { ...correctnessOf(d, expectedAnswer(d)), value: 0, matched: [], points: 0, measure: undefined, ticked: undefined };
  const timeliness = answer && open !== null && answered !== null && deadline !== null ? timelinessOf(d, open, answered, deadline) : 0;
  const judged = { horizonMs: horizonOf(ix, world, d), referred: referredIncidents(ix, d), own: doings.get(d.id) ?? NOTHING_DONE };
  const { horizonMs } = judged;
  const q = consequenceOf(ix, world, d, c.value, judged);
  const provisional = isProvisional(world, judged);
  const w = ix.scenario.scoring.weights;
  // Speed earns credit only in proportion to being right: a wrong answer given fast is not timely, it is early.
  const timely = timeliness * c.value;
  const total = round(100 * (w.correctness * c.value + w.timeliness * timely + w.consequence * q.value), 1);
  const rating = rate(total, ix.scenario.scoring.ratings);

  const explanation: string[] = [];
  const by = refused.length ? `; refused attempts: ${refused.map((x) => `#${x}`).join(', ')}` : '';
  if (answer) {
    const what = answerWords(answer);
    explanation.push(`answered by log entry #${base.answeredSeq ?? '?'} (${whoAnswered(base.answeredBy, d.owner)}): ${what}${by}`);
  } else explanation.push(`expired: no answer accepted before the deadline ${times.deadline ?? '?'} (超时未决策)${by}`);
  if (s?.reopenedClock !== undefined) explanation.push(`reopened by the facilitator at ${drillTime(s.reopenedClock)}: timed from the reopening, and only the answer after it counts`);
  explanation.push(
    `times (drill): opened ${times.opened}, ${answer ? `answered ${times.answered} (${span(answered! - open!)} after opening)` : 'not answered'}, target ${times.target} after opening, deadline ${times.deadline}${extendedMs ? ` (extended by ${span(extendedMs)})` : ''}`,
  );
  for (const m of c.matched) explanation.push(`rubric line ${m.line + 1}: ${m.points >= 0 ? '+' : ''}${m.points} ${m.when} — ${m.because.zh}${m.because.en ? ` / ${m.because.en}` : ''}`);
  explanation.push(
    answer && c.measure !== undefined
      ? `correctness ${fmt(c.value)}: ${c.measure}`
      : answer
      ? `correctness ${fmt(c.value)} = ${c.points} of ${c.max} points (${c.maxFrom === 'expected' ? "what the plan's expected answer earns" : 'the best possible answer'}${c.value === 0 && c.points < 0 ? ', clamped at 0' : c.points > c.max ? ', clamped at 1' : ''})`
      : 'correctness 0: expired',
  );
  explanation.push(
    answer
      ? timeliness === 1
        ? `timeliness 1: answered within the target ${times.target}`
        : `timeliness ${fmt(timeliness)}: ${span(answered! - open! - target!)} past the target, falling linearly to 0 at the deadline (${span(deadline! - open! - target!)} after the target)`
      : 'timeliness 0: expired',
  );
  if (q.basis.method === 'incidents') {
    for (const i of q.basis.incidents) explanation.push(`consequence: ${i.incident} (${i.kind} at ${i.place}, appeared ${scenarioTime(i.appearedMs)}): ${i.why} → ${fmt(i.value)}`);
    explanation.push(`consequence ${fmt(q.value)}: mean over ${q.basis.incidents.length} incident${q.basis.incidents.length === 1 ? '' : 's'}`);
  } else if (q.basis.method === 'effects') {
    explanation.push(`consequence ${fmt(q.value)}: share of the expected effects that hold at the end — ${q.basis.effects.map((e) => `${e.effect} ${e.holds === 1 ? '✓' : e.holds === 0 ? '✗' : fmt(e.holds)}`).join('; ')}`);
  } else explanation.push(`consequence ${fmt(q.value)}: nothing to observe in the simulation, so it follows correctness`);
  if (provisional) explanation.push(`provisional (暂定): the consequence is judged at ${scenarioTime(horizonMs)}, and may change until then`);
  explanation.push(`total ${total} = 100 × (${w.correctness}·${fmt(c.value)} + ${w.timeliness}·${fmt(timeliness)}×${fmt(c.value)} + ${w.consequence}·${fmt(q.value)}) → ${rating} ${RATING_ZH[rating]}`);

  // Object.assign, not spread: V8 builds a spread copy off its usual map transitions, and the
  // fields added after it then took the slow path (half of scoring's time).
  return Object.assign({}, base, {
    applicable: true,
    horizonMs,
    provisional,
    correctness: round(c.value, 4),
    timeliness: round(timeliness, 4),
    consequence: round(q.value, 4),
    total,
    rating,
    ratingZh: RATING_ZH[rating],
    rubric: { matched: c.matched, points: c.points, maxPoints: c.max, maxFrom: c.maxFrom },
    ...(c.measure !== undefined ? { measure: c.measure } : {}),
    ...(c.ticked ? { ticked: [...c.ticked] } : {}),
    consequenceBasis: q.basis,
    explanation,
  } satisfies Omit<DecisionScore, keyof typeof base>);
}

const fmt = (x: number) => x.toFixed(2);

/** The answer as the score records it: options and allocations always (as before), the other kinds' fields when given. */
function scoredAnswer(a: Answer): NonNullable<DecisionScore['answer']> {
  return Object.assign(
    { options: [...(a.options ?? [])], allocations: (a.allocations ?? []).map((x) => ({ team: x.team, to: x.to })) },
    a.value !== undefined ? { value: a.value } : {},
    a.order ? { order: [...a.order] } : {},
    a.text !== undefined ? { text: a.text } : {},
  );
}

/** An answer on one line for the explanation: the options, allocations, number, order or the report's length. */
function answerWords(a: Answer): string {
  const parts = [...(a.options ?? []), ...(a.allocations ?? []).map((x) => `${x.team} → ${x.to}`)];
  if (a.value !== undefined) parts.push(String(a.value));
  if (a.order) parts.push(a.order.join(' > '));
  if (a.text !== undefined) parts.push(`a report of ${[...a.text].length} characters`);
  return parts.join(', ') || 'acknowledged';
}

/** Who answered, as the explanation says it. */
export function whoAnswered(by: DecisionScore['answeredBy'], seat: string): string {
  if (!by || by.kind === 'seat') return seat;
  return by.kind === 'bot' ? `bot (${by.policy}) for ${seat}` : `facilitator for ${seat}`;
}
