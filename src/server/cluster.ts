// Several server processes sharing the drills (REDIS_URL). Each drill is played by one process, the
// holder of its lease (lease.ts), so one process orders its seqs; a seat connected anywhere else has its
// messages forwarded to that owner over the Socket.IO adapter and gets the owner's ack back. The owner's
// broadcasts reach every process's sockets through the Redis streams adapter (the pub/sub adapter loses
// what is sent while a process reconnects). All processes open the same SQLite file (the same --data
// on one host; WAL is safe across processes there), so a survivor reloads a dead owner's drill from it
// once the lease lapses, and a non-owner reads committed entries from it directly.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { createAuthority, type Authority, type Exercise, type LogEntry } from '../core/index.ts';
import type { Ack, ClientMessageKind, ClientMessages, ReviewLine } from '../protocol/messages.ts';
import { refusalText } from '../protocol/refusals.ts';
import type { Scenario } from '../scenario/index.ts';
import type { DrillRoom, Drills, LocalRoom, Sender } from './drills.ts';
import { createLeases, LEASE, type Leases, type LeaseTiming } from './lease.ts';
import { roomsOf } from './sockets.ts';
import { logEntryOf, scenarioOf, type Store, type StoredDrill } from './storage.ts';

type Kind = Exclude<ClientMessageKind, 'resync'>;

/** The owner's clock as another process last heard it. */
interface Clock {
  t: number;
  speed: number;
  running: boolean;
  /** performance.now() when it was heard */
  at: number;
}

/** What a process asks a drill's owner (serverSideEmit with an ack; every other process answers null). */
type Ask = { to: string; drill: string } & ({ op: 'clock' } | { op: 'handle'; sender: Sender; kind: Kind; message: ClientMessages[Kind] });

const ASK = 'qd:ask';

export interface ClusterOptions {
  redisUrl: string;
  io: Server;
  store: Store;
  open: (drill: StoredDrill) => LocalRoom | Promise<LocalRoom>;
  lease?: LeaseTiming;
}

export function clusterDrills({ redisUrl, io, store, open, lease = LEASE }: ClusterOptions): Drills {
  // Unique per process and per server in it (tests run two in one process).
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const redis = new Redis(redisUrl);
  let lastError = '';
  redis.on('error', (e: Error) => {
    // ioredis retries by itself; one line per kind of failure, not one per retry.
    if (e.message !== lastError) console.error(`quake-drill: redis ${redisUrl}: ${e.message}`);
    lastError = e.message;
  });
  redis.on('ready', () => (lastError = ''));
  io.adapter(createAdapter(redis));

  /** Drills this process plays, loading or loaded; `rooms` has them once loaded. */
  const loading = new Map<string, Promise<LocalRoom>>();
  const rooms = new Map<string, LocalRoom>();
  const fronts = new Map<string, Front>();
  const listeners: ((room: DrillRoom) => void)[] = [];

  const leases = createLeases(redis, holder, (drill) => void unload(drill), lease);

  function load(stored: StoredDrill): Promise<LocalRoom> {
    const id = stored.drill;
    const pending = loading.get(id);
    if (pending) return pending;
    // Read from the store again: the previous owner appended after this process last looked.
    const room = Promise.resolve(open(store.drill(id) ?? stored)).then((r) => {
      if (loading.get(id) !== room) {
        // The lease went while the room was loading: it must not play.
        void r.close();
        throw new Error(`drill ${id}: lease lost while loading`);
      }
      rooms.set(id, r);
      for (const l of listeners) l(r);
      return r;
    });
    loading.set(id, room);
    room.catch(() => {
      if (loading.get(id) === room) loading.delete(id);
    });
    return room;
  }

  async function unload(id: string): Promise<void> {
    const room = loading.get(id);
    loading.delete(id);
    rooms.delete(id);
    if (!room) return;
    const loaded = await room.catch(() => undefined);
    await loaded?.close();
  }

  /** Claims the drill if nobody holds it; true when this process plays it now. */
  async function take(stored: StoredDrill): Promise<LocalRoom | undefined> {
    if (!(await leases.claim(stored.drill))) return undefined;
    return load(stored);
  }

  function ask<T>(request: Ask): Promise<T | undefined> {
    return new Promise((resolve) => {
      io.serverSideEmit(ASK, request, (_timeout: Error | null, answers: (T | null)[] | undefined) => {
        // A timeout still hands over the answers that came: the owner's may be among them.
        resolve(answers?.find((a): a is T => a !== null && a !== undefined));
      });
    });
  }

  io.on(ASK, (request: Ask, reply: (answer: unknown) => void) => {
    const room = request.to === holder && leases.holds(request.drill) ? loading.get(request.drill) : undefined;
    if (!room) return reply(null);
    room
      .then<Clock | Ack>((r) =>
        request.op === 'clock'
          ? ({ t: r.now(), speed: r.speed, running: r.exercise.world.mode === 'running', at: 0 } satisfies Clock)
          : r.handle(request.sender, request.kind, request.message),
      )
      .then(reply, (e: unknown) => {
        console.error(e);
        reply(null);
      });
  });

  const cluster: Cluster = { store, lease, holder, leases, rooms, loading, ask, take };

  // A drill whose seats are connected here but whose owner went away is taken over without waiting
  // for one of them to send something: the survivor resumes it (paused) as soon as the lease lapses.
  const watch = setInterval(() => {
    for (const id of fronts.keys()) {
      if (loading.has(id) || !io.of('/').adapter.rooms.get(roomsOf.drill(id))?.size) continue;
      const stored = store.drill(id);
      if (stored) take(stored).catch((e: unknown) => console.error(e));
    }
  }, lease.renewMs);
  watch.unref();

  return {
    async route(id) {
      const stored = store.drill(id);
      if (!stored) return undefined;
      const front = fronts.get(id) ?? new Front(stored, cluster);
      fronts.set(id, front);
      await front.settle();
      return front;
    },
    onLoad(listener) {
      listeners.push(listener);
    },
    async close() {
      clearInterval(watch);
      // Every room stops (its last batch committed) before its lease goes, so no survivor loads a drill still being written.
      const all = [...loading.keys()];
      await Promise.all(all.map(unload));
      await leases.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** What a front needs of its process's cluster. */
interface Cluster {
  store: Store;
  lease: LeaseTiming;
  holder: string;
  leases: Leases;
  rooms: ReadonlyMap<string, LocalRoom>;
  loading: ReadonlyMap<string, Promise<LocalRoom>>;
  ask<T>(request: Ask): Promise<T | undefined>;
  take(stored: StoredDrill): Promise<LocalRoom | undefined>;
}

/**
 * What the sockets layer holds for a drill, wherever it is played: the room here when this process
 * owns it, else the owner reached through the adapter and the shared store. A socket keeps its front
 * across a change of owner. Its state is private and its members on the prototype because the sockets
 * layer keeps it in socket.data, which the adapter encodes when another process fetches the sockets
 * (a revocation): it goes as {}.
 */
class Front implements DrillRoom {
  readonly #stored: StoredDrill;
  readonly #scenario: Scenario;
  readonly #cluster: Cluster;
  /** The drill as the store has it, folded here while another process owns it. */
  #copy: Authority | undefined;
  #clock: Clock;

  constructor(stored: StoredDrill, cluster: Cluster) {
    this.#stored = stored;
    this.#scenario = scenarioOf(stored);
    this.#cluster = cluster;
    this.#clock = { t: stored.lastSeenT, speed: 1, running: false, at: performance.now() };
  }

  get drill(): StoredDrill {
    return this.#stored;
  }
  get scenario(): Scenario {
    return this.#scenario;
  }
  get #id(): string {
    return this.#stored.drill;
  }
  get #here(): LocalRoom | undefined {
    return this.#cluster.rooms.get(this.#id);
  }

  #mirror(): Exercise {
    this.#copy ??= createAuthority({ scenario: this.#scenario, seed: this.#stored.seed, clock: () => 0, readOnly: true });
    const rows = this.#cluster.store.entries(this.#id, this.#copy.exercise.world.seq);
    // Up to the last entry's time only: a clock run ahead here could pass the owner's next stamp.
    if (rows.length > 0) this.#copy.follow(rows.map(logEntryOf), rows.at(-1)!.t);
    return this.#copy.exercise;
  }

  get exercise(): Exercise {
    return this.#here?.exercise ?? this.#mirror();
  }
  get speed(): number {
    return this.#here?.speed ?? this.#clock.speed;
  }
  now(): number {
    const room = this.#here;
    if (room) return room.now();
    const c = this.#clock;
    const heard = c.running ? c.t + (performance.now() - c.at) * c.speed : c.t;
    return Math.max(this.#mirror().world.t, Math.floor(heard));
  }
  since(seq: number): LogEntry[] {
    return this.#here?.since(seq) ?? this.#cluster.store.entries(this.#id, seq).map(logEntryOf);
  }
  review(): ReviewLine[] {
    return this.#here?.review() ?? this.#cluster.store.review(this.#id);
  }

  async handle<K extends Kind>(sender: Sender, kind: K, message: ClientMessages[K]): Promise<Ack> {
    const { loading, leases, holder, ask, take } = this.#cluster;
    const here = loading.get(this.#id);
    if (here) return (await here).handle(sender, kind, message);
    const owner = await leases.ownerOf(this.#id);
    if (owner !== null && owner !== holder) {
      const answer = await ask<Ack>({ to: owner, drill: this.#id, op: 'handle', sender, kind, message });
      if (answer) return answer;
    }
    // No owner answered: it may have died. Once its lease lapses, the drill is played here.
    const room = await take(this.#stored);
    if (room) return room.handle(sender, kind, message);
    return { ok: false, code: 'unavailable', reason: refusalText('unavailable', sender.lang) };
  }

  // The owner's room broadcasts through the adapter; a front never does.
  onBatch(): () => void {
    return () => {};
  }
  onReview(): () => void {
    return () => {};
  }

  /** Before the first welcome here: the drill played here, or its owner's clock heard. */
  async settle(): Promise<void> {
    const { loading, leases, lease, ask, take } = this.#cluster;
    const deadline = performance.now() + lease.ttlMs + 2 * lease.renewMs;
    for (;;) {
      if (loading.has(this.#id) || (await take(this.#stored))) return;
      const owner = await leases.ownerOf(this.#id);
      if (owner !== null) {
        const heard = await ask<Clock>({ to: owner, drill: this.#id, op: 'clock' });
        if (heard) {
          this.#clock = { ...heard, at: performance.now() };
          return;
        }
      }
      if (performance.now() > deadline) throw new Error(`drill ${this.#id}: its owner ${owner ?? '(none)'} does not answer and its lease has not lapsed`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(500, lease.renewMs)));
    }
  }
}
