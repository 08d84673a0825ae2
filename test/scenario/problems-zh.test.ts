// A scenario file's problems in Chinese: the loader's and the schema's findings carry Chinese words
// beside the English, and formatProblem prints them when asked (the app in Chinese, a zh CLI).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from '../../src/scenario/index.ts';

const FILE = 'scenarios/minimal.yaml';
const minimal = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');
const problems = (text: string) => {
  const r = loadScenario(text, FILE);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('scenario problems in Chinese', () => {
  it('an unknown field, with the nearest real one', () => {
    const [p] = problems(minimal.replace(/^(\s*)version:/m, '$1versoin:')).filter((x) => x.rule === 'unknown-field');
    expect(p!.zh).toEqual({ message: "未知字段 'versoin'", hint: "是不是要写 'version'？" });
    expect(formatProblem(p!, 'zh')).toMatch(/^scenarios\/minimal\.yaml:\d+:\d+: 未知字段 'versoin'\n {2}提示：是不是要写 'version'？$/);
    expect(formatProblem(p!)).toMatch(/unknown field 'versoin'\n {2}hint: did you mean 'version'\?$/);
  });

  it('a misspelt reference, with the nearest id', () => {
    const [p] = problems(minimal.replace('lead: fire-rescue', 'lead: fire-resuce'));
    expect(p!.zh!.message).toBe("未知的成员单位 'fire-resuce'");
    expect(p!.zh!.hint).toBe("是不是要写 'fire-rescue'？");
  });

  it('a value of the wrong type, and a file of another format', () => {
    const [typed] = problems(minimal.replace(/magnitude: [\d.]+/, 'magnitude: big'));
    expect(typed!.zh!.message).toBe('应为数字，实际为 "big"');
    const [format] = problems(minimal.replace(/^format: .*$/m, 'format: quake-drill/scenario@3'));
    expect(format!.zh!.message).toBe('此文件为第 3 版格式；本程序只能读取第 1、2 版');
  });

  it('a YAML syntax error says what kind of problem it is', () => {
    const [p] = problems(minimal.replace(/magnitude: ([\d.]+)/, 'magnitude: [$1'));
    expect(p!.rule).toBe('yaml');
    expect(p!.zh!.message).toMatch(/^YAML 语法错误/);
  });
});
