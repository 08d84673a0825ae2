// Refusals the core words in English, said in Chinese: the response level's rules, a voided or
// reopened decision, plotting; one the app has no words for is not shown in English to a Chinese
// user (the log keeps the engine's words).
import { describe, expect, it } from 'vitest';
import { createExercise } from '../../src/core/index.ts';
import { reasonText } from '../../src/app/views/words.ts';
import { loadDefault } from './render.ts';

const scenario = loadDefault();
const { model } = createExercise({ scenario, seed: 1 });
const d01 = scenario.decisions.find((x) => x.id === 'd01-level')!;

describe('refusal reasons in Chinese', () => {
  it('the response level’s rules', () => {
    expect(reasonText('zh', model, 'only the HQ ends the response')).toBe('只有指挥部可以终止应急响应');
    expect(reasonText('zh', model, 'level I is led by the state; the city HQ reports and requests it')).toBe('Ⅰ级响应由国家领导；市指挥部负责报告和请示');
    expect(reasonText('zh', model, 'level IV is led by anshan-hq, not ema')).toBe('Ⅳ级响应由鞍山市抗震救灾指挥部决定');
  });

  it('a voided or reopened decision, by its question', () => {
    expect(reasonText('zh', model, `decision '${d01.id}' is already voided`)).toBe(`“${d01.prompt.zh}”已作废`);
    expect(reasonText('zh', model, `decision '${d01.id}' is still open: extend its deadline instead`)).toBe(`“${d01.prompt.zh}”仍在作答期：请改为延长时限`);
  });

  it('plotting', () => {
    expect(reasonText('zh', model, 'a symbol mark needs a symbol')).toBe('请选择标绘符号');
    expect(reasonText('zh', model, 'mark #12 was already removed')).toBe('第 12 号标绘已删除');
  });

  it('a reason without words: plain Chinese, and the engine’s English in English', () => {
    expect(reasonText('zh', model, 'something new the engine says')).toBe('不符合推演规则，已驳回');
    expect(reasonText('en', model, 'something new the engine says')).toBe('something new the engine says');
  });
});
