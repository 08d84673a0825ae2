import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../src/cli/schema-files.ts';
import { scenarioJsonSchemaText } from '../../src/scenario/index.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const committed = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

describe('the committed JSON Schema and reference', () => {
  it('public/schema/scenario-v2.json and scenarios/REFERENCE.md are what `npm run schema` writes (run it after changing the format)', async () => {
    const files = await schemaFiles(ROOT);
    expect(files.map((f) => f.path)).toEqual(['public/schema/scenario-v2.json', 'scenarios/REFERENCE.md']);
    for (const { path, text } of files) expect(committed(path), `${path} is stale: run npm run schema`).toBe(text);
  });

  it('the v2 schema names itself and the format it checks', () => {
    const schema = JSON.parse(scenarioJsonSchemaText());
    expect(schema.$id).toBe('urn:quake-drill:scenario:2');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.format.const).toBe('quake-drill/scenario@2');
  });

  it('the v1 schema stays as published, for the files that still name it', () => {
    const v1 = JSON.parse(committed('public/schema/scenario-v1.json'));
    expect(v1.properties.format.const).toBe('quake-drill/scenario@1');
    expect(Object.keys(v1.properties)).toEqual(['format', 'meta', 'earthquake', 'region', 'organisation', 'responseLevels', 'nodes', 'injects', 'cascades', 'decisions', 'scoring']);
  });

  it('documents every property for editors', () => {
    const schema = JSON.parse(scenarioJsonSchemaText());
    const undocumented: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties) {
        for (const [key, value] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          if (!value.description && !value.$ref) undocumented.push(`${where}.${key}`);
          walk(value, `${where}.${key}`);
        }
      }
      for (const k of ['items', 'anyOf', 'oneOf', 'allOf', 'prefixItems', '$defs']) {
        const child = n[k];
        if (Array.isArray(child)) child.forEach((c, i) => walk(c, `${where}.${k}[${i}]`));
        else if (child && typeof child === 'object') {
          if (k === '$defs') for (const [name, def] of Object.entries(child)) walk(def, `#${name}`);
          else walk(child, `${where}.${k}`);
        }
      }
    };
    walk(schema, '');
    expect(undocumented).toEqual([]);
  });
});
