// Nothing lost (issue 4 §7): the drill is saved as it happens — the scenario and seed, each new
// log entry in order, and a heartbeat of the room time.
import { describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS, memoryBackend, recordSession, type DrillBackend } from '../../../src/app/persist/index.ts';
import { FILE, MIN, manualClock, manualTimers, minimalText, newSession, play, savedLog } from './helpers.ts';

describe('saving a drill as it happens', () => {
  it('saves the scenario text, file and seed, then every entry in order', async () => {
    const clock = manualClock();
    const session = newSession(clock);
    const backend = memoryBackend();
    const rec = recordSession(session, backend, { scenarioText: minimalText(), timers: manualTimers(), wallClock: () => 42 });
    play(session, clock);
    await rec.flush();
    expect(backend.raw.meta).toEqual({ version: 1, file: FILE, scenarioText: minimalText(), seed: 3, savedAt: 42, drill: session.drill, created: session.created, head: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(session.exercise.log.length).toBeGreaterThanOrEqual(4);
    expect(savedLog(backend)).toEqual(session.exercise.log);
    expect(rec.saved).toBe(session.exercise.log.length);
  });

  it('appends what came in while a write was running in one batch, in order', async () => {
    const clock = manualClock();
    const session = newSession(clock);
    const backend = memoryBackend();
    const rec = recordSession(session, backend, { scenarioText: minimalText(), timers: manualTimers() });
    for (let i = 0; i < 5; i++) session.send('fire-rescue', { type: 'report', to: 'hq', text: `report ${i}` });
    await rec.flush();
    expect(savedLog(backend).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(backend.writes).toBeLessThanOrEqual(2); // the first write, then one batch
  });

  it('replaces a drill saved earlier instead of mixing the two', async () => {
    const backend = memoryBackend();
    const first = newSession();
    for (let i = 0; i < 3; i++) first.send('fire-rescue', { type: 'report', to: 'hq', text: `old ${i}` });
    const old = recordSession(first, backend, { scenarioText: minimalText(), timers: manualTimers() });
    await old.flush();
    await old.stop();
    const second = newSession(manualClock(), 9);
    second.facilitator({ type: 'start' });
    await recordSession(second, backend, { scenarioText: minimalText(), timers: manualTimers() }).flush();
    expect(savedLog(backend)).toEqual(second.exercise.log);
    expect(backend.raw.meta).toMatchObject({ seed: 9 });
  });

  it('saves a heartbeat of the room time every second, as one small write that leaves the log alone', async () => {
    const clock = manualClock();
    const session = newSession(clock);
    const timers = manualTimers();
    const backend = memoryBackend();
    const rec = recordSession(session, backend, { scenarioText: minimalText(), timers, wallClock: () => 7 });
    expect(timers.intervals).toEqual([HEARTBEAT_MS]);
    expect(HEARTBEAT_MS).toBeLessThanOrEqual(1_000); // a reload loses no more than the last second
    session.facilitator({ type: 'start' });
    await rec.flush();
    const writes = backend.writes;
    clock.advance(2 * MIN + 500);
    timers.fire();
    await rec.flush();
    expect(backend.raw.heartbeat).toEqual({ lastSeenT: 2 * MIN + 500, speed: 1, at: 7 });
    expect(backend.writes).toBe(writes); // no entry was written or rewritten for it
    session.setSpeed(10);
    clock.advance(1_000);
    await rec.beat();
    expect(backend.raw.heartbeat).toEqual({ lastSeenT: 2 * MIN + 500 + 10_000, speed: 10, at: 7 });
  });

  it('writes a last heartbeat when the page is hidden or closed', async () => {
    const clock = manualClock();
    const session = newSession(clock);
    const page = new EventTarget();
    const backend = memoryBackend();
    const rec = recordSession(session, backend, { scenarioText: minimalText(), timers: manualTimers(), page });
    session.facilitator({ type: 'start' });
    clock.advance(5_400);
    page.dispatchEvent(new Event('visibilitychange'));
    await rec.flush();
    expect(backend.raw.heartbeat).toMatchObject({ lastSeenT: 5_400 });
    clock.advance(700);
    page.dispatchEvent(new Event('pagehide'));
    await rec.flush();
    expect(backend.raw.heartbeat).toMatchObject({ lastSeenT: 6_100 });
  });

  it('a failed write is reported, then retried by rewriting the whole drill: no gap', async () => {
    const clock = manualClock();
    const session = newSession(clock);
    const inner = memoryBackend();
    let failNext = false;
    const backend: DrillBackend = {
      ...inner,
      append: (entries) => (failNext ? ((failNext = false), Promise.reject(new Error('QuotaExceededError'))) : inner.append(entries)),
    };
    let wall = 0;
    const onError = vi.fn();
    const rec = recordSession(session, backend, { scenarioText: minimalText(), timers: manualTimers(), onError, wallClock: () => wall });
    await rec.flush();
    failNext = true;
    session.facilitator({ type: 'start' });
    await rec.flush();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'QuotaExceededError' }));
    expect(rec.error?.message).toBe('QuotaExceededError');
    expect(inner.raw.entries.size).toBe(0);

    wall = 10_000; // after the retry pause
    session.send('fire-rescue', { type: 'report', to: 'hq', text: 'after the failure' });
    await rec.flush();
    expect(rec.error).toBeUndefined();
    expect(savedLog(inner)).toEqual(session.exercise.log);
  });

  it('stops saving when stopped, and stops its timer', async () => {
    const session = newSession();
    const timers = manualTimers();
    const backend = memoryBackend();
    const rec = recordSession(session, backend, { scenarioText: minimalText(), timers });
    await rec.flush();
    await rec.stop();
    expect(timers.active).toBe(0);
    session.facilitator({ type: 'start' });
    await Promise.resolve();
    expect(backend.raw.entries.size).toBe(0);
  });
});
