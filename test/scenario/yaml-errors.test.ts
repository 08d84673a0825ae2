import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.ts';
import { formatProblem } from '../../src/scenario/problem.ts';
import { minimal, positionOf, problemsOf, replaced } from './helpers.ts';

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

  it('a second document is a trainer\'s message at the second ---, not the library\'s advice', () => {
    const text = `${minimal()}---\nformat: quake-drill/scenario@1\n`;
    const [p, ...rest] = problemsOf(text);
    expect(rest).toHaveLength(0);
    expect(p).toMatchObject({ rule: 'yaml', message: 'a scenario file holds one document; remove the second `---`', ...positionOf(text, '---\nformat') });
    expect(p!.hint).toMatch(/delete the line/);
    expect(JSON.stringify(p)).not.toMatch(/parseAllDocuments/);
  });

  it('binary data (a NUL byte) is one problem at 1:1; bytes that were not UTF-8 are pointed at', () => {
    const binary = problemsOf(`\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR${'\u0000'.repeat(40)}`);
    expect(binary).toHaveLength(1);
    expect(binary[0]).toMatchObject({ rule: 'encoding', line: 1, column: 1, message: 'this is not a text file: it holds binary data (an image, a program or an archive?)' });
    // A browser's File.text() puts U+FFFD where GBK bytes stood: here the title on line 6, column 16.
    const gbk = problemsOf(replaced('zh: 最小示例', 'zh: \uFFFD\uFFFD示例'));
    expect(gbk).toHaveLength(1);
    expect(gbk[0]).toMatchObject({ rule: 'encoding', line: 6, column: 16 });
    expect(gbk[0]!.hint).toMatch(/UTF-8/);
  });

  it('never throws on text that is not YAML at all', () => {
    for (const text of ['', '\0\0\0', '{{{{', ']]]', 'key: "unterminated', '- a\nb: c', '%YAML 9.9\n---\na: 1', '? [a\n: b']) {
      const result = loadScenario(text, 'junk.yaml');
      expect(result.ok).toBe(false);
      if (!result.ok) for (const p of result.problems) expect(p.line).toBeGreaterThanOrEqual(1);
    }
  });
});
