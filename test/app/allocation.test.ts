// @vitest-environment happy-dom
// An allocation card: each team the decision offers gets a list of the places it may go; the
// answer sends the chosen teams, which then show on the seat as en route.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const d09 = scenario.decisions.find((x) => x.id === 'd09-sar-allocation')!;
const teamName = (id: string) => scenario.organisation.units.flatMap((u) => u.teams).find((t) => t.id === id)!.name.zh;
const incidentName = (id: string) =>
  [...scenario.injects.flatMap((x) => (x.incident ? [x.incident] : [])), ...scenario.cascades.flatMap((c) => ('spawn' in c.then ? [c.then.spawn] : []))].find((i) => i.id === id)!.name.zh;

describe('an allocation card', () => {
  it('assigns teams to places with one list per team and sends them', () => {
    const d = renderDrill();
    d.start();
    // d09 opens a minute after the Pailou care home inject; fire it now rather than wait for node 2.
    getByRole(d.container, 'button', { name: /^注入：牌楼镇敬老院/ }).click();
    d.pass(MIN);
    fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: d09.owner } });
    const card = () => getByRole(d.container, 'article', { name: d09.prompt.zh });
    expect(within(card()).getByText('力量分配')).toBeTruthy();

    const selects = within(card()).getAllByRole('combobox');
    expect(selects).toHaveLength(d09.allocate!.teams.length);
    const usar = within(card()).getByRole('combobox', { name: new RegExp(`^${teamName('fire-usar')}`) }) as HTMLSelectElement;
    expect([...usar.options].map((o) => o.textContent!.trim())).toEqual(['不派出', ...d09.allocate!.places.map(incidentName)]);
    fireEvent.change(usar, { target: { value: 'inc-collapse-chagou' } });
    fireEvent.change(within(card()).getByRole('combobox', { name: new RegExp(`^${teamName('bluesky-usar')}`) }), { target: { value: 'inc-collapse-pailou' } });
    expect((within(card()).getByRole('combobox', { name: new RegExp(`^${teamName('fire-usar')}`) }) as HTMLSelectElement).value).toBe('inc-collapse-chagou');
    within(card()).getByRole('button', { name: '提交决策' }).click();

    expect(d.world().decisions[d09.id]!.answer).toEqual({
      allocations: [
        { team: 'fire-usar', to: 'inc-collapse-chagou' },
        { team: 'bluesky-usar', to: 'inc-collapse-pailou' },
      ],
    });
    expect(card().textContent).toContain(`${teamName('fire-usar')} → ${incidentName('inc-collapse-chagou')}`);
    // Its teams: one USAR team of the fire service is on its way to Chagou.
    const teams = getByRole(d.container, 'table', { name: '力量与资源' });
    const row = within(teams).getByRole('row', { name: new RegExp(`^${teamName('fire-usar')}`) });
    expect(row.textContent).toContain(`途中 → ${incidentName('inc-collapse-chagou')}`);
    const [available, , enRoute] = within(row).getAllByRole('cell').map((c) => c.textContent!.trim());
    expect([available, enRoute]).toEqual(['1', '1']);
  });
});
