// A room on a real store in a temporary folder, driven by a hand-moved clock and a scheduler the
// test runs itself: nothing here waits on wall time.
import { openRoom, type Every, type Room } from '../../src/server/room.ts';
import type { Sender } from '../../src/server/drills.ts';
import { openStore, type Store } from '../../src/server/storage.ts';
import { minimalDrill, tempStoreDir } from './store-helpers.ts';

export const DRILL = minimalDrill().drill;

export const sender = (role: Sender['role'], seat: string, nonce = `${role}-${seat}-nonce`): Sender => ({ role, seat, nonce, lang: 'en' });
export const FACILITATOR = sender('facilitator', 'facilitator');
export const FIRE_RESCUE = sender('seat', 'fire-rescue');

/** A room's clock and timers: `advance` moves the clock, `run` fires every timer once. */
export function handClock() {
  let now = 5_000_000;
  const timers = new Set<() => void>();
  const every: Every = (_ms, run) => {
    timers.add(run);
    return () => timers.delete(run);
  };
  return {
    clock: () => now,
    every,
    advance: (ms: number) => void (now += ms),
    run: () => timers.forEach((t) => t()),
  };
}

/** The store file, the open store and its room; `reopen` closes both and opens them again from the file, as a restarted server does. */
export function roomOnDisk() {
  const { file, remove } = tempStoreDir();
  let store: Store = openStore(file);
  store.createDrill(minimalDrill());
  let time = handClock();
  let room: Room = openRoom(store, store.drill(DRILL)!, time);
  return {
    get store() {
      return store;
    },
    get room() {
      return room;
    },
    get time() {
      return time;
    },
    async reopen() {
      await room.close();
      store.close();
      store = openStore(file);
      time = handClock();
      room = openRoom(store, store.drill(DRILL)!, time);
      return room;
    },
    async close() {
      await room.close();
      store.close();
      remove();
    },
  };
}

let n = 0;
/** A fresh clientId, as a client makes one per command. */
export const clientId = () => `client-${String(++n).padStart(6, '0')}`;
