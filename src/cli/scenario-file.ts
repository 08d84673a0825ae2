// Reading a scenario file for a command: the scenario, or its problems positioned in the file.
import { loadScenario, type Problem, type Scenario } from '../scenario/index.ts';
import { readText } from './read-text.ts';

const WHAT = 'a scenario is a YAML text file, e.g. scenarios/haicheng-m5.8.yaml';

export async function readScenarioFile(file: string): Promise<{ ok: true; scenario: Scenario } | { ok: false; problems: Problem[] }> {
  const read = await readText(file, WHAT);
  if (!read.ok) return { ok: false, problems: [{ file, path: [], rule: 'read', ...read.problem }] };
  return loadScenario(read.text, file);
}
