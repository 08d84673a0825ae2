// @vitest-environment happy-dom
// The time-node strip: per node, incidents that appeared and decisions opened, answered, expired.
import '../quiet-lit.ts';
import { describe, expect, it } from 'vitest';
import { render } from 'lit-html';
import { getAllByRole, getByRole } from '@testing-library/dom';
import { timeNodeStrip } from '../../../src/app/map/strip-model.ts';
import { timeNodeStripView } from '../../../src/app/map/strip.ts';
import { createExercise } from '../../../src/core/index.ts';
import { playedFor } from './helpers.ts';

describe('the time-node strip', () => {
  const ex = playedFor(40);
  const strip = timeNodeStrip(ex.model, ex.world);

  it('has one entry per node, past, current and future', () => {
    expect(strip.map((n) => n.id)).toEqual(ex.model.scenario.nodes.map((n) => n.id));
    expect(strip.map((n) => n.state)).toEqual(['past', 'current', 'future', 'future', 'future']);
    expect(strip.map((n) => [n.from, n.to])).toEqual(ex.model.scenario.nodes.map((n) => [n.span.from, n.span.to]));
  });

  it('counts the incidents that appeared in each node, all of them once', () => {
    const appeared = Object.values(ex.world.incidents).filter((i) => i.status !== 'latent').length;
    expect(strip.reduce((sum, n) => sum + n.incidents.appeared, 0)).toBe(appeared);
    expect(strip[0]!.incidents.appeared).toBeGreaterThan(0);
    for (const n of strip) expect(n.incidents.ids).toHaveLength(n.incidents.appeared);
    for (const n of strip) expect(n.incidents.active).toBeLessThanOrEqual(n.incidents.appeared);
    expect(strip.slice(2).every((n) => n.incidents.appeared === 0)).toBe(true);
  });

  it('counts each node’s decisions: all of node 1 settled by plan bots, none of node 3 opened yet', () => {
    const total = strip.reduce((sum, n) => sum + n.decisions.total, 0);
    expect(total).toBe(ex.model.scenario.decisions.length);
    const first = strip[0]!.decisions;
    expect(first.total).toBeGreaterThan(0);
    expect(first.opened).toBe(first.total);
    expect(first.answered + first.expired).toBe(first.total);
    expect(strip[2]!.decisions).toMatchObject({ opened: 0, open: 0, answered: 0, expired: 0 });
    const answered = Object.values(ex.world.decisions).filter((d) => d.outcome === 'answered').length;
    expect(strip.reduce((sum, n) => sum + n.decisions.answered, 0)).toBe(answered);
  });

  it('numbers each node once: in its name, the list drawing no markers of its own', () => {
    const container = document.body.appendChild(document.createElement('div'));
    render(timeNodeStripView({ lang: 'zh', nodes: strip, selected: null, onSelect: () => undefined }), container);
    const list = container.querySelector('ol')!;
    expect(list.style.listStyle).toBe('none'); // else the browser draws "1." before "1. 第一节点"
    expect(getAllByRole(container, 'button')[1]!.textContent!.trim()).toMatch(/^1\. \S/);
    container.remove();
  });

  it('shows every node as future before the drill starts', () => {
    const fresh = createExercise({ scenario: ex.model.scenario, seed: 1 });
    const before = timeNodeStrip(fresh.model, fresh.world);
    expect(before.every((n) => n.state === 'future' && n.incidents.appeared === 0 && n.decisions.opened === 0)).toBe(true);
  });

  it('renders as buttons; a click picks a node and a second click on it goes back to all', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const picked: (number | null)[] = [];
    const draw = (selected: number | null) => render(timeNodeStripView({ lang: 'zh', nodes: strip, selected, onSelect: (n) => picked.push(n) }), container);
    draw(null);
    expect(getByRole(container, 'navigation', { name: '时间节点' })).toBeTruthy();
    const buttons = getAllByRole(container, 'button');
    expect(buttons).toHaveLength(strip.length + 1);
    expect(buttons[0]!.getAttribute('aria-pressed')).toBe('true');
    expect(buttons[2]!.getAttribute('aria-current')).toBe('step');
    expect(buttons[1]!.textContent).toContain(`事件 ${strip[0]!.incidents.appeared}`);
    buttons[1]!.click();
    draw(0);
    expect(getAllByRole(container, 'button')[1]!.getAttribute('aria-pressed')).toBe('true');
    getAllByRole(container, 'button')[1]!.click();
    getAllByRole(container, 'button')[0]!.click();
    expect(picked).toEqual([0, null, null]);
    render(timeNodeStripView({ lang: 'en', nodes: strip, selected: null, onSelect: () => {} }), container);
    expect(getByRole(container, 'navigation', { name: 'Time nodes' }).textContent).toContain(`incidents ${strip[0]!.incidents.appeared}`);
    container.remove();
  });
});
