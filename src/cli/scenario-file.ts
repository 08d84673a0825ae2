// Reading a scenario file for a command: the scenario, or its problems positioned in the file.
import { formatProblem, loadScenario, type LoadResult, type Scenario } from '../scenario/index.ts';
import { besideFile } from './read-beside.ts';
import { readText } from './read-text.ts';

/** What a scenario file is, for the hint when a file cannot be read as one. */
export const SCENARIO_FILE = 'a scenario is a YAML text file, like those in scenarios/';

export async function readScenarioFile(file: string): Promise<LoadResult> {
  const read = await readText(file, SCENARIO_FILE);
  if (!read.ok) return { ok: false, problems: [{ file, path: [], rule: 'read', ...read.problem }] };
  return loadScenario(read.text, file, { readBeside: besideFile(file) });
}

/** Wrong use of a command: its message is printed with the usage line, exit 2. */
export class UsageError extends Error {}

/**
 * A scenario command's start: its arguments parsed and its scenario read, or the exit code after
 * saying what is wrong (2 for usage, 1 for the scenario's problems, each at file:line:col).
 */
export async function argsAndScenario<A extends { file: string }>(
  command: string,
  usage: string,
  parse: (args: string[]) => A,
  args: string[],
  lang: 'zh' | 'en' = 'en',
): Promise<{ args: A; scenario: Scenario } | number> {
  let parsed: A;
  try {
    parsed = parse(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`quake-drill ${command}: ${e.message}\n${usage}`);
    return 2;
  }
  const loaded = await readScenarioFile(parsed.file);
  if (!loaded.ok) {
    console.error(loaded.problems.map((p) => formatProblem(p, lang)).join('\n'));
    return 1;
  }
  return { args: parsed, scenario: loaded.scenario };
}
