// @vitest-environment happy-dom
// A ranking card (minimal.yaml's rescue-priorities): the items in order with 上移/下移 buttons named by
// their item, the keyboard staying on the item moved; submitted, the order is the answer.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { loadScenario } from '../../src/scenario/index.ts';
import { reasonText } from '../../src/app/views/words.ts';
import { MIN, minimal, renderDrill } from './render.ts';

const loaded = loadScenario(minimal(), 'minimal.yaml');
if (!loaded.ok) throw new Error('minimal.yaml does not load');
const scenario = loaded.scenario;
const d = scenario.decisions.find((x) => x.id === 'rescue-priorities')!;

function openAtHq() {
  const drill = renderDrill({ scenario, file: 'scenarios/minimal.yaml' });
  drill.start();
  drill.session().facilitator({ type: 'next-node' });
  drill.pass(3 * MIN + 1_000);
  fireEvent.change(getByRole(drill.container, 'combobox', { name: '席位' }), { target: { value: 'hq' } });
  return { drill, card: () => getByRole(drill.container, 'article', { name: d.prompt.zh }) };
}

const items = (card: HTMLElement) => [...card.querySelectorAll('ol.ranking li')].map((li) => li.querySelector('.item')!.textContent);

describe('a ranking card', () => {
  it('lists the items in the options’ order, the first not movable up, the last not down', () => {
    const { card } = openAtHq();
    expect(within(card()).getByText('排序')).toBeTruthy();
    expect(items(card())).toEqual(['搜救被困人员', '抢通进镇道路', '安置受灾群众', '排查火灾隐患']);
    expect(within(card()).getByRole<HTMLButtonElement>('button', { name: '上移：搜救被困人员' }).disabled).toBe(true);
    expect(within(card()).getByRole<HTMLButtonElement>('button', { name: '下移：排查火灾隐患' }).disabled).toBe(true);
  });

  it('moves an item with its buttons, keeps the focus on it, says where it went, and submits the order', () => {
    const { drill, card } = openAtHq();
    const down = within(card()).getByRole('button', { name: '下移：搜救被困人员' });
    down.focus();
    down.click();
    expect(items(card())).toEqual(['抢通进镇道路', '搜救被困人员', '安置受灾群众', '排查火灾隐患']);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('下移：搜救被困人员');
    expect(card().textContent).toContain('“搜救被困人员”移至第 2 位');
    within(card()).getByRole('button', { name: '上移：排查火灾隐患' }).click();
    expect(items(card())).toEqual(['抢通进镇道路', '搜救被困人员', '排查火灾隐患', '安置受灾群众']);
    within(card()).getByRole('button', { name: '提交决策' }).click();
    expect(drill.world().decisions[d.id]!.answer).toEqual({ order: ['roads', 'trapped', 'fire', 'shelter'] });
    expect([...card().querySelectorAll('.answer-lines li')].map((li) => li.textContent)).toEqual(['1. 抢通进镇道路', '2. 搜救被困人员', '3. 排查火灾隐患', '4. 安置受灾群众']);
  });

  it('says a refusal of an incomplete ranking in Chinese', () => {
    const { drill } = openAtHq();
    const model = drill.session().exercise.model;
    expect(reasonText('zh', model, 'rank each of the 4 options exactly once')).toBe('请把全部 4 项各排一次');
    expect(reasonText('zh', model, "a ranking decision is not answered with 'value'")).toBe('答案形式与该决策类型不符');
  });
});
