// An imported drill is never replaced by a slow restore of the previous one (issue 9 §3): the restore
// on page load yields to whatever the user starts or imports meanwhile, and writes nothing.
import { describe, expect, it } from 'vitest';
import { createPersistence, exportDrill, memoryBackend, recordSession, shippedByFile, type ShippedScenario } from '../../../src/app/persist/index.ts';
import { fakeApp, FILE, manualClock, manualTimers, minimalText, newSession, play, scenario, savedLog, settle } from './helpers.ts';

describe('a slow restore and a drill imported meanwhile', () => {
  it('the import wins: the restore yields, the saved drill is the imported one', async () => {
    // The drill saved by the last visit.
    const backend = memoryBackend();
    const old = newSession(manualClock(), 3);
    old.facilitator({ type: 'start' });
    const rec = recordSession(old, backend, { scenarioText: minimalText(), timers: manualTimers() });
    await rec.flush();
    await rec.stop();

    // Restoring it needs the scenario's data, which is slow to download.
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const shipped: ShippedScenario[] = [{ ...shippedByFile(FILE)!, load: async () => (await slow, scenario()), text: async () => minimalText() }];
    const p = createPersistence({ clock: manualClock(), backend, shipped });
    const { app, calls } = fakeApp(p.onSession);
    const picker = p.picker(app);
    const resuming = p.resume(app);

    // Meanwhile the user imports another drill (seed 11).
    const clock = manualClock();
    const played = newSession(clock, 11);
    play(played, clock);
    await picker.getState().importLog({ name: 'drill.jsonl', text: async () => exportDrill(played).text });
    picker.getState().continueImported();
    await settle(1); // the question before discarding (none here) is answered in a later task
    expect(calls).toEqual([`newDrill ${FILE}`, 'loadDrill paused']);

    release();
    expect(await resuming).toEqual({ kind: 'superseded' });
    expect(calls).toHaveLength(2); // the old drill was not put back over the import
    expect(app.session!.seed).toBe(11);
    expect(p.state.getState()).toMatchObject({ restoring: false, notice: null });
    await p.flush();
    expect(backend.raw.meta).toMatchObject({ seed: 11 });
    expect(savedLog(backend)).toEqual(app.session!.exercise.log);
  });
});
