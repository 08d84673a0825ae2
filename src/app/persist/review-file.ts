// A drill's review record (evaluator notes, self-assessments, the improvement plan, form ratings) as
// a file of its own beside the log: `x.review.jsonl` next to `x.jsonl`, which `quake-drill report
// x.jsonl` reads with it. Two files, not one: the log is the scored record, chained entry by entry and
// sealed by its final hash, and notes written after the drill ended cannot join it without breaking
// that seal; the notes are their own stream (src/review/record.ts), numbered 1, 2, 3 … apart.
import { canonicalJson } from '../../core/index.ts';
import { parseReview, reviewFileFor, writeReview, type ReviewEntry } from '../../review/record.ts';
import type { Problem } from '../../scenario/problem.ts';
import type { Session } from '../drill/session.ts';
import { drillFileName, type ExportedDrill } from './export-log.ts';

/** The review file of the drill, named after its log's download of the same moment. */
export function exportReview(session: Session, entries: readonly ReviewEntry[], when: Date = new Date()): ExportedDrill {
  return { name: reviewFileFor(drillFileName(session, when)), text: writeReview({ drill: session.drill }, entries) };
}

export const isReviewFile = (name: string) => /\.review\.jsonl$/i.test(name);

/** A review file chosen with the log of drill `drill`: its entries, or where it is wrong (a review of another drill would anchor its notes to the wrong moments). */
export function readReview(text: string, file: string, drill: string): { ok: true; entries: ReviewEntry[] } | { ok: false; problem: Problem } {
  const parsed = parseReview(text);
  const problem = (line: number, message: string, expected?: string): Problem => ({ file, line, column: 1, path: [], rule: 'review', message, ...(expected ? { expected } : {}) });
  if (!parsed.ok) return { ok: false, problem: problem(parsed.problem.line, parsed.problem.message, parsed.problem.hint) };
  if (parsed.drill !== drill) return { ok: false, problem: problem(1, `this review is of drill '${parsed.drill}', but the log is drill '${drill}'`, 'the review file exported with this log') };
  return { ok: true, entries: parsed.entries };
}

/**
 * The entries of an imported review not kept already (a file exported from this browser and brought
 * back holds them all again), numbered on after the kept ones: a stream counts 1, 2, 3 … with no gap.
 */
export function entriesToAdd(kept: readonly ReviewEntry[], incoming: readonly ReviewEntry[]): ReviewEntry[] {
  const key = (e: ReviewEntry) => canonicalJson({ actor: e.actor, event: e.event });
  const known = new Set(kept.map(key));
  const next = kept.at(-1)?.n ?? 0;
  return incoming.filter((e) => !known.has(key(e))).map((e, i) => ({ n: next + i + 1, actor: e.actor, event: e.event }));
}
