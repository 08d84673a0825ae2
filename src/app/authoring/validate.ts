// The authoring view's check of the text being edited: the same loader the CLI's `validate` uses
// (src/scenario loadScenario), its problems put in the interface language and given the character
// range of their line, which the editor marks (a lint diagnostic) and a click in the list jumps to.
import { loadScenario, type LoadResult, type Problem } from '../../scenario/index.ts';
import type { Lang } from '../i18n.ts';

export interface Check {
  /** The text that was checked. */
  text: string;
  file: string;
  result: LoadResult;
}

export const check = (text: string, file: string): Check => ({ text, file, result: loadScenario(text, file) });

export const problemsOf = (c: Check): readonly Problem[] => (c.result.ok ? [] : c.result.problems);

/** A problem as the view shows it: in Chinese where the check words it so, else in its English (`english` marks that). */
export interface ShownProblem {
  line: number;
  column: number;
  message: string;
  hint?: string;
  /** The check has no Chinese words for it: shown in English, marked as such (lang attribute). */
  english: boolean;
  rule: string;
}

export function shownProblem(p: Problem, lang: Lang): ShownProblem {
  const zh = lang === 'zh' ? p.zh : undefined;
  const hint = zh ? zh.hint : p.hint;
  return { line: p.line, column: p.column, message: zh ? zh.message : p.message, ...(hint ? { hint } : {}), english: lang === 'zh' && !zh, rule: p.rule };
}

/**
 * Where a problem sits in the text, as offsets: from its column to the end of its line (at least one
 * character, so an empty line or the end of the file can still be marked). Lines and columns are
 * 1-based as the loader gives them; a position past the text is clamped to its end.
 */
export function problemRange(text: string, line: number, column: number): { from: number; to: number } {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next < 0) {
      start = text.length;
      break;
    }
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  const lineEnd = end < 0 ? text.length : end;
  const from = Math.min(start + Math.max(0, column - 1), lineEnd);
  return { from, to: Math.max(lineEnd, Math.min(from + 1, text.length)) };
}
