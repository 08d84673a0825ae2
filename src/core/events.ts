// The inputs of a drill, one zod schema per command: the live authority (apply), the log reader and
// any server parse with these, so a payload is checked the same way wherever it comes from. The log
// holds these and nothing derived: timers fire from the clock. Written with zod/mini (tree-shakable,
// the same core as classic zod) so the app's first screen carries neither classic zod nor the
// scenario schema (issue 8).
import { z } from 'zod/mini';
import { EFFECT_KINDS, effect, strictObject } from '../scenario/effect.ts';
import { MAX_DECISION_REPORT_CHARS, type DecisionAnswer } from '../scenario/decision-kinds.ts';
import { FACILITATOR } from './actors.ts';
import { AUDIENCES, MARK_KIND_IDS, MARK_SYMBOLS, MAX_MARK_POINTS, MAX_MARK_TEXT } from './marks.ts';
import { HQ_MOVES, POLICIES, REPORT_KINDS } from './world.ts';

export { FACILITATOR };

/** Ids as the scenario writes them; also keeps prototype names such as 'toString' out. */
const id = z.string().check(z.maxLength(100), z.regex(/^[a-z0-9][a-z0-9-]*$/, 'an id: lower-case letters, digits and hyphens'));
const HOUR_MS = 3_600_000;
/** The longest single deadline extension: a whole drill day [E]. */
export const MAX_EXTEND_MS = 24 * HOUR_MS;
/** The longest a drill's log may run in room time, pauses included (a week-long exercise) [E]. */
export const MAX_LOG_T = 30 * 24 * HOUR_MS;
/** A report's text is a message, not a document [E]. */
export const MAX_REPORT_CHARS = 4000;
/** More option ids or allocations than any decision offers is not an answer [E]. */
const MAX_CHOICES = 200;

/** A title is a headline [E]. */
export const MAX_TITLE_CHARS = 200;
/** More receiving seats than any organisation has is not a list of seats [E]. */
const MAX_SEATS = 200;

const flow = <T extends string>(type: T) => strictObject({ type: z.literal(type) });
const allocation = strictObject({ team: id, to: id });
const words = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
/** One or more seats, each once. */
const seatList = z.array(id).check(z.minLength(1, 'name at least one seat'), z.maxLength(MAX_SEATS), z.refine((xs) => new Set(xs).size === xs.length, 'name each seat once'));
const deadlineMove = (what: string) =>
  z.number().check(z.int('a whole number of ms'), z.positive(`${what} by a positive time`), z.maximum(MAX_EXTEND_MS, `${what} by at most 24 h at a time`));
/** [lat, lon] in degrees. */
const point = z.tuple([z.number().check(z.gte(-90), z.lte(90)), z.number().check(z.gte(-180), z.lte(180))]);
const mark = strictObject({
  kind: z.enum(MARK_KIND_IDS),
  symbol: z.optional(z.enum(MARK_SYMBOLS)),
  points: z.array(point).check(z.minLength(1, 'a mark needs a point'), z.maxLength(MAX_MARK_POINTS)),
  text: z.optional(words(MAX_MARK_TEXT)),
});

export const COMMAND_SCHEMAS = {
  // the facilitator (导调) — actor 'facilitator'
  brief: flow('brief'),
  start: flow('start'),
  pause: flow('pause'),
  resume: flow('resume'),
  'next-node': flow('next-node'),
  end: flow('end'),
  'fire-inject': strictObject({
    type: z.literal('fire-inject'),
    inject: id,
    /** What the facilitator changed before sending: the seats receive this instead of the script's. */
    edit: z.optional(strictObject({ title: z.optional(words(MAX_TITLE_CHARS)), narrative: z.optional(words(MAX_REPORT_CHARS)), to: z.optional(seatList) })),
  }),
  'live-inject': strictObject({
    type: z.literal('live-inject'),
    title: words(MAX_TITLE_CHARS),
    text: words(MAX_REPORT_CHARS),
    to: seatList,
    question: z.optional(words(MAX_REPORT_CHARS)),
    /** 期望行动: what the facilitator expects; shown to control, never to the seats. */
    expected: z.optional(words(MAX_REPORT_CHARS)),
  }),
  'extend-deadline': strictObject({ type: z.literal('extend-deadline'), decision: id, byMs: deadlineMove('extend') }),
  'void-decision': strictObject({ type: z.literal('void-decision'), decision: id, reason: z.optional(words(MAX_REPORT_CHARS)) }),
  /** Back to open, the deadline `byMs` from now. */
  'reopen-decision': strictObject({ type: z.literal('reopen-decision'), decision: id, byMs: deadlineMove('reopen') }),
  'assign-seat': strictObject({ type: z.literal('assign-seat'), seat: id, policy: z.nullable(z.enum(POLICIES)) }),
  /** One entry hands many seats to bots (or takes them back, with null). */
  'assign-seats': strictObject({ type: z.literal('assign-seats'), seats: seatList, policy: z.nullable(z.enum(POLICIES)) }),
  /** What the seats see of the scores and of the expected answers. */
  'set-visibility': strictObject({ type: z.literal('set-visibility'), scores: z.boolean(), answers: z.boolean() }),
  // the seats — actor is the seat id (a unit, working group, county HQ or the HQ); the facilitator may answer on a seat's behalf
  answer: strictObject({
    type: z.literal('answer'),
    decision: id,
    options: z.optional(z.array(id).check(z.maxLength(MAX_CHOICES))),
    allocations: z.optional(z.array(allocation).check(z.maxLength(MAX_CHOICES))),
    /** A number decision's figure (zod numbers are finite); its range is the decision's (decision-kinds.ts). */
    value: z.optional(z.number()),
    /** A ranking decision's option ids, most important first. */
    order: z.optional(z.array(id).check(z.maxLength(MAX_CHOICES))),
    /** A report decision's written report. */
    text: z.optional(z.string().check(z.minLength(1, 'write the report'), z.maxLength(MAX_DECISION_REPORT_CHARS))),
    /** Set when a bot played the seat: which policy answered. */
    bot: z.optional(z.enum(POLICIES)),
  }),
  /** An effect, a free text (指令), or both: an order with neither is refused (commands.ts). */
  order: strictObject({ type: z.literal('order'), to: id, effect: z.optional(effect), text: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_REPORT_CHARS))) }),
  /** 报告 / 请示 go up the hierarchy, 协调 sideways to a peer (src/core/hierarchy.ts); a log without `kind` reads as 报告. */
  report: strictObject({ type: z.literal('report'), to: id, text: z.string().check(z.minLength(1), z.maxLength(MAX_REPORT_CHARS)), kind: z.optional(z.enum(REPORT_KINDS)) }),
  /** The HQ's own moves: 会商 (consult), 开设 (open), 前方指挥部 (forward-post), 响应结束 (end). */
  hq: strictObject({ type: z.literal('hq'), move: z.enum(HQ_MOVES) }),
  'set-level': strictObject({ type: z.literal('set-level'), level: z.enum(['none', 'I', 'II', 'III', 'IV']) }),
  // 态势标绘 — the command seats and the facilitator
  plot: strictObject({ type: z.literal('plot'), mark, audience: z.enum(AUDIENCES) }),
  /** Removes the mark plotted by log entry `mark`. */
  unplot: strictObject({ type: z.literal('unplot'), mark: z.number().check(z.int('a log entry number'), z.positive('a log entry number')) }),
} as const;

export type CommandType = keyof typeof COMMAND_SCHEMAS;
export const COMMAND_TYPES = Object.keys(COMMAND_SCHEMAS) as CommandType[];

/** Any command, as written in a log (the input side: `count` of a dispatch may be left out). */
export type DrillEvent = { [T in CommandType]: z.input<(typeof COMMAND_SCHEMAS)[T]> }[CommandType];
/** A command after its schema has checked it (defaults filled in). */
export type CheckedEvent<T extends CommandType = CommandType> = z.output<(typeof COMMAND_SCHEMAS)[T]>;

/** A seat's answer to a decision: the fields of the decision kinds (src/scenario/decision-kinds.ts), which the answer schema above checks. */
export type Answer = DecisionAnswer;

/** One entry of the drill's log: `t` ms after the drill was created, `actor` the seat that sent it. */
export interface LogEntry {
  seq: number;
  t: number;
  actor: string;
  event: DrillEvent;
}

/** A command type as words, whatever it is: hostile input may be an object without a prototype (String() throws on it). */
export const typeName = (type: unknown): string => (typeof type === 'string' ? type : typeof type === 'object' && type !== null ? '[object]' : String(type)).slice(0, 40);

/** One schema problem in words: what is missing or wrong, and where in the command (the review record's schemas word theirs the same way). */
export function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.join('.');
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) return `needs "${path}" (${issue.expected})`;
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'do') return `"${path}" is not an effect: use one of ${EFFECT_KINDS.join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `has no field ${issue.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ')}`;
  return path ? `"${path}": ${issue.message}` : issue.message;
}

/** The command checked against its schema, or what is wrong with it in words a facilitator reads. */
export function parseCommand(event: unknown): { ok: true; event: CheckedEvent } | { ok: false; reason: string } {
  const type = (event as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(COMMAND_SCHEMAS, type)) return { ok: false, reason: `unknown command '${typeName(type)}'` };
  if (type === 'answer') {
    const fast = plainAnswer(event as Record<string, unknown>);
    if (fast) return { ok: true, event: fast };
  }
  const parsed = COMMAND_SCHEMAS[type as CommandType].safeParse(event);
  if (parsed.success) return { ok: true, event: parsed.data as CheckedEvent };
  return { ok: false, reason: `a '${type}' event ${describe(parsed.error.issues[0]!)}` };
}

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const isId = (x: unknown): x is string => typeof x === 'string' && x.length <= 100 && ID_RE.test(x);
const ANSWER_KEYS = new Set(['type', 'decision', 'options', 'allocations', 'bot']);

/**
 * The answer as its schema would return it, checked by hand when it plainly passes (most of a log:
 * the schema costs more than the rest of the fold); anything unusual is left to the schema, which
 * words the reason.
 */
function plainAnswer(e: Record<string, unknown>): CheckedEvent<'answer'> | undefined {
  if (Object.getPrototypeOf(e) !== Object.prototype) return undefined;
  for (const k of Object.keys(e)) if (!ANSWER_KEYS.has(k) || e[k] === undefined) return undefined;
  const { decision, options, allocations, bot } = e;
  if (!isId(decision)) return undefined;
  if (options !== undefined) {
    if (!Array.isArray(options) || options.length > MAX_CHOICES) return undefined;
    // By index, not every(): a hole in the array is no id.
    for (let i = 0; i < options.length; i++) if (!isId(options[i])) return undefined;
  }
  if (allocations !== undefined) {
    if (!Array.isArray(allocations) || allocations.length > MAX_CHOICES) return undefined;
    for (let i = 0; i < allocations.length; i++) {
      const a: unknown = allocations[i];
      if (!a || Object.getPrototypeOf(a) !== Object.prototype) return undefined;
      const keys = Object.keys(a);
      const { team, to } = a as Record<string, unknown>;
      if (keys.length !== 2 || !isId(team) || !isId(to)) return undefined;
    }
  }
  if (bot !== undefined && !(POLICIES as readonly unknown[]).includes(bot)) return undefined;
  return {
    type: 'answer',
    decision,
    ...(options !== undefined ? { options: [...(options as string[])] } : {}),
    ...(allocations !== undefined ? { allocations: (allocations as { team: string; to: string }[]).map((a) => ({ team: a.team, to: a.to })) } : {}),
    ...(bot !== undefined ? { bot: bot as CheckedEvent<'answer'>['bot'] } : {}),
  };
}

/** What is wrong with an entry's time, if anything: finite, ms, within a drill's length. */
export function timeProblem(t: unknown): string | undefined {
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) return `t must be a non-negative number of ms, not ${JSON.stringify(t) ?? String(t)}`;
  if (t > MAX_LOG_T) return `t=${t} ms is more than 30 days after the drill was created: not a drill's time`;
  return undefined;
}
