// `quake-drill report <drill.jsonl>`: replays a recorded drill from its log, with the evaluators'
// review record beside it, and writes the 演练评估报告 (default), the 演练总结报告 or the HSEEP AAR/IP
// as one self-contained HTML page, Markdown, JSON (the report model, scores as `run --json` prints
// them), one CSV row per decision, or a PDF printed from the HTML by the system Chromium.
import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { decisionsCsv } from '../review/csv.ts';
import { reviewFileFor } from '../review/record.ts';
import { buildReport, REPORT_KINDS, reportHtml, reportJson, reportMarkdown, type ReportKind } from '../review/report/index.ts';
import { indexScenario } from '../scoring/index.ts';
import { readDrillFile } from './drill-file.ts';
import type { Lang } from './lang.ts';
import { readReviewFile } from './review-file.ts';

const FORMATS = ['html', 'md', 'json', 'csv', 'pdf'] as const;
type Format = (typeof FORMATS)[number];
const USAGE = 'usage: quake-drill report <drill.jsonl> [--format html|md|json|csv|pdf] [--kind evaluation|summary|aar] [--review <file>] [--out <file>] [--untrusted] [--lang zh|en]';
/** A print of the whole report takes a few seconds; a hung browser must not hang the command. */
const PRINT_TIMEOUT_MS = 120_000;

const WORDS = {
  zh: {
    wrote: (f: string) => `已写入 ${f}`,
    noChromium: (html: string) => `未找到 Chromium（PATH 中的 chromium 或 chromium-browser，或环境变量 $CHROMIUM），无法打印 PDF：已改为写出 HTML ${html}，可在浏览器中打开并打印为 PDF`,
    printFailed: (why: string) => `Chromium 打印 PDF 失败：${why}`,
    self: '--out 不能是演练记录或其评估记录本身',
  },
  en: {
    wrote: (f: string) => `wrote ${f}`,
    noChromium: (html: string) => `no Chromium found (chromium or chromium-browser on PATH, or $CHROMIUM), so no PDF: wrote the HTML ${html} instead — open it in a browser and print it to PDF`,
    printFailed: (why: string) => `Chromium could not print the PDF: ${why}`,
    self: '--out must not be the drill log or its review file',
  },
} as const;

export async function report(args: string[], lang: Lang = 'en'): Promise<number> {
  let values: { format?: string; kind?: string; review?: string; out?: string; untrusted?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, kind: { type: 'string' }, review: { type: 'string' }, out: { type: 'string' }, untrusted: { type: 'boolean' } },
    }));
  } catch (e) {
    console.error(`quake-drill report: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const format = (values.format ?? 'md') as Format;
  const kind = (values.kind ?? 'evaluation') as ReportKind;
  const usage = positionals.length !== 1
    ? 'give one drill log'
    : !FORMATS.includes(format)
      ? `unknown format '${format}': use ${FORMATS.join(', ')}`
      : !REPORT_KINDS.includes(kind)
        ? `unknown kind '${kind}': use ${REPORT_KINDS.join(', ')}`
        : undefined;
  if (usage) {
    console.error(`quake-drill report: ${usage}\n${USAGE}`);
    return 2;
  }
  const file = positionals[0]!;
  const words = WORDS[lang];
  const out = values.out ?? (format === 'pdf' ? `${file.replace(/\.jsonl$/i, '')}.${kind}.pdf` : undefined);
  if (out && [resolve(file), resolve(reviewFileFor(file)), values.review && resolve(values.review)].includes(resolve(out))) {
    console.error(`quake-drill report: ${words.self}\n${USAGE}`);
    return 2;
  }

  const drill = await readDrillFile(file, lang, { untrusted: values.untrusted });
  if (!drill.ok) return drill.code;
  const { header, scenario, log, trust } = drill;
  const review = await readReviewFile(file, header.drill, new Set(indexScenario(scenario).seats.keys()), values.review);
  if (!review.ok) return review.code;

  const model = buildReport({ scenario, header, log, trust, record: review.record, logFile: file });
  if (format === 'pdf') return printPdf(reportHtml(model, kind), out!, lang);
  const text = format === 'html' ? reportHtml(model, kind) : format === 'md' ? reportMarkdown(model, kind) : format === 'json' ? reportJson(model) : decisionsCsv(model.scores);
  if (out) {
    await writeFile(out, text);
    console.error(words.wrote(out));
  } else process.stdout.write(text);
  return 0;
}

/** The system Chromium: $CHROMIUM, else chromium or chromium-browser on PATH. */
async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const runnable = async (p: string) => access(p, constants.X_OK).then(() => true, () => false);
  if (env.CHROMIUM) return (await runnable(env.CHROMIUM)) ? env.CHROMIUM : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const p = join(dir, name);
      if (await runnable(p)) return p;
    }
  }
  return undefined;
}

async function printPdf(html: string, out: string, lang: Lang): Promise<number> {
  const words = WORDS[lang];
  const chromium = await findChromium();
  if (!chromium) {
    const beside = `${out.replace(/\.pdf$/i, '')}.html`;
    await writeFile(beside, html);
    console.error(words.noChromium(beside));
    return 0;
  }
  const dir = await mkdtemp(join(tmpdir(), 'quake-drill-report-'));
  try {
    const page = join(dir, 'report.html');
    await writeFile(page, html);
    await promisify(execFile)(
      chromium,
      ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--user-data-dir=${join(dir, 'profile')}`, `--print-to-pdf=${resolve(out)}`, pathToFileURL(page).href],
      { timeout: PRINT_TIMEOUT_MS },
    );
  } catch (e) {
    console.error(`quake-drill report: ${words.printFailed((e as Error).message.split('\n')[0]!)}`);
    return 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.error(words.wrote(out));
  return 0;
}
