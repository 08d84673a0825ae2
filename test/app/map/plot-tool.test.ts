// @vitest-environment happy-dom
// The plot tool beside the map, without a map (a screen without one, or WebGL missing): a command
// seat writes a note at a named place from the keyboard and 完成 sends exactly the plot command;
// a member unit gets no tool, only the marks meant for everyone; the list's 删除 is the author's.
import '../quiet-lit.ts';
import { describe, expect, it } from 'vitest';
import { fireEvent, getByLabelText, getByRole, queryByRole } from '@testing-library/dom';
import { render } from 'lit-html';
import { createExercise, FACILITATOR, type DrillEvent } from '../../../src/core/index.ts';
import { plotPanel, type PlotProps } from '../../../src/app/views/plot-tool.ts';
import { OBSERVER } from '../../../src/app/store.ts';
import { scenario } from './helpers.ts';

const ex = createExercise({ scenario: scenario(), seed: 1 });
ex.apply({ t: 0, actor: FACILITATOR, event: { type: 'start' } });
const m = ex.model;
const county = [...m.counties.keys()][0]!;
const unit = [...m.units.keys()][0]!;

/** The tool for `actor`, sending to the authority; it redraws as the app would after each send. */
function tool(actor: string | null, viewer = actor ?? OBSERVER) {
  const el = document.body.appendChild(document.createElement('div'));
  const sent: DrillEvent[] = [];
  const props = (): PlotProps => ({ lang: 'zh', model: m, world: ex.world, actor, viewer, readOnly: false, send });
  function send(event: DrillEvent): boolean {
    sent.push(event);
    const ok = ex.apply({ t: ex.world.t + 1000, actor: actor!, event }).ok;
    render(plotPanel(props()), el);
    return ok;
  }
  render(plotPanel(props()), el);
  return { el, sent };
}

describe('the plot tool', () => {
  it('a county HQ puts a note at a named place from the keyboard, and 完成 sends that plot', () => {
    const { el, sent } = tool(county);
    fireEvent.click(getByRole(el, 'button', { name: '文字标注' }));
    const done = getByRole(el, 'button', { name: '完成' }) as HTMLButtonElement;
    expect(done.disabled).toBe(true);
    const place = m.scenario.region.settlements[0]!;
    fireEvent.change(getByLabelText(el, '地点'), { target: { value: place.id } });
    fireEvent.click(getByRole(el, 'button', { name: '放在此地点' }));
    expect(el.textContent).toContain('已选 1 点');
    // A note needs its words before it can go.
    expect((getByRole(el, 'button', { name: '完成' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(getByLabelText(el, '可见范围'), { target: { value: 'command' } });
    fireEvent.input(getByLabelText(el, '标注内容（必填）'), { target: { value: '群众集结点' } });
    fireEvent.click(getByRole(el, 'button', { name: '完成' }));
    expect(sent).toEqual([{ type: 'plot', mark: { kind: 'note', points: [[place.lat, place.lon]], text: '群众集结点' }, audience: 'command' }]);
    // Sent: the form closes, and the list has it, with 删除 for its author.
    expect(queryByRole(el, 'button', { name: '完成' })).toBeNull();
    expect(getByRole(el, 'heading', { name: '已标绘 1 项' })).toBeTruthy();
    expect(getByRole(el, 'button', { name: '删除标绘：文字标注 · 群众集结点' })).toBeTruthy();
  });

  it('a member unit gets no tool, and does not see a mark meant for the command', () => {
    const { el } = tool(unit);
    expect(queryByRole(el, 'toolbar')).toBeNull();
    expect(getByRole(el, 'heading', { name: '已标绘 0 项' })).toBeTruthy();
  });

  it('the facilitator sees it and may take it off; the observer sees nothing to press', () => {
    const facilitator = tool(FACILITATOR);
    expect(getByRole(facilitator.el, 'button', { name: '删除标绘：文字标注 · 群众集结点' })).toBeTruthy();
    const observer = tool(null);
    expect(queryByRole(observer.el, 'toolbar')).toBeNull();
    expect(queryByRole(observer.el, 'button')).toBeNull();
    fireEvent.click(getByRole(facilitator.el, 'button', { name: '删除标绘：文字标注 · 群众集结点' }));
    expect(facilitator.sent).toEqual([{ type: 'unplot', mark: ex.world.seq - 1 }]);
    expect(getByRole(facilitator.el, 'heading', { name: '已标绘 0 项' })).toBeTruthy();
  });
});
