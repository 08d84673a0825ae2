// @vitest-environment happy-dom
// The first screen and the moment the app takes over (issue 8): the first screen is the app's own
// frame, so the app fills it in place; until a saved drill has been looked for, neither the start
// button nor the picker acts; a part of the app that does not download is said where the user acted;
// the tab title names the scenario on show.
import './quiet-lit.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getByRole, queryByText, waitFor, within } from '@testing-library/dom';
import { html, render } from 'lit-html';
import { createUiStore, mountApp } from '../../src/app/index.ts';
import type { FileActions } from '../../src/app/app.ts';
import { DownloadError } from '../../src/app/download.ts';
import { createPickerStore, shippedByFile } from '../../src/app/persist/index.ts';
import { firstScreenView } from '../../src/app/views/first-screen.ts';
import { pickerView } from '../../src/app/views/picker.ts';
import { briefOf } from '../../src/app/views/summary.ts';
import { DEFAULT_FILE, loadDefault, minimal, renderApp } from './render.ts';
import { loadScenario } from '../../src/scenario/index.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const fresh = () => {
  const container = document.body.appendChild(document.createElement('div'));
  cleanups.push(() => container.remove());
  return container;
};

function files(restoring: () => boolean): FileActions {
  return { picker: () => html`<p>picker</p>`, exportDrill: () => undefined, newDrill: () => undefined, notice: () => null, subscribe: () => () => undefined, restoring };
}

describe('the first screen', () => {
  it('is the app’s frame: the app fills the same elements in place, the start button enabled', () => {
    const container = fresh();
    const store = createUiStore('zh');
    const full = loadDefault();
    render(firstScreenView({ lang: 'zh', file: DEFAULT_FILE, brief: briefOf(full), failed: false, onLang: store.getState().setLang }), container);
    const start = getByRole(container, 'button', { name: '开始推演' }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    expect(within(container).getByText('正在加载推演程序…')).toBeTruthy();
    const nav = getByRole(container, 'navigation', { name: '界面' });
    const picker = getByRole(container, 'button', { name: '选择情景' }) as HTMLButtonElement;
    expect(picker.disabled).toBe(true);
    const slot = container.querySelector('[data-map-slot]');
    expect(slot).not.toBeNull();
    const english = getByRole(container, 'button', { name: 'English' });
    english.focus();

    const app = mountApp(container, { file: DEFAULT_FILE, result: { ok: true, scenario: full } }, store, { files: files(() => false) });
    cleanups.push(() => app.destroy());
    // The very same elements, now live: nothing was replaced, so nothing moved or lost focus.
    expect(getByRole(container, 'button', { name: '开始推演' })).toBe(start);
    expect(start.disabled).toBe(false);
    expect(getByRole(container, 'navigation', { name: '界面' })).toBe(nav);
    expect(getByRole(container, 'button', { name: '选择情景' })).toBe(picker);
    expect(picker.disabled).toBe(false);
    expect(container.querySelector('[data-map-slot]')).toBe(slot);
    expect(container.querySelectorAll('.page')).toHaveLength(1);
    expect(document.activeElement).toBe(english);
  });

  it('says the program did not download beside the start button', () => {
    const container = fresh();
    render(firstScreenView({ lang: 'en', file: DEFAULT_FILE, brief: briefOf(loadDefault()), failed: true, onLang: () => undefined }), container);
    expect(getByRole(container, 'alert').textContent!.trim()).toBe('Could not download part of the app: check the network and reload the page.');
    expect((getByRole(container, 'button', { name: 'Start the drill' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('while a saved drill is being restored', () => {
  it('neither the start button nor the picker acts; both come alive after', () => {
    let restoring = true;
    const { container, store, app } = renderApp(DEFAULT_FILE, { ok: true, scenario: loadDefault() }, 'zh', { files: files(() => restoring) });
    const start = getByRole(container, 'button', { name: '开始推演' }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    expect(within(container).getByText('正在恢复上次推演…')).toBeTruthy();
    start.click();
    expect(app.startDrill()).toBeNull();
    expect(store.getState().session).toBeNull();
    expect((getByRole(container, 'button', { name: '选择情景' }) as HTMLButtonElement).disabled).toBe(true);

    restoring = false;
    app.render();
    expect(start.disabled).toBe(false);
    expect(queryByText(container, '正在恢复上次推演…')).toBeNull();
    start.click();
    expect(store.getState().session).not.toBeNull();
  });
});

describe('a part of the app that does not download', () => {
  it('choosing a shipped scenario offline says so in the list, not as a problem of the file', async () => {
    const offline = { ...shippedByFile('scenarios/minimal.yaml')!, load: () => Promise.reject(new DownloadError(new TypeError('Failed to fetch dynamically imported module'))) };
    const onScenario = vi.fn();
    const store = createPickerStore({ shipped: [offline], onScenario, onDrill: vi.fn() });
    const container = fresh();
    const draw = () => render(pickerView({ lang: 'zh', scenarios: [offline], state: store.getState() }), container);
    draw();
    cleanups.push(store.subscribe(draw));
    getByRole(container, 'button', { name: '选用此情景' }).click();
    const shipped = getByRole(container, 'region', { name: '内置情景' });
    await waitFor(() => expect(within(shipped).getByRole('alert').textContent).toBe('无法下载程序文件，请检查网络后刷新页面。'));
    expect(container.textContent).not.toContain('cannot read the file');
    expect(container.querySelector('.problems')).toBeNull();
    expect(onScenario).not.toHaveBeenCalled();
  });
});

describe('the tab title', () => {
  it('names the scenario on show, in the interface language', () => {
    const { app, store } = renderApp(DEFAULT_FILE, { ok: true, scenario: loadDefault() }, 'zh');
    expect(document.title).toBe('鞍山市海城5.8级地震应急桌面推演（默认情景） · 震演');
    app.newDrill({ file: 'scenarios/minimal.yaml', result: loadScenario(minimal(), 'scenarios/minimal.yaml') });
    expect(document.title).toBe('最小示例 · 震演');
    store.getState().setLang('en');
    expect(document.title).toMatch(/ · Quake Drill$/);
    expect(document.title).not.toMatch(/Haicheng/);
  });
});
