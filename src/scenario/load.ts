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
          // The YAML library's own words have no Chinese: the position says where, the rule what kind.
          zh: duplicate
            ? { message: '同一映射中这个键出现了两次', hint: '删除其中一个，或给其中一个改名' }
            : secondDocument
              ? { message: '一个情景文件只能有一个文档：请删除第二个 `---`', hint: '`---` 表示新文档开始：要保留后面的内容就删掉这一行；两个情景请分别存为两个文件' }
              : { message: 'YAML 语法错误：请检查此处的缩进、冒号、引号和括号是否配对' },
        };
      }),
    );
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return fail([
      {
        file: fileName, line: 1, column: 1, path: [], rule: 'yaml', message: firstLine((e as Error).message),
        hint: `an anchor (&name) may be repeated by at most ${MAX_ALIAS_COUNT} aliases (*name); write the values out`,
        zh: { message: 'YAML 别名展开过多', hint: `一个锚点（&name）最多只能被别名（*name）引用 ${MAX_ALIAS_COUNT} 次；请把内容直接写出` },
      },
    ]);
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
    return { path: [], rule: 'format', message: 'a scenario file is a mapping that starts with `format:`', hint: `begin the file with: format: ${FORMAT_V1}`, zh: { message: '情景文件应是以 `format:` 开头的映射', hint: `文件第一行写：format: ${FORMAT_V1}` } };
  }
  const format = (data as Record<string, unknown>).format;
  if (format === undefined) return { path: [], rule: 'format', message: "missing field 'format'", hint: `begin the file with: format: ${FORMAT_V1}`, zh: { message: "缺少字段 'format'", hint: `文件第一行写：format: ${FORMAT_V1}` } };
  if (format === FORMAT_V1) return undefined;
  const version = typeof format === 'string' ? FORMAT_RE.exec(format)?.[1] : undefined;
  return {
    path: ['format'],
    rule: 'format',
    message: version ? `this file is format version ${version}; this Quake Drill reads version 1` : `'${String(format)}' is not a Quake Drill scenario format`,
    expected: FORMAT_V1,
    hint: version ? 'open it with the Quake Drill release that wrote it, or ask for a migration' : `use: format: ${FORMAT_V1}`,
    zh: version
      ? { message: `此文件为第 ${version} 版格式；本程序读取第 1 版`, hint: '请用编写它的程序版本打开，或申请格式迁移' }
      : { message: `'${String(format)}' 不是情景文件格式`, hint: `请写：format: ${FORMAT_V1}` },
  };
}

function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const last = problems[MAX_PROBLEMS - 1]!;
  const more = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), { ...last, path: [], rule: 'more', message: `and ${more.toLocaleString('en')} more problems`, expected: undefined, hint: 'fix these first', zh: { message: `另有 ${more.toLocaleString('en')} 处问题`, hint: '请先改正以上问题' } }];
}

const firstLine = (s: string) => s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
const byPosition = (a: Problem, b: Problem) => a.line - b.line || a.column - b.column;

