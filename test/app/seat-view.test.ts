// @vitest-environment happy-dom
// What a seat sees besides its decisions: the injects it was told (also those sent to its working
// groups), with their media beside the scenario file; its teams and where they are; the orders,
// reports and notices it sent and received. And the read-only evaluator and observer views.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { loadScenario } from '../../src/scenario/index.ts';
import { EVALUATOR, OBSERVER } from '../../src/app/store.ts';
import { replaced } from '../scenario/helpers.ts';
import { MIN, loadDefault, minimal, renderDrill } from './render.ts';

const show = (d: ReturnType<typeof renderDrill>, seat: string) => fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: seat } });

describe('a seat’s screen', () => {
  it('shows the inject’s media from beside the scenario file, and the team sent', () => {
    const text = replaced(
      '    via: phone\n',
      '    via: phone\n    media: { kind: image, file: media/collapse.jpg, caption: { zh: 倒塌现场照片, en: The collapse } }\n',
      minimal(),
    );
    const result = loadScenario(text, 'scenarios/minimal.yaml');
    if (!result.ok) throw new Error(result.problems[0]!.message);
    const d = renderDrill({ scenario: result.scenario, file: 'scenarios/minimal.yaml' });
    d.start();
    d.pass(2 * MIN);
    show(d, 'fire-rescue');
    const image = getByRole(d.container, 'img', { name: '倒塌现场照片' }) as HTMLImageElement;
    expect(image.getAttribute('src')).toBe('scenarios/media/collapse.jpg');
    expect(d.container.textContent).toContain('倒塌现场照片');

    const teams = getByRole(d.container, 'table', { name: '力量与资源' });
    const row = within(teams).getByRole('row', { name: /^重型救援队/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent!.trim())).toEqual(['2', '0', '0', '0', '0']);
    const card = getByRole(d.container, 'article', { name: /是否立即派出重型救援队/ });
    within(card).getByRole('radio', { name: '立即派出' }).click();
    within(card).getByRole('button', { name: '提交决策' }).click();
    const after = within(getByRole(d.container, 'table', { name: '力量与资源' })).getByRole('row', { name: /^重型救援队/ });
    // Tasked first: a team musters before it leaves (30 min when the scenario gives no mobilisation time).
    expect(within(after).getAllByRole('cell').map((c) => c.textContent!.trim())).toEqual(['1', '1', '0', '0', '0']);
    expect(after.textContent).toContain('已受领 → 岔沟民房倒塌');
    // Based in Chagou itself, it is on scene once mustered: scenario T+0:33 is just into node 2 (drill 20:00 on).
    d.pass(19 * MIN);
    const later = within(getByRole(d.container, 'table', { name: '力量与资源' })).getByRole('row', { name: /^重型救援队/ });
    expect(within(later).getAllByRole('cell').map((c) => c.textContent!.trim())).toEqual(['1', '0', '0', '1', '0']);
    expect(later.textContent).toContain('到场 → 岔沟民房倒塌');
  });

  it('a unit is told what is sent to its working groups; notices from the HQ arrive as messages', () => {
    const scenario = loadDefault();
    const d = renderDrill();
    const session = d.start();
    d.pass(3 * MIN + 10_000);
    // A unit that is not itself a recipient of an inject sent to one of its groups.
    const model = session.exercise.model;
    const delivered = scenario.injects.filter((x) => d.world().injects[x.id]!.status === 'delivered');
    const viaGroup = scenario.organisation.units.find((u) => !delivered.some((x) => x.to.includes(u.id)) && (model.groupsOf.get(u.id) ?? []).length > 0)!;
    const group = scenario.organisation.groups.find((g) => model.groupsOf.get(viaGroup.id)!.includes(g.id))!;
    const x = scenario.injects.find((i) => i.to.includes(group.id))!;
    getByRole(d.container, 'button', { name: `注入：${x.title.zh}` }).click();
    show(d, viaGroup.id);
    expect(within(getByRole(d.container, 'region', { name: /收到的信息/ })).getByRole('article', { name: x.title.zh })).toBeTruthy();

    // The HQ declares level III; its choice notifies the Haicheng county HQ.
    expect(session.send('anshan-hq', { type: 'answer', decision: 'd01-level', options: ['iii'] }).ok).toBe(true);
    show(d, 'county-haicheng');
    const messages = getByRole(d.container, 'region', { name: /^收件箱/ });
    expect(messages.textContent).toContain('通知');
    expect(messages.textContent).toContain('来自 鞍山市抗震救灾指挥部');
  });

  it('the evaluator sees scores read-only; the observer sees the situation and nothing to press', () => {
    const d = renderDrill();
    const session = d.start();
    d.pass(3 * MIN + 10_000);
    session.send('anshan-hq', { type: 'answer', decision: 'd01-level', options: ['iii'] });
    show(d, EVALUATOR);
    expect(getByRole(d.container, 'heading', { level: 1 }).textContent).toBe('评估人员');
    expect(getByRole(d.container, 'table', { name: '各项能力' })).toBeTruthy();
    const scores = getByRole(d.container, 'region', { name: /各决策得分/ });
    expect(scores.textContent).toContain('100.0');
    expect(queryByRole(d.container, 'button', { name: '提交决策' })).toBeNull();

    show(d, OBSERVER);
    expect(getByRole(d.container, 'heading', { level: 1 }).textContent).toBe('观摩');
    expect(getByRole(d.container, 'region', { name: '关键数据' })).toBeTruthy();
    expect(within(getByRole(d.container, 'region', { name: /收到的信息/ })).getAllByRole('article').length).toBe(
      Object.values(d.world().injects).filter((i) => i.status === 'delivered').length,
    );
    expect(within(d.container.querySelector('main')!).queryAllByRole('button')).toHaveLength(0);
  });

  it('the HQ and the observer see the map; a unit’s screen has none', () => {
    const mounted: HTMLElement[] = [];
    const d = renderDrill({ options: { mountMap: (el) => (mounted.push(el), { update: () => undefined, destroy: () => undefined }) } });
    d.start();
    show(d, 'anshan-hq');
    expect(d.container.querySelectorAll('[data-map-slot]')).toHaveLength(1);
    expect(getByRole(d.container, 'region', { name: '态势图' }).contains(mounted.at(-1)!)).toBe(true);
    show(d, 'fire-rescue');
    expect(d.container.querySelectorAll('[data-map-slot]')).toHaveLength(0);
    show(d, OBSERVER);
    expect(d.container.querySelectorAll('[data-map-slot]')).toHaveLength(1);
    expect(mounted.at(-1)!.isConnected).toBe(true);
  });
});
