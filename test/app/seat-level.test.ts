// @vitest-environment happy-dom
// The response level and the HQ's own moves from a seat's screen (issue 9 §2): the seat the plan
// makes a level's lead sees that level with the plan's criteria and declares it; the HQ convenes
// (会商), opens, sets up a forward command post and ends, each move offered only when the command
// hierarchy's statechart can take it, with a line saying why not.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { renderDrill } from './render.ts';

type Drill = ReturnType<typeof renderDrill>;
const show = (d: Drill, seat: string) => fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: seat } });
const words = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
const levels = (d: Drill) => getByRole(d.container, 'region', { name: '响应级别' });
const moves = (d: Drill) => getByRole(d.container, 'region', { name: '指挥部行动' });
const move = (d: Drill, name: string) => within(moves(d)).getByRole('button', { name }) as HTMLButtonElement;
const refused = (d: Drill) => d.container.querySelector('.status-line')!.classList.contains('refused');

describe('the level and the HQ’s moves', () => {
  it('the HQ declares the level it leads, with the plan’s criteria in view, then runs its own moves as the hierarchy allows', () => {
    const d = renderDrill();
    d.start();
    show(d, 'anshan-hq');
    expect(words(levels(d))).toContain('当前响应级别：未启动');
    // The plan gives the city HQ Level III only (IV is the county's, II and I the province's and the state's).
    const items = within(levels(d)).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(words(items[0]!)).toContain('较大地震灾害（Ⅲ级响应）');
    expect(words(items[0]!)).toContain('预案启动条件：造成10人以上、50人以下死亡（含失踪）');

    // Receiving the first reports: it may consult or open, not yet set up a forward post or end.
    expect(move(d, '会商').disabled).toBe(false);
    expect(move(d, '开设指挥部').disabled).toBe(false);
    expect(move(d, '设立前方指挥部').disabled).toBe(true);
    expect(words(move(d, '设立前方指挥部').closest('li')!)).toBe('设立前方指挥部 指挥部目前处于接报阶段：可先会商，或直接开设指挥部。');
    move(d, '会商').click();
    expect(d.world().hierarchy.hq).toBe('consulting');
    expect(move(d, '会商').disabled).toBe(true);

    within(levels(d)).getByRole('button', { name: '启动Ⅲ级响应' }).click();
    expect(refused(d)).toBe(false);
    expect(d.session().exercise.log.at(-1)).toMatchObject({ actor: 'anshan-hq', event: { type: 'set-level', level: 'III' } });
    expect(words(levels(d))).toContain('当前响应级别：Ⅲ级');
    expect((within(levels(d)).getByRole('button', { name: '启动Ⅲ级响应' }) as HTMLButtonElement).disabled).toBe(true);
    // Declaring the response opened the HQ: the forward post is next; ending waits for the level.
    expect(d.world().hierarchy.hq).toBe('opened');
    expect(words(move(d, '响应结束').closest('li')!)).toBe('响应结束 Ⅲ级响应仍在进行：由牵头方在“响应级别”中终止响应。');
    move(d, '设立前方指挥部').click();
    expect(d.world().hierarchy.hq).toBe('forwardPost');

    within(levels(d)).getByRole('button', { name: '终止应急响应' }).click();
    expect(d.session().exercise.log.at(-1)).toMatchObject({ actor: 'anshan-hq', event: { type: 'set-level', level: 'none' } });
    expect(d.world().hierarchy.hq).toBe('ended');
    expect(d.world().rejections).toEqual([]);
  });

  it('a county HQ sees the level its plan gives it; the authority still checks the criteria; a unit has no level to set', () => {
    const d = renderDrill();
    d.start();
    show(d, 'county-haicheng');
    expect(words(levels(d))).toContain('预案启动条件：造成10人以下死亡（含失踪）');
    expect(queryByRole(d.container, 'region', { name: '指挥部行动' })).toBeNull();
    // M5.8 is above Level IV's band (M4.0–5.0): refused, and the status line says so.
    within(levels(d)).getByRole('button', { name: '启动Ⅳ级响应' }).click();
    expect(refused(d)).toBe(true);
    expect(d.world().level).toBe('none');

    show(d, 'fire-rescue');
    expect(queryByRole(d.container, 'region', { name: '响应级别' })).toBeNull();
    expect(queryByRole(d.container, 'form', { name: '下达命令' })).toBeNull();
  });
});
