// scenarios/REFERENCE.md is generated from the JSON Schema (src/scenario/reference.ts) with the Chinese of
// src/scenario/reference-zh.ts; schema-file.test.ts checks the committed file is current.
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../../src/scenario/index.ts';
import { referenceFields, referenceMarkdown } from '../../src/scenario/reference.ts';
import { REFERENCE_ZH } from '../../src/scenario/reference-zh.ts';

const all = () => {
  const { fields, blocks } = referenceFields(JSON.parse(scenarioJsonSchemaText()));
  return [...fields, ...blocks.flatMap((b) => b.fields)].map((f) => f.path);
};

describe('the Chinese of the reference', () => {
  it('every field of the format has a Chinese description (add it to src/scenario/reference-zh.ts)', () => {
    expect(all().filter((path) => !REFERENCE_ZH[path]?.trim())).toEqual([]);
  });

  it('every Chinese description names a field that exists', () => {
    const paths = new Set(all());
    expect(Object.keys(REFERENCE_ZH).filter((path) => !paths.has(path))).toEqual([]);
  });
});

describe('referenceMarkdown on a small schema', () => {
  // Worked out by hand: one required string with an example, an optional number range with a default,
  // a list of a building block, an enum; the block's own section; a | in a description is escaped.
  const schema = {
    type: 'object',
    properties: {
      id: { type: 'string', description: 'The id.' },
      level: { type: 'number', minimum: 0, maximum: 1, default: 0.5, description: 'A share | a fraction.' },
      names: { type: 'array', items: { $ref: '#/$defs/Text' }, description: 'Names.' },
      kind: { type: 'string', enum: ['a', 'b'] },
    },
    required: ['id'],
    $defs: { Text: { type: 'object', description: 'Two languages.', properties: { zh: { type: 'string', description: 'Chinese.' } }, required: ['zh'] } },
  };
  const zh = { id: '编号。', level: '比例。', names: '名称。', kind: '类别。', Text: '双语。', 'Text.zh': '中文。' };
  const md = referenceMarkdown({ schema, zh, examples: [{ file: 'a.yaml', data: { id: 'x-1', names: [{ zh: '甲' }] } }], title: 'T' });

  it('a row per field: path, type, default or required, example from the files, zh then en', () => {
    expect(md).toContain('| `id` | string | 必填 / required | `x-1` | 编号。<br>The id. |');
    expect(md).toContain('| `level` | number 0–1 | `0.5` |  | 比例。<br>A share \\| a fraction. |');
    expect(md).toContain('| `names` | list of [Text](#text) | — | `[ { zh: 甲 } ]` | 名称。<br>Names. |');
    expect(md).toContain('| `kind` | `a` \\| `b` | — |  | 类别。<br> |');
  });

  it('the building blocks get a section of their own, with their fields', () => {
    expect(md).toContain('### Text\n\n| 字段 / Field |');
    expect(md).toContain('| `Text.zh` | string | 必填 / required |  | 中文。<br>Chinese. |');
  });
});
