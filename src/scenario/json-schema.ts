import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

/** The JSON Schema editors use for autocomplete and hover docs (public/schema/scenario-v1.json). */
export function scenarioJsonSchemaText(): string {
  const schema = {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'Quake Drill scenario, format v1 (震演 情景文件)',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
