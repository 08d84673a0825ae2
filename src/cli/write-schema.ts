// `npm run schema`: writes the scenario JSON Schema that editors read (public/schema/scenario-v2.json)
// and the field reference (scenarios/REFERENCE.md); a test fails when either is stale. The v1 schema
// beside it is kept as it was published, for the files that still name it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { schemaFiles } from './schema-files.ts';

const root = new URL('../..', import.meta.url).pathname;
for (const { path, text } of await schemaFiles(root)) {
  await writeFile(join(root, path), text);
  console.log(`wrote ${path}`);
}
