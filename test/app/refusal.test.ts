// @vitest-environment happy-dom
// The authority refuses what it may not do, and the user is told why in the aria-live status line:
// an answer with nothing chosen, a seat answering twice, a jump past the last node.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { MIN, loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const d01 = scenario.decisions.find((x) => x.id === 'd01-level')!;

function atHq() {
  const d = renderDrill();
  d.start();
  d.pass(3 * MIN);
  fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: 'anshan-hq' } });
  return d;
}

describe('refusals', () => {
  it('an answer with nothing chosen is refused, and the reason is announced', () => {
    const d = atHq();
    const card = getByRole(d.container, 'article', { name: d01.prompt.zh });
    within(card).getByRole('button', { name: '提交决策' }).click();
    const status = getByRole(d.container, 'status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toContain('已驳回');
    expect(status.textContent).toContain('原因：请选择一项（单选）');
    expect(d.world().decisions[d01.id]!.status).toBe('open');
    expect(d.world().rejections.at(-1)).toMatchObject({ actor: 'anshan-hq', reason: 'choose exactly one option' });
  });

  it('a seat answering twice (a stale form sent again) is refused: the decision is no longer open', () => {
    const d = atHq();
    const card = getByRole(d.container, 'article', { name: d01.prompt.zh });
    within(card).getByRole('radio', { name: d01.options[1]!.label.zh }).click();
    const form = card.querySelector('form')!;
    fireEvent.submit(form);
    expect(d.world().decisions[d01.id]!.outcome).toBe('answered');
    fireEvent.submit(form); // the same form again, from a desk that had not caught up
    const status = getByRole(d.container, 'status');
    expect(status.textContent).toContain('已驳回');
    expect(status.textContent).toContain(`原因：“${d01.prompt.zh}”已不在作答期（已作答并评分）`);
    expect(d.world().rejections).toHaveLength(1);
    // The log shows both: the accepted answer and the refused one.
    getByRole(d.container, 'button', { name: '导调台' }).click();
    const rows = within(getByRole(d.container, 'table', { name: '推演日志' })).getAllByRole('row').slice(1);
    expect(rows[0]!.textContent).toContain('驳回：');
    expect(within(rows[0]!).getAllByRole('cell')[4]!.getAttribute('title')).toBe("decision 'd01-level' is not open (scored)");
    expect(rows[1]!.textContent).toContain('已执行');
  });

  it('in English, the reason reads as the engine recorded it', () => {
    const d = atHq();
    getByRole(d.container, 'button', { name: 'English' }).click();
    within(getByRole(d.container, 'article', { name: d01.prompt.en! })).getByRole('button', { name: 'Submit the decision' }).click();
    expect(getByRole(d.container, 'status').textContent).toContain('Reason: choose exactly one option');
  });
});
