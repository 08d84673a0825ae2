// One drill, one writer (issue 9 §3): the first tab of the app holds the drill; any other tab or
// window (or a reload of one) follows it read-only, or takes it over — the old holder then stops
// writing. A reload of the holder holds again: the browser lets a page's lock go with the page.
//
// Who holds: the Web Locks API, one exclusive lock for the app (there is one saved drill per origin).
// The first tab gets it (`ifAvailable`), a later one is told no at once and follows; a takeover
// `steal`s it, which rejects the old holder's request (AbortError) — that is how it learns it lost.
// Where Web Locks is missing, an election over the BroadcastChannel stands in: a new tab asks "who
// holds?" and waits ELECTION_MS for an answer; two tabs starting in the same instant settle by id;
// a takeover is a 'taken' message. Either way the lock only says who *should* write: the IndexedDB
// fence (DrillBackend.claim) is what makes a write by anyone else fail, so a slow or lost message
// can never make two writers — at worst a tab learns from a refused write that it lost the drill.
//
// The same channel carries the drill to followers (see connect.ts): the holder posts each new log
// entry and its clock, a follower asks for the whole drill when it arrives or misses something.
import type { LogEntry } from '../../core/index.ts';
import type { SavedMeta } from './backend.ts';

export const LOCK_NAME = 'quake-drill:drill';
export const CHANNEL_NAME = 'quake-drill';
/** How long the BroadcastChannel election waits for a holder to answer (no Web Locks only). */
export const ELECTION_MS = 300;

/** A drill as the holder sends it: enough to rebuild it (the meta saved with it) and its log. */
export interface SharedDrill {
  /** Which drill: its creation time, seed and file (the same across reloads and takeovers). */
  id: string;
  meta: SavedMeta;
  entries: LogEntry[];
  /** The holder's room time. */
  t: number;
}

export type TabMessage =
  /** A follower asks for the whole drill (it has just opened, or missed entries). */
  | { type: 'hello'; from: string }
  /** The holder's drill, whole; null: the holder shows no drill (a briefing). */
  | { type: 'drill'; from: string; drill: SharedDrill | null }
  /** New entries (possibly none) of the drill `drill`, the first being `from`'s seq order, and the holder's clock. */
  | { type: 'entries'; from: string; drill: string; entries: LogEntry[]; t: number }
  /** `from` has taken the drill over: any other holder stops writing. */
  | { type: 'taken'; from: string }
  /** Election without Web Locks: who holds? / I do. */
  | { type: 'who'; from: string }
  | { type: 'here'; from: string };

/** The part of navigator.locks used (a fake in tests). */
export interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean; steal?: boolean }, callback: (lock: unknown) => Promise<unknown> | unknown): Promise<unknown>;
}

/** The part of BroadcastChannel used (a fake in tests). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

export type Role = 'holder' | 'follower';

export interface TabLock {
  /** This tab's token (also its IndexedDB writer token). */
  readonly id: string;
  /** Asks to hold the drill; a tab that is refused follows. */
  acquire(): Promise<Role>;
  /** Does this tab hold the drill now? The recorder asks before every write batch. */
  holds(): boolean;
  /** Takes the drill from whoever holds it; resolves once this tab does. */
  takeOver(): Promise<void>;
  /** Told once this tab has lost the drill to another. */
  onLost(listener: () => void): () => void;
  post(message: TabMessage): void;
  onMessage(listener: (message: TabMessage) => void): () => void;
}

export interface TabLockOptions {
  /** Default navigator.locks, where there is one. */
  locks?: LockManagerLike | null;
  /** Default a BroadcastChannel named CHANNEL_NAME, where there is one. */
  channel?: ChannelLike | null;
  id?: string;
  /** Waits for the election (no Web Locks only); default a timer. */
  wait?: (ms: number) => Promise<void>;
}

const isMessage = (x: unknown): x is TabMessage => typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string' && typeof (x as { from?: unknown }).from === 'string';

/**
 * The tab lock in this browser. With neither Web Locks nor BroadcastChannel (tests, old browsers)
 * every tab holds: there is nobody to share with, and the IndexedDB fence still keeps one writer.
 */
export function createTabLock(options: TabLockOptions = {}): TabLock {
  const nav = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManagerLike });
  const locks = options.locks === undefined ? (nav?.locks ?? null) : options.locks;
  const channel = options.channel === undefined ? (typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME)) : options.channel;
  const id = options.id ?? (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `tab-${Math.random().toString(36).slice(2)}`);
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const lostListeners = new Set<() => void>();
  const messageListeners = new Set<(m: TabMessage) => void>();
  /** Alone (neither Web Locks nor a channel), this tab holds from the start. */
  let holding = !locks && !channel;
  /** Ends the callback that keeps the Web Lock held. */
  let letGo: (() => void) | undefined;

  const lose = () => {
    if (!holding) return;
    holding = false;
    letGo?.();
    letGo = undefined;
    lostListeners.forEach((l) => l());
  };

  const onChannel = (e: MessageEvent) => {
    const m: unknown = e.data;
    if (!isMessage(m) || m.from === id) return;
    if (m.type === 'taken') lose();
    // Election without Web Locks: a holder answers; a tab still electing yields to a smaller id.
    if (m.type === 'who' && holding) post({ type: 'here', from: id });
    messageListeners.forEach((l) => l(m));
  };
  channel?.addEventListener('message', onChannel);
  const post = (message: TabMessage) => channel?.postMessage(message);

  /** Holds the Web Lock until let go; a steal by another tab rejects the request: lost. */
  const hold = (how: { ifAvailable?: boolean; steal?: boolean }) =>
    new Promise<boolean>((resolve) => {
      locks!
        .request(LOCK_NAME, how, (lock) => {
          if (!lock) return resolve(false);
          holding = true;
          resolve(true);
          return new Promise<void>((r) => (letGo = r));
        })
        .catch(() => lose());
    });

  const elect = async (): Promise<Role> => {
    let answered = false;
    let smaller = false;
    const listen = (m: TabMessage) => {
      if (m.type === 'here') answered = true;
      if (m.type === 'who' && m.from < id) smaller = true;
    };
    messageListeners.add(listen);
    post({ type: 'who', from: id });
    await wait(ELECTION_MS);
    messageListeners.delete(listen);
    if (answered || smaller) return 'follower';
    holding = true;
    return 'holder';
  };

  return {
    id,
    async acquire() {
      if (locks) return (await hold({ ifAvailable: true })) ? 'holder' : 'follower';
      if (channel) return elect();
      holding = true;
      return 'holder';
    },
    holds: () => holding,
    async takeOver() {
      if (locks) await hold({ steal: true });
      else holding = true;
      post({ type: 'taken', from: id });
    },
    onLost(listener) {
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
    post,
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
  };
}
