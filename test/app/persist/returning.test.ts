// Coming back to a drill (issue 8, after the first screen went light): a shipped scenario's drill is
// saved from its first entry (before, or without, its YAML text), comes back from the shipped JSON
// when its text is the shipped one byte for byte, is never replayed against another text, and a part
// of the app that does not download is said as that — the saved drill kept for a reload.
import { describe, expect, it, vi } from 'vitest';
import { DownloadError } from '../../../src/app/download.ts';
import { createPersistence, memoryBackend, recordSession, restoreDrill, restoreNotice, shippedByFile, type ShippedScenario } from '../../../src/app/persist/index.ts';
import { fakeApp, FILE, MIN, manualClock, manualTimers, minimalText, newSession, play, unchained, savedLog } from './helpers.ts';

const offline = () => Promise.reject(new DownloadError(new TypeError('Failed to fetch dynamically imported module')));

/** The minimal scenario as shipped, its parts replaceable. */
const shippedMinimal = (parts: Partial<ShippedScenario> = {}): ShippedScenario => ({ ...shippedByFile(FILE)!, ...parts });

async function savedWith(text: string) {
  const clock = manualClock();
  const session = newSession(clock);
  const backend = memoryBackend();
  const rec = recordSession(session, backend, { scenarioText: text, timers: manualTimers() });
  play(session, clock);
  await rec.flush();
  await rec.stop();
  return { session, backend };
}

describe('coming back to a saved drill', () => {
  it('restores from the shipped JSON when the saved text is the shipped one, from the saved text when a byte differs', async () => {
    const json = await shippedByFile(FILE)!.load();
    const load = vi.fn(async () => json);
    const same = await savedWith(minimalText());
    const restored = await restoreDrill(same.backend, manualClock(), [shippedMinimal({ load })]);
    if (restored.kind !== 'resumed') throw new Error(JSON.stringify(restored));
    expect(load).toHaveBeenCalledTimes(1);
    expect(restored.session.scenario).toBe(json); // the shipped object itself: no YAML was parsed
    expect(restored.session.exercise.log.slice(0, -1)).toEqual(same.session.exercise.log);

    // One comment line added: another text, so the saved text is what the drill replays against.
    const edited = await savedWith(`${minimalText()}# edited after the drill\n`);
    const never = vi.fn(async () => json);
    const again = await restoreDrill(edited.backend, manualClock(), [shippedMinimal({ load: never })]);
    if (again.kind !== 'resumed') throw new Error(JSON.stringify(again));
    expect(never).not.toHaveBeenCalled();
    expect(again.session.scenario).not.toBe(json);
    expect(again.scenarioText).toBe(`${minimalText()}# edited after the drill\n`);
  });

  it('a drill saved without its text, on a scenario the page no longer ships, is not replayed', async () => {
    const { session } = await savedWith(minimalText());
    const backend = memoryBackend();
    await backend.replace({ version: 1, file: FILE, scenarioHash: '4035-00000000000000-00000000000000', seed: 3, savedAt: 0 }, unchained(session.exercise.log));
    const restored = await restoreDrill(backend, manualClock(), [shippedMinimal()]);
    expect(restored).toMatchObject({ kind: 'failed', problem: { part: 'scenario' } });
    if (restored.kind !== 'failed') return;
    expect(restored.problem.detail).toContain('no longer ships');
    expect(await backend.read()).toBeUndefined();
  });

  it('a drill started while its text cannot download is saved from its first entry, and a reload brings it back', async () => {
    const backend = memoryBackend();
    const clock = manualClock();
    const first = createPersistence({ clock, backend, shipped: [shippedMinimal({ text: offline })] });
    const s = newSession(clock);
    first.onSession(s);
    s.facilitator({ type: 'start' });
    s.send('fire-rescue', { type: 'report', to: 'hq', text: 'on scene' });
    await first.flush();
    expect(savedLog(backend)).toEqual(s.exercise.log);
    expect(first.state.getState().saveError).toBeNull();

    const second = createPersistence({ clock: manualClock(), backend, shipped: [shippedMinimal()] });
    const { app } = fakeApp(second.onSession);
    const restored = await second.resume(app);
    expect(restored.kind).toBe('resumed');
    expect(app.session!.exercise.log.slice(0, 2)).toEqual(s.exercise.log);
    // Online again: the text is added to the saved drill, which then replays anywhere.
    await second.flush();
    expect((backend.raw.meta as { scenarioText?: string }).scenarioText).toBe(minimalText());
  });

  it('says it is restoring until the saved drill is back', async () => {
    const backend = memoryBackend();
    const { session } = await savedWith(minimalText());
    await backend.replace({ version: 1, file: FILE, scenarioText: minimalText(), seed: 3, savedAt: 0 }, unchained(session.exercise.log));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const read = backend.read.bind(backend);
    backend.read = async () => (await gate, read());
    const p = createPersistence({ clock: manualClock(), backend, shipped: [shippedMinimal()] });
    expect(p.state.getState().restoring).toBe(false);
    const resuming = p.resume(fakeApp(p.onSession).app);
    expect(p.state.getState().restoring).toBe(true);
    release();
    await resuming;
    expect(p.state.getState().restoring).toBe(false);
  });

  it('a part of the app that does not download keeps the saved drill and says to reload', async () => {
    const { backend } = await savedWith(minimalText());
    const restored = await restoreDrill(backend, manualClock(), [shippedMinimal({ load: offline })]);
    expect(restored).toMatchObject({ kind: 'failed', problem: { part: 'download' } });
    expect(restoreNotice('zh', restored)).toBe('无法下载程序文件，请检查网络后刷新页面。');
    expect(restoreNotice('en', restored)).toBe('Could not download part of the app: check the network and reload the page.');
    expect((await backend.read())?.entries.length).toBeGreaterThan(0); // kept for the reload
  });

  it('a drill that had ended comes back saying so, not that it is paused', async () => {
    const clock = manualClock();
    const session = newSession(clock);
    const backend = memoryBackend();
    const rec = recordSession(session, backend, { scenarioText: minimalText(), timers: manualTimers() });
    session.facilitator({ type: 'start' });
    clock.advance(MIN);
    session.tick();
    expect(session.facilitator({ type: 'end' })).toEqual({ ok: true });
    await rec.flush();
    const restored = await restoreDrill(backend, manualClock(), [shippedMinimal()]);
    if (restored.kind !== 'resumed') throw new Error(JSON.stringify(restored));
    expect(restored.session.exercise.world.mode).toBe('debrief');
    expect(restoreNotice('zh', restored)).toMatch(/推演已结束/);
    expect(restoreNotice('zh', restored)).not.toMatch(/暂停/);
    expect(restoreNotice('en', restored)).toMatch(/It has ended/);
  });
});
