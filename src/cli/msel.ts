// `quake-drill import-msel <msel.xlsx|msel.csv> [--out skeleton.yaml]`: a spreadsheet MSEL (演练脚本)
// to a scenario skeleton, with a problem per bad cell at its row; and `quake-drill export-msel
// <scenario.yaml> --out msel.xlsx|msel.csv`: the scenario's injects as the same columns, so a sheet
// round-trips. The columns and the conversion are src/scenario/msel.ts; this file reads and writes.
import { stat, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { parse as parseYaml } from 'yaml';
import { formatProblem, loadScenario } from '../scenario/index.ts';
import { mselColumnsFor, mselRows, mselSourceOf, rowsToYamlSkeleton, sheetRows, type MselSource } from '../scenario/msel.ts';
import { fill } from './messages.ts';
import type { Lang } from './lang.ts';
import { head, readText } from './read-text.ts';
import { SCENARIO_FILE } from './scenario-file.ts';

const IMPORT_USAGE = 'usage: quake-drill import-msel <msel.xlsx|msel.csv> [--out skeleton.yaml] [--lang zh|en]';
const EXPORT_USAGE = 'usage: quake-drill export-msel <scenario.yaml> --out msel.xlsx|msel.csv [--lang zh|en]';
/** The first line of every skeleton import-msel writes: --out may replace such a file, never another. */
const SKELETON_MARK = '# A scenario skeleton from ';
/** Excel opens a CSV as UTF-8 only when it starts with a byte-order mark; without one, Chinese turns to mojibake. */
const BOM = '\uFEFF';

const zh = {
  kinds: '只能读写 .xlsx 或 .csv 电子表格（.xls 请在 Excel/WPS 中另存为 .xlsx）',
  notWorkbook: '无法作为 Excel 工作簿读取：{why}',
  notWorkbookHint: '在 Excel 或 WPS 中另存为 .xlsx（Excel 工作簿）',
  problems: '{n} 行有问题，已作为注释留在骨架末尾；改正表格后重新导入',
  wrote: '已写入 {out}：{nodes} 个环节，{injects} 条注入，{seats} 个接收单位',
  overwrite: '--out 指向的文件已存在且不是 import-msel 生成的骨架：拒绝覆盖',
  overwriteHint: '换一个文件名，或确认不再需要后先删除它',
  same: '--out 与输入是同一个文件：拒绝覆盖',
  partial: '{file} 还不是完整的情景文件（{n} 处问题）；已导出其中的环节和注入',
  exported: '已写入 {out}：{rows} 行',
  ignored: '忽略了无法识别的列：{cols}',
};
const en: Record<keyof typeof zh, string> = {
  kinds: 'reads and writes .xlsx or .csv spreadsheets only (save an .xls as .xlsx in Excel or WPS)',
  notWorkbook: 'cannot read this as an Excel workbook: {why}',
  notWorkbookHint: 'save it from Excel or WPS as .xlsx (Excel workbook)',
  problems: '{n} row(s) with problems, left as comments at the end of the skeleton; fix the sheet and import it again',
  wrote: 'wrote {out}: {nodes} node(s), {injects} inject(s), {seats} receiving unit(s)',
  overwrite: '--out names a file that exists and is not a skeleton import-msel wrote: refusing to overwrite it',
  overwriteHint: 'give another name, or delete the file first if it may go',
  same: '--out is the input file: refusing to overwrite it',
  partial: '{file} is not a whole scenario yet ({n} problem(s)); exported its nodes and injects',
  exported: 'wrote {out}: {rows} row(s)',
  ignored: 'ignored the columns it does not know: {cols}',
};
const say = (lang: Lang, key: keyof typeof zh, vars: Record<string, string | number> = {}) => fill((lang === 'zh' ? zh : en)[key], vars);

type Kind = 'xlsx' | 'csv';
const kindOf = (file: string): Kind | undefined => ({ '.xlsx': 'xlsx', '.csv': 'csv' } as const)[extname(file).toLowerCase() as '.xlsx' | '.csv'];

function parse(args: string[], usage: string, needOut: boolean): { file: string; out: string | undefined } | string {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  } catch (e) {
    return `${(e as Error).message}\n${usage}`;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return `${positionals.length ? `one file at a time, not ${positionals.length}` : 'which file?'}\n${usage}`;
  if (needOut && !values.out) return `--out is needed: msel.xlsx or msel.csv\n${usage}`;
  return { file: positionals[0]!, out: values.out };
}

/** A cell as the sheet shows it: Excel keeps times of day as dates on 1899-12-30/31. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (v.getUTCFullYear() > 1900) return v.toISOString();
    const s = Math.round((v.getTime() - Date.UTC(1899, 11, 30)) / 1000);
    return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  }
  return String(v);
}

async function readCells(file: string, kind: Kind, lang: Lang): Promise<string[][] | string> {
  if (kind === 'csv') {
    const read = await readText(file, 'an MSEL is a .csv saved as UTF-8 or an .xlsx workbook');
    if (!read.ok) return `${file}:${read.problem.line}:${read.problem.column}: ${read.problem.message}\n  hint: ${read.problem.hint}`;
    const text = read.text.startsWith(BOM) ? read.text.slice(1) : read.text;
    return Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
  }
  try {
    return (await readSheet(file)).map((row) => row.map(cellText));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return `${file}: ${say(lang, 'notWorkbook', { why: code ?? (e as Error).message })}\n  hint: ${say(lang, 'notWorkbookHint')}`;
  }
}

export async function importMsel(args: string[], lang: Lang = 'en'): Promise<number> {
  const a = parse(args, IMPORT_USAGE, false);
  if (typeof a === 'string') {
    console.error(`quake-drill import-msel: ${a}`);
    return 2;
  }
  const kind = kindOf(a.file);
  if (!kind) {
    console.error(`${a.file}: ${say(lang, 'kinds')}`);
    return 1;
  }
  const refused = a.out === undefined ? undefined : await skeletonOutProblem(a.file, a.out, lang);
  if (refused) {
    console.error(`${a.out}: ${refused}`);
    return 1;
  }
  const cells = await readCells(a.file, kind, lang);
  if (typeof cells === 'string') {
    console.error(cells);
    return 1;
  }
  const sheet = sheetRows(cells);
  if (!sheet.ok) {
    console.error(`${a.file}: ${sheet.message[lang]}`);
    return 1;
  }
  if (sheet.ignored.length) console.error(`${a.file}: ${say(lang, 'ignored', { cols: sheet.ignored.join(', ') })}`);
  const { yaml, problems } = rowsToYamlSkeleton(sheet.rows, basename(a.file));
  for (const p of problems) console.error(`${a.file}:row ${p.row}: ${p.message[lang]}`);
  const bad = new Set(problems.map((p) => p.row)).size;
  if (bad) console.error(say(lang, 'problems', { n: bad }));
  if (a.out === undefined) process.stdout.write(yaml);
  else {
    try {
      await writeFile(a.out, yaml);
    } catch (e) {
      console.error(`${a.out}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n  hint: check that the folder exists and is writable`);
      return 1;
    }
    const source = mselSourceOf(parseYaml(yaml));
    console.error(say(lang, 'wrote', { out: a.out, nodes: source?.nodes.length ?? 0, injects: source?.injects.length ?? 0, seats: source?.organisation?.units?.length ?? 0 }));
  }
  return problems.length ? 1 : 0;
}

/** Why import-msel must not write `out`: it is the sheet itself, or an existing file it did not write. */
async function skeletonOutProblem(input: string, out: string, lang: Lang): Promise<string | undefined> {
  const target = await stat(out).catch(() => undefined);
  if (!target) return undefined;
  const source = await stat(input).catch(() => undefined);
  if (source && source.dev === target.dev && source.ino === target.ino) return say(lang, 'same');
  if (target.isFile() && (target.size === 0 || (await head(out, SKELETON_MARK.length)).toString('utf8') === SKELETON_MARK)) return undefined;
  return `${say(lang, 'overwrite')}\n  hint: ${say(lang, 'overwriteHint')}`;
}

/** The MSEL of a scenario file: the whole scenario, or, for a skeleton not yet complete, its nodes and injects. */
async function readSource(file: string, lang: Lang): Promise<MselSource | undefined> {
  const read = await readText(file, SCENARIO_FILE);
  if (!read.ok) {
    console.error(`${file}:${read.problem.line}:${read.problem.column}: ${read.problem.message}\n  hint: ${read.problem.hint}`);
    return undefined;
  }
  const loaded = loadScenario(read.text, file);
  if (loaded.ok) return loaded.scenario;
  let doc: unknown;
  try {
    doc = parseYaml(read.text);
  } catch {
    doc = undefined;
  }
  const partial = mselSourceOf(doc);
  if (partial) {
    console.error(say(lang, 'partial', { file, n: loaded.problems.length }));
    return partial;
  }
  console.error(loaded.problems.map((p) => formatProblem(p, lang)).join('\n'));
  return undefined;
}

export async function exportMsel(args: string[], lang: Lang = 'en'): Promise<number> {
  const a = parse(args, EXPORT_USAGE, true);
  if (typeof a === 'string') {
    console.error(`quake-drill export-msel: ${a}`);
    return 2;
  }
  const out = a.out!;
  const kind = kindOf(out);
  if (!kind) {
    console.error(`${out}: ${say(lang, 'kinds')}`);
    return 1;
  }
  const source = await readSource(a.file, lang);
  if (!source) return 1;
  const rows = mselRows(source);
  const columns = mselColumnsFor(rows);
  const header = columns.map((c) => c.zh);
  const data = rows.map((r) => columns.map((c) => r[c.key]));
  try {
    if (kind === 'csv') await writeFile(out, BOM + Papa.unparse({ fields: header, data }));
    else {
      await writeXlsxFile(
        [header.map((value) => ({ value, fontWeight: 'bold' as const })), ...data.map((row) => row.map((value) => ({ value, type: String })))],
        { sheet: '演练脚本', columns: columns.map((c) => ({ width: c.key === 'narrative' || c.key === 'narrativeEn' || c.key.startsWith('expected') ? 48 : c.key.startsWith('question') || c.key.startsWith('title') ? 24 : 12 })) },
      ).toFile(out);
    }
  } catch (e) {
    console.error(`${out}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n  hint: check that the folder exists and is writable`);
    return 1;
  }
  console.error(say(lang, 'exported', { out, rows: rows.length }));
  return 0;
}
