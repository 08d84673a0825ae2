// Which room a drill's seats talk to. One process: the room here, loaded from the store on first use.
// Several processes (REDIS_URL, cluster.ts): the owner's room here, or a forwarder to the process that
// owns the drill — the sockets layer sees the same DrillRoom either way.
import type { Exercise, LogEntry } from '../core/index.ts';
import type { Ack, ClientMessageKind, ClientMessages, ReviewLine } from '../protocol/messages.ts';
import type { DrillRole } from '../protocol/roles.ts';
import type { Scenario } from '../scenario/index.ts';
import type { StoredDrill, Store } from './storage.ts';

/** Who sends a message: the token's role and seat, and its nonce (the rate is counted per token). */
export interface Sender {
  role: DrillRole;
  seat: string;
  nonce: string;
  lang: 'zh' | 'en';
}

/** What a batch of broadcasts carries: the entries of one event-loop turn, committed. */
export interface Batch {
  entries: LogEntry[];
  t: number;
}

/** What the sockets layer needs of a drill's authority, here or in its owner process. */
export interface DrillRoom {
  readonly drill: StoredDrill;
  /** The whole scenario; views.ts filters it per seat. */
  readonly scenario: Scenario;
  /** The fold as this process sees it (a forwarder's copy follows the owner's batches). */
  readonly exercise: Exercise;
  readonly speed: number;
  now(): number;
  /** Committed entries after `seq`. */
  since(seq: number): LogEntry[];
  review(): ReviewLine[];
  handle<K extends Exclude<ClientMessageKind, 'resync'>>(sender: Sender, kind: K, message: ClientMessages[K]): Promise<Ack>;
  /** Each committed batch, once per turn; the owner's broadcasts (a forwarder's never fire: the adapter carries them). */
  onBatch(listener: (batch: Batch) => void): () => void;
  onReview(listener: (lines: ReviewLine[]) => void): () => void;
}

export interface Drills {
  /** The drill's room, loaded on first use; undefined when no such drill is stored. */
  route(drill: string): Promise<DrillRoom | undefined>;
  /** The rooms loaded in this process (their broadcasts and heartbeat start here). */
  onLoad(listener: (room: DrillRoom) => void): void;
  close(): Promise<void>;
}

export interface LocalRoom extends DrillRoom {
  close(): Promise<void> | void;
}

/** Every drill's room in this process: the single-process server. */
export function localDrills(store: Store, open: (drill: StoredDrill) => LocalRoom | Promise<LocalRoom>): Drills {
  const rooms = new Map<string, Promise<LocalRoom>>();
  const listeners: ((room: DrillRoom) => void)[] = [];
  return {
    route(id) {
      const loaded = rooms.get(id);
      if (loaded) return loaded;
      const stored = store.drill(id);
      if (!stored) return Promise.resolve(undefined);
      // One load per drill, however many seats knock at once.
      const room = Promise.resolve(open(stored)).then((r) => {
        for (const l of listeners) l(r);
        return r;
      });
      rooms.set(id, room);
      room.catch(() => rooms.delete(id));
      return room;
    },
    onLoad(listener) {
      listeners.push(listener);
    },
    async close() {
      const all = await Promise.allSettled(rooms.values());
      rooms.clear();
      for (const r of all) if (r.status === 'fulfilled') await r.value.close();
    },
  };
}
