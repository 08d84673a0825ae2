// @vitest-environment happy-dom
// Which scenario the page opens (issue 12): a reload before 开始推演 comes back to the scenario chosen
// in the tab, a trainer can make any scenario the start page, and the build's default is configured,
// never written into src/.
import '../quiet-lit.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getAllByRole, getByRole } from '@testing-library/dom';
import { configuredDefault } from '../../../src/cli/shipped-scenarios.ts';
import { createPersistence, memoryBackend, shippedByFile, type ShippedScenario } from '../../../src/app/persist/index.ts';
import { shellHooks } from '../../../src/app/persist/shell-hooks.ts';
import { CHOSEN_KEY, openingScenario, START_PAGE_KEY, startPages, type StorageLike } from '../../../src/app/persist/start-page.ts';
import { renderApp } from '../render.ts';
import { FILE, manualClock, minimalText, scenario } from './helpers.ts';

const HAICHENG = 'scenarios/haicheng-m5.8.yaml';
const SHIPPED_FILES = [HAICHENG, FILE];

/** Web Storage as a Map; `full` makes every write throw, as a full or disabled store does. */
function memoryStorage(full = false): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (full) throw new DOMException('quota exceeded', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

describe('the scenario the page opens', () => {
  it('this tab’s choice first, then the start page, then the configured default', () => {
    const minimal = JSON.stringify({ file: FILE });
    const haicheng = JSON.stringify({ file: HAICHENG });
    expect(openingScenario({ chosen: null, startPage: null }, SHIPPED_FILES, HAICHENG)).toEqual({ file: HAICHENG, from: 'default' });
    expect(openingScenario({ chosen: null, startPage: minimal }, SHIPPED_FILES, HAICHENG)).toEqual({ file: FILE, from: 'start-page' });
    expect(openingScenario({ chosen: haicheng, startPage: minimal }, SHIPPED_FILES, HAICHENG)).toEqual({ file: HAICHENG, from: 'chosen' });
    // A local file comes with its text.
    expect(openingScenario({ chosen: JSON.stringify({ file: 'mine.yaml', text: 'format: x' }), startPage: null }, SHIPPED_FILES, HAICHENG)).toEqual({ file: 'mine.yaml', text: 'format: x', from: 'chosen' });
  });

  it('passes over what it cannot open: a file no longer shipped, garbled JSON, a wrong shape', () => {
    for (const chosen of [JSON.stringify({ file: 'scenarios/gone.yaml' }), '{not json', '"scenarios/minimal.yaml"', JSON.stringify({ file: '' }), 'null']) {
      expect(openingScenario({ chosen, startPage: null }, SHIPPED_FILES, HAICHENG), chosen).toEqual({ file: HAICHENG, from: 'default' });
    }
  });

  it('keeps a shipped file by name only, a local one with its text; forgets on request; says when the browser would not keep it', () => {
    const session = memoryStorage();
    const local = memoryStorage();
    const pages = startPages({ session, local }, SHIPPED_FILES, HAICHENG);
    pages.remember({ file: FILE, text: minimalText() });
    expect(JSON.parse(session.map.get(CHOSEN_KEY)!)).toEqual({ file: FILE });
    pages.remember({ file: 'mine.yaml', text: 'format: x' });
    expect(JSON.parse(session.map.get(CHOSEN_KEY)!)).toEqual({ file: 'mine.yaml', text: 'format: x' });
    pages.forget('chosen');
    expect(session.map.has(CHOSEN_KEY)).toBe(false);
    expect(pages.setStartPage({ file: FILE })).toBe(true);
    expect(pages.startPage()).toBe(FILE);
    expect(startPages({ session, local: memoryStorage(true) }, SHIPPED_FILES, HAICHENG).setStartPage({ file: FILE })).toBe(false);
    // No storage at all (disabled): the default opens, nothing throws.
    const none = startPages({ session: null, local: null }, SHIPPED_FILES, HAICHENG);
    none.remember({ file: FILE, text: '' });
    expect(none.opening()).toEqual({ file: HAICHENG, from: 'default' });
  });
});

/** The app as boot.ts wires it, on the default scenario, with this tab's and this browser's storage (and saved drills in `backend`). */
function wiredApp(storage: { session: StorageLike; local: StorageLike }, backend = memoryBackend()) {
  const shipped: ShippedScenario[] = [
    { ...shippedByFile(HAICHENG)! },
    { ...shippedByFile(FILE)!, load: async () => scenario(), text: async () => minimalText() },
  ];
  const pages = startPages(storage, shipped.map((s) => s.file), HAICHENG);
  const opening = pages.opening();
  const clock = manualClock();
  const persistence = createPersistence({ clock, backend, shipped, onChosen: pages.remember });
  const hooks = shellHooks(persistence, shipped, { pages, defaultFile: HAICHENG });
  const { container, store, app } = renderApp(FILE, { ok: true, scenario: scenario() }, 'zh', { clock, onSession: persistence.onSession, files: hooks.files });
  const picker = hooks.connect(app, container);
  return { opening, pages, container, store, app, picker, shipped, persistence, clock };
}

describe('a reload before 开始推演', () => {
  it('comes back to the scenario chosen in the picker, not the default', async () => {
    const session = memoryStorage();
    const local = memoryStorage();
    const first = wiredApp({ session, local });
    expect(first.opening.file).toBe(HAICHENG);
    await first.picker.getState().choose(first.shipped[1]!);
    expect(first.app.source.file).toBe(FILE);
    expect(first.store.getState().session).toBeNull(); // not started

    // The reload: a new page on the same tab's storage.
    expect(wiredApp({ session, local }).opening).toEqual({ file: FILE, from: 'chosen' });
  });

  it('after a drill thrown away for another scenario: the scenario chosen, not the drill (it is forgotten, not restored)', async () => {
    const [session, local, backend] = [memoryStorage(), memoryStorage(), memoryBackend()];
    const first = wiredApp({ session, local }, backend);
    await first.persistence.resume(first.app);
    const thrown = first.app.startDrill()!;
    first.clock.advance(60_000);
    first.app.tick();
    await first.persistence.flush();
    expect((await backend.read())?.entries.length).toBe(thrown.exercise.log.length);

    const choosing = first.picker.getState().choose(first.shipped[0]!);
    await choosing;
    first.persistence.answer(true); // 放弃当前推演
    await first.persistence.flush();
    expect(first.store.getState().session).toBeNull();
    expect(await backend.read()).toBeUndefined();

    // The reload: the scenario chosen, and no drill to restore over it.
    const again = wiredApp({ session, local }, backend);
    expect(again.opening).toEqual({ file: HAICHENG, from: 'chosen' });
    expect(await again.persistence.resume(again.app)).toEqual({ kind: 'none' });
  });

  it('a drill started at once after choosing is saved: the clearing of the one before never wipes it', async () => {
    const backend = memoryBackend();
    const { app, picker, persistence, shipped } = wiredApp({ session: memoryStorage(), local: memoryStorage() }, backend);
    await persistence.resume(app);
    app.startDrill();
    await persistence.flush();
    await picker.getState().choose(shipped[1]!);
    persistence.answer(true);
    await Promise.resolve();
    const next = app.startDrill()!; // before the clearing has settled
    await persistence.flush();
    expect((await backend.read())?.entries.length).toBe(next.exercise.log.length);
    expect((await backend.read())?.meta).toMatchObject({ file: FILE });
  });

  it('comes back to a local file, with its text', async () => {
    const session = memoryStorage();
    const { picker, app } = wiredApp({ session, local: memoryStorage() });
    const text = minimalText().replace('最小示例', '本地示例');
    await picker.getState().openScenario({ name: 'mine.yaml', text: async () => text });
    expect(app.source.file).toBe('mine.yaml');
    expect(startPages({ session, local: memoryStorage() }, SHIPPED_FILES, HAICHENG).opening()).toEqual({ file: 'mine.yaml', text, from: 'chosen' });
  });
});

describe('设为首页情景 in the picker', () => {
  it('makes a shipped scenario the start page of every new visit, and puts the default back', () => {
    const local = memoryStorage();
    const { container, store, pages } = wiredApp({ session: memoryStorage(), local });
    store.getState().setScreen('picker');
    // The built-in default is marked; the other offers the button.
    const cards = getAllByRole(container, 'article');
    const haicheng = cards.find((c) => c.textContent!.includes(HAICHENG))!;
    const minimal = cards.find((c) => c.textContent!.includes(FILE))!;
    expect(haicheng.querySelector('[data-start-page]')).not.toBeNull();
    expect(haicheng.querySelector('[data-make-start-page]')).toBeNull();
    getByRole(minimal, 'button', { name: '设为首页情景' }).click();
    expect(pages.startPage()).toBe(FILE);
    expect(JSON.parse(local.map.get(START_PAGE_KEY)!)).toEqual({ file: FILE });
    expect(minimal.querySelector('[data-start-page]')).not.toBeNull();

    // A new visit (another tab: its own session storage) opens it.
    expect(startPages({ session: memoryStorage(), local }, SHIPPED_FILES, HAICHENG).opening()).toEqual({ file: FILE, from: 'start-page' });

    getByRole(container, 'button', { name: '恢复默认首页情景' }).click();
    expect(local.map.has(START_PAGE_KEY)).toBe(false);
    expect(startPages({ session: memoryStorage(), local }, SHIPPED_FILES, HAICHENG).opening()).toEqual({ file: HAICHENG, from: 'default' });
  });

  it('offers the local file on show, kept with its text', async () => {
    const local = memoryStorage();
    const { container, store, picker } = wiredApp({ session: memoryStorage(), local });
    const text = minimalText();
    await picker.getState().openScenario({ name: 'mine.yaml', text: async () => text });
    store.getState().setScreen('picker');
    expect(container.textContent).toContain('当前情景（本地文件）：mine.yaml');
    const note = container.querySelector('.start-page-note') as HTMLElement;
    getByRole(note, 'button', { name: '设为首页情景' }).click();
    expect(JSON.parse(local.map.get(START_PAGE_KEY)!)).toEqual({ file: 'mine.yaml', text });
  });

  it('says so when the browser will not keep it', () => {
    const { container, store } = wiredApp({ session: memoryStorage(), local: memoryStorage(true) });
    store.getState().setScreen('picker');
    const minimal = getAllByRole(container, 'article').find((c) => c.textContent!.includes(FILE))!;
    getByRole(minimal, 'button', { name: '设为首页情景' }).click();
    expect(getByRole(container, 'alert').textContent).toBe('本浏览器无法保存首页设置（存储已满或被禁用）。');
  });
});

describe('the default a build opens with', () => {
  const files = SHIPPED_FILES.map((file) => ({ file }));
  const folder = (pkg?: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), 'qd-default-'));
    if (pkg !== undefined) writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
    return dir;
  };

  it('is package.json’s quakeDrill.defaultScenario, with or without scenarios/', () => {
    expect(configuredDefault(folder({ quakeDrill: { defaultScenario: FILE } }), files, {})).toBe(FILE);
    expect(configuredDefault(folder({ quakeDrill: { defaultScenario: 'minimal.yaml' } }), files, {})).toBe(FILE);
  });

  it('QUAKE_DRILL_DEFAULT overrides it for one build', () => {
    expect(configuredDefault(folder({ quakeDrill: { defaultScenario: HAICHENG } }), files, { QUAKE_DRILL_DEFAULT: FILE })).toBe(FILE);
  });

  it('without either, the first shipped file by name', () => {
    expect(configuredDefault(folder({ name: 'x' }), [{ file: 'scenarios/b.yaml' }, { file: 'scenarios/a.yaml' }], {})).toBe('scenarios/a.yaml');
    expect(configuredDefault(folder(), [{ file: 'scenarios/b.yaml' }], {})).toBe('scenarios/b.yaml');
  });

  it('one that names no shipped file stops the build, saying where and what to use', () => {
    expect(() => configuredDefault(folder({ quakeDrill: { defaultScenario: 'scenarios/gone.yaml' } }), files, {})).toThrow(
      `package.json "quakeDrill.defaultScenario" names "scenarios/gone.yaml", which is not a shipped scenario: use one of ${HAICHENG}, ${FILE}`,
    );
    expect(() => configuredDefault(folder(), files, { QUAKE_DRILL_DEFAULT: 'x.yaml' })).toThrow('the environment variable QUAKE_DRILL_DEFAULT names "x.yaml"');
    expect(() => configuredDefault(folder({ quakeDrill: { defaultScenario: 7 } }), files, {})).toThrow('package.json "quakeDrill.defaultScenario" must be a scenario file name');
  });

  it('this repository’s package.json names the one it ships as the default', () => {
    expect(configuredDefault(join(import.meta.dirname, '../../..'), files, {})).toBe(HAICHENG);
  });
});
