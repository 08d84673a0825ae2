// Reading a scenario file for a command: the scenario, or its problems positioned in the file.
import { readFile } from 'node:fs/promises';
import { loadScenario, type Problem, type Scenario } from '../scenario/index.ts';

export async function readScenarioFile(file: string): Promise<{ ok: true; scenario: Scenario } | { ok: false; problems: Problem[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { ok: false, problems: [{ file, line: 1, column: 1, path: [], rule: 'read', message: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, hint: 'check the path' }] };
  }
  return loadScenario(text, file);
}
