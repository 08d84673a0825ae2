// The pitfalls scenarios/README.md §3.2 names, each told where it is and what to write instead: a
// thousands comma in a number ("41,000": YAML reads text, or inside { } a value cut short), a Chinese
// full-width colon or comma where YAML needs its own, a tab, a Chinese id, a time without two-digit hours.
import { describe, expect, it } from 'vitest';
import { expectOneAt, minimal, positionOf, problemsOf, replaced } from './helpers.ts';

describe('a number written with a comma', () => {
  it.each([
    ['30,000', '30000'],
    ['3,0000', '30000'],
    ['30，000', '30000'],
  ])('population: %s is told to write %s', (written, bare) => {
    const text = replaced('population: 30000', `population: ${written}`);
    const p = expectOneAt(text, 'schema', written);
    expect(p.message).toBe(`expected number, found "${written}"`);
    expect(p.hint).toBe(`write ${bare} without the comma: YAML reads "${written}" as text, not a number`);
    expect(p.zh).toEqual({ message: `应为数字，实际为 "${written}"`, hint: `数字不要写千位分隔逗号：写成 ${bare}` });
  });

  it('inside { } the comma cuts the number: the rest, read as a key, is named for what it is', () => {
    const text = replaced('deathsMin: 10,', 'deathsMin: 10,000,');
    const p = expectOneAt(text, 'unknown-field', '000, deathsMax');
    expect(p.hint).toBe('this looks like the end of a number cut at a thousands comma: write numbers without commas, e.g. 41000');
    expect(p.zh!.hint).toBe('这像是在千位分隔逗号处被截断的数字的后半部分：数字不要写逗号，例如写 41000');
  });

  it('text in a number field that is not a number with commas gets no such hint', () => {
    const p = expectOneAt(replaced('population: 30000', 'population: about 30000'), 'schema', 'about 30000');
    expect(p.hint).toBeUndefined();
  });
});

describe('a Chinese full-width colon or comma in the YAML syntax', () => {
  it('`magnitude：5.8` is told to use the English colon and a space', () => {
    const text = replaced('  magnitude: 5.8', '  magnitude：5.8');
    const [p] = problemsOf(text);
    expect(p).toMatchObject({ rule: 'yaml', ...positionOf(text, 'magnitude：'), hint: "the full-width colon '：' is not YAML's: after a key type the English colon and a space ': '" });
    expect(p!.zh!.hint).toBe('全角冒号“：”不是 YAML 的冒号：键后面要用英文冒号加空格“: ”');
  });

  it('`{ zh: 最小示例，en: … }` is told that the full-width comma does not separate items', () => {
    const text = replaced('title: { zh: 最小示例, en: Minimal example }', 'title: { zh: 最小示例，en: Minimal example }');
    const [p] = problemsOf(text);
    expect(p).toMatchObject({ rule: 'yaml', hint: "inside { } or [ ] the full-width comma '，' does not separate items: type the English comma ', '" });
    expect(p!.line).toBe(positionOf(text, '最小示例，').line);
  });

  it('a full-width colon inside text is not taken for one: a YAML error elsewhere on such a line gets no such hint', () => {
    const text = replaced('narrative: { zh: 岔沟镇多处民房倒塌，有人员被困。,', 'narrative: { zh: "注意：岔沟镇多处民房倒塌,');
    expect(problemsOf(text).every((p) => p.hint === undefined || !p.hint.includes('full-width'))).toBe(true);
  });
});

describe('the other pitfalls are each reported where they are', () => {
  it('a tab in the indentation', () => {
    const text = replaced('      population: 30000', '\tpopulation: 30000');
    expect(problemsOf(text)[0]).toMatchObject({ rule: 'yaml', message: 'Tabs are not allowed as indentation', ...positionOf(text, '\tpopulation') });
  });

  it('an id in Chinese', () => {
    const text = replaced('    - id: chagou\n', '    - id: 岔沟镇\n');
    expect(expectOneAt(text, 'schema', '岔沟镇\n').message).toBe('ids are lower-case letters, digits and hyphens, e.g. "fire-rescue"');
  });

  it('a time without its two-digit hour', () => {
    const text = `${minimal()}conditions: { season: winter, darkness: { dusk: "18:52", dawn: "7:31" } }\n`;
    expect(expectOneAt(text, 'schema', '"7:31"').message).toBe('a local time such as "07:20" (24-hour HH:MM)');
  });
});
