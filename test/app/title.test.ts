// @vitest-environment happy-dom
// The tab's title and the headings name the scenario on show (issue 12): choosing another scenario
// leaves nothing of the default's title behind, in either language.
import './quiet-lit.ts';
import { describe, expect, it } from 'vitest';
import { createPersistence, memoryBackend, shippedByFile, type ShippedScenario } from '../../src/app/persist/index.ts';
import { shellHooks } from '../../src/app/persist/shell-hooks.ts';
import { loadDefault, renderApp } from './render.ts';
import { FILE, manualClock, minimalText, scenario } from './persist/helpers.ts';

const HAICHENG = 'scenarios/haicheng-m5.8.yaml';

describe('the title follows the scenario on show', () => {
  it('the default’s title, then the chosen scenario’s in the tab and every heading', async () => {
    const shipped: ShippedScenario[] = [{ ...shippedByFile(FILE)!, load: async () => scenario(), text: async () => minimalText() }];
    const clock = manualClock();
    const persistence = createPersistence({ clock, backend: memoryBackend(), shipped });
    const hooks = shellHooks(persistence, shipped);
    const { container, store, app } = renderApp(HAICHENG, { ok: true, scenario: loadDefault() }, 'zh', { clock, onSession: persistence.onSession, files: hooks.files });
    const picker = hooks.connect(app, container);
    expect(document.title).toBe('鞍山市海城5.8级地震应急桌面推演（默认情景） · 震演');

    await picker.getState().choose(shipped[0]!);
    expect(document.title).toBe('最小示例 · 震演');
    const headings = () => [...container.querySelectorAll('h1, h2, h3')].map((h) => h.textContent!).join('\n');
    expect(headings()).toContain('最小示例');
    expect(headings()).not.toMatch(/海城|鞍山/);
    store.getState().setLang('en');
    expect(document.title).toBe('Minimal example · Quake Drill');

    // Played: the console and the big screen keep it.
    app.startDrill();
    store.getState().setScreen('bigscreen');
    expect(document.title).toBe('Minimal example · Quake Drill');
    expect(container.querySelector('h1')!.textContent).toContain('Minimal example');
    expect(container.textContent).not.toMatch(/Haicheng|海城/);
  });
});
