// @vitest-environment happy-dom
// The first screen draws the default scenario's briefing from its brief (the scenario without its
// injects and decisions, issue 8): it must read exactly as the briefing of the whole scenario.
import './quiet-lit.ts';
import { describe, expect, it } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import { render } from 'lit-html';
import { DEFAULT_BRIEF, DEFAULT_SCENARIO, FACTS } from '../../src/app/shipped.ts';
import { summaryView } from '../../src/app/views/summary.ts';
import type { Lang } from '../../src/app/i18n.ts';
import { loadDefault } from './render.ts';

const draw = (lang: Lang, scenario: Parameters<typeof summaryView>[0]['result'] & { ok: true }) => {
  const el = document.body.appendChild(document.createElement('div'));
  render(summaryView({ file: DEFAULT_SCENARIO, result: scenario, lang, onLang: () => {} }), el);
  return el;
};

describe('the first screen’s briefing', () => {
  const facts = FACTS.find((f) => f.file === DEFAULT_SCENARIO)!;
  const brief = { ...DEFAULT_BRIEF, counts: { injects: facts.injects, decisions: facts.decisions } };

  it.each(['zh', 'en'] as const)('reads as the whole scenario’s (%s)', (lang) => {
    const fromBrief = draw(lang, { ok: true, scenario: brief });
    const fromWhole = draw(lang, { ok: true, scenario: loadDefault() });
    expect(fromBrief.innerHTML.replace(/<!--[^>]*-->/g, '')).toBe(fromWhole.innerHTML.replace(/<!--[^>]*-->/g, ''));
  });

  it('counts the injects and decisions it does not carry', () => {
    const whole = loadDefault();
    const contents = getByRole(draw('zh', { ok: true, scenario: brief }), 'region', { name: '情景内容' });
    expect(within(contents).getByText('注入信息').nextElementSibling?.textContent).toBe(String(whole.injects.length));
    expect(within(contents).getByText('决策点').nextElementSibling?.textContent).toBe(String(whole.decisions.length));
  });
});
