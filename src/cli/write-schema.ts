// `npm run schema`: writes the scenario JSON Schema that editors read; a test fails when it is stale.
import { writeFile } from 'node:fs/promises';
import { scenarioJsonSchemaText } from '../scenario/index.ts';

const file = new URL('../../public/schema/scenario-v1.json', import.meta.url);
await writeFile(file, scenarioJsonSchemaText());
console.log(`wrote ${file.pathname}`);
