// @vitest-environment happy-dom
// Import refuses a record whose chain breaks (issue 10 §5) and says where: the line, the entry and
// what broke. The user may open it all the same, as untrusted; the drill is then marked so on every
// screen (不可信记录), and a record without a chain (format 1) as 未校验 — through a reload too.
import '../quiet-lit.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within, waitFor } from '@testing-library/dom';
import { html, render } from 'lit-html';
import { createPersistence, exportDrill, memoryBackend, shippedByFile } from '../../../src/app/persist/index.ts';
import { archivedDrill, memoryArchive } from '../../../src/app/persist/archive.ts';
import { parseLog } from '../../../src/review/log-file.ts';
import { shellView } from '../../../src/app/views/shell.ts';
import type { Lang } from '../../../src/app/i18n.ts';
import type { Screen } from '../../../src/app/store.ts';
import { shellHooks } from '../../../src/app/persist/shell-hooks.ts';
import { renderApp } from '../render.ts';
import { pickerPage } from './picker-page.ts';
import { fakeApp, FILE, manualClock, minimalText, newSession, play, scenario, settle } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

/** The element, or a throw (for waitFor to try again). */
function found(container: HTMLElement, selector: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`no ${selector} yet`);
  return el;
}

function played() {
  const clock = manualClock();
  const session = newSession(clock);
  play(session, clock);
  return session;
}

/** The exported log with entry 3 (line 4) a millisecond later: one changed byte. */
function tampered(session = played()) {
  const rows = exportDrill(session).text.split('\n');
  const t = session.exercise.log[2]!.t;
  rows[3] = rows[3]!.replace(`"t":${t}`, `"t":${t + 1}`);
  return rows.join('\n');
}

function setUp() {
  const archive = memoryArchive();
  const backend = memoryBackend();
  const { p, app, calls, picker, container } = pickerPage(archive, cleanups, { backend });
  const importFile = (name: string, text: string) => fireEvent.change(getByRole(container, 'region', { name: '导入推演记录' }).querySelector('input[type="file"]')!, { target: { files: [new File([text], name)] } });
  return { archive, backend, p, app, calls, picker, container, importFile };
}

/** The shell's header as it stands on `screen`, with the drill's trust. */
function header(lang: Lang, screen: Screen, trust: 'verified' | 'unchained' | 'broken') {
  const el = document.body.appendChild(document.createElement('div'));
  cleanups.push(() => el.remove());
  const on = { lang: () => undefined, screen: () => undefined, seat: () => undefined, closeShortcuts: () => undefined };
  render(shellView({ lang, screen, drill: null, seat: null, status: null, shortcutsOpen: false, body: html`<p>body</p>`, on, trust }), el);
  return el;
}

describe('a record whose chain breaks', () => {
  it('is refused, naming the line and the entry; opened as untrusted it continues, marked so, and is archived marked', async () => {
    const { container, importFile, picker, app, calls, archive } = setUp();
    importFile('drill.jsonl', tampered());
    const alert = await waitFor(() => found(container, '[data-import-broken]'));
    expect(within(alert).getByRole('heading').textContent).toBe('推演记录在记录之后被改动过');
    expect(alert.textContent).toContain('drill.jsonl 第 4 行（第 3 条记录）的校验值不符：该条记录在记录之后被改动过。');
    expect(alert.textContent).toContain('该记录未导入');
    // The technical line too is in the page's language: no English reason under the Chinese message.
    expect(alert.querySelector('code')!.textContent).toBe('drill.jsonl:4: 第 3 条：哈希不符 — 该条目在记录后被修改');
    expect(calls).toEqual([]);

    fireEvent.click(within(alert).getByRole('button', { name: '以不可信方式打开' }));
    const ready = await waitFor(() => found(container, '[data-import-ready]'));
    expect(ready.querySelector('[data-trust="broken"]')!.textContent).toBe('不可信记录');
    expect(container.querySelector('[data-import-broken]')).toBeNull();

    fireEvent.click(within(ready).getByRole('button', { name: '继续推演' }));
    await settle();
    expect(calls).toEqual([`newDrill ${FILE}`, 'loadDrill paused']);
    expect(app.session!.trust).toBe('broken');
    expect(picker.getState().imported).toBeUndefined();
    expect([...archive.drills.values()].map((d) => d.info.trust)).toEqual(['broken']);
  });

  it('opened as untrusted for review, the review gets the broken trust with its line and entry', async () => {
    const { container, importFile, app } = setUp();
    importFile('drill.jsonl', tampered());
    fireEvent.click(await waitFor(() => getByRole(container, 'button', { name: '以不可信方式打开' })));
    fireEvent.click(await waitFor(() => getByRole(container, 'button', { name: '复盘' })));
    await waitFor(() => expect(app.reviewed).toHaveLength(1));
    expect(app.reviewed[0]!.trust).toMatchObject({ kind: 'broken', line: 4, seq: 3, part: 'entry' });
  });

  it('stays marked through a reload', async () => {
    const { container, importFile, p, backend } = setUp();
    importFile('drill.jsonl', tampered());
    fireEvent.click(await waitFor(() => getByRole(container, 'button', { name: '以不可信方式打开' })));
    fireEvent.click(await waitFor(() => getByRole(container, 'button', { name: '继续推演' })));
    await settle();
    await p.flush();
    const again = createPersistence({ clock: manualClock(), backend, shipped: [shippedByFile(FILE)!], archive: memoryArchive() });
    const reloaded = fakeApp(again.onSession);
    expect(await again.resume(reloaded.app)).toMatchObject({ kind: 'resumed' });
    expect(reloaded.app.session!.trust).toBe('broken');
  });
});

describe('a drill continued from an untrusted record', () => {
  it('exports a record that does not verify (its origin sealed in the header), under a new drill id: the genuine drill stays archived', async () => {
    const genuine = played();
    const { container, importFile, app, archive } = setUp();
    await archive.put(archivedDrill(genuine));
    const kept = exportDrill(genuine).text;
    importFile('drill.jsonl', tampered(genuine));
    fireEvent.click(await waitFor(() => getByRole(container, 'button', { name: '以不可信方式打开' })));
    fireEvent.click(await waitFor(() => getByRole(container, 'button', { name: '继续推演' })));
    await settle();
    const continued = app.session!;
    expect(continued.trust).toBe('broken');
    expect(continued.drill).not.toBe(genuine.drill);
    expect(continued.drill).toMatch(/^minimal-example-[0-9a-f]{12}$/);
    expect((await archive.list()).map((d) => [d.drill, d.trust])).toEqual([[genuine.drill, 'verified']]);
    expect((await archive.get(genuine.drill))!.logText).toBe(kept);

    const text = exportDrill(continued).text;
    const read = parseLog(text);
    expect(read).toMatchObject({
      ok: true,
      header: { drill: continued.drill, origin: { trust: 'broken', drill: genuine.drill, reason: 'entry 3: its hash does not match — the entry was changed after it was recorded' } },
      trust: { kind: 'broken', line: 1, seq: null, part: 'origin' },
    });
    // `quake-drill verify` of such an export: untrusted-verify.test.ts (node, for the CLI's file reads).
  });
});

describe('the mark on every screen', () => {
  it.each<Screen>(['briefing', 'console', 'seat', 'scoreboard', 'debrief', 'picker', 'bigscreen'])('%s: 不可信记录 for a broken record, 未校验 for an unchained one, nothing for a verified one', (screen) => {
    expect(header('zh', screen, 'broken').querySelector('[data-trust="broken"]')!.textContent).toBe('不可信记录');
    expect(header('zh', screen, 'unchained').querySelector('[data-trust="unchained"]')!.textContent).toBe('未校验');
    expect(header('en', screen, 'broken').querySelector('[data-trust="broken"]')!.textContent).toBe('Untrusted record');
    expect(header('zh', screen, 'verified').querySelector('[data-trust]')).toBeNull();
  });

  it('a format 1 log imports unchained: marked 未校验 when it is offered', async () => {
    const { container, importFile } = setUp();
    const session = played();
    const v1 = [JSON.stringify({ format: 'quake-drill/log@1', scenario: FILE, scenarioId: 'minimal-example', scenarioVersion: '1.0.0', seed: 3 }), ...session.exercise.log.map((e) => JSON.stringify(e))].join('\n');
    importFile('old.jsonl', v1);
    const ready = await waitFor(() => found(container, '[data-import-ready]'));
    expect(ready.querySelector('[data-trust="unchained"]')!.textContent).toBe('未校验');
  });
});

describe('in the app', () => {
  it('a drill continued from an untrusted record shows 不可信记录 in the header of every screen; a new drill does not', async () => {
    const shipped = [{ ...shippedByFile(FILE)!, load: async () => scenario(), text: async () => minimalText() }];
    const clock = manualClock();
    const persistence = createPersistence({ clock, backend: memoryBackend(), shipped, archive: memoryArchive() });
    const hooks = shellHooks(persistence, shipped);
    const { container, store, app } = renderApp(FILE, { ok: true, scenario: scenario() }, 'zh', { clock, seed: () => 5, onSession: persistence.onSession, files: hooks.files });
    const picker = hooks.connect(app, container);
    expect(container.querySelector('[data-trust]')).toBeNull();

    await picker.getState().importLog({ name: 'drill.jsonl', text: async () => tampered() });
    await picker.getState().openUntrusted();
    picker.getState().continueImported();
    await settle();
    for (const screen of ['console', 'scoreboard', 'debrief', 'briefing', 'bigscreen'] as const) {
      store.getState().setScreen(screen);
      expect(container.querySelectorAll('[data-trust="broken"]'), screen).toHaveLength(1);
    }
    store.getState().setSeat('hq');
    expect(container.querySelector('.masthead [data-trust="broken"]')!.textContent).toBe('不可信记录');

    store.getState().setScreen('briefing');
    app.startDrill();
    expect(container.querySelector('[data-trust]')).toBeNull();
  });
});
