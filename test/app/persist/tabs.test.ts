// One drill, one writer (issue 9 §3): two tabs of one browser in one process — one lock manager, one
// set of BroadcastChannels, one storage. The first tab holds the drill; the second follows it
// read-only, entry by entry; a takeover makes the first stop writing, and the drill then goes on from
// the log as saved, an exact extension of what the first tab had.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/index.ts';
import { READ_ONLY } from '../../../src/app/drill/session.ts';
import { createPersistence, createTabLock, memoryBackend, NotWriterError, shippedByFile, type ShippedScenario } from '../../../src/app/persist/index.ts';
import { channelHub, fakeApp, fakeLocks, FILE, MIN, manualClock, minimalText, newSession, scenario, settle, unchained, savedLog } from './helpers.ts';

/** The minimal scenario as shipped, already downloaded. */
const shipped: ShippedScenario[] = [{ ...shippedByFile(FILE)!, load: async () => scenario(), text: async () => minimalText() }];

function browser() {
  const locks = fakeLocks();
  const hub = channelHub();
  const storage = memoryBackend();
  const tab = (id: string) => {
    const clock = manualClock();
    const backend = id === 'A' ? storage : memoryBackend(storage.raw);
    const persistence = createPersistence({ clock, backend, shipped, lock: createTabLock({ locks, channel: hub.channel(), id }) });
    return { clock, backend, persistence, ...fakeApp(persistence.onSession) };
  };
  return { storage, tab, hub };
}


describe('two tabs on one drill', () => {
  it('the second tab follows the first read-only, entry by entry; taking over stops the first from writing', async () => {
    const { storage, tab } = browser();
    const a = tab('A');
    expect(await a.persistence.resume(a.app)).toEqual({ kind: 'none' });
    expect(a.persistence.state.getState().role).toBe('holder');

    // Tab A plays: a bot seat, the start, a report, four minutes.
    const drill = newSession(a.clock);
    a.app.loadDrill(drill);
    drill.facilitator({ type: 'assign-seat', seat: 'fire-rescue', policy: 'plan' });
    drill.facilitator({ type: 'start' });
    a.clock.advance(3 * MIN);
    drill.tick();
    drill.send('hq', { type: 'report', to: 'fire-rescue', text: '现场情况如何？' });
    a.clock.advance(MIN);
    drill.tick();
    await a.persistence.flush();

    // Tab B opens mid-drill: it follows, read-only, with A's very log.
    const b = tab('B');
    expect(await b.persistence.resume(b.app)).toEqual({ kind: 'following' });
    await settle();
    expect(b.persistence.state.getState()).toMatchObject({ role: 'follower', following: 'opened', waiting: false });
    const follower = b.app.session!;
    expect(follower.readOnly).toBe(true);
    expect(follower.exercise.log).toEqual(drill.exercise.log);
    expect(follower.exercise.world.t).toBe(4 * MIN);

    // A goes on; B folds the same entries into the same world, and writes nothing.
    drill.send('fire-rescue', { type: 'report', to: 'hq', text: '已到达现场' });
    drill.facilitator({ type: 'pause' });
    await settle();
    expect(follower.exercise.log).toEqual(drill.exercise.log);
    expect(canonicalJson(follower.exercise.world)).toBe(canonicalJson(drill.exercise.world));
    expect(follower.send('hq', { type: 'report', to: 'fire-rescue', text: 'x' })).toEqual({ ok: false, reason: READ_ONLY });
    await a.persistence.flush();
    expect(b.backend.writes).toBe(0);
    expect(savedLog(storage)).toEqual(drill.exercise.log);

    // B takes over: A is told and stops writing; B goes on from the log as saved.
    const before = [...drill.exercise.log];
    await b.persistence.takeOver();
    await settle();
    expect(b.persistence.state.getState()).toMatchObject({ role: 'holder', following: null });
    expect(a.persistence.state.getState()).toMatchObject({ role: 'follower', following: 'taken' });
    const taken = b.app.session!;
    expect(taken.readOnly).toBe(false);
    expect(taken.exercise.log).toEqual(before); // exactly A's log: it was paused, so nothing is added
    expect(a.app.session!.readOnly).toBe(true);

    // A's old session can still be driven by a stale reference: nothing of it reaches the storage.
    drill.facilitator({ type: 'resume' });
    a.clock.advance(MIN);
    drill.tick();
    await a.persistence.flush();
    await expect(a.backend.append(unchained(drill.exercise.log.slice(before.length)))).rejects.toBeInstanceOf(NotWriterError);
    expect(savedLog(storage)).toEqual(before);

    // B writes from there; A follows B.
    taken.facilitator({ type: 'resume' });
    b.clock.advance(MIN);
    taken.tick();
    taken.send('fire-rescue', { type: 'report', to: 'hq', text: '接管后的报告' });
    await b.persistence.flush();
    await settle();
    expect(savedLog(storage)).toEqual(taken.exercise.log);
    expect(taken.exercise.log.slice(0, before.length)).toEqual(before);
    expect(a.app.session!.exercise.log).toEqual(taken.exercise.log);
  });

  it('a takeover of a running drill pauses it at the last time saved: the log is the old one plus that pause', async () => {
    const { storage, tab } = browser();
    const a = tab('A');
    await a.persistence.resume(a.app);
    const drill = newSession(a.clock);
    a.app.loadDrill(drill);
    drill.facilitator({ type: 'start' });
    a.clock.advance(90_000);
    drill.tick();
    await a.persistence.flush();
    const before = [...drill.exercise.log];

    const b = tab('B');
    await b.persistence.resume(b.app);
    await settle();
    await b.persistence.takeOver();
    await settle();
    const log = b.app.session!.exercise.log;
    expect(log.slice(0, -1)).toEqual(before);
    expect(log.at(-1)).toMatchObject({ actor: 'facilitator', event: { type: 'pause' } });
    await b.persistence.flush();
    expect(savedLog(storage)).toEqual(log);
    expect(a.app.session!.exercise.log).toEqual(log);
  });

  it('a follower that missed entries asks for the drill again and catches up', async () => {
    const { tab, hub } = browser();
    const a = tab('A');
    await a.persistence.resume(a.app);
    const drill = newSession(a.clock);
    a.app.loadDrill(drill);
    drill.facilitator({ type: 'start' });
    const b = tab('B');
    await b.persistence.resume(b.app);
    await settle();
    expect(b.app.session!.exercise.log).toHaveLength(1);
    // The message with entry 2 is lost; entry 3's shows the gap, and B asks for the drill whole.
    hub.dropNext();
    drill.send('hq', { type: 'report', to: 'fire-rescue', text: '一' });
    await settle();
    expect(b.app.session!.exercise.log).toHaveLength(1);
    drill.send('hq', { type: 'report', to: 'fire-rescue', text: '二' });
    await settle();
    expect(b.app.session!.exercise.log).toEqual(drill.exercise.log);
    expect(b.app.session!.exercise.log).toHaveLength(3);
  });

  it('without Web Locks, the tabs elect over the BroadcastChannel: the first holds, a later one follows, a takeover moves it', async () => {
    const hub = channelHub();
    const wait = () => settle(2);
    const first = createTabLock({ locks: null, channel: hub.channel(), id: 'tab-2', wait });
    expect(await first.acquire()).toBe('holder');
    const second = createTabLock({ locks: null, channel: hub.channel(), id: 'tab-1', wait });
    expect(await second.acquire()).toBe('follower');
    let lost = 0;
    first.onLost(() => lost++);
    await second.takeOver();
    await settle();
    expect([first.holds(), second.holds(), lost]).toEqual([false, true, 1]);
  });
});
