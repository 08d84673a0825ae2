// The ways a recorded drill gets changed after the fact (issue 10 §5), applied to a drill log's text:
// each keeps the recorded hashes as they were, as a hand edit would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HAICHENG, quakeDrill, tempDir } from '../cli/helpers.ts';

export const linesOf = (text: string): string[] => text.trimEnd().split('\n');
export const textOf = (lines: readonly string[]): string => lines.join('\n') + '\n';

/** A fresh `run --out` log of the default scenario (seed 7, the random policy: answers right and wrong). */
export async function freshLog(): Promise<{ path: string; text: string }> {
  const path = join(tempDir().dir, 'drill.jsonl');
  const r = await quakeDrill(['run', HAICHENG, '--seed', '7', '--policy', 'random', '--out', path]);
  if (r.code !== 0) throw new Error(r.stderr);
  return { path, text: readFileSync(path, 'utf8') };
}

/** Line `line` (1-based) parsed, changed by `edit`, and written back with every other field as it was. */
export function editLine(text: string, line: number, edit: (value: Record<string, unknown>) => void): string {
  const lines = linesOf(text);
  const value = JSON.parse(lines[line - 1]!) as Record<string, unknown>;
  edit(value);
  lines[line - 1] = JSON.stringify(value);
  return textOf(lines);
}

/** The line of the answer nearest the middle of the log, and its entry. */
export function middleAnswer(text: string): { line: number; entry: { seq: number; actor: string; event: { decision: string; options: string[] } } } {
  const lines = linesOf(text);
  const answers = lines.map((l, i) => ({ line: i + 1, entry: JSON.parse(l) })).filter(({ entry }) => entry.event?.type === 'answer');
  return answers[Math.floor(answers.length / 2)]!;
}

/** The same drill as a format 1 log, written before the record was chained: no hashes, no drill id. */
export function asFormat1(text: string): string {
  const [head, ...entries] = linesOf(text).map((l) => JSON.parse(l) as Record<string, unknown>);
  const { hash: _h, final: _f, scenarioHash: _s, drill: _d, ...rest } = head!;
  return textOf([JSON.stringify({ ...rest, format: 'quake-drill/log@1' }), ...entries.map(({ hash: _, ...e }) => JSON.stringify(e))]);
}

/** One byte changed: the first letter of the middle answer's first option, moved one letter on. */
export function oneByte(text: string): { text: string; line: number; seq: number } {
  const { line, entry } = middleAnswer(text);
  const lines = linesOf(text);
  const at = lines[line - 1]!.indexOf('"options":["') + '"options":["'.length;
  const row = lines[line - 1]!;
  lines[line - 1] = row.slice(0, at) + String.fromCharCode(row.charCodeAt(at) + 1) + row.slice(at + 1);
  return { text: textOf(lines), line, seq: entry.seq };
}

