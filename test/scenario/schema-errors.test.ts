import { describe, expect, it } from 'vitest';
import { edited, expectOneAt, minimal, positionOf, problemsOf, replaced } from './helpers.ts';

describe('schema problems', () => {
  it('a wrong type points at the value and says what was found', () => {
    const text = replaced('magnitude: 5.8', 'magnitude: big');
    const p = expectOneAt(text, 'schema', 'big');
    expect(p.message).toBe('expected number, found "big"');
    expect(p.path).toEqual(['earthquake', 'magnitude']);
  });

  it('a missing field is named and pointed at through its parent', () => {
    const text = replaced('  depthKm: 10\n', '');
    const p = expectOneAt(text, 'missing-field', 'epicentre:');
    expect(p.message).toMatch(/missing field 'depthKm'/);
  });

  it('an unknown field (a typo) points at its key and suggests the real one', () => {
    const text = replaced('  magnitude: 5.8', '  magnitud: 5.8');
    const unknown = expectOneAt(text, 'unknown-field', 'magnitud:');
    expect(unknown.message).toBe("unknown field 'magnitud'");
    expect(unknown.hint).toBe("did you mean 'magnitude'?");
  });

  it('English text cut at an unquoted comma is explained, not just called an unknown field', () => {
    const text = replaced('en: Minimal example }', 'en: Minimal, small example }');
    const p = expectOneAt(text, 'unknown-field', 'small example');
    expect(p.hint).toMatch(/put text with commas in quotes/);
  });

  it('a wrong enum value suggests the nearest allowed one', () => {
    const p = expectOneAt(replaced('phase: response', 'phase: respons'), 'schema', 'respons\n');
    expect(p.hint).toBe("did you mean 'response'?");
  });

  it('an unknown effect names the effects there are', () => {
    const text = replaced('do: dispatch', 'do: dispach');
    const p = expectOneAt(text, 'schema', 'dispach');
    expect(p.message).toMatch(/'dispatch'/);
    expect(p.hint).toBe("did you mean 'dispatch'?");
  });

  it('a duration written as a bare number is told to carry a unit', () => {
    const text = replaced('deadline: 5m', 'deadline: 5');
    const p = expectOneAt(text, 'schema', '5\n    target');
    expect(p.hint).toBe('durations carry a unit: write 5m (minutes), 5h or 5s');
  });

  it('a bad duration says how durations are written', () => {
    const p = expectOneAt(replaced('deadline: 5m', 'deadline: 5 minutes'), 'schema', '5 minutes');
    expect(p.message).toMatch(/"15m"/);
  });

  it('a wrong field inside a union is reported in the alternative the author meant', () => {
    const text = replaced('opens: { after: collapse-report }', 'opens: { after: collapse-report, delai: 1m }');
    const p = expectOneAt(text, 'unknown-field', 'delai');
    expect(p.hint).toBe("did you mean 'delay'?");
  });

  it('reports every schema problem at once', () => {
    const text = replaced('magnitude: 5.8', 'magnitude: big', replaced('count: 2', 'count: -1', replaced('  depthKm: 10\n', '  depthKm: 10\n  colour: red\n')));
    const rules = problemsOf(text).map((p) => `${p.rule}@${p.line}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        `schema@${positionOf(text, 'big').line}`,
        `unknown-field@${positionOf(text, 'colour').line}`,
        `schema@${positionOf(text, 'count: -1').line}`,
      ]),
    );
  });

  it('Chinese text is required, English is optional', () => {
    expect(problemsOf(replaced('title: { zh: 最小示例, en: Minimal example }', 'title: { en: Minimal example }'))[0]!.message).toMatch(/missing field 'zh'/);
    expect(() => problemsOf(replaced('title: { zh: 最小示例, en: Minimal example }', 'title: { zh: 最小示例 }'))).toThrow(/loaded/);
  });
});

describe('the format version', () => {
  it('a file without `format:` is told how to begin', () => {
    const [p] = problemsOf(minimal().replace(/^format: .*\n/m, ''));
    expect(p!.hint).toBe('begin the file with: format: quake-drill/scenario@2');
  });

  it('a newer version is recognised as such, not as junk', () => {
    const text = minimal().replace(/^format: .*$/m, 'format: quake-drill/scenario@3');
    const p = expectOneAt(text, 'format', 'quake-drill/scenario@3');
    expect(p.message).toBe('this file is format version 3; this Quake Drill reads versions 1 and 2');
    expect(p.hint).toBe('a newer Quake Drill wrote it: open it with that release or a later one');
  });

  it('a version below 1 is a typo, not a version a newer release wrote', () => {
    const text = minimal().replace(/^format: .*$/m, 'format: quake-drill/scenario@0');
    const p = expectOneAt(text, 'format', 'quake-drill/scenario@0');
    expect(p.message).toBe("'quake-drill/scenario@0' is not a Quake Drill scenario format");
    expect(p.hint).toBe('use: format: quake-drill/scenario@2');
  });

  it('a list at the top is not a scenario', () => {
    expect(problemsOf('- a\n- b\n')[0]!.rule).toBe('format');
  });

  it('keeps working on a document edited through the YAML model', () => {
    const text = edited((doc) => doc.setIn(['earthquake', 'depthKm'], -3));
    expect(problemsOf(text).map((p) => p.path.join('.'))).toEqual(['earthquake.depthKm']);
  });
});
