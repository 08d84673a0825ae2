// @vitest-environment happy-dom
// Firing injects from the console (注入信息): an optional one held for the facilitator, or any not
// yet delivered; it is logged, moves to the delivered list and reaches the seats it is addressed to.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const inject = (id: string) => scenario.injects.find((x) => x.id === id)!;

describe('firing an inject', () => {
  it('fires an optional inject: logged, delivered, and shown to the seats it is addressed to', () => {
    const drone = inject('i21-drone');
    expect(drone.optional).toBe(true);
    const d = renderDrill();
    d.start();
    const waiting = getByRole(d.container, 'list', { name: /待下达/ });
    const fire = within(waiting).getByRole('button', { name: `注入：${drone.title.zh}` });
    expect(within(waiting).getAllByText('备用').length).toBeGreaterThan(0);
    fire.click();

    expect(d.world().injects[drone.id]!.status).toBe('delivered');
    expect(d.session().exercise.log.at(-1)).toMatchObject({ actor: 'facilitator', event: { type: 'fire-inject', inject: drone.id } });
    expect(getByRole(d.container, 'status').textContent).toContain(drone.title.zh);
    expect(queryByRole(waiting, 'button', { name: `注入：${drone.title.zh}` })).toBeNull();
    expect(within(getByRole(d.container, 'list', { name: /已下达/ })).getByText(drone.title.zh)).toBeTruthy();
    const log = getByRole(d.container, 'table', { name: '推演日志' });
    expect(within(log).getAllByRole('row')[1]!.textContent).toContain(`注入“${drone.title.zh}”`);

    // The police seat (one of its recipients) has been told, with the question.
    fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: 'police' } });
    const told = getByRole(d.container, 'region', { name: /收到的信息/ });
    const card = within(told).getByRole('article', { name: drone.title.zh });
    expect(card.textContent).toContain(drone.narrative.zh);
    expect(card.textContent).toContain(drone.question!.zh);
  });

  it('firing a scheduled inject early opens the decision that waits for it', () => {
    const d = renderDrill();
    d.start();
    const x = inject('i22-province-team');
    getByRole(d.container, 'button', { name: `注入：${x.title.zh}` }).click();
    const open = getByRole(d.container, 'table', { name: /各席位待决策/ });
    const decision = scenario.decisions.find((dd) => dd.id === 'd17-province-report')!;
    expect(within(open).getByText(decision.prompt.zh)).toBeTruthy();
  });

  it('cannot fire before the drill is under way or after it ended: the buttons are disabled', () => {
    const d = renderDrill();
    d.start();
    getByRole(d.container, 'button', { name: '结束推演' }).click();
    getByRole(d.container, 'button', { name: '确认结束' }).click();
    getByRole(d.container, 'button', { name: '导调台' }).click();
    const x = inject('i21-drone');
    expect((getByRole(d.container, 'button', { name: `注入：${x.title.zh}` }) as HTMLButtonElement).disabled).toBe(true);
  });
});
