// The review record: what evaluators, the facilitator and the seats say about a drill after (or
// during) it — notes anchored to moments of the log, self-assessments, the improvement plan
// (纠正行动), form ratings and the ticks of written reports' points. A stream of its own, numbered
// 1, 2, 3 …: never folded into the drill's world, so the log and its hash chain stay as they were. Only
// a tick moves a score (a report's correctness, scoreDrill's `ticks`); a note never does.
// Like the drill log, the stream holds inputs; the record is a fold of them that never throws.
import { z } from 'zod/mini';
import { EVALUATOR, FACILITATOR } from '../core/actors.ts';
import { describe, MAX_LOG_T } from '../core/events.ts';
import type { Rating } from '../scoring/index.ts';
import { strictObject } from '../scenario/effect.ts';
import { failAt, jsonLines, type LogProblem } from './log-file.ts';

export type { Rating };
export const REVIEW_FORMAT = 'quake-drill/review@1';
/** A note, an answer of a self-assessment or a finding is a paragraph or a few, not a document [E]. */
const MAX_REVIEW_TEXT = 2_000;
/** Names: an owner (a unit, an office, a person), a plan clause [E]. */
const MAX_NAME = 200;
/** More notes published at once than a drill's evaluators write is not a list of notes [E]. */
const MAX_IDS = 1_000;

const NOTE_KINDS = ['strength', 'improvement'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const RATINGS = ['P', 'S', 'M', 'U'] as const satisfies readonly Rating[];
/** 不足项 > 整改项 > 改进项, most serious first. */
export const GRADES = ['deficiency', 'rectify', 'improve'] as const;
export type Grade = (typeof GRADES)[number];

/** The same ids as the scenario's (and so never an actor such as '@evaluator'). */
const id = z.string().check(z.maxLength(100), z.regex(/^[a-z0-9][a-z0-9-]*$/, 'an id: lower-case letters, digits and hyphens'));
const chars = (min: number, max: number) =>
  z.string().check(z.minLength(min, min ? 'must not be empty' : undefined), z.maxLength(max, `at most ${max.toLocaleString('en')} characters`));
const words = chars(1, MAX_REVIEW_TEXT);
/** A self-assessment's answer may be left blank: not every seat had a difficulty. */
const answer = chars(0, MAX_REVIEW_TEXT);
const name = chars(1, MAX_NAME);
const rating = z.enum(RATINGS);
const override = strictObject({ rating, reason: words });
/** A calendar day that exists: 2026-02-30 and 2026-13-01 do not (an invalid Date would throw in toISOString). */
function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const day = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(s);
}
/** A due date is a day (YYYY-MM-DD), or '' while none is set. */
const due = z.string().check(z.refine((s) => s === '' || isDay(s), 'a date as YYYY-MM-DD, or "" for none'));
/** The anchor: the log entry under the playhead (0 before the first) and its log time. */
const seq = z.number().check(z.int('a log entry number'), z.gte(0, 'a log entry number'), z.lte(Number.MAX_SAFE_INTEGER));
const t = z.number().check(z.gte(0, 'ms of log time, not negative'), z.lte(MAX_LOG_T, 'within 30 days of log time'));
const ids = z.array(id).check(z.minLength(1, 'name at least one note'), z.maxLength(MAX_IDS), z.refine((xs) => new Set(xs).size === xs.length, 'name each note once'));

const REVIEW_SCHEMAS = {
  note: strictObject({ type: z.literal('note'), id, seq, t, kind: z.enum(NOTE_KINDS), text: words, capability: z.optional(id), unit: z.optional(id), override: z.optional(override) }),
  /** What is left out stays; `override: null` takes the rating override off. */
  'edit-note': strictObject({ type: z.literal('edit-note'), id, text: z.optional(words), kind: z.optional(z.enum(NOTE_KINDS)), capability: z.optional(id), unit: z.optional(id), override: z.optional(z.nullable(override)) }),
  'delete-note': strictObject({ type: z.literal('delete-note'), id }),
  /** Notes are the evaluators' own until published: then every viewer sees them. */
  'publish-notes': strictObject({ type: z.literal('publish-notes'), ids }),
  /** 自评: 做得好的 · 遇到的困难 · 对预案的建议; a seat's later answer replaces its earlier one. */
  'self-assessment': strictObject({ type: z.literal('self-assessment'), seat: id, rating: z.number().check(z.int('a whole number from 1 to 5'), z.gte(1, 'from 1 to 5'), z.lte(5, 'from 1 to 5')), well: answer, hard: answer, plan: answer }),
  finding: strictObject({ type: z.literal('finding'), id, grade: z.enum(GRADES), text: words, owner: name, due, clause: z.optional(name), capability: z.optional(id), note: z.optional(id) }),
  /** What is left out stays; `null` clears an optional field. */
  'edit-finding': strictObject({ type: z.literal('edit-finding'), id, grade: z.optional(z.enum(GRADES)), text: z.optional(words), owner: z.optional(name), due: z.optional(due), clause: z.optional(z.nullable(name)), capability: z.optional(z.nullable(id)), note: z.optional(z.nullable(id)) }),
  'delete-finding': strictObject({ type: z.literal('delete-finding'), id }),
  /** An evaluator's rating of one indicator of a capability's form, with its reason; a later one replaces it. */
  'form-rating': strictObject({ type: z.literal('form-rating'), capability: id, indicator: id, rating, reason: words }),
  /**
   * The evaluator's ticks of a report decision's points after reading the report: all the points it
   * earns (a later tick replaces the earlier, so un-ticking is a tick without the point). Scores read
   * these (scoreDrill's `ticks`): until a report is ticked it is pending evaluation, not 0.
   */
  tick: strictObject({ type: z.literal('tick'), decision: id, points: z.array(id).check(z.maxLength(MAX_IDS), z.refine((xs) => new Set(xs).size === xs.length, 'name each point once')) }),
} as const;

export type ReviewEventType = keyof typeof REVIEW_SCHEMAS;
export const REVIEW_EVENT_TYPES = Object.keys(REVIEW_SCHEMAS) as ReviewEventType[];
export type ReviewEvent<T extends ReviewEventType = ReviewEventType> = { [K in T]: z.output<(typeof REVIEW_SCHEMAS)[K]> }[T];

export interface Note {
  id: string;
  seq: number;
  t: number;
  author: string;
  kind: NoteKind;
  text: string;
  capability?: string;
  unit?: string;
  override?: { rating: Rating; reason: string };
  published: boolean;
}
export interface SelfAssessment {
  seat: string;
  rating: 1 | 2 | 3 | 4 | 5;
  well: string;
  hard: string;
  plan: string;
}
export interface Finding {
  id: string;
  grade: Grade;
  text: string;
  owner: string;
  /** YYYY-MM-DD, or '' while none is set. */
  due: string;
  clause?: string;
  capability?: string;
  note?: string;
}
export interface FormRating {
  capability: string;
  indicator: string;
  rating: Rating;
  reason: string;
}

/** One input of the review stream; `n` counts 1, 2, 3 … in this stream alone. */
export interface ReviewEntry {
  n: number;
  actor: string;
  event: ReviewEvent;
}

export interface ReviewRecord {
  /** In the order they were written. */
  notes: Note[];
  selfAssessments: Record<string, SelfAssessment>;
  findings: Finding[];
  formRatings: FormRating[];
  /** The points ticked of each report decision, by decision id (see the `tick` event). */
  ticks: Record<string, string[]>;
  refusals: { n: number; reason: string }[];
}

/** The record of an empty stream, to read. Frozen, as it is shared: a live screen appends to emptyRecord() (or foldReview's). */
export const EMPTY_RECORD: ReviewRecord = Object.freeze({
  notes: Object.freeze([]) as unknown as Note[],
  selfAssessments: Object.freeze({}),
  findings: Object.freeze([]) as unknown as Finding[],
  formRatings: Object.freeze([]) as unknown as FormRating[],
  ticks: Object.freeze({}),
  refusals: Object.freeze([]) as unknown as ReviewRecord['refusals'],
});

/** A fresh record of an empty stream, for appendReview. */
export const emptyRecord = (): ReviewRecord => ({ notes: [], selfAssessments: {}, findings: [], formRatings: [], ticks: {}, refusals: [] });

/** The event checked against its type's schema, or what is wrong with it in words. */
export function parseReviewEvent(x: unknown): { ok: true; event: ReviewEvent } | { ok: false; reason: string } {
  const type = typeof x === 'object' && x !== null ? (x as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(REVIEW_SCHEMAS, type)) return { ok: false, reason: `unknown review event ${shown(type)}: one of ${REVIEW_EVENT_TYPES.join(', ')}` };
  const parsed = REVIEW_SCHEMAS[type as ReviewEventType].safeParse(x);
  if (parsed.success) return { ok: true, event: parsed.data as ReviewEvent };
  return { ok: false, reason: `a '${type}' review event ${describe(parsed.error.issues[0]!)}` };
}

/** A hostile value in a reason: JSON where it has one, cut short; never a throw (a BigInt, an object without a prototype). */
function shown(x: unknown): string {
  try {
    return (JSON.stringify(x) ?? String(x)).slice(0, 40);
  } catch {
    return typeof x;
  }
}

const isEvaluation = (actor: string) => actor === EVALUATOR || actor === FACILITATOR;

/**
 * Why `actor` may not do this to `record`, or undefined when it may. Notes, findings, forms and
 * publishing belong to the evaluators and the facilitator; a self-assessment to its seat (or the
 * facilitator writing it down for the seat). `seats`, when given, are the scenario's seats.
 */
export function refuseReview(actor: string, event: ReviewEvent, record: ReviewRecord, seats?: ReadonlySet<string>): string | undefined {
  if (event.type === 'self-assessment') {
    if (seats && !seats.has(event.seat)) return `there is no seat '${event.seat}'`;
    if (actor !== event.seat && actor !== FACILITATOR) return `only the seat '${event.seat}' or the facilitator may write its self-assessment, not '${actor.slice(0, 100)}'`;
    return undefined;
  }
  if (!isEvaluation(actor)) return `only the evaluators (${EVALUATOR}) or the facilitator may write a ${event.type}, not '${actor.slice(0, 100)}'`;
  const note = (noteId: string) => record.notes.find((n) => n.id === noteId);
  const finding = (findingId: string) => record.findings.find((f) => f.id === findingId);
  switch (event.type) {
    case 'note':
      return note(event.id) ? `there is already a note '${event.id}'` : undefined;
    case 'edit-note':
      if (!note(event.id)) return `there is no note '${event.id}'`;
      return Object.keys(event).length === 2 ? `the edit of note '${event.id}' changes nothing` : undefined;
    case 'delete-note':
      return note(event.id) ? undefined : `there is no note '${event.id}'`;
    case 'publish-notes': {
      const missing = event.ids.find((x) => !note(x));
      return missing === undefined ? undefined : `there is no note '${missing}'`;
    }
    case 'finding':
      if (finding(event.id)) return `there is already a finding '${event.id}'`;
      return event.note !== undefined && !note(event.note) ? `the finding refers to note '${event.note}', which there is not` : undefined;
    case 'edit-finding':
      if (!finding(event.id)) return `there is no finding '${event.id}'`;
      if (Object.keys(event).length === 2) return `the edit of finding '${event.id}' changes nothing`;
      return typeof event.note === 'string' && !note(event.note) ? `the finding refers to note '${event.note}', which there is not` : undefined;
    case 'delete-finding':
      return finding(event.id) ? undefined : `there is no finding '${event.id}'`;
    case 'form-rating':
    case 'tick':
      return undefined;
  }
}

/** Writes an allowed event into the record (in place). */
function fold(record: ReviewRecord, actor: string, event: ReviewEvent): void {
  switch (event.type) {
    case 'note': {
      const { type: _, ...note } = event;
      record.notes.push({ ...note, author: actor, published: false });
      return;
    }
    case 'edit-note': {
      const note = record.notes.find((n) => n.id === event.id)!;
      const { type: _, id: __, override, ...changes } = event;
      Object.assign(note, changes);
      if (override === null) delete note.override;
      else if (override) note.override = override;
      return;
    }
    case 'delete-note':
      record.notes = record.notes.filter((n) => n.id !== event.id);
      return;
    case 'publish-notes':
      for (const n of record.notes) if (event.ids.includes(n.id)) n.published = true;
      return;
    case 'self-assessment': {
      const { type: _, ...answers } = event;
      record.selfAssessments[event.seat] = answers as SelfAssessment;
      return;
    }
    case 'finding': {
      const { type: _, ...finding } = event;
      record.findings.push(finding);
      return;
    }
    case 'edit-finding': {
      const finding = record.findings.find((f) => f.id === event.id)!;
      const { type: _, id: __, ...changes } = event;
      for (const [k, v] of Object.entries(changes) as [keyof Finding, string | null][]) {
        if (v === null) delete finding[k];
        else (finding as unknown as Record<string, string>)[k] = v;
      }
      return;
    }
    case 'delete-finding':
      record.findings = record.findings.filter((f) => f.id !== event.id);
      return;
    case 'tick':
      record.ticks[event.decision] = [...event.points];
      return;
    case 'form-rating': {
      const { type: _, ...rated } = event;
      const i = record.formRatings.findIndex((r) => r.capability === event.capability && r.indicator === event.indicator);
      if (i >= 0) record.formRatings[i] = rated;
      else record.formRatings.push(rated);
      return;
    }
  }
}

/** What is wrong with one entry of a stream (its number, its actor, its event), or the event checked. */
function checkEntry(x: unknown, previous: number): { ok: true; event: ReviewEvent; actor: string } | { ok: false; reason: string } {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return { ok: false, reason: 'a review entry must be an object {n, actor, event}' };
  const { n, actor, event } = x as Record<string, unknown>;
  if (n !== previous + 1) return { ok: false, reason: `entry ${shown(n)} should be entry ${previous + 1}: review entries count 1, 2, 3 … with none left out` };
  if (typeof actor !== 'string' || actor === '' || actor.length > 100) return { ok: false, reason: `actor must be a seat id, "${FACILITATOR}" or "${EVALUATOR}", not ${shown(actor)}` };
  const parsed = parseReviewEvent(event);
  return parsed.ok ? { ok: true, event: parsed.event, actor } : parsed;
}

/**
 * The record the stream adds up to. Whatever is wrong with an entry — its shape, its number, its
 * event, the actor's right to it — is recorded in `refusals` and the entry left out, never thrown:
 * a review file is as untrusted as a log.
 */
export function foldReview(entries: readonly ReviewEntry[], seats?: ReadonlySet<string>): ReviewRecord {
  const record = emptyRecord();
  if (!Array.isArray(entries)) return record;
  for (let i = 0; i < entries.length; i++) {
    const raw: unknown = entries[i];
    const n = (raw as { n?: unknown } | null)?.n;
    const at = typeof n === 'number' && Number.isSafeInteger(n) ? n : i + 1;
    const checked = checkEntry(raw, i);
    const reason = checked.ok ? refuseReview(checked.actor, checked.event, record, seats) : checked.reason;
    if (reason !== undefined) record.refusals.push({ n: at, reason });
    else if (checked.ok) fold(record, checked.actor, checked.event);
  }
  return record;
}

/**
 * For live screens: checks `event` (its shape and `actor`'s right to it), then appends it to
 * `entries` as the next entry and folds it into `record`, both in place. A refusal changes neither.
 */
export function appendReview(record: ReviewRecord, entries: ReviewEntry[], actor: string, event: ReviewEvent, seats?: ReadonlySet<string>): { ok: boolean; reason?: string } {
  const parsed = parseReviewEvent(event);
  if (!parsed.ok) return parsed;
  const reason = refuseReview(actor, parsed.event, record, seats);
  if (reason !== undefined) return { ok: false, reason };
  entries.push({ n: (entries.at(-1)?.n ?? 0) + 1, actor, event: parsed.event });
  fold(record, actor, parsed.event);
  return { ok: true };
}

/** The notes `viewer` may read, in the order of their moments: evaluators and the facilitator see all, everyone else the published ones. */
export function notesFor(record: ReviewRecord, viewer: string): Note[] {
  const seen = isEvaluation(viewer) ? record.notes : record.notes.filter((n) => n.published);
  return [...seen].sort((a, b) => a.t - b.t || a.seq - b.seq);
}

/** The review file of a drill log: `drill.jsonl` → `drill.review.jsonl` (any other name gets `.review.jsonl` added), beside it. */
export const reviewFileFor = (logFile: string): string => `${logFile.replace(/\.jsonl$/i, '')}.review.jsonl`;

export function writeReview(header: { drill: string }, entries: readonly ReviewEntry[]): string {
  return [JSON.stringify({ format: REVIEW_FORMAT, drill: header.drill }), ...entries.map((e) => JSON.stringify({ n: e.n, actor: e.actor, event: e.event }))].join('\n') + '\n';
}

const HEADER_HINT = `the first line of a review file is its header: {"format":"${REVIEW_FORMAT}","drill":"…"}`;
const ENTRY_HINT = 'each line after the header is one entry: {"n":1,"actor":"@evaluator","event":{"type":"note",…}}';

/**
 * Reads a review file (`x.review.jsonl` beside the log `x.jsonl`), checking every line's shape and
 * saying where it is wrong. Rights are not checked here: the fold refuses what an actor may not do.
 */
export function parseReview(text: string): { ok: true; drill: string; entries: ReviewEntry[] } | { ok: false; problem: LogProblem } {
  let drill: string | undefined;
  const entries: ReviewEntry[] = [];
  for (const row of jsonLines(text, 'review file')) {
    if ('problem' in row) return { ok: false, problem: row.problem };
    const { line, value } = row;
    if (drill === undefined) {
      const header = value as { format?: unknown; drill?: unknown } | null;
      if (typeof header !== 'object' || header === null || header.format !== REVIEW_FORMAT) {
        const format = typeof header === 'object' && header !== null ? header.format : undefined;
        return failAt(line, `'${String(format).slice(0, 60)}' is not a Quake Drill review format`, HEADER_HINT);
      }
      if (typeof header.drill !== 'string' || header.drill === '' || header.drill.length > MAX_NAME) return failAt(line, 'the header names no drill ("drill": the drill id of its log)', HEADER_HINT);
      drill = header.drill;
      continue;
    }
    const checked = checkEntry(value, entries.length);
    if (!checked.ok) return failAt(line, checked.reason, ENTRY_HINT);
    entries.push({ n: entries.length + 1, actor: checked.actor, event: checked.event });
  }
  if (drill === undefined) return failAt(1, 'the review file is empty: missing header', HEADER_HINT);
  return { ok: true, drill, entries };
}
