// loadScenario: text in, a typed scenario or every problem with file:line:column out — never a throw.
import { LineCounter, parseDocument } from 'yaml';
import { FORMAT_V1, scenarioSchema, type Scenario } from './schema.ts';
import { lint } from './lint.ts';
import { preflight } from './preflight.ts';
import { lineColumn, locate } from './positions.ts';
import { schemaFindings } from './schema-issues.ts';
import type { Finding, Problem } from './problem.ts';

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/** Past this many problems the rest are counted, not listed: nobody reads the ten-thousandth. */
export const MAX_PROBLEMS = 200;
/** An alias bomb expands a few lines into millions of nodes; real files use a handful of aliases. */
const MAX_ALIAS_COUNT = 100;
const FORMAT_RE = /^quake-drill\/scenario@(\d+)$/;

export function loadScenario(text: string, fileName: string): LoadResult {
  const fail = (problems: Problem[]): LoadResult => ({ ok: false, problems: capped(problems) });

  const early = preflight(text);
  if (early) {
    const { offset, ...finding } = early;
    return fail([{ file: fileName, ...lineColumn(text, offset), ...finding }]);
  }

  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, merge: true });
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        const duplicate = e.code === 'DUPLICATE_KEY';
        // The library's own advice ("please use YAML.parseAllDocuments()") speaks to programmers.
        const secondDocument = e.code === 'MULTIPLE_DOCS';
        return {
          file: fileName,
          line,
          column: col,
          path: [],
          rule: duplicate ? 'duplicate-key' : 'yaml',
          message: duplicate ? 'this key appears twice in the same mapping' : secondDocument ? 'a scenario file holds one document; remove the second `---`' : firstLine(e.message),
          hint: duplicate ? 'remove or rename one of the two' : secondDocument ? '`---` starts a new document: to keep what follows, delete the line; to keep two scenarios, put each in its own file' : undefined,
        };
      }),
    );
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return fail([{ file: fileName, line: 1, column: 1, path: [], rule: 'yaml', message: firstLine((e as Error).message), hint: `an anchor (&name) may be repeated by at most ${MAX_ALIAS_COUNT} aliases (*name); write the values out` }]);
  }

  const place = (f: Finding, key = false): Problem => {
    const { line, column } = locate(doc, lines, f.path, key);
    return { file: fileName, line, column, ...f };
  };
  const versionProblem = checkFormat(data);
  if (versionProblem) return fail([place(versionProblem)]);

  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    return fail(schemaFindings(scenarioSchema, data, parsed.error.issues).map((f) => place(f, f.rule === 'unknown-field')).sort(byPosition));
  }
  const findings = lint(parsed.data);
  if (findings.length > 0) return fail(findings.map((f) => place(f)).sort(byPosition));
  return { ok: true, scenario: parsed.data };
}

function checkFormat(data: unknown): Finding | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { path: [], rule: 'format', message: 'a scenario file is a mapping that starts with `format:`', hint: `begin the file with: format: ${FORMAT_V1}` };
  }
  const format = (data as Record<string, unknown>).format;
  if (format === undefined) return { path: [], rule: 'format', message: "missing field 'format'", hint: `begin the file with: format: ${FORMAT_V1}` };
  if (format === FORMAT_V1) return undefined;
  const version = typeof format === 'string' ? FORMAT_RE.exec(format)?.[1] : undefined;
  return {
    path: ['format'],
    rule: 'format',
    message: version ? `this file is format version ${version}; this Quake Drill reads version 1` : `'${String(format)}' is not a Quake Drill scenario format`,
    expected: FORMAT_V1,
    hint: version ? 'open it with the Quake Drill release that wrote it, or ask for a migration' : `use: format: ${FORMAT_V1}`,
  };
}

function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const last = problems[MAX_PROBLEMS - 1]!;
  const more = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), { ...last, path: [], rule: 'more', message: `and ${more.toLocaleString('en')} more problems`, expected: undefined, hint: 'fix these first' }];
}

const firstLine = (s: string) => s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
const byPosition = (a: Problem, b: Problem) => a.line - b.line || a.column - b.column;

