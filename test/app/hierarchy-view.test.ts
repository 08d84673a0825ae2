// @vitest-environment happy-dom
// The console's live view of the command hierarchy (指挥体系态势): the HQ's stage, the level and who
// leads at it (a county HQ at Level IV, guided by the city; the city HQ at III), each working group's
// and county HQ's state in words, as the drill moves.
import { describe, expect, it } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const CITY = '鞍山市抗震救灾指挥部';
const HAICHENG = '海城市抗震救灾指挥部';

/**
 * The default scenario with Level IV's bands lifted: its M5.8 grades as Level III, and the
 * authority refuses a level whose criteria the quake does not meet; here the county must be able
 * to declare IV first.
 */
function scenarioWithLevelIV() {
  const scenario = structuredClone(loadDefault());
  const iv = scenario.responseLevels.find((l) => l.level === 'IV')!;
  iv.criteria = { text: iv.criteria.text };
  return scenario;
}

const chart = (page: HTMLElement) => getByRole(page, 'region', { name: '指挥体系态势' });
/** The value beside a label of the HQ's facts (响应级别, 当前牵头, 指导), or null when it is not shown. */
const fact = (page: HTMLElement, label: string) => within(chart(page)).queryByText(label, { selector: 'dt' })?.nextElementSibling?.textContent?.trim() ?? null;
const groupItem = (page: HTMLElement, name: string) => within(within(chart(page)).getByRole('list', { name: '工作组' })).getByText(name).closest('li')!;

describe('the hierarchy on the console', () => {
  it('shows who leads as the level changes from IV to III', () => {
    const d = renderDrill({ scenario: scenarioWithLevelIV() });
    const session = d.start();
    d.pass(3 * MIN);
    expect(fact(d.container, '响应级别')).toBe('未启动');
    expect(fact(d.container, '当前牵头')).toBe(CITY);
    expect(fact(d.container, '指导')).toBeNull();
    // Every county HQ starts its own response when the drill starts.
    expect(within(within(chart(d.container)).getByRole('list', { name: '县区指挥部' })).getByText(HAICHENG).closest('li')!.textContent).toContain('已启动');

    expect(session.send('county-haicheng', { type: 'set-level', level: 'IV' }).ok).toBe(true); // the plan gives Level IV to the county
    expect(fact(d.container, '响应级别')).toBe('Ⅳ级');
    expect(fact(d.container, '当前牵头')).toBe(HAICHENG);
    expect(fact(d.container, '指导')).toBe(CITY);
    expect(chart(d.container).textContent).toContain('指挥部已开设'); // declaring a level opens the HQ

    expect(session.send('anshan-hq', { type: 'set-level', level: 'III' }).ok).toBe(true);
    expect(fact(d.container, '响应级别')).toBe('Ⅲ级');
    expect(fact(d.container, '当前牵头')).toBe(CITY);
    expect(fact(d.container, '指导')).toBeNull();
  });

  it('says a working group’s state in words, and changes it when the group is activated', () => {
    const d = renderDrill();
    const session = d.start();
    expect(groupItem(d.container, '抢险救援组').textContent).toContain('待命');
    expect(session.send('anshan-hq', { type: 'order', to: 'g-rescue', effect: { do: 'activate-group', group: 'g-rescue' } }).ok).toBe(true);
    expect(groupItem(d.container, '抢险救援组').textContent).toContain('已启动');
    expect(groupItem(d.container, '抢险救援组').getAttribute('data-state')).toBe('activated');
    expect(groupItem(d.container, '医疗防疫组').textContent).toContain('待命');
    const legend = within(chart(d.container)).getByRole('list', { name: '图例' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent!.split('：')[0])).toEqual(['待命', '已启动', '已出动', '已撤收']);
  });

  it('in English, the state words are English', () => {
    const d = renderDrill({ lang: 'en' });
    const session = d.start();
    expect(session.send('anshan-hq', { type: 'order', to: 'g-rescue', effect: { do: 'activate-group', group: 'g-rescue' } }).ok).toBe(true);
    const region = getByRole(d.container, 'region', { name: 'Command hierarchy now' });
    const groups = within(region).getByRole('list', { name: 'Working groups' });
    expect(within(groups).getByText('Rescue group', { exact: false }).closest('li')!.textContent).toContain('activated');
  });
});
