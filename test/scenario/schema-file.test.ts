import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../../src/scenario/index.ts';

describe('the committed JSON Schema', () => {
  it('is what `npm run schema` writes from the zod definition (run it after changing the format)', () => {
    const committed = readFileSync(new URL('../../public/schema/scenario-v1.json', import.meta.url), 'utf8');
    expect(committed).toBe(scenarioJsonSchemaText());
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
