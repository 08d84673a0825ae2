import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

/**
 * The JSON Schema's name. A name, not an address: nothing is fetched from it (a URN cannot be), so no
 * editor depends on a server that may not exist. Editors get the file by path or from wherever the app
 * is served, at SCHEMA_PATH (scenarios/README.md §2).
 */
export const SCHEMA_ID = 'urn:quake-drill:scenario:2';
/** Where the app (vite, `quake-drill serve`) serves the schema: public/schema/ is copied to the site's root. */
export const SCHEMA_PATH = '/schema/scenario-v2.json';

/** The JSON Schema editors use for autocomplete and hover docs (public/schema/scenario-v2.json). */
export function scenarioJsonSchemaText(): string {
  const { $schema, ...rest } = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' });
  const schema = { $schema, $id: SCHEMA_ID, title: 'Quake Drill scenario, format v2 (震演 情景文件)', ...rest };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
