// @vitest-environment happy-dom
// The start page on the default scenario: the title, the earthquake, the five time nodes, who plays.
import { describe, expect, it } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import { t } from '../../src/app/i18n.ts';
import { drillLength, scenarioTime } from '../../src/app/format.ts';
import { DEFAULT_FILE, loadDefault, renderApp } from './render.ts';

const scenario = loadDefault();
const show = () => renderApp(DEFAULT_FILE, { ok: true, scenario }).container;

/** Text to match literally inside a RegExp (names may hold brackets or a "+"). */
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the summary of the default scenario', () => {
  it('is headed by the scenario title and names the file it came from', () => {
    const page = show();
    const title = getByRole(page, 'heading', { level: 1 });
    expect(title.textContent).toBe(scenario.meta.title.zh);
    expect(title.textContent).toMatch(/海城/);
    expect(within(page).getByText(DEFAULT_FILE)).toBeTruthy();
    expect(within(page).getByText(scenario.meta.description.zh)).toBeTruthy();
  });

  it('describes the earthquake: magnitude, depth, epicentre, origin time, attenuation relation', () => {
    const quake = getByRole(show(), 'region', { name: '地震' });
    const q = scenario.earthquake;
    expect(within(quake).getByText(`Ms ${q.magnitude.toFixed(1)}`)).toBeTruthy();
    expect(within(quake).getByText(`${q.depthKm} 千米`)).toBeTruthy();
    expect(quake.textContent).toContain(`北纬 ${q.epicentre.lat.toFixed(3)}°`);
    expect(quake.textContent).toContain(`东经 ${q.epicentre.lon.toFixed(3)}°`);
    expect(quake.textContent).toContain(q.originTime.slice(0, 10)); // the date, as written
    expect(quake.textContent).toContain(t('zh', `relation.${q.attenuation.relation}`));
  });

  it('lists the five time nodes in order, with phase, drill length and scenario span', () => {
    const table = getByRole(show(), 'table', { name: '时间节点' });
    const names = within(table).getAllByRole('rowheader').map((h) => h.textContent);
    expect(names).toEqual([...scenario.nodes.map((n) => n.name.zh), '合计']);
    expect(scenario.nodes).toHaveLength(5);

    const phases = new Set<string>();
    for (const node of scenario.nodes) {
      const row = within(table).getByRole('row', { name: new RegExp(`^\\d+ ${literal(node.name.zh)} `) });
      const [, phase, length, span] = within(row).getAllByRole('cell').map((c) => c.textContent!.trim());
      expect(phase).toBe(t('zh', `phase.${node.phase}`));
      phases.add(phase!);
      expect(length).toBe(drillLength('zh', node.length));
      expect(span).toBe(`${scenarioTime(node.span.from)} → ${scenarioTime(node.span.to)}`);
    }
    // The drill opens at the shock and runs through all three phases.
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('T+0:00 →');
    expect(phases).toEqual(new Set(['应急响应', '抢险救援', '恢复重建']));
  });

  it('shows the organisation: the HQ and its commander, working groups with lead units, units with seats', () => {
    const org = getByRole(show(), 'region', { name: '指挥体系' });
    const { hq, groups, units, counties } = scenario.organisation;
    expect(within(org).getByRole('heading', { name: hq.name.zh })).toBeTruthy();
    expect(within(org).getByText(hq.commander.zh)).toBeTruthy();

    const groupTable = within(org).getByRole('table', { name: '工作组' });
    for (const g of groups) {
      const row = within(groupTable).getByRole('row', { name: new RegExp(`^${literal(g.name.zh)} `) });
      const lead = units.find((u) => u.id === g.lead)!;
      expect(within(row).getByRole('cell').textContent).toBe(lead.name.zh);
    }

    const unitTable = within(org).getByRole('table', { name: '成员单位' });
    expect(within(unitTable).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(units.map((u) => u.name.zh));
    // The fire and rescue detachment plays, with its own seat (the name may carry the city: 鞍山市…).
    const fireUnit = units.find((u) => u.name.zh.endsWith('市消防救援支队'));
    expect(fireUnit, 'a unit named …市消防救援支队').toBeTruthy();
    const fire = within(unitTable).getByRole('row', { name: new RegExp(`^${literal(fireUnit!.name.zh)} `) });
    expect(within(fire).getByRole('rowheader').textContent).toMatch(/市消防救援支队$/);
    expect(within(fire).getByRole('cell').textContent).toBe(fireUnit!.seat.zh);

    if (counties.length > 0) {
      const countyTable = within(org).getByRole('table', { name: '县区指挥部' });
      expect(within(countyTable).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(counties.map((c) => c.name.zh));
    }
  });

  it('counts settlements, facilities, injects, cascades and decisions', () => {
    const contents = getByRole(show(), 'region', { name: '情景内容' });
    const count = (label: string) => within(contents).getByText(label).nextElementSibling?.textContent;
    expect(count('居民点')).toBe(String(scenario.region.settlements.length));
    expect(count('重要设施')).toBe(String(scenario.region.facilities.length));
    expect(count('注入信息')).toBe(String(scenario.injects.length));
    expect(count('次生衍生')).toBe(String(scenario.cascades.length));
    expect(count('决策点')).toBe(String(scenario.decisions.length));
  });
});
