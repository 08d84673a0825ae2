// Hostile files get one clear problem, not a hang or a crash. How fast is measured in
// `npm run bench` (hostile-files), never asserted here.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.ts';
import { MAX_CHARS, MAX_DEPTH, MAX_ITEMS } from '../../src/scenario/preflight.ts';
import { MAX_PROBLEMS } from '../../src/scenario/load.ts';
import { hostileFiles } from './hostile-files.ts';

const problems = (text: string) => {
  const result = loadScenario(text, 'hostile.yaml');
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
};

describe('hostile scenario files', () => {
  it('an alias bomb is refused with a hint about aliases', () => {
    const [p] = problems(hostileFiles.aliasBomb);
    expect(p!.message).toMatch(/alias/i);
    expect(p!.hint).toMatch(/at most 100 aliases/);
  });

  it('ten thousand nested brackets are refused where the nesting gets too deep', () => {
    const [p] = problems(hostileFiles.deepFlow);
    expect(p).toMatchObject({ rule: 'nesting', line: 2, column: 'a: '.length + MAX_DEPTH + 1 });
  });

  it('a quote inside plain text does not switch the nesting check off', () => {
    const text = `format: quake-drill/scenario@1\nnote: a 12" pipe, it's ${'['.repeat(10_000)}\n`;
    expect(problems(text)[0]!.rule).toBe('nesting');
  });

  it('runaway block indentation is refused', () => {
    expect(problems(hostileFiles.deepBlock)[0]!.rule).toBe('nesting');
    expect(problems(hostileFiles.deepDashes)[0]!.rule).toBe('nesting');
  });

  it('megabytes of text are refused by size, saying the limit', () => {
    const [p] = problems(hostileFiles.huge);
    expect(p).toMatchObject({ rule: 'size', line: 1, column: 1 });
    expect(p!.message).toContain(MAX_CHARS.toLocaleString('en'));
  });

  it('a list of a million items is refused by count before parsing', () => {
    const [p] = problems(hostileFiles.wideFlow);
    expect(p).toMatchObject({ rule: 'size', line: 1, column: 1 });
    expect(p!.message).toContain(MAX_ITEMS.toLocaleString('en'));
  });

  it('a list just under the item limit is parsed, and its problems are capped', () => {
    const p = problems(hostileFiles.wideFlowUnderLimit);
    expect(p).toHaveLength(MAX_PROBLEMS + 1);
    expect(p.at(-1)!.message).toMatch(/^and [\d,]+ more problems$/);
  });

  it('brackets and quotes inside text do not count as nesting', () => {
    const text = `format: quake-drill/scenario@1\nnote: "${'['.repeat(MAX_DEPTH * 2)}"\nother: it's [fine] # ${'{'.repeat(MAX_DEPTH * 2)}\n`;
    expect(problems(text).map((x) => x.rule)).not.toContain('nesting');
  });
});
