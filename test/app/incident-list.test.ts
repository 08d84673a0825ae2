// @vitest-environment happy-dom
// The list view beside the map (列表视图): the incidents that appeared, as a table a keyboard or
// screen-reader user can read — kind, place, state, people trapped, since when.
import { render } from 'lit-html';
import { describe, expect, it } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import { createExercise, FACILITATOR } from '../../src/core/index.ts';
import { incidentList } from '../../src/app/views/incident-list.ts';
import { loadDefault } from './render.ts';

const scenario = loadDefault();

describe('the incident list', () => {
  it('is a toggle named 列表视图, and says when nothing has happened yet', () => {
    const { model, world } = createExercise({ scenario, seed: 1 });
    const el = document.createElement('div');
    render(incidentList('zh', model, world), el);
    expect(el.querySelector('summary')!.textContent).toBe('列表视图');
    expect(el.textContent).toContain('尚无灾情事件。');
  });

  it('lists the incidents that appeared, with kind, place, state, trapped and since', () => {
    const ex = createExercise({ scenario, seed: 1 });
    ex.apply({ t: 0, actor: FACILITATOR, event: { type: 'start' } });
    ex.apply({ t: 60_000, actor: FACILITATOR, event: { type: 'pause' } });
    const el = document.createElement('div');
    render(incidentList('zh', ex.model, ex.world), el);
    const table = getByRole(el, 'table', { name: '灾情事件列表' });
    const header = within(table).getAllByRole('columnheader').map((c) => c.textContent);
    expect(header).toEqual(['类型', '地点', '状态', '被困（人）', '出现时间']);
    const appeared = Object.values(ex.world.incidents).filter((i) => i.status !== 'latent');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + appeared.length);
    // The main shock is there from T+0:00.
    expect(table.textContent).toContain('T+0:00');
  });
});
