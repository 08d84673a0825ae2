// The saved drill carries the whole-process record's chain (issue 10 §5): every saved entry has the
// hash its export gives it, the meta the header's hash; a restore checks them, so an entry or a seed
// changed in the storage is found, named and set aside; a drill saved before the chain comes back
// unchained (未校验) and stays marked so.
import { describe, expect, it } from 'vitest';
import { exportDrill, memoryBackend, recordSession, restoreDrill, type SavedMeta } from '../../../src/app/persist/index.ts';
import { parseLog } from '../../../src/review/index.ts';
import { manualClock, manualTimers, minimalText, MIN, newSession, savedDrill, unchained } from './helpers.ts';

const AT = Date.UTC(2026, 11, 2, 6, 30);

/** The exported file's header hash and entry hashes: what the saved drill must carry. */
function exportedChain(session: ReturnType<typeof newSession>) {
  const parsed = parseLog(exportDrill(session).text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return { head: parsed.header.hash, hashes: parsed.hashes! };
}

const savedHashes = (backend: ReturnType<typeof memoryBackend>) => [...backend.raw.entries.values()].map((e) => (e as { hash: string }).hash);

describe('the chain of a saved drill', () => {
  it('every saved entry carries the hash its export gives it; the meta, the header’s hash and the drill’s id', async () => {
    const { session, backend } = await savedDrill();
    const { head, hashes } = exportedChain(session);
    expect(hashes).toHaveLength(session.exercise.log.length);
    expect(savedHashes(backend)).toEqual(hashes);
    expect(backend.raw.meta).toMatchObject({ drill: session.drill, created: session.created, head });
  });

  it('a restore checks the chain and goes on with it: the drill keeps its id, and new entries chain on from the saved ones', async () => {
    const { session, backend } = await savedDrill();
    const clock = manualClock();
    const restored = await restoreDrill(backend, clock);
    if (restored.kind !== 'resumed') throw new Error(JSON.stringify(restored));
    const again = restored.session;
    expect(again).toMatchObject({ drill: session.drill, created: session.created, trust: 'verified' });
    const rec = recordSession(again, backend, { scenarioText: minimalText(), timers: manualTimers() });
    again.facilitator({ type: 'resume' });
    clock.advance(MIN);
    again.tick();
    await rec.flush();
    await rec.stop();
    const { hashes } = exportedChain(again);
    expect(savedHashes(backend)).toEqual(hashes);
    // The entries before the reload keep the hashes they were saved with.
    expect(hashes.slice(0, session.exercise.log.length)).toEqual(exportedChain(session).hashes);
  });

  it('an entry changed in the storage: the drill is quarantined, naming the entry', async () => {
    const { backend } = await savedDrill();
    const entry = backend.raw.entries.get(3) as { t: number };
    backend.raw.entries.set(3, { ...entry, t: entry.t + 1 });
    const restored = await restoreDrill(backend, manualClock(), undefined, { wallClock: () => AT });
    expect(restored).toMatchObject({ kind: 'failed', problem: { part: 'log', detail: 'saved entry 3: its hash does not match — the entry was changed after it was saved' }, quarantined: { key: 'unreadable-2026-12-02T06:30:00.000Z' } });
    expect(await backend.read()).toBeUndefined();
  });

  it('an entry that lost its hash is named too', async () => {
    const { backend } = await savedDrill();
    const { hash: _gone, ...bare } = backend.raw.entries.get(2) as { hash: string };
    backend.raw.entries.set(2, bare);
    expect(await restoreDrill(backend, manualClock())).toMatchObject({ kind: 'failed', problem: { part: 'log', detail: expect.stringMatching(/^saved entry 2: it carries no hash/) } });
  });

  it('a seed changed in the saved meta no longer matches the header’s hash: quarantined', async () => {
    const { backend } = await savedDrill();
    (backend.raw.meta as SavedMeta).seed = 4;
    expect(await restoreDrill(backend, manualClock())).toMatchObject({ kind: 'failed', problem: { part: 'meta', detail: expect.stringContaining('no longer matches its hash') } });
  });

  it('a drill saved before the chain (no head, no hashes) restores unchained, and is saved on with its mark', async () => {
    const { session } = await savedDrill();
    const backend = memoryBackend();
    await backend.replace({ version: 1, file: session.file, scenarioText: minimalText(), seed: 3, savedAt: AT }, unchained(session.exercise.log));
    const restored = await restoreDrill(backend, manualClock());
    if (restored.kind !== 'resumed') throw new Error(JSON.stringify(restored));
    expect(restored.session.trust).toBe('unchained');
    expect(restored.session.created).toBe('2026-12-02T06:30:00.000Z');
    const rec = recordSession(restored.session, backend, { scenarioText: minimalText(), timers: manualTimers() });
    await rec.flush();
    await rec.stop();
    expect(backend.raw.meta).toMatchObject({ drill: restored.session.drill, trust: 'unchained' });
    const twice = await restoreDrill(backend, manualClock());
    expect(twice).toMatchObject({ kind: 'resumed', session: { drill: restored.session.drill, trust: 'unchained' } });
  });
});
