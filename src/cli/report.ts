// `quake-drill report <drill.jsonl>`: replays a recorded drill from its log and prints the scores —
// the same numbers as `run --json` — as a Markdown after-action report, JSON, or CSV.
import { access } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createExercise, type Exercise } from '../core/index.ts';
import { parseLog, replay, type LogProblem } from '../review/index.ts';
import { formatProblem } from '../scenario/index.ts';
import { aarMarkdown } from '../review/aar.ts';
import { decisionsCsv } from '../review/csv.ts';
import { drillJson } from '../review/drill-json.ts';
import type { Lang } from './lang.ts';
import { readScenarioFile } from './scenario-file.ts';
import { readText } from './read-text.ts';

const FORMATS = ['md', 'json', 'csv'] as const;
const USAGE = 'usage: quake-drill report <drill.jsonl> [--format md|json|csv] [--lang zh|en]';

/** The report in the CLI's language: the AAR's ratings (优, or "P 优" in English) and the scenario's problems. */
export async function report(args: string[], lang: Lang = 'en'): Promise<number> {
  let values: { format?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' } } }));
  } catch (e) {
    console.error(`quake-drill report: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const format = values.format ?? 'md';
  if (positionals.length !== 1 || !(FORMATS as readonly string[]).includes(format)) {
    console.error(`quake-drill report: ${positionals.length !== 1 ? 'give one drill log' : `unknown format '${format}': use md, json or csv`}\n${USAGE}`);
    return 2;
  }
  const file = positionals[0]!;
  const problem = (p: LogProblem) => {
    console.error(`${file}:${p.line}:1: ${p.message}${p.hint ? `\n  hint: ${p.hint}` : ''}`);
    return 1;
  };

  const read = await readText(file, 'a drill log is the .jsonl text file that run --out or 导出推演记录 writes', 'log');
  if (!read.ok) return problem(read.problem);
  const parsed = parseLog(read.text);
  if (!parsed.ok) return problem(parsed.problem);
  const { header, log, lines } = parsed;

  const candidates = isAbsolute(header.scenario) ? [header.scenario] : [resolve(header.scenario), resolve(dirname(file), header.scenario)];
  const found = await firstExisting(candidates);
  if (!found) {
    return problem({ line: 1, message: `cannot find the scenario '${header.scenario}' this log was recorded with`, hint: `looked for ${[...new Set(candidates)].join(' and ')}; run from the folder the log was recorded in, or fix "scenario" in the header` });
  }
  const loaded = await readScenarioFile(found);
  if (!loaded.ok) {
    console.error(loaded.problems.map((p) => formatProblem(p, lang)).join('\n'));
    return problem({ line: 1, message: `the scenario '${header.scenario}' this log names does not load (problems above)` });
  }
  const scenario = loaded.scenario;
  if (header.scenarioId !== undefined && header.scenarioId !== scenario.meta.id) {
    return problem({ line: 1, message: `this log was recorded with scenario '${header.scenarioId}', but ${header.scenario} is '${scenario.meta.id}'`, hint: 'point "scenario" in the header at the file the drill was played with' });
  }
  if (header.scenarioVersion !== undefined && header.scenarioVersion !== scenario.meta.version) {
    console.error(`${file}:1:1: warning: recorded with ${scenario.meta.id} ${header.scenarioVersion}, the file is now ${scenario.meta.version}; scores may differ from the live drill`);
  }

  let ex: Exercise;
  try {
    ex = replay(scenario, header.seed, log, header.until);
  } catch {
    // Find the entry the engine could not take, to say where it is.
    const probe = createExercise({ scenario, seed: header.seed });
    for (let i = 0; i < log.length; i++) {
      try {
        probe.apply(log[i]!);
      } catch (e) {
        return problem({ line: lines[i]!, message: `the engine cannot apply this entry: ${(e as Error).message}`, hint: 'the entry has the right shape but not a payload the engine understands; was it edited by hand?' });
      }
    }
    return problem({ line: 1, message: 'the log could not be replayed' });
  }

  const result = drillJson(header.scenario, scenario, header.seed, null, ex);
  if (format === 'json') console.log(JSON.stringify(result, null, 2));
  else if (format === 'csv') process.stdout.write(decisionsCsv(result));
  else console.log(aarMarkdown(result, scenario, ex.world.rejections, file, lang));
  return 0;
}

async function firstExisting(paths: string[]): Promise<string | undefined> {
  for (const p of paths) {
    try {
      await access(p);
      return p;
    } catch {
      // try the next
    }
  }
  return undefined;
}
