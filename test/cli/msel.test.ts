import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenario, parseDuration } from '../../src/scenario/index.ts';
import { HEADER, ROWS, TITLE } from '../fixtures/msel/make-sample.ts';
import { MINIMAL, quakeDrill, tempDir } from './helpers.ts';

const SAMPLE = 'test/fixtures/msel/sample';
/** Sheet row 6 (a title row and the header above the data) sends its inject by 传真, fax. */
const FAX_ROW = 6;
const FAX_INDEX = FAX_ROW - 3;

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const xlsxCells = async (file: string) => (await readSheet(file)).map((row) => row.map(text));
const csvCells = (file: string) => {
  const raw = readFileSync(file, 'utf8');
  expect(raw.startsWith('\uFEFF'), 'a BOM, so Excel reads the CSV as UTF-8').toBe(true);
  return Papa.parse<string[]>(raw.slice(1)).data;
};

/** The sheet's rows as header → cell, keyed by the 编号 column. */
function byId(cells: string[][]): Map<string, Record<string, string>> {
  const h = cells.findIndex((row) => row.includes('注入内容'));
  const header = cells[h]!;
  return new Map(cells.slice(h + 1).map((row) => [row[header.indexOf('编号')]!, Object.fromEntries(header.map((name, i) => [name, row[i] ?? '']))]));
}

describe('the sample MSEL fixture', () => {
  it('is the sheet make-sample.ts writes: a title row, the header, seven injects', async () => {
    expect(await xlsxCells(`${SAMPLE}.xlsx`)).toEqual([[TITLE, ...Array(HEADER.length - 1).fill('')], HEADER, ...ROWS]);
    expect(csvCells(`${SAMPLE}.csv`)).toEqual([[TITLE], HEADER, ...ROWS]);
  });
});

describe.each(['xlsx', 'csv'] as const)('import-msel then export-msel (%s)', (kind) => {
  const tmp = tempDir();
  const skeleton = join(tmp.dir, 'skeleton.yaml');
  const back = join(tmp.dir, `back.${kind}`);
  let imported: Awaited<ReturnType<typeof quakeDrill>>;
  let exported: Awaited<ReturnType<typeof quakeDrill>>;
  const read = (file: string) => (kind === 'xlsx' ? xlsxCells(file) : Promise.resolve(csvCells(file)));

  beforeAll(async () => {
    imported = await quakeDrill(['import-msel', `${SAMPLE}.${kind}`, '--out', skeleton, '--lang', 'en']);
    exported = await quakeDrill(['export-msel', skeleton, '--out', back, '--lang', 'en']);
  }, 60_000);

  it('reports the fax row at its sheet row, and exits 1', () => {
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain(`${SAMPLE}.${kind}:row ${FAX_ROW}: 注入方式 "传真" is not one of 文字, 电话, 报告, 视频, 图片, 电台, 会议`);
    expect(imported.stderr).toContain('1 row(s) with problems');
    expect(imported.stderr).toContain('2 node(s), 6 inject(s), 6 receiving unit(s)');
  });

  it('gives back every cell of every row it took', async () => {
    expect(exported.code).toBe(0);
    const original = ROWS.filter((_, i) => i !== FAX_INDEX);
    const rows = byId(await read(back));
    expect([...rows.keys()]).toEqual(original.map((r) => r[0]));
    for (const row of original) expect(HEADER.map((h) => rows.get(row[0]!)![h])).toEqual(row);
  });

  it('once the fax is a phone call, every row round-trips', async () => {
    const fixed = [[TITLE], HEADER, ...ROWS.map((r, i) => (i === FAX_INDEX ? r.map((c) => (c === '传真' ? '电话' : c)) : r))];
    const sheet = join(tmp.dir, `fixed.${kind}`);
    if (kind === 'xlsx') await writeXlsxFile(fixed.map((row) => row.map((value) => ({ value, type: String })))).toFile(sheet);
    else writeFileSync(sheet, `\uFEFF${Papa.unparse(fixed)}`);
    const again = join(tmp.dir, 'again.yaml');
    expect((await quakeDrill(['import-msel', sheet, '--out', again])).code).toBe(0);
    const out = join(tmp.dir, `again.${kind}`);
    expect((await quakeDrill(['export-msel', again, '--out', out])).code).toBe(0);
    const rows = byId(await read(out));
    for (const row of fixed.slice(2)) expect(HEADER.map((h) => rows.get(row[0]!)![h])).toEqual(row);
  });
});

describe('export-msel of the minimal example, imported again', () => {
  it('gives the same injects (what a sheet carries: id, node, T+, text, via, receiving units)', async () => {
    const tmp = tempDir();
    const csv = join(tmp.dir, 'm.csv');
    const yaml = join(tmp.dir, 'm.yaml');
    expect((await quakeDrill(['export-msel', MINIMAL, '--out', csv])).code).toBe(0);
    expect((await quakeDrill(['import-msel', csv, '--out', yaml])).code).toBe(0);
    const loaded = loadScenario(readFileSync(MINIMAL, 'utf8'), MINIMAL);
    if (!loaded.ok) throw new Error('minimal.yaml does not load');
    const carried = ({ id, at, title, narrative, to, via, question, expected }: Record<string, unknown>) => ({ id, at, title, narrative, to, via, question, expected });
    const doc = parse(readFileSync(yaml, 'utf8')) as { injects: Record<string, unknown>[]; nodes: { id: string; name: unknown; phase: string }[] };
    // The skeleton writes offsets as durations ("2m"); the scenario holds them in ms.
    const ms = (at: { node: string; offset: string }) => ({ node: at.node, offset: parseDuration(at.offset) });
    expect(doc.injects.map((x) => carried({ ...x, at: ms(x.at as { node: string; offset: string }) }))).toEqual(loaded.scenario.injects.map((x) => carried(x)));
    expect(doc.injects[0]!.at).toEqual({ node: 'n1', offset: '2m' });
    // Only n1 has injects: a sheet has no row for a node without one.
    expect(doc.nodes.map((n) => [n.id, n.name, n.phase])).toEqual([['n1', { zh: '震后响应' }, 'response']]);
  });
});

describe('import-msel and export-msel refuse what they cannot do', () => {
  it('an .xls, a sheet without a header row, a GBK CSV, a file that is not a workbook', async () => {
    const tmp = tempDir();
    const xls = tmp.file('old.xls', 'x');
    expect(await quakeDrill(['import-msel', xls, '--lang', 'en'])).toMatchObject({ code: 1, stderr: expect.stringContaining('reads and writes .xlsx or .csv spreadsheets only') });
    const bare = tmp.file('bare.csv', '标题,备注\na,b\n');
    expect(await quakeDrill(['import-msel', bare, '--lang', 'en'])).toMatchObject({ code: 1, stderr: expect.stringContaining(`${bare}: no header row in the first 20 rows`) });
    // 编号 in GBK (B1 E0 BA C5): Excel's default "CSV" in Chinese Windows.
    const gbk = join(tmp.dir, 'gbk.csv');
    writeFileSync(gbk, Buffer.from([0xb1, 0xe0, 0xba, 0xc5, 0x0a]));
    expect(await quakeDrill(['import-msel', gbk, '--lang', 'en'])).toMatchObject({ code: 1, stderr: expect.stringContaining(`${gbk}:1:1: the file is not UTF-8 text\n  hint: save it as UTF-8`) });
    const fake = tmp.file('fake.xlsx', 'not a zip');
    expect(await quakeDrill(['import-msel', fake, '--lang', 'zh'])).toMatchObject({ code: 1, stderr: expect.stringContaining('无法作为 Excel 工作簿读取') });
  });

  it('--out never replaces a file import-msel did not write, nor the sheet itself', async () => {
    const tmp = tempDir();
    const precious = tmp.file('scenario.yaml', 'format: quake-drill/scenario@1\n');
    const r = await quakeDrill(['import-msel', `${SAMPLE}.csv`, '--out', precious, '--lang', 'en']);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('refusing to overwrite') });
    expect(readFileSync(precious, 'utf8')).toBe('format: quake-drill/scenario@1\n');
  });

  it('export-msel needs --out, and shows a broken scenario\'s problems at file:line:col', async () => {
    expect((await quakeDrill(['export-msel', MINIMAL])).code).toBe(2);
    const tmp = tempDir();
    const broken = tmp.file('broken.yaml', 'nodes: [\n');
    const r = await quakeDrill(['export-msel', broken, '--out', join(tmp.dir, 'x.csv'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `, 'm'));
  });
});
