// @vitest-environment happy-dom
// A multiple-choice answer reads one option per line, and the options the plan expected but the
// seat did not choose are named with what each would have done; the card's question is written once.
import { render } from 'lit-html';
import { describe, expect, it } from 'vitest';
import { createExercise } from '../../src/core/index.ts';
import { answerView, decisionCard, missedView } from '../../src/app/views/decision-card.ts';
import { emptyDraft } from '../../src/app/store.ts';
import { loadDefault } from './render.ts';

const scenario = loadDefault();
const { model, world } = createExercise({ scenario, seed: 1 });
const d03 = scenario.decisions.find((x) => x.id === 'd03-quake-consult')!;
const label = (id: string) => d03.options.find((o) => o.id === id)!.label.zh;
const shown = (t: unknown) => {
  const el = document.createElement('div');
  render(t, el);
  return el;
};

describe('a decision card’s lines', () => {
  it('lists a multiple-choice answer one option per line', () => {
    const el = shown(answerView('zh', model, d03, '作答：', { options: ['consult', 'field-team'] }));
    expect([...el.querySelectorAll('li')].map((li) => li.textContent)).toEqual([label('consult'), label('field-team')]);
  });

  it('keeps a single option on its line with the label', () => {
    const el = shown(answerView('zh', model, d03, '作答：', { options: ['consult'] }));
    expect(el.querySelector('li')).toBeNull();
    expect(el.textContent).toBe(`作答： ${label('consult')}`);
  });

  it('names each expected option not chosen, and what it would have done', () => {
    // Expected: consult, field-team, intensity-map. Chosen: consult only. Seats go by the names the seat switcher shows (市应急局).
    const el = shown(missedView('zh', model, d03, { options: ['consult'] }));
    expect(el.textContent).toContain('未选的预案期望选项');
    expect([...el.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      `${label('field-team')}：选择它将派地震现场工作队（流动观测与烈度调查）前往岔沟镇`,
      `${label('intensity-map')}：选择它将通报鞍山市抗震救灾指挥部、市应急局`,
    ]);
  });

  it('says nothing when every expected option was chosen', () => {
    const el = shown(missedView('zh', model, d03, { options: ['consult', 'field-team', 'intensity-map', 'predict'] }));
    expect(el.textContent).toBe('');
  });

  it('writes the question once: the heading names the form', () => {
    const w = { ...world, decisions: { ...world.decisions, [d03.id]: { ...world.decisions[d03.id]!, status: 'open' as const, deadlineClock: 600_000 } }, mode: 'running' as const };
    const el = shown(decisionCard({ lang: 'zh', model, world: w, decision: d03, draft: emptyDraft(), onDraft: () => undefined, onSubmit: () => undefined }));
    expect(el.textContent!.split(d03.prompt.zh).length - 1).toBe(1);
    expect(el.querySelector('fieldset')!.getAttribute('aria-labelledby')).toBe(el.querySelector('h3')!.id);
  });
});
