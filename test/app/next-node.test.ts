// @vitest-environment happy-dom
// Next node while paused (pause → discuss → next node), and leaving a node early only after the
// console has listed what that delivers at once — its injects not yet delivered, its decisions not
// yet opened — and the facilitator has confirmed: by the button or by N, Enter confirms, Escape
// cancels.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { loadDefault, renderDrill } from './render.ts';

const scenario = loadDefault();
const title = (id: string) => scenario.injects.find((x) => x.id === id)!.title;
const prompt = (id: string) => scenario.decisions.find((x) => x.id === id)!.prompt;
const types = (d: ReturnType<typeof renderDrill>) => d.session().exercise.log.map((e) => e.event.type);
const HEADING = '提前进入下一节点？';

/** Paused at 0:00 of node 1: only i01 (offset 0) is out. */
function pausedAtStart(lang?: 'en') {
  const d = renderDrill(lang ? { lang } : {});
  d.start();
  fireEvent.keyDown(document.body, { key: ' ' });
  expect(d.world().mode).toBe('paused');
  return d;
}

describe('leaving a node early', () => {
  it('the button lists what node 1 still holds and asks; confirming moves on and the drill stays paused', () => {
    const d = pausedAtStart();
    const next = getByRole(d.container, 'button', { name: '下一节点' }) as HTMLButtonElement;
    expect(next.disabled).toBe(false); // paused is no reason to refuse
    next.click();
    const dialog = getByRole(d.container, 'alertdialog', { name: HEADING });
    expect(d.world().node).toBe(0); // nothing happens before the confirmation
    // Node 1's injects after offset 0 (scenarios/haicheng-m5.8.yaml, n1): i02 at 2m … i09 at 16m.
    const injects = within(within(dialog).getByRole('list', { name: /注入信息/ })).getAllByRole('listitem').map((li) => li.textContent!);
    for (const id of ['i02-intensity', 'i03-first-damage', 'i04-substation-trip', 'i05-hospital-backup', 'i06-rumour-m7', 'i07-city-felt', 'i08-county-zero-report']) {
      expect(injects.some((x) => x.includes(title(id).zh))).toBe(true);
    }
    expect(injects.some((x) => x.includes(title('i01-quake-report').zh))).toBe(false); // already delivered at 0:00
    // i09 fires only if d01 expires: said so.
    expect(injects.find((x) => x.includes(title('i09-province-chase').zh))).toContain('条件满足时');
    // The decisions node 1 opens by the clock (d03 at 1m, d02 at 2m, d05 at 8m) and the five that wait for
    // its injects (d01 after i02, d04 after i03, d06 after i04, d07 after i06, d08 after i07) — with their seats.
    const decisions = within(within(dialog).getByRole('list', { name: /决策/ })).getAllByRole('listitem').map((li) => li.textContent!);
    expect(decisions).toHaveLength(8);
    expect(decisions.some((x) => x.includes(prompt('d01-level').zh))).toBe(true);
    expect(decisions).toContain(`市地震局：${prompt('d03-quake-consult').zh}`);
    expect(decisions.some((x) => x.includes(prompt('d02-notify').zh))).toBe(true);
    expect(decisions.some((x) => x.includes(prompt('d05-groups').zh))).toBe(true);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '确认进入下一节点' }));

    within(dialog).getByRole('button', { name: '确认进入下一节点' }).click();
    expect(d.world().node).toBe(1);
    expect(d.world().mode).toBe('paused');
    expect(d.world().injects['i02-intensity']!.status).toBe('delivered');
    expect(d.world().decisions['d05-groups']!.status).toBe('open');
    expect(queryByRole(d.container, 'alertdialog')).toBeNull();
    expect(types(d)).toEqual(['start', 'pause', 'next-node']);
  });

  it('N asks too; Escape cancels and nothing is sent; Enter confirms', () => {
    const d = pausedAtStart();
    fireEvent.keyDown(document.body, { key: 'n' });
    expect(getByRole(d.container, 'alertdialog', { name: HEADING })).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(queryByRole(d.container, 'alertdialog')).toBeNull();
    expect(d.world().node).toBe(0);
    expect(types(d)).toEqual(['start', 'pause']);

    fireEvent.keyDown(document.body, { key: 'N' });
    getByRole(d.container, 'alertdialog', { name: HEADING });
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(d.world().node).toBe(1);
    expect(d.world().mode).toBe('paused');
    expect(types(d)).toEqual(['start', 'pause', 'next-node']);
    expect(queryByRole(d.container, 'alertdialog')).toBeNull();
  });

  it('the cancel button closes it', () => {
    const d = pausedAtStart();
    getByRole(d.container, 'button', { name: '下一节点' }).click();
    getByRole(d.container, 'button', { name: '暂不进入' }).click();
    expect(queryByRole(d.container, 'alertdialog')).toBeNull();
    expect(types(d)).toEqual(['start', 'pause']);
  });

  it('N on the big screen asks there', () => {
    const d = pausedAtStart();
    getByRole(d.container, 'button', { name: '指挥大屏' }).click();
    fireEvent.keyDown(document.body, { key: 'n' });
    const dialog = getByRole(d.container, 'alertdialog', { name: HEADING });
    expect(dialog.textContent).toContain(title('i02-intensity').zh);
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(d.world().node).toBe(1);
  });

  it('in English', () => {
    const d = pausedAtStart('en');
    fireEvent.keyDown(document.body, { key: 'n' });
    const dialog = getByRole(d.container, 'alertdialog', { name: 'Leave this node early?' });
    expect(dialog.textContent).toContain(title('i02-intensity').en!);
    expect(dialog.textContent).toContain(prompt('d05-groups').en!);
    within(dialog).getByRole('button', { name: 'Go to the next node' }).click();
    expect(d.world().node).toBe(1);
  });
});
