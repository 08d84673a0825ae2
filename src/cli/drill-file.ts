// Reading a recorded drill for a command (`report`, `verify`, `compare`): the log parsed, its record
// checked (hash chain, header, end, and the scenario's digest), its scenario found and loaded, and
// the log replayed — or the first problem printed at file:line:1 and the exit code returned. A record
// that does not check out is refused unless the user asked to open it as untrusted.
import { access } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { createExercise, type LogEntry } from '../core/index.ts';
import { LOG_FORMAT_V1, parseLog, replay, scenarioDigest, type LogHeader, type LogProblem, type Trust } from '../review/index.ts';
import { formatProblem, type Scenario } from '../scenario/index.ts';
import { brokenText, type Broken } from '../review/trust-text.ts';
import type { Lang } from './lang.ts';
import { readText } from './read-text.ts';
import { readScenarioFile } from './scenario-file.ts';

export interface DrillFile {
  ok: true;
  scenario: Scenario;
  header: LogHeader;
  log: LogEntry[];
  /** `broken` only when the user opened it as untrusted; a changed scenario counts as broken too. */
  trust: Trust;
}

const WORDS = {
  zh: {
    refused: '记录不可信，拒绝读取；如确知原因，可加 --untrusted 以“不可信”标记打开',
    untrusted: '以“不可信”打开：以下结果不能作为演练记录的依据',
    unchained: '未经验证（无哈希链）：这是第 1 版格式的记录，无法判断是否被修改',
  },
  en: {
    refused: 'the record cannot be trusted, so it is not read; give --untrusted to open it marked as untrusted if you know why',
    untrusted: 'opened as untrusted: what follows is not evidence of the drill as recorded',
    unchained: 'unverified (no hash chain): a format 1 log, so a change to it cannot be detected',
  },
} as const;

/** The scenario found is not the one the drill was played on: the record is sound, but scoring it against this file is not. */
export const scenarioChanged = (found: string, digest: string, recorded: string): Broken => ({
  kind: 'broken',
  line: 1,
  seq: null,
  part: 'scenario',
  reason: `the scenario file has changed since this drill was recorded: ${found} has digest ${digest.slice(0, 12)}…, the drill was played on ${recorded.slice(0, 12)}…`,
});

export async function readDrillFile(file: string, lang: Lang, options: { untrusted?: boolean } = {}): Promise<DrillFile | { ok: false; code: number }> {
  const words = WORDS[lang];
  const problem = (p: LogProblem) => {
    console.error(`${file}:${p.line}:1: ${p.message}${p.hint ? `\n  hint: ${p.hint}` : ''}`);
    return { ok: false as const, code: 1 };
  };
  const warn = (line: number, message: string) => console.error(`${file}:${line}:1: warning: ${message}`);
  /** A record that does not check out: refused, or with --untrusted a warning and the mark. */
  const distrust = (broken: Broken) => {
    if (!options.untrusted) return problem({ line: broken.line, message: brokenText(broken, lang), hint: words.refused });
    warn(broken.line, `${brokenText(broken, lang)}; ${words.untrusted}`);
    return undefined;
  };

  const read = await readText(file, 'a drill log is the .jsonl text file that run --out or 导出推演记录 writes', 'log');
  if (!read.ok) return problem(read.problem);
  const parsed = parseLog(read.text);
  if (!parsed.ok) return problem(parsed.problem);
  const { header, log, lines } = parsed;
  let trust = parsed.trust;
  if (trust.kind === 'broken') {
    const refused = distrust(trust);
    if (refused) return refused;
  }
  if (header.format === LOG_FORMAT_V1) warn(1, words.unchained);

  const { found, candidates } = await locateScenario(file, header);
  if (!found) {
    return problem({ line: 1, message: `cannot find the scenario '${header.scenario}' this log was recorded with`, hint: `looked for ${candidates.join(' and ')}; run from the folder the log was recorded in, or fix "scenario" in the header` });
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
  if (header.format !== LOG_FORMAT_V1) {
    const digest = scenarioDigest(scenario);
    if (digest !== header.scenarioHash) {
      const changed = scenarioChanged(found, digest, header.scenarioHash);
      // The first break stays the one reported: a broken chain already marks the record.
      if (trust.kind !== 'broken') trust = changed;
      const refused = distrust(changed);
      if (refused) return refused;
    }
  }
  if (header.scenarioVersion !== undefined && header.scenarioVersion !== scenario.meta.version) {
    warn(1, `recorded with ${scenario.meta.id} ${header.scenarioVersion}, the file is now ${scenario.meta.version}; scores may differ from the live drill`);
  }

  // Only a check that the engine takes every entry: the report and the comparison replay as they need.
  try {
    replay(scenario, header.seed, log, header.until);
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
  return { ok: true, scenario, header, log, trust };
}

/** The scenario file a log's header names: from the working folder, else beside the log. */
export async function locateScenario(file: string, header: LogHeader): Promise<{ found: string | undefined; candidates: string[] }> {
  const candidates = isAbsolute(header.scenario) ? [header.scenario] : [...new Set([resolve(header.scenario), resolve(dirname(file), header.scenario)])];
  return { found: await firstExisting(candidates), candidates };
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
