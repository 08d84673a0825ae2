// The files `npm run schema` writes from the format's definition — the JSON Schema editors read and
// the trainers' field reference — and a test keeps the committed ones current.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SCHEMA_PATH, scenarioJsonSchemaText } from '../scenario/json-schema.ts';
import { referenceMarkdown } from '../scenario/reference.ts';
import { REFERENCE_ZH } from '../scenario/reference-zh.ts';

/** Paths relative to the repository root, with the text each must hold. */
export async function schemaFiles(root: string): Promise<{ path: string; text: string }[]> {
  const schemaText = scenarioJsonSchemaText();
  // The examples come from the shipped scenarios, the smallest first: its values are the plainest.
  const names = (await readdir(join(root, 'scenarios'))).filter((n) => n.endsWith('.yaml')).sort((a, b) => Number(b === 'minimal.yaml') - Number(a === 'minimal.yaml') || a.localeCompare(b));
  const examples = await Promise.all(names.map(async (name) => ({ file: `scenarios/${name}`, data: parse(await readFile(join(root, 'scenarios', name), 'utf8')) as unknown })));
  const reference = referenceMarkdown({ schema: JSON.parse(schemaText), zh: REFERENCE_ZH, examples, title: '情景文件字段参考 / Scenario file reference (format v2)' });
  return [
    // public/ is the site's root (vite, `quake-drill serve`): the file is served at SCHEMA_PATH.
    { path: `public${SCHEMA_PATH}`, text: schemaText },
    { path: 'scenarios/REFERENCE.md', text: reference },
  ];
}
