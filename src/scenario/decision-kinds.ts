// Every decision kind in one table: what a scenario file must hold for it (read by the lint), which
// answer fields it takes and when the authority refuses an answer, what the plan, random and
// "longest" bots answer, and how its correctness is measured. The scenario schema, the lint, the
// authority (src/core/commands.ts), the bots (src/core/bots.ts), scoring (src/scoring/rubric.ts) and
// the review forms read it; the app keeps its card renderers in a table keyed the same way. A kind
// missing from any of them is a type error. Plain functions and types only: the drill's answer
// command (src/core/events.ts, on the app's first screen without classic zod, issue 8) imports it.
import type { Decision } from './schema.ts';

export const DECISION_KIND_IDS = ['single', 'multiple', 'allocation', 'acknowledge', 'number', 'ranking', 'report'] as const;
export type DecisionKind = (typeof DECISION_KIND_IDS)[number];

/** The longest written report a seat may send: a page of a 情况报告 [E]. */
export const MAX_DECISION_REPORT_CHARS = 2_000;

/** An answer to a decision, in the shape the drill's answer command carries it (src/core/events.ts checks it with zod). */
export interface DecisionAnswer {
  options?: string[] | undefined;
  allocations?: { team: string; to: string }[] | undefined;
  value?: number | undefined;
  order?: string[] | undefined;
  text?: string | undefined;
}
type Answer = DecisionAnswer;
export type AnswerField = keyof DecisionAnswer;
export const ANSWER_FIELDS: readonly AnswerField[] = ['options', 'allocations', 'value', 'order', 'text'];

/** A kind's own measure of an answer: a share 0..1 and why, or waiting for the evaluator's ticks. */
export type Measured = { value: number; why: string; ticked?: readonly string[] } | { pending: true; why: string };

export interface DecisionKindSpec {
  /** Its name in the lint's words. */
  noun: { en: string; zh: string };
  /** The fewest options it offers; 0: it offers none. */
  minOptions: number;
  /** Its own section of the decision (`allocate`, `number`, `report`), if any. */
  section?: 'allocate' | 'number' | 'report';
  /** The answer fields this kind is answered with; an answer carrying any other is refused. */
  fields: readonly AnswerField[];
  /** Why the answer is not one this decision takes (in the words the seat sees), or undefined. `teams(type)`: how many teams of a type there are. */
  refuse(d: Decision, a: Answer, teams: (type: string) => number): string | undefined;
  /** The plan's own answer (the plan and late bots, the expected answer shown after scoring). */
  planned(d: Decision): Answer;
  /** A uniformly random valid answer, drawn from `next` (a seeded stream). */
  random(d: Decision, next: () => number): Answer;
  /** What a player gaming the form would answer, knowing nothing of the plan. */
  longest(d: Decision, next: () => number): Answer;
  /**
   * 'rubric': the scenario's rubric lines score it (src/scoring/rubric.ts). Otherwise the kind's own
   * measure; `ticked` is the evaluator's ticks of a report's points (undefined: not yet evaluated).
   */
  measure: 'rubric' | ((d: Decision, a: Answer, ticked: readonly string[] | undefined) => Measured);
}

const pick = <T>(list: readonly T[], next: () => number) => list[Math.floor(next() * list.length)]!;

/** Unknown option ids and repeats, for the kinds answered with options. */
function refuseOptions(d: Decision, chosen: readonly string[]): string | undefined {
  const known = new Set(d.options.map((o) => o.id));
  const unknown = chosen.find((o) => !known.has(o));
  if (unknown) return `decision '${d.id}' has no option '${unknown}'`;
  return new Set(chosen).size !== chosen.length ? 'choose each option at most once' : undefined;
}

const expectedOptions = (d: Decision): Answer => ({ options: d.expected.options ?? [] });
const zhLength = (o: Decision['options'][number]) => [...o.label.zh].length;

function randomOptions(d: Decision, next: () => number): Answer {
  const chosen = d.options.filter(() => next() < 0.5).map((o) => o.id); // each a fair coin: uniform over subsets
  return { options: chosen.length ? chosen : [pick(d.options, next).id] };
}

/** The option with the longest Chinese text (ties → the first). */
function longestOption(d: Decision): string | undefined {
  const len = d.options.map(zhLength);
  return d.options[len.indexOf(Math.max(...len))]?.id;
}

/** The options longer than the median length (the longest alone when none is). */
function longerThanMedian(d: Decision): Answer {
  const longest = longestOption(d);
  if (!longest) return { options: [] };
  const len = d.options.map(zhLength);
  const sorted = [...len].sort((x, y) => x - y);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const chosen = d.options.filter((_, i) => len[i]! > median).map((o) => o.id);
  return { options: chosen.length ? chosen : [longest] };
}

function refuseAllocation(d: Decision, a: Answer, teamsOf: (type: string) => number): string | undefined {
  const teams = new Set(d.allocate?.teams);
  const places = new Set(d.allocate?.places);
  const bad = (a.allocations ?? []).find((x) => !teams.has(x.team) || !places.has(x.to));
  if (bad) return `${bad.team} → ${bad.to} is not an allocation this decision offers`;
  if (!a.allocations?.length) return 'allocate at least one team';
  const sent = new Map<string, number>();
  for (const x of a.allocations) sent.set(x.team, (sent.get(x.team) ?? 0) + 1);
  for (const [team, n] of sent) {
    const has = teamsOf(team);
    if (n > has) return `${n} × ${team} allocated, but there are only ${has}`;
  }
  return undefined;
}

function randomAllocation(d: Decision, next: () => number): Answer {
  const { teams, places } = d.allocate!;
  const sent = teams.filter(() => next() < 0.5); // each team a fair coin: uniform over subsets
  return { allocations: (sent.length ? sent : [pick(teams, next)]).map((team) => ({ team, to: pick(places, next) })) };
}

// ── number ──────────────────────────────────────────────────────────────────

/** The scenario's number settings; lint guarantees them for a number decision (min ≤ expected ≤ max). */
const numberOf = (d: Decision) => d.number!;

/**
 * Full credit within ±tolerance of the plan's number, falling linearly to 0 at ±2×tolerance [E]:
 * the tolerance is the author's "near enough"; twice it, the answer is as good as a guess. A
 * tolerance of 0 asks for the number itself.
 */
export function numberCorrectness(expected: number, tolerance: number, value: number): number {
  const off = Math.abs(value - expected);
  if (off <= tolerance) return 1;
  if (tolerance === 0 || off >= 2 * tolerance) return 0;
  return 1 - (off - tolerance) / tolerance;
}

// ── ranking ─────────────────────────────────────────────────────────────────

/**
 * Agreement of a ranking with the plan's, 0..1: one minus Spearman's footrule (the sum of how far
 * each item sits from its place in the plan) over its largest possible value ⌊n²/2⌋, reached by the
 * reversed order — Diaconis & Graham (1977), "Spearman's footrule as a measure of disarray",
 * J. R. Stat. Soc. B 39(2):262–268. One item, or none, always agrees.
 */
export function rankingCorrectness(expected: readonly string[], order: readonly string[]): number {
  const max = Math.floor((expected.length * expected.length) / 2);
  if (max === 0) return 1;
  const at = new Map(order.map((x, i) => [x, i]));
  const footrule = expected.reduce((sum, x, i) => sum + Math.abs((at.get(x) ?? i) - i), 0);
  return 1 - footrule / max;
}

/** A random permutation of `items`, Fisher–Yates with `next`. */
function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ── report ──────────────────────────────────────────────────────────────────

const reportOf = (d: Decision) => d.report!;
const reportLimit = (d: Decision) => reportOf(d).maxChars;
/** A report of the given points' Chinese texts, cut to the decision's limit. */
const reportOfPoints = (d: Decision, points: readonly { text: Decision['prompt'] }[]) => ({
  text: [...points.map((p) => p.text.zh).join('；')].slice(0, reportLimit(d)).join('') || '—',
});

/** Share of the report's points the evaluator ticked, by their points; pending until they have read it. */
export function reportCorrectness(d: Decision, ticked: readonly string[] | undefined): Measured {
  if (ticked === undefined) return { pending: true, why: 'pending evaluation: the evaluator has not ticked the report’s points yet' };
  const points = reportOf(d).points;
  const total = points.reduce((a, p) => a + p.points, 0);
  const got = points.filter((p) => ticked.includes(p.id));
  const earned = got.reduce((a, p) => a + p.points, 0);
  return { value: total > 0 ? earned / total : 1, ticked: got.map((p) => p.id), why: `the evaluator ticked ${got.length} of ${points.length} points (${got.map((p) => p.id).join(', ') || 'none'}): ${earned} of ${total}` };
}

export const DECISION_KINDS = {
  single: {
    noun: { en: 'single-choice', zh: '单选' },
    minOptions: 2,
    fields: ['options'],
    refuse: (d, a) => refuseOptions(d, a.options ?? []) ?? ((a.options ?? []).length !== 1 ? 'choose exactly one option' : undefined),
    planned: expectedOptions,
    random: (d, next) => ({ options: [pick(d.options, next).id] }),
    longest: (d) => {
      const longest = longestOption(d);
      return { options: longest ? [longest] : [] };
    },
    measure: 'rubric',
  },
  multiple: {
    noun: { en: 'multiple-choice', zh: '多选' },
    minOptions: 2,
    fields: ['options'],
    refuse: (d, a) => refuseOptions(d, a.options ?? []) ?? ((a.options ?? []).length === 0 ? 'choose at least one option' : undefined),
    planned: expectedOptions,
    random: randomOptions,
    longest: longerThanMedian,
    measure: 'rubric',
  },
  allocation: {
    noun: { en: 'allocation', zh: '力量分配' },
    minOptions: 0,
    section: 'allocate',
    fields: ['allocations'],
    refuse: refuseAllocation,
    planned: (d) => ({ allocations: d.expected.allocations ?? [] }),
    random: randomAllocation,
    // Its form has no text to game: at random.
    longest: randomAllocation,
    measure: 'rubric',
  },
  acknowledge: {
    noun: { en: 'acknowledge', zh: '确认' },
    minOptions: 0,
    fields: [],
    refuse: () => undefined,
    planned: () => ({}),
    random: () => ({}),
    longest: () => ({}),
    measure: 'rubric',
  },
  number: {
    noun: { en: 'number', zh: '数值' },
    minOptions: 0,
    section: 'number',
    fields: ['value'],
    refuse: (d, a) => {
      const { min, max } = numberOf(d);
      if (a.value === undefined) return `give a number from ${min} to ${max}`;
      return a.value < min || a.value > max ? `${a.value} is not between ${min} and ${max}` : undefined;
    },
    planned: (d) => ({ value: numberOf(d).expected! }),
    random: (d, next) => {
      const { min, max } = numberOf(d);
      // A whole number when the range is in whole numbers (people, teams), uniform over the range.
      const whole = Number.isInteger(min) && Number.isInteger(max);
      return { value: whole ? min + Math.floor(next() * (max - min + 1)) : min + next() * (max - min) };
    },
    // Knowing nothing but the form, the middle of the range is the guess that is never far off [E].
    longest: (d) => {
      const { min, max } = numberOf(d);
      const mid = (min + max) / 2;
      return { value: Number.isInteger(min) && Number.isInteger(max) ? Math.floor(mid) : mid };
    },
    measure: (d, a) => {
      const { expected, tolerance } = numberOf(d);
      // An answer without a value is refused (above): it earns nothing should one ever reach here.
      const value = a.value === undefined ? 0 : numberCorrectness(expected!, tolerance, a.value);
      return { value, why: `${a.value} against the plan's ${expected} ± ${tolerance}: full within ± ${tolerance}, none beyond ± ${2 * tolerance}` };
    },
  },
  ranking: {
    noun: { en: 'ranking', zh: '排序' },
    minOptions: 2,
    fields: ['order'],
    refuse: (d, a) => {
      const order = a.order ?? [];
      const wrong = refuseOptions(d, order);
      if (wrong) return wrong;
      return order.length !== d.options.length ? `rank each of the ${d.options.length} options exactly once` : undefined;
    },
    planned: (d) => ({ order: d.expected.order ?? [] }),
    random: (d, next) => ({ order: shuffled(d.options.map((o) => o.id), next) }),
    // The most elaborate-sounding first: by the length of the Chinese text, longest first (ties keep their order).
    longest: (d) => ({ order: d.options.map((o, i) => ({ id: o.id, len: zhLength(o), i })).sort((x, y) => y.len - x.len || x.i - y.i).map((x) => x.id) }),
    measure: (d, a) => {
      const value = rankingCorrectness(d.expected.order ?? [], a.order ?? []);
      return { value, why: `order ${(a.order ?? []).join(' > ')} against the plan's ${(d.expected.order ?? []).join(' > ')}: 1 − Spearman footrule / ⌊n²/2⌋` };
    },
  },
  report: {
    noun: { en: 'report', zh: '书面报告' },
    minOptions: 0,
    section: 'report',
    fields: ['text'],
    refuse: (d, a) => {
      if (a.text === undefined || a.text.trim() === '') return 'write the report';
      const length = [...a.text].length;
      return length > reportLimit(d) ? `the report has ${length} characters; at most ${reportLimit(d)}` : undefined;
    },
    // The plan's report names every point; a random one some of them. Only the evaluator's reading scores either.
    planned: (d) => reportOfPoints(d, reportOf(d).points),
    random: (d, next) => {
      const some = reportOf(d).points.filter(() => next() < 0.5);
      return reportOfPoints(d, some.length ? some : [pick(reportOf(d).points, next)]);
    },
    // Gaming a written report is writing everything down: the longest text the points make.
    longest: (d) => reportOfPoints(d, reportOf(d).points),
    measure: (d, _a, ticked) => reportCorrectness(d, ticked),
  },
} as const satisfies Record<DecisionKind, DecisionKindSpec>;

/** The table entry of a decision's kind, typed as the spec (not one kind's literal). */
export const kindOf = (d: Pick<Decision, 'kind'>): DecisionKindSpec => DECISION_KINDS[d.kind];

/** Whether an answer field is given: an empty list counts as not given (a form may send `options: []`). */
const given = (x: unknown) => x !== undefined && !(Array.isArray(x) && x.length === 0);

/** Why this answer does not fit the decision's kind: a field of another kind, or the kind's own check. */
export function refuseKindAnswer(d: Decision, a: Answer, teams: (type: string) => number): string | undefined {
  const spec = kindOf(d);
  const stray = ANSWER_FIELDS.find((f) => !spec.fields.includes(f) && given(a[f]));
  if (stray) return `a ${d.kind} decision is not answered with '${stray}'`;
  return spec.refuse(d, a, teams);
}

/** A copy of an answer's fields (what the world records of it). */
export function copyAnswer(a: Answer): Answer {
  const out: Answer = {};
  if (a.options) out.options = [...a.options];
  if (a.allocations) out.allocations = a.allocations.map((x) => ({ team: x.team, to: x.to }));
  if (a.value !== undefined) out.value = a.value;
  if (a.order) out.order = [...a.order];
  if (a.text !== undefined) out.text = a.text;
  return out;
}
