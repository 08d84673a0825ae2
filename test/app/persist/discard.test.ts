// @vitest-environment happy-dom
// Nothing is thrown away without asking (issue 9 §3): 开始推演 over a finished or imported drill, and
// choosing another scenario mid-drill, ask first — in the app's own dialog, not window.confirm — and
// the keyboard focus goes where it should when the dialog opens and closes.
import '../quiet-lit.ts';
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByRole } from '@testing-library/dom';
import { createPersistence, memoryBackend, shippedByFile, type ShippedScenario } from '../../../src/app/persist/index.ts';
import { shellHooks } from '../../../src/app/persist/shell-hooks.ts';
import { renderApp } from '../render.ts';
import { FILE, manualClock, MIN, minimalText, scenario } from './helpers.ts';

const shipped: ShippedScenario[] = [{ ...shippedByFile(FILE)!, load: async () => scenario(), text: async () => minimalText() }];

/** The app as boot.ts wires it, on the minimal scenario, saving in memory. */
function wiredApp() {
  const clock = manualClock();
  const persistence = createPersistence({ clock, backend: memoryBackend(), shipped });
  const hooks = shellHooks(persistence, shipped);
  let seed = 5;
  const { container, store, app } = renderApp(FILE, { ok: true, scenario: scenario() }, 'zh', { clock, seed: () => seed++, onSession: persistence.onSession, files: hooks.files });
  const picker = hooks.connect(app, container);
  return { clock, persistence, container, store, app, picker };
}

describe('asking before a drill is thrown away', () => {
  it('开始推演 over a finished drill asks; Escape keeps it and gives the focus back; 放弃 starts anew', async () => {
    const { clock, persistence, container, store, app } = wiredApp();
    const finished = app.startDrill()!;
    clock.advance(MIN);
    app.tick();
    expect(finished.facilitator({ type: 'end' })).toEqual({ ok: true });
    store.getState().setScreen('briefing');

    const start = getByRole(container, 'button', { name: '开始推演' });
    start.focus();
    start.click();
    const dialog = getByRole(container, 'alertdialog', { name: '放弃当前推演？' });
    expect(dialog.textContent).toContain(`当前页面上的推演（${finished.exercise.log.length} 条记录）已结束。`);
    expect(dialog.textContent).toContain('开始新推演将放弃它');
    expect(document.activeElement).toBe(getByRole(dialog, 'button', { name: '取消' })); // the safe answer

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(queryByRole(container, 'alertdialog')).toBeNull();
    expect(store.getState().session).toBe(finished);
    expect(document.activeElement).toBe(start);

    start.click();
    getByRole(container, 'button', { name: '放弃当前推演' }).click();
    await Promise.resolve();
    expect(queryByRole(container, 'alertdialog')).toBeNull();
    const fresh = store.getState().session!;
    expect(fresh).not.toBe(finished);
    expect(fresh.exercise.world.mode).toBe('running');
    expect(store.getState().screen).toBe('console');
    // The start button is gone with the briefing: the focus is on the new screen, not lost on the body.
    expect(start.isConnected).toBe(false);
    expect(container.contains(document.activeElement)).toBe(true);
    expect(persistence.state.getState().question).toBeNull();
  });

  it('choosing another scenario mid-drill asks; no keeps the drill on show', async () => {
    const { persistence, store, app, picker } = wiredApp();
    const running = app.startDrill()!;
    store.getState().setScreen('picker');
    await picker.getState().choose(shipped[0]!);
    expect(persistence.state.getState().question).toEqual({ kind: 'scenario', entries: 1, ended: false });
    persistence.answer(false);
    await Promise.resolve();
    expect(store.getState().session).toBe(running);
    expect(store.getState().screen).toBe('picker');

    await picker.getState().choose(shipped[0]!);
    persistence.answer(true);
    await Promise.resolve();
    expect(store.getState().session).toBeNull();
    expect(store.getState().screen).toBe('briefing');
  });

  it('with nothing on show there is nothing to ask', async () => {
    const { persistence, store, picker } = wiredApp();
    await picker.getState().choose(shipped[0]!);
    await Promise.resolve();
    expect(persistence.state.getState().question).toBeNull();
    expect(store.getState().screen).toBe('briefing');
  });
});
