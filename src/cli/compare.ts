// `quake-drill compare <a.jsonl> <b.jsonl>`: two recorded drills of one scenario side by side on
// aligned scenario time — score and outcome deltas (a − b) by unit, capability and decision, and the
// sentences that say what the difference bought. Each record is checked as `report` checks it.
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ComparisonRefused, compareDrills, comparisonJson, comparisonMarkdown } from '../review/compare.ts';
import { readDrillFile } from './drill-file.ts';
import type { Lang } from './lang.ts';

const FORMATS = ['md', 'json'] as const;
const USAGE = 'usage: quake-drill compare <a.jsonl> <b.jsonl> [--format md|json] [--lang zh|en] [--untrusted]';

export async function compare(args: string[], lang: Lang = 'en'): Promise<number> {
  let values: { format?: string; untrusted?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, untrusted: { type: 'boolean' } } }));
  } catch (e) {
    console.error(`quake-drill compare: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const format = values.format ?? 'md';
  if (positionals.length !== 2 || !(FORMATS as readonly string[]).includes(format)) {
    console.error(`quake-drill compare: ${positionals.length !== 2 ? `give two drill logs, not ${positionals.length}` : `unknown format '${format}': use md or json`}\n${USAGE}`);
    return 2;
  }
  const drills = [];
  for (const file of positionals) {
    const read = await readDrillFile(file, lang, { untrusted: values.untrusted ?? false });
    if (!read.ok) return read.code;
    drills.push({ file, ...read });
  }
  const [a, b] = drills as [(typeof drills)[number], (typeof drills)[number]];
  // Two files of one name in different folders are still told apart.
  const [la, lb] = basename(a.file) === basename(b.file) ? [a.file, b.file] : [basename(a.file), basename(b.file)];
  try {
    const c = compareDrills(a.scenario, { label: la, header: a.header, log: a.log, trust: a.trust }, { label: lb, header: b.header, log: b.log, trust: b.trust });
    console.log(format === 'json' ? comparisonJson(c).trimEnd() : comparisonMarkdown(c, lang).trimEnd());
    return 0;
  } catch (e) {
    if (!(e instanceof ComparisonRefused)) throw e;
    console.error(`quake-drill compare: ${lang === 'zh' ? e.zh : e.message}`);
    return 1;
  }
}
