// @vitest-environment happy-dom
// A number card (minimal.yaml's evacuate-count, 0–30,000 people): a number input with its unit; a
// number out of range is refused in words, one in range is the answer, and the plan's number and the
// measure show once the facilitator shows the answers.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { loadScenario } from '../../src/scenario/index.ts';
import { MIN, minimal, renderDrill } from './render.ts';

const loaded = loadScenario(minimal(), 'minimal.yaml');
if (!loaded.ok) throw new Error('minimal.yaml does not load');
const scenario = loaded.scenario;
const d = scenario.decisions.find((x) => x.id === 'evacuate-count')!;

function openAtHq(lang: 'zh' | 'en' = 'zh') {
  const drill = renderDrill({ scenario, file: 'scenarios/minimal.yaml', lang });
  drill.start();
  drill.session().facilitator({ type: 'next-node' });
  drill.pass(MIN + 1_000);
  fireEvent.change(getByRole(drill.container, 'combobox', { name: lang === 'zh' ? '席位' : 'Seat' }), { target: { value: 'hq' } });
  return { drill, card: () => getByRole(drill.container, 'article', { name: lang === 'zh' ? d.prompt.zh : d.prompt.en! }) };
}

describe('a number card', () => {
  it('asks for the number with its range and unit, refuses one out of range, takes one in range', () => {
    const { drill, card } = openAtHq();
    expect(within(card()).getByText('数值')).toBeTruthy();
    const input = within(card()).getByRole('spinbutton', { name: /填写数值（0–30000）/ }) as HTMLInputElement;
    expect([input.min, input.max]).toEqual(['0', '30000']);
    expect(within(card()).getByText('人')).toBeTruthy();
    // Nothing typed: the authority refuses, and says what to give.
    within(card()).getByRole('button', { name: '提交决策' }).click();
    expect(drill.world().decisions[d.id]!.status).toBe('open');
    expect(drill.container.textContent).toContain('请填写 0 到 30000 之间的数值');
    // Out of range: the input's own range stops the form before it is sent.
    fireEvent.input(input, { target: { value: '30001' } });
    expect(within(card()).getByRole<HTMLInputElement>('spinbutton').validity.rangeOverflow).toBe(true);
    within(card()).getByRole('button', { name: '提交决策' }).click();
    expect(drill.world().decisions[d.id]!.status).toBe('open');
    fireEvent.input(within(card()).getByRole('spinbutton'), { target: { value: '6500' } });
    within(card()).getByRole('button', { name: '提交决策' }).click();
    expect(drill.world().decisions[d.id]!.answer).toEqual({ value: 6_500 });
    expect(card().textContent).toContain('作答： 6500 人');
    drill.reveal();
    const scored = within(card()).getByRole('region', { name: '评分' });
    expect(scored.textContent).toContain('预案期望： 6000 人');
    expect(scored.textContent).toContain('作答 6500 人，预案 6000 人（相差 1000 人 以内满分，相差 2000 人 及以上不得分）');
  });

  it('refuses an empty number with the range to give, in English too', () => {
    const { drill, card } = openAtHq('en');
    within(card()).getByRole('button', { name: 'Submit the decision' }).click();
    expect(drill.world().decisions[d.id]!.status).toBe('open');
    expect(drill.container.textContent).toContain('give a number from 0 to 30000');
    expect(within(card()).getByText('people')).toBeTruthy();
  });

  it('a number out of range sent past the form (another client) is refused by the authority, in words', () => {
    const { drill } = openAtHq();
    const outcome = drill.session().send('hq', { type: 'answer', decision: d.id, value: 30_001 });
    expect(outcome).toMatchObject({ ok: false, reason: '30001 is not between 0 and 30000' });
    expect(drill.world().decisions[d.id]!.status).toBe('open');
  });
});
