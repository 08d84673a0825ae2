// A saved drill that cannot be read never breaks the page: the reason is said plainly, the broken
// save is cleared, and the app starts afresh from the briefing.
import { describe, expect, it } from 'vitest';
import { memoryBackend, recordSession, restoreDrill, restoreNotice, type DrillBackend } from '../../../src/app/persist/index.ts';
import { manualClock, manualTimers, minimalText, newSession, play } from './helpers.ts';

async function saved() {
  const clock = manualClock();
  const session = newSession(clock);
  const backend = memoryBackend();
  const rec = recordSession(session, backend, { scenarioText: minimalText(), timers: manualTimers() });
  play(session, clock);
  await rec.flush();
  rec.stop();
  return backend;
}

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

describe('a saved drill that cannot be read', () => {
  it.each(cases)('%s: a clear message, the save cleared, a fresh start', async (_, corrupt, part, detail) => {
    const backend = await saved();
    corrupt(backend.raw);
    const restored = await restoreDrill(backend, manualClock());
    expect(restored).toMatchObject({ kind: 'failed', problem: { part, detail: expect.stringMatching(detail) } });
    expect(restoreNotice('zh', restored)).toMatch(/^保存的推演无法读取（.+），已从情景概要重新开始。$/);
    expect(restoreNotice('en', restored)).toMatch(/^The saved drill could not be read \(.+\); starting afresh from the briefing\.$/);
    expect(await backend.read()).toBeUndefined();

    // The fresh drill is then saved as usual.
    const session = newSession();
    session.facilitator({ type: 'start' });
    await recordSession(session, backend, { scenarioText: minimalText(), timers: manualTimers() }).flush();
    expect(await restoreDrill(backend, manualClock())).toMatchObject({ kind: 'resumed' });
  });

  it('a broken heartbeat is ignored: the drill resumes at its last entry', async () => {
    const backend = await saved();
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
