// @vitest-environment happy-dom
// An allocation card: each team the decision offers gets a list of the places it may go; the
// answer sends the chosen teams, which then show on the seat as en route.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const d09 = scenario.decisions.find((x) => x.id === 'd09-sar-allocation')!;
const d14 = scenario.decisions.find((x) => x.id === 'd14-medical')!;
const facilityName = (id: string) => scenario.region.facilities.find((f) => f.id === id)!.name.zh;
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
    // Its teams: one of the fire service's two USAR teams has left standby — tasked while it
    // mobilises, then en route (issue 7 §3: teams mobilise before they travel).
    const teams = getByRole(d.container, 'table', { name: '力量与资源' });
    const row = within(teams).getByRole('row', { name: new RegExp(`^${teamName('fire-usar')}`) });
    const [available, tasked, enRoute] = within(row).getAllByRole('cell').map((c) => c.textContent!.trim());
    expect([available, Number(tasked) + Number(enRoute)]).toEqual(['1', 1]);
  });

  /** The health seat's screen with d14 open: it opens a minute after the hospital surge inject. */
  const medicalCard = () => {
    const d = renderDrill();
    d.start();
    getByRole(d.container, 'button', { name: /^注入：海城市中心医院伤员激增/ }).click();
    d.pass(MIN);
    fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: d14.owner } });
    return { d, card: () => getByRole(d.container, 'article', { name: d14.prompt.zh }) };
  };

  it('splits a team type across places: the medical decision’s expected answer can be entered and scores in full', () => {
    const { d, card } = medicalCard();
    const list = (name: RegExp) => within(card()).getByRole('combobox', { name }) as HTMLSelectElement;
    const medTeam = teamName('med-team');

    fireEvent.change(list(new RegExp(`^${teamName('hc-amb').replace(/[()（）]/g, '.')}`)), { target: { value: 'inc-collapse-chagou' } });
    fireEvent.change(list(new RegExp(`^${teamName('ems-amb').replace(/[()（）]/g, '.')}`)), { target: { value: 'inc-collapse-chagou' } });
    fireEvent.change(list(new RegExp(`^${medTeam}`)), { target: { value: 'hc-chagou' } });
    // The plan sends two of the six city medical teams to two places: a second list for the type.
    within(card()).getByRole('button', { name: `再派一支：${medTeam}` }).click();
    fireEvent.change(list(new RegExp(`^${medTeam} · 第2支`)), { target: { value: 'hosp-haicheng' } });
    fireEvent.change(list(new RegExp(`^${teamName('rc-rescue')}`)), { target: { value: 'inc-collapse-jiewen' } });
    within(card()).getByRole('button', { name: '提交决策' }).click();

    // The plan's answer (scenarios/haicheng-m5.8.yaml d14 expected), one entry per team sent.
    expect(d.world().decisions[d14.id]!.answer).toEqual({
      allocations: [
        { team: 'hc-amb', to: 'inc-collapse-chagou' },
        { team: 'ems-amb', to: 'inc-collapse-chagou' },
        { team: 'med-team', to: 'hc-chagou' },
        { team: 'med-team', to: 'hosp-haicheng' },
        { team: 'rc-rescue', to: 'inc-collapse-jiewen' },
      ],
    });
    expect(card().textContent).toContain(`${medTeam} → ${facilityName('hc-chagou')}`);
    expect(card().textContent).toContain(`${medTeam} → ${facilityName('hosp-haicheng')}`);
    // Its rubric lines 2 + 3 + 3 + 2 + 2 = 12 points, all the plan's answer earns: correctness 1.00
    // (shown to the seat once the facilitator shows the scores).
    expect(card().textContent).not.toContain('正确性');
    d.reveal();
    expect(card().textContent).toContain('正确性 1.00');
  });

  it('offers another list for a type only while it has teams left', () => {
    const { card } = medicalCard();
    // The Red Cross first-aid team type has 2 teams (scenario organisation): one more list, then no button.
    const more = () => within(card()).queryByRole('button', { name: `再派一支：${teamName('rc-rescue')}` });
    more()!.click();
    expect(more()).toBeNull();
    expect(within(card()).getAllByRole('combobox', { name: new RegExp(`^${teamName('rc-rescue')}`) })).toHaveLength(2);
  });
});
