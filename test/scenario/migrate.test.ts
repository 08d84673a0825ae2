// Format v1 → v2 (src/scenario/migrate.ts): the fixtures' expected v2 texts are written by hand
// (test/fixtures/migrate/*.v2.yaml: the v1 text with the format line, the modeline and the outcomes block
// changed, nothing else), and a v1 file loads in memory with every problem still pointing into its text.
import { readFileSync } from 'node:fs';
import { parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario, migrateText, migrateV1toV2, v1Form, type Problem } from '../../src/scenario/index.ts';
import { positionOf, problemsOf } from './helpers.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/migrate/${name}`, import.meta.url), 'utf8');
const V1 = fixture('minimal.v1.yaml');

/** The outcome set v1 implied, as the hand-written fixtures say it. */
const V1_SET = [
  'trapped-rescued',
  'response-level',
  'first-rescue',
  { kind: 'hours-without', incidents: ['hospital-power', 'hospital'], label: { zh: '医院断电（医院·小时）', en: 'Hospital-hours without power' } },
  'shelter',
  { kind: 'time-to-contain', incidents: ['chemical-leak'], label: { zh: '危化品泄漏控制', en: 'Chemical leak contained' } },
  'decisions',
];

function loaded(text: string) {
  const result = loadScenario(text, 'drill.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return result;
}

describe('migrateText: the v1 fixtures become the hand-written v2 texts', () => {
  it.each(['minimal', 'layout'])('%s.v1.yaml becomes its hand-written .v2.yaml, byte for byte', (name) => {
    expect(migrateText(fixture(`${name}.v1.yaml`))).toBe(fixture(`${name}.v2.yaml`));
  });

  it.each(['minimal', 'layout'])('%s: the v2 text loads, with no note, as the very scenario the v1 text loads as', (name) => {
    const before = loaded(fixture(`${name}.v1.yaml`));
    const after = loaded(fixture(`${name}.v2.yaml`));
    expect(after.notes).toBeUndefined();
    expect(after.scenario).toEqual(before.scenario);
    expect(after.scenario.format).toBe('quake-drill/scenario@2');
    expect(after.scenario.outcomes).toEqual(V1_SET);
  });

  it('a file saved with CRLF line ends keeps them, in the lines it adds too', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    expect(migrateText(crlf(V1))).toBe(crlf(fixture('minimal.v2.yaml')));
  });

  it('outcomes a v1 file already lists are kept: only the format line changes', () => {
    const text = `${V1}outcomes: [shelter]\n`;
    expect(migrateText(text)).toBe(text.replace('scenario-v1.json', 'scenario-v2.json').replace('scenario@1', 'scenario@2'));
  });

  it('a top-level flow mapping and a format given through a merge key are migrated too', () => {
    const flow = '{format: quake-drill/scenario@1, a: 1}\n';
    expect(parse(migrateText(flow))).toEqual({ format: 'quake-drill/scenario@2', a: 1, outcomes: V1_SET });
    const merged = 'base: &b\n  format: quake-drill/scenario@1\n<<: *b\nx: 1\n';
    const out = migrateText(merged);
    expect(out.startsWith('format: quake-drill/scenario@2\nbase: &b\n  format: quake-drill/scenario@1\n')).toBe(true);
    expect(parse(out, { merge: true })).toMatchObject({ format: 'quake-drill/scenario@2', x: 1, outcomes: V1_SET });
  });
});

describe('migrateText at the edges of YAML', () => {
  it('a `|+` text at the end of the file keeps its trailing blank lines: no blank line is added into it', () => {
    const text = 'format: quake-drill/scenario@1\nnote: |+\n  text\n\n\n';
    expect(parse(migrateText(text))).toEqual({ format: 'quake-drill/scenario@2', note: 'text\n\n\n', outcomes: V1_SET });
  });

  it('a file without a newline at its end, or closed by `...`, gets the outcomes inside the document', () => {
    expect(parse(migrateText('format: quake-drill/scenario@1\nx: 1'))).toEqual({ format: 'quake-drill/scenario@2', x: 1, outcomes: V1_SET });
    const closed = migrateText('format: quake-drill/scenario@1\nx: 1\n...\n');
    expect(closed.endsWith('  - decisions\n...\n')).toBe(true);
    expect(parse(closed)).toEqual({ format: 'quake-drill/scenario@2', x: 1, outcomes: V1_SET });
  });
});

describe('migrateV1toV2 on the Document', () => {
  it('changes the Document as its edits change the text', () => {
    for (const text of [V1, fixture('layout.v1.yaml')]) {
      const doc = parseDocument(text, { merge: true });
      migrateV1toV2(doc, text);
      expect(doc.toJS()).toEqual(parse(migrateText(text)));
    }
  });

  it('keeps the ranges of the nodes it does not replace: the format scalar still stands where it was', () => {
    const doc = parseDocument(V1);
    const range = (doc.get('format', true) as { range: number[] }).range[0];
    migrateV1toV2(doc, V1);
    expect((doc.get('format', true) as { range: number[]; value: string }).value).toBe('quake-drill/scenario@2');
    expect((doc.get('format', true) as { range: number[] }).range[0]).toBe(range);
    expect(range).toBe(V1.indexOf('quake-drill/scenario@1'));
  });
});

describe('the loader reads v1 files through the migration', () => {
  it('a v1 file loads, with a note at its format value, not a problem', () => {
    const result = loaded(V1);
    expect(result.notes).toEqual([
      expect.objectContaining({ file: 'drill.yaml', rule: 'format-v1', path: ['format'], message: 'v1 file: run npx quake-drill migrate <file> to update', ...positionOf(V1, 'quake-drill/scenario@1') }),
    ]);
    expect(result.notes![0]!.zh!.message).toBe('第 1 版格式文件：运行 npx quake-drill migrate <文件> 升级');
  });

  it('problems in a v1 file point into its own text: a wrong type, a bad field near the end, an unknown id', () => {
    const at = (p: Problem) => ({ line: p.line, column: p.column });
    const text = V1.replace('speedKmh: 50', 'speedKmh: fast').replace('ratings: { P: 85, S: 70, M: 50 }', 'ratings: { P: 85, S: 70, M: 50, X: 1 }');
    expect(problemsOf(text).map(at)).toEqual([positionOf(text, 'fast'), positionOf(text, 'X: 1')]);
    // The lint runs once the schema is satisfied; its findings are positioned the same way.
    const unknownUnit = V1.replace('owner: fire-rescue', 'owner: fire-brigade');
    expect(problemsOf(unknownUnit).map(at)).toEqual([positionOf(unknownUnit, 'fire-brigade')]);
  });

  it('the broken fixtures: not YAML, a v1 file with an error, a future version — each a positioned problem', () => {
    const notYaml = fixture('broken-not-yaml.v1.yaml');
    // The unclosed `[5.8` is noticed where the next key starts.
    expect(problemsOf(notYaml)[0]).toMatchObject({ rule: 'yaml', ...positionOf(notYaml, 'depthKm: 10') });
    const error = fixture('broken-error.v1.yaml');
    expect(problemsOf(error)).toEqual([expect.objectContaining({ rule: 'schema', message: 'expected number, found "fast"', ...positionOf(error, 'fast') })]);
    const future = fixture('broken-future.v3.yaml');
    expect(problemsOf(future)).toEqual([
      expect.objectContaining({ rule: 'format', message: 'this file is format version 3; this Quake Drill reads versions 1 and 2', hint: 'a newer Quake Drill wrote it: open it with that release or a later one', ...positionOf(future, 'quake-drill/scenario@3') }),
    ]);
  });

  it('a v2 file loads without notes', () => {
    expect(loaded(fixture('minimal.v2.yaml')).notes).toBeUndefined();
  });
});

describe('v1Form: what a drill log names a scenario by', () => {
  it('a v1 file and its migration are the same scenario: format v1, no outcomes key', () => {
    const before = v1Form(loaded(V1).scenario);
    const after = v1Form(loaded(fixture('minimal.v2.yaml')).scenario);
    expect(after).toEqual(before);
    expect(before).toMatchObject({ format: 'quake-drill/scenario@1' });
    expect(before).not.toHaveProperty('outcomes');
  });

  it('a v2 file with outcomes of its own is not a v1 scenario: it keeps its format and outcomes', () => {
    const own = loaded(fixture('minimal.v2.yaml').replace(/^outcomes:[\s\S]*$/m, 'outcomes: [shelter]\n')).scenario;
    expect(v1Form(own)).toMatchObject({ format: 'quake-drill/scenario@2', outcomes: ['shelter'] });
  });
});
