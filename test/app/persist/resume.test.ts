// A reload resumes the saved drill: its log replayed into an equal state, paused, the room time
// taken from the heartbeat — and the pause it comes back with is saved too.
import { describe, expect, it } from 'vitest';
import { createPersistence, memoryBackend, recordSession, restoreDrill, restoreNotice } from '../../../src/app/persist/index.ts';
import { canonicalJson, FACILITATOR } from '../../../src/core/index.ts';
import { fakeApp, FILE, MIN, manualClock, manualTimers, minimalText, newSession, play, savedLog } from './helpers.ts';

async function savedDrill() {
  const clock = manualClock();
  const session = newSession(clock);
  const backend = memoryBackend();
  const rec = recordSession(session, backend, { scenarioText: minimalText(), timers: manualTimers(), wallClock: () => Date.UTC(2026, 10, 21, 1, 30) });
  play(session, clock);
  clock.advance(20_000); // seen by the heartbeat, after the last entry
  await rec.beat();
  rec.stop();
  return { session, backend, lastSeenT: session.now() };
}

describe('resuming the saved drill after a reload', () => {
  it('rebuilds an equal state, paused at the last time the page saw', async () => {
    const { session, backend, lastSeenT } = await savedDrill();
    expect(session.exercise.statePath()).toMatch(/^running/);
    const restored = await restoreDrill(backend, manualClock(5));
    if (restored.kind !== 'resumed') throw new Error(`expected a resumed drill, got ${JSON.stringify(restored)}`);
    const again = restored.session;
    expect(again.file).toBe(FILE);
    expect(again.seed).toBe(3);
    expect(again.exercise.statePath()).toBe('paused');
    expect(again.exercise.log.slice(0, -1)).toEqual(session.exercise.log);
    expect(again.exercise.log.at(-1)).toMatchObject({ t: lastSeenT, actor: FACILITATOR, event: { type: 'pause' } });

    // The live drill, paused at the same moment, is the same drill field for field.
    session.facilitator({ type: 'pause' });
    expect(canonicalJson(again.exercise.world)).toBe(canonicalJson(session.exercise.world));
    expect(again.now()).toBe(lastSeenT);
  });

  it('saves the pause it came back with, so a second reload finds it', async () => {
    const { backend } = await savedDrill();
    const restored = await restoreDrill(backend, manualClock());
    if (restored.kind !== 'resumed') throw new Error(restored.kind);
    const rec = recordSession(restored.session, backend, { scenarioText: restored.scenarioText, timers: manualTimers() });
    await rec.flush();
    expect(savedLog(backend)).toEqual(restored.session.exercise.log);
    const twice = await restoreDrill(backend, manualClock());
    if (twice.kind !== 'resumed') throw new Error(twice.kind);
    expect(twice.session.exercise.log).toEqual(restored.session.exercise.log);
    expect(twice.session.exercise.statePath()).toBe('paused');
  });

  it('the facilitator resumes it and play goes on from there', async () => {
    const { backend, lastSeenT } = await savedDrill();
    const clock = manualClock();
    const restored = await restoreDrill(backend, clock);
    if (restored.kind !== 'resumed') throw new Error(restored.kind);
    expect(restored.session.facilitator({ type: 'resume' })).toEqual({ ok: true });
    clock.advance(MIN);
    restored.session.tick();
    expect(restored.session.exercise.world.t).toBe(lastSeenT + MIN);
  });

  it('says which drill came back — when it started, as a local date and time — and the drill time it is back at', async () => {
    const { backend } = await savedDrill();
    const restored = await restoreDrill(backend, manualClock());
    const n = restored.kind === 'resumed' ? restored.session.exercise.log.length : -1;
    // Four minutes of play, then 20 s more seen by the heartbeat: back at 04:20.
    expect(restoreNotice('zh', restored)).toMatch(new RegExp(`^已恢复 2026年11月21日 \\d{2}:\\d{2} 开始的推演（${n} 条记录），恢复至演练时间 04:20，推演已暂停，由导调继续。$`));
    expect(restoreNotice('en', restored)).toMatch(new RegExp(`^Restored the drill started 21 Nov 2026, \\d{2}:\\d{2} \\(${n} log entries\\), back at drill time 04:20\\. It is paused`));
  });

  it('keeps the drill’s start time through reload after reload', async () => {
    const backend = memoryBackend();
    const started = Date.UTC(2026, 10, 21, 1, 30);
    const first = createPersistence({ clock: manualClock(), backend, wallClock: () => started });
    const { app } = fakeApp(first.onSession);
    app.startDrill();
    await first.flush();
    for (const later of [started + 2 * 3_600_000, started + 5 * 3_600_000]) {
      const again = createPersistence({ clock: manualClock(), backend, wallClock: () => later });
      expect((await again.resume(fakeApp(again.onSession).app)).kind).toBe('resumed');
      await again.flush();
      expect(backend.raw.meta).toMatchObject({ savedAt: started });
    }
  });

  it('with nothing saved there is nothing to resume: the briefing opens as usual', async () => {
    const restored = await restoreDrill(memoryBackend(), manualClock());
    expect(restored).toEqual({ kind: 'none' });
    expect(restoreNotice('zh', restored)).toBeUndefined();
  });
});
