import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.ts';
import { formatProblem } from '../../src/scenario/problem.ts';
import { positionOf, problemsOf, replaced } from './helpers.ts';

describe('YAML syntax errors and duplicate keys', () => {
  it('points at an unclosed flow sequence and names the file', () => {
    const text = replaced('authors: [Quake Drill]', 'authors: [Quake Drill');
    const [p] = problemsOf(text, 'scenarios/x.yaml');
    expect(p!.file).toBe('scenarios/x.yaml');
    expect(p!.rule).toBe('yaml');
    expect(p!.line).toBe(positionOf(text, 'version: 1.0.0').line);
    expect(formatProblem(p!)).toMatch(/^scenarios\/x\.yaml:\d+:\d+: /);
  });

  it('points at a tab used for indentation', () => {
    const text = replaced('  magnitude: 5.8', '\tmagnitude: 5.8');
    const problems = problemsOf(text);
    expect(problems[0]!.rule).toBe('yaml');
    expect(problems[0]!.line).toBe(positionOf(text, '\tmagnitude').line);
  });

  it('reports every duplicate key at once, each at its second occurrence', () => {
    const text = replaced('  magnitude: 5.8\n', '  magnitude: 5.8\n  magnitude: 6.1\n', replaced('  depthKm: 10\n', '  depthKm: 10\n  depthKm: 12\n'));
    const problems = problemsOf(text).filter((p) => p.rule === 'duplicate-key');
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [positionOf(text, 'magnitude: 6.1').line, positionOf(text, 'magnitude: 6.1').column],
      [positionOf(text, 'depthKm: 12').line, positionOf(text, 'depthKm: 12').column],
    ]);
    expect(problems[0]!.message).toMatch(/twice/);
  });

  it('never throws on text that is not YAML at all', () => {
    for (const text of ['', '\0\0\0', '{{{{', ']]]', 'key: "unterminated', '- a\nb: c', '%YAML 9.9\n---\na: 1', '? [a\n: b']) {
      const result = loadScenario(text, 'junk.yaml');
      expect(result.ok).toBe(false);
      if (!result.ok) for (const p of result.problems) expect(p.line).toBeGreaterThanOrEqual(1);
    }
  });
});
