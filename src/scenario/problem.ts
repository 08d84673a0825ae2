/** A problem found in a scenario file, positioned for the trainer who has to fix it. */
export interface Problem {
  file: string;
  /** 1-based line of the offending node. */
  line: number;
  /** 1-based column of the offending node. */
  column: number;
  /** Where inside the document, e.g. ["decisions", 3, "owner"]. */
  path: (string | number)[];
  /** Which check found it: yaml, duplicate-key, schema, unknown-field, reference, … */
  rule: string;
  message: string;
  /** What would have been accepted. */
  expected?: string;
  /** What to do about it, where that is not obvious. */
  hint?: string;
  /** The message and hint in Chinese, where the check that found it words them (the app and a zh CLI show these). */
  zh?: { message: string; hint?: string | undefined };
}

/**
 * `file:line:col: message`, then the hint on the next line — the form editors and CI logs link. In
 * Chinese when asked and the problem has Chinese words; English otherwise (the check's own words).
 */
export function formatProblem(p: Problem, lang: 'zh' | 'en' = 'en'): string {
  const zh = lang === 'zh' ? p.zh : undefined;
  const head = `${p.file}:${p.line}:${p.column}: ${zh ? zh.message : p.message}`;
  if (zh) return zh.hint ? `${head}\n  提示：${zh.hint}` : head;
  return p.hint ? `${head}\n  hint: ${p.hint}` : head;
}

/** A lint finding before it is positioned: the path is resolved to a line and column by the loader. */
export type Finding = Omit<Problem, 'file' | 'line' | 'column'>;
