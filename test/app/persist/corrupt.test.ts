// A saved drill that cannot be read never breaks the page, and is never silently replaced: the reason
// is said plainly in the user's language, the record is set aside untouched (quarantined) and offered
// back as a file, and the app starts afresh from the briefing — the next drill saving in the emptied place.
import { describe, expect, it, vi } from 'vitest';
import { createPersistence, memoryBackend, recordSession, restoreDrill, restoreNotice, type DrillBackend } from '../../../src/app/persist/index.ts';
import { fakeApp, manualClock, manualTimers, minimalText, newSession, savedDrill } from './helpers.ts';

type Raw = ReturnType<typeof memoryBackend>['raw'];
const cases: [string, (raw: Raw) => void, 'meta' | 'scenario' | 'log', RegExp][] = [
  ['the drill description is gone', (raw) => (raw.meta = undefined), 'meta', /no drill description/],
  ['another version saved it', (raw) => ((raw.meta as { version: number }).version = 99), 'meta', /another version .*format 99/],
  ['the seed is not a number', (raw) => ((raw.meta as { seed: unknown }).seed = 'x'), 'meta', /seed is not an integer/],
  ['the scenario text no longer loads', (raw) => ((raw.meta as { scenarioText: string }).scenarioText = 'format: [broken'), 'scenario', /scenarios\/minimal\.yaml:\d+:\d+: /],
  ['an entry is not an object', (raw) => raw.entries.set(2, 'garbage'), 'log', /saved entry 2: a log entry must be a JSON object/],
  ['an entry lost its event', (raw) => raw.entries.set(3, { seq: 3, t: 0, actor: 'facilitator' }), 'log', /saved entry 3: event must be an object/],
  ['an entry is missing', (raw) => raw.entries.delete(2), 'log', /saved entry 2 has seq 3, expected 2: entries are missing/],
  ['time runs backwards', (raw) => raw.entries.set(4, { ...(raw.entries.get(4) as object), t: 0 }), 'log', /saved entry 4: .*out of order/],
];

const AT = Date.UTC(2026, 11, 2, 6, 30);
const KEY = 'unreadable-2026-12-02T06:30:00.000Z';

describe('a saved drill that cannot be read', () => {
  it.each(cases)('%s: a clear message, the record kept untouched, a fresh start saved elsewhere', async (_, corrupt, part, detail) => {
    const backend = (await savedDrill()).backend;
    corrupt(backend.raw);
    const unreadable = await backend.read();
    const restored = await restoreDrill(backend, manualClock(), undefined, { wallClock: () => AT });
    expect(restored).toMatchObject({ kind: 'failed', problem: { part, detail: expect.stringMatching(detail) }, quarantined: { key: KEY } });
    expect(restoreNotice('zh', restored)).toMatch(/^保存的推演无法读取（.+）。原记录已原样另存在本浏览器中，不会被覆盖；新推演另行保存。请下载原记录文件，交技术人员检查。$/);
    expect(restoreNotice('en', restored)).toMatch(/^The saved drill could not be read \(.+\)\. It is kept untouched in this browser, set aside where nothing overwrites it; a new drill saves separately\./);
    // Set aside exactly as it was read, with why; the drill's own place is empty.
    expect(backend.raw.quarantine.get(KEY)).toEqual({ ...unreadable, at: AT, problem: expect.stringMatching(detail) });
    expect(await backend.read()).toBeUndefined();

    // The fresh drill is then saved as usual, and the unreadable one is still there.
    const session = newSession();
    session.facilitator({ type: 'start' });
    await recordSession(session, backend, { scenarioText: minimalText(), timers: manualTimers() }).flush();
    expect(await restoreDrill(backend, manualClock())).toMatchObject({ kind: 'resumed' });
    expect(backend.raw.quarantine.get(KEY)).toEqual({ ...unreadable, at: AT, problem: expect.stringMatching(detail) });
  });

  it('the page offers the unreadable record back as a file: the saved drill exactly as it was, and what was wrong', async () => {
    const backend = (await savedDrill()).backend;
    backend.raw.entries.set(2, 'garbage');
    const unreadable = await backend.read();
    const download = vi.fn();
    const p = createPersistence({ clock: manualClock(), backend, download, wallClock: () => AT });
    const { app, calls } = fakeApp(p.onSession);
    expect(await p.resume(app)).toMatchObject({ kind: 'failed', problem: { part: 'log' } });
    expect(calls).toEqual([]); // the briefing stays
    const shown = p.state.getState().unreadable!;
    expect(shown.message('zh')).toMatch(/^保存的推演无法读取（saved entry 2: /);
    expect(p.state.getState().notice).toBeNull(); // said once, beside the download
    p.downloadUnreadable();
    const [name, text] = download.mock.calls[0]! as [string, string];
    expect(name).toMatch(/^quake-drill-unreadable-20261202-\d{4}\.json$/);
    expect(JSON.parse(text)).toEqual({ key: KEY, ...unreadable, at: AT, problem: expect.stringMatching(/^log: saved entry 2: /) });
  });

  it('a record that cannot even be set aside is still offered as a file, and the message says a new drill will overwrite it', async () => {
    const inner = (await savedDrill()).backend;
    inner.raw.entries.set(2, 'garbage');
    const backend: DrillBackend = { ...inner, quarantine: () => Promise.reject(new Error('QuotaExceededError')) };
    const restored = await restoreDrill(backend, manualClock(), undefined, { wallClock: () => AT });
    expect(restored).toMatchObject({ kind: 'failed', quarantined: { key: '' } });
    expect(restoreNotice('zh', restored)).toMatch(/且未能在本浏览器中另行保留：开始新推演后将被覆盖。请先下载原记录文件。$/);
  });

  it('a broken heartbeat is ignored: the drill resumes at its last entry', async () => {
    const backend = (await savedDrill()).backend;
    backend.raw.heartbeat = { lastSeenT: 'soon' };
    const restored = await restoreDrill(backend, manualClock());
    if (restored.kind !== 'resumed') throw new Error(restored.kind);
    expect(restored.session.exercise.statePath()).toBe('paused');
  });

  it('storage that cannot be opened at all (disabled, private mode): play goes on, unsaved', async () => {
    const broken: DrillBackend = { ...memoryBackend(), read: () => Promise.reject(new Error('IndexedDB is disabled')) };
    const restored = await restoreDrill(broken, manualClock());
    expect(restored).toEqual({ kind: 'failed', problem: { part: 'storage', detail: 'IndexedDB is disabled' } });
    expect(restoreNotice('zh', restored)).toBe('本浏览器无法保存推演（IndexedDB is disabled）。推演仍可进行，请随时导出推演记录。');
  });
});
