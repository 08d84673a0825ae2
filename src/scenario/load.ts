// loadScenario: text in, a typed scenario or every problem with file:line:column out — never a throw.
// A version 1 file is migrated in memory (migrate.ts): it loads, with a note saying how to update it.
import { LineCounter, parseDocument } from 'yaml';
import { FORMAT_V1, FORMAT_V2, scenarioSchema, type Scenario } from './schema.ts';
import { migrateV1toV2 } from './migrate.ts';
import { basemapFindings, type ReadBeside } from './basemap-file.ts';
import { lint } from './lint.ts';
import { preflight } from './preflight.ts';
import { lineColumn, locate } from './positions.ts';
import { schemaFindings } from './schema-issues.ts';
import type { Finding, Problem } from './problem.ts';

/** `notes`: what loads but should change (a v1 file); never a reason to refuse the scenario. */
export type LoadResult = { ok: true; scenario: Scenario; notes?: Problem[] } | { ok: false; problems: Problem[] };

/** Past this many problems the rest are counted, not listed: nobody reads the ten-thousandth. */
export const MAX_PROBLEMS = 200;
/** An alias bomb expands a few lines into millions of nodes; real files use a handful of aliases. */
const MAX_ALIAS_COUNT = 100;
const FORMAT_RE = /^quake-drill\/scenario@(\d+)$/;

export interface LoadOptions {
  /** Reads a file beside the scenario (the CLI, the build): then its basemap is checked too (basemap-file.ts). */
  readBeside?: ReadBeside;
}

export function loadScenario(text: string, fileName: string, options: LoadOptions = {}): LoadResult {
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
        const fullWidth = duplicate || secondDocument ? undefined : fullWidthHint(text, e.pos[0]);
        return {
          file: fileName,
          line,
          column: col,
          path: [],
          rule: duplicate ? 'duplicate-key' : 'yaml',
          message: duplicate ? 'this key appears twice in the same mapping' : secondDocument ? 'a scenario file holds one document; remove the second `---`' : firstLine(e.message),
          hint: duplicate ? 'remove or rename one of the two' : secondDocument ? '`---` starts a new document: to keep what follows, delete the line; to keep two scenarios, put each in its own file' : fullWidth?.en,
          // The YAML library's own words have no Chinese: the position says where, the rule what kind.
          zh: duplicate
            ? { message: '同一映射中这个键出现了两次', hint: '删除其中一个，或给其中一个改名' }
            : secondDocument
              ? { message: '一个情景文件只能有一个文档：请删除第二个 `---`', hint: '`---` 表示新文档开始：要保留后面的内容就删掉这一行；两个情景请分别存为两个文件' }
              : { message: 'YAML 语法错误：请检查此处的缩进、冒号、引号和括号是否配对', ...(fullWidth ? { hint: fullWidth.zh } : {}) },
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
  const notes: Problem[] = [];
  if ((data as Record<string, unknown>).format === FORMAT_V1) {
    // The migrated nodes keep their ranges: problems found below still point into `text`.
    notes.push(place(V1_NOTE));
    migrateV1toV2(doc, text);
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  }

  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    return fail(schemaFindings(scenarioSchema, data, parsed.error.issues).map((f) => place(f, f.rule === 'unknown-field')).sort(byPosition));
  }
  const findings = [...lint(parsed.data), ...basemapFindings(parsed.data, options.readBeside)];
  if (findings.length > 0) return fail(findings.map((f) => place(f)).sort(byPosition));
  return notes.length > 0 ? { ok: true, scenario: parsed.data, notes } : { ok: true, scenario: parsed.data };
}

const V1_NOTE: Finding = {
  path: ['format'],
  rule: 'format-v1',
  message: 'v1 file: run npx quake-drill migrate <file> to update',
  hint: `it loads as it is (read as ${FORMAT_V2}); migrate writes the new format line and the outcome figures v1 implied, keeping comments and layout`,
  zh: { message: '第 1 版格式文件：运行 npx quake-drill migrate <文件> 升级', hint: `现在也能照常加载（按 ${FORMAT_V2} 读取）；migrate 会改写格式行并写出第 1 版隐含的结果指标，注释和排版保持不变` },
};

function checkFormat(data: unknown): Finding | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { path: [], rule: 'format', message: 'a scenario file is a mapping that starts with `format:`', hint: `begin the file with: format: ${FORMAT_V2}`, zh: { message: '情景文件应是以 `format:` 开头的映射', hint: `文件第一行写：format: ${FORMAT_V2}` } };
  }
  const format = (data as Record<string, unknown>).format;
  if (format === undefined) return { path: [], rule: 'format', message: "missing field 'format'", hint: `begin the file with: format: ${FORMAT_V2}`, zh: { message: "缺少字段 'format'", hint: `文件第一行写：format: ${FORMAT_V2}` } };
  if (format === FORMAT_V1 || format === FORMAT_V2) return undefined;
  // Only a later version is one a newer release wrote; "@0" is a typo like any other.
  const version = typeof format === 'string' ? Number(FORMAT_RE.exec(format)?.[1] ?? 0) : 0;
  if (version > 2) {
    return {
      path: ['format'],
      rule: 'format',
      message: `this file is format version ${version}; this Quake Drill reads versions 1 and 2`,
      expected: FORMAT_V2,
      hint: 'a newer Quake Drill wrote it: open it with that release or a later one',
      zh: { message: `此文件为第 ${version} 版格式；本程序只能读取第 1、2 版`, hint: '它由更新版本的震演程序编写：请用该版本或更新的版本打开' },
    };
  }
  return {
    path: ['format'],
    rule: 'format',
    message: `'${String(format)}' is not a Quake Drill scenario format`,
    expected: FORMAT_V2,
    hint: `use: format: ${FORMAT_V2}`,
    zh: { message: `'${String(format)}' 不是情景文件格式`, hint: `请写：format: ${FORMAT_V2}` },
  };
}

function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const last = problems[MAX_PROBLEMS - 1]!;
  const more = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), { ...last, path: [], rule: 'more', message: `and ${more.toLocaleString('en')} more problems`, expected: undefined, hint: 'fix these first', zh: { message: `另有 ${more.toLocaleString('en')} 处问题`, hint: '请先改正以上问题' } }];
}

/**
 * A Chinese input method's full-width colon or comma where YAML needs its own (`magnitude：5.8`,
 * `{ zh: 岔沟，en: Chagou }`): the parser's words do not say so, so the line the error is on is read.
 */
function fullWidthHint(text: string, offset: number): { en: string; zh: string } | undefined {
  const end = text.indexOf('\n', offset);
  const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, end === -1 ? undefined : end);
  // A key ending in '：' (`magnitude：5.8`, `- id：x`), or '，' before the next key of a { } line: not a '：' in text.
  if (/^\s*(?:- )?[^\s:'"#]+：/.test(line)) return { en: "the full-width colon '：' is not YAML's: after a key type the English colon and a space ': '", zh: '全角冒号“：”不是 YAML 的冒号：键后面要用英文冒号加空格“: ”' };
  if (/[{[].*，\s*[A-Za-z][\w-]*\s*:/.test(line)) return { en: "inside { } or [ ] the full-width comma '，' does not separate items: type the English comma ', '", zh: '在 { } 或 [ ] 中，全角逗号“，”不能分隔各项：请用英文逗号加空格“, ”' };
  return undefined;
}

const firstLine = (s: string) => s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
const byPosition = (a: Problem, b: Problem) => a.line - b.line || a.column - b.column;

