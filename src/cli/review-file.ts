// The review record of a drill log for a command: `x.review.jsonl` beside `x.jsonl` when present, or
// the file --review names; parsed, checked against the log's drill, and folded (refused entries are
// listed on stderr, never fatal: the report then shows what the record allows).
import { access } from 'node:fs/promises';
import { EMPTY_RECORD, foldReview, parseReview, reviewFileFor, type ReviewRecord } from '../review/record.ts';
import { readText } from './read-text.ts';

export async function readReviewFile(logFile: string, drill: string, seats: ReadonlySet<string>, named?: string): Promise<{ ok: true; record: ReviewRecord; file: string | null } | { ok: false; code: number }> {
  const file = named ?? reviewFileFor(logFile);
  if (named === undefined) {
    try {
      await access(file);
    } catch {
      return { ok: true, record: EMPTY_RECORD, file: null };
    }
  }
  const fail = (line: number, message: string, hint?: string) => {
    console.error(`${file}:${line}:1: ${message}${hint ? `\n  hint: ${hint}` : ''}`);
    return { ok: false as const, code: 1 };
  };
  const read = await readText(file, 'a review file is the .review.jsonl text file the review screen exports beside the drill log', 'review');
  if (!read.ok) return fail(read.problem.line, read.problem.message, read.problem.hint);
  const parsed = parseReview(read.text);
  if (!parsed.ok) return fail(parsed.problem.line, parsed.problem.message, parsed.problem.hint);
  // A drill's notes read against another drill would anchor to the wrong moments.
  if (drill && parsed.drill !== drill) return fail(1, `this review is of drill '${parsed.drill}', but the log is drill '${drill}'`, 'give the review file written for this log (--review <file>)');
  const record = foldReview(parsed.entries, seats);
  for (const r of record.refusals) console.error(`${file}: warning: entry ${r.n} refused: ${r.reason}`);
  return { ok: true, record, file };
}
