// One drill's authority on the server: core's authority (src/core/authority.ts) replayed from the
// store, its seats' messages checked (role, rate, stale, resend), every entry made durable before it is
// acknowledged, and what each turn committed handed out once to the sockets layer (which filters it per
// view). The bots play on the room's own tick; their entries are committed like any seat's.
import { createAuthority, EVALUATOR, FACILITATOR, type Authority, type ClockSource, type LogEntry } from '../core/index.ts';
import { RATE, type Ack, type ClientMessageKind, type ClientMessages, type Resync, type ReviewLine } from '../protocol/messages.ts';
import { refusalText, type Lang, type RefusalCode } from '../protocol/refusals.ts';
import { actorOf, refuseForRole, ROLE_TABLE, type DrillRole } from '../protocol/roles.ts';
import { foldReview, refuseReview, type ReviewRecord } from '../review/record.ts';
import type { Batch, LocalRoom, Sender } from './drills.ts';
import { logEntryOf, scenarioOf, type Store, type StoredDrill } from './storage.ts';

/** How often the room moves its clock and lets the bots act (a bot's entry is stamped at its own time, not the tick's). */
export const ROOM_TICK_MS = 1000;
/** How often the room time is saved: a crash costs at most this much of the clock on restart. */
export const LAST_SEEN_MS = 5000;

/** Runs `run` every `ms` until the returned stop is called (setInterval by default; a test's own scheduler). */
export type Every = (ms: number, run: () => void) => () => void;

export interface RoomOptions {
  /** Milliseconds from a fixed origin; default performance.now. */
  clock?: ClockSource;
  every?: Every;
}

export interface Room extends LocalRoom {
  readonly authority: Authority;
  close(): Promise<void>;
}

const everyInterval: Every = (ms, run) => {
  const timer = setInterval(run, ms);
  return () => clearInterval(timer);
};

/**
 * Who a role writes the review stream as: evaluators as the evaluators, the drill's leads as the
 * facilitator, a seat as itself (its self-assessment). Controllers and observers write none.
 */
function reviewerOf(role: DrillRole, seat: string): string | null {
  if (role === 'evaluator') return EVALUATOR;
  if (role === 'commander' || role === 'facilitator') return FACILITATOR;
  return role === 'seat' ? seat : null;
}

type Kind = Exclude<ClientMessageKind, 'resync'>;

export function openRoom(store: Store, drill: StoredDrill, options: RoomOptions = {}): Room {
  const id = drill.drill;
  const clock = options.clock ?? (() => performance.now());
  const every = options.every ?? everyInterval;
  const scenario = scenarioOf(drill);
  const stored = store.entries(id).map(logEntryOf);
  const authority = createAuthority({ scenario, seed: drill.seed, clock, log: stored, lastSeenT: drill.lastSeenT });
  const { exercise } = authority;
  const seats = new Set(exercise.model.seats);

  /** How many of the log's entries went to the store (not the pause a restart adds), and the last seq it committed. */
  let handed = stored.length;
  let durableSeq = stored.at(-1)?.seq ?? 0;
  let durableT = stored.at(-1)?.t ?? 0;
  /**
   * The room time the seats are told (heartbeat, batches, resyncs): the last tick's, once what it played
   * is committed. A bot's entry is stamped at its own time, up to a tick earlier than the clock, and a
   * client that was told a later time could not fold it.
   */
  let published = authority.now();
  const shown = () => Math.max(published, durableT);
  /** A commit failed: memory is ahead of the disk, so nothing more is acknowledged. */
  let failed: unknown;
  const inFlight = new Set<Promise<unknown>>();

  /** Commands being committed, by clientId: a resend waits for the first one's seq. */
  const committing = new Map<string, Promise<number>>();
  const reviewing = new Map<string, Promise<number>>();
  const lines: ReviewLine[] = store.review(id);
  let record: ReviewRecord | undefined;
  const recordNow = () => (record ??= foldReview(lines, seats));

  const batchListeners = new Set<(batch: Batch) => void>();
  const reviewListeners = new Set<(lines: ReviewLine[]) => void>();
  let batch: LogEntry[] = [];

  /**
   * The turn's committed entries go out together, in the next turn: the acks of the commit are written
   * first, so an ack never waits behind the fan-out to every seat.
   */
  function committed(entry: LogEntry) {
    durableSeq = Math.max(durableSeq, entry.seq);
    durableT = Math.max(durableT, entry.t);
    if (batch.length === 0) setImmediate(sendBatch);
    batch.push(entry);
  }
  function sendBatch() {
    const out: Batch = { entries: batch, t: shown() };
    batch = [];
    for (const l of batchListeners) l(out);
  }

  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    const done = () => inFlight.delete(p);
    p.then(done, done);
    return p;
  };

  /** Hands the store every entry it does not have yet, in order; `own` names the sender of the last one. */
  function persist(own?: { clientId: string; by: string }): Promise<number> | undefined {
    let last: Promise<number> | undefined;
    while (handed < exercise.log.length) {
      const entry = exercise.log[handed++]!;
      const mine = own && handed === exercise.log.length;
      const row = { drill: id, ...entry, clientId: mine ? own.clientId : null, by: mine ? own.by : null };
      last = track(
        store.append(row).then(
          () => {
            committed(entry);
            return entry.seq;
          },
          (e: unknown) => {
            failed ??= e;
            console.error(`quake-drill: drill ${id}: entry ${entry.seq} was not stored:`, e);
            throw e;
          },
        ),
      );
      // A command's own failure is its ack's ('unavailable'); the bots' and the pause's are logged above.
      if (!mine) last.catch(() => {});
    }
    return last;
  }

  /** The bots and the deadlines up to now; their entries committed. */
  function tick() {
    if (failed !== undefined) return;
    authority.tick();
    const played = exercise.world.t;
    const publish = () => void (published = Math.max(published, played));
    const last = persist();
    if (last) last.then(publish, () => {});
    else publish();
  }

  // A drill that was running when its server stopped came back paused: that pause is in the record too.
  persist();
  const stopTick = every(ROOM_TICK_MS, tick);
  const stopSeen = every(LAST_SEEN_MS, () => store.setLastSeen(id, authority.now()));

  /** Per token (its nonce): a burst, then RATE.perSecond. */
  const buckets = new Map<string, { tokens: number; at: number }>();
  function spend(nonce: string): boolean {
    const now = clock();
    const b = buckets.get(nonce) ?? { tokens: RATE.burst, at: now };
    b.tokens = Math.min(RATE.burst, b.tokens + ((now - b.at) * RATE.perSecond) / 1000);
    b.at = now;
    buckets.set(nonce, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Committed entries after `seq`, from memory (the log was read from the store when the room opened). */
  function since(seq: number): LogEntry[] {
    const log = exercise.log;
    let end = log.length;
    while (end > 0 && log[end - 1]!.seq > durableSeq) end--;
    let start = end;
    while (start > 0 && log[start - 1]!.seq > seq) start--;
    return log.slice(start, end);
  }

  /** The ack an entry earned: accepted, or the core's refusal (logged, at its seq). */
  function ackOf(seq: number, lang: Lang, dup?: true): Ack {
    const refused = exercise.world.rejections.find((r) => r.seq === seq);
    if (refused) return { ok: false, code: 'refused', reason: refusalText('refused', lang, refused.reason), seq };
    return dup ? { ok: true, seq, dup } : { ok: true, seq };
  }

  const refuse = (code: RefusalCode, lang: Lang, detail?: string): Ack => ({ ok: false, code, reason: refusalText(code, lang, detail) });

  async function command(sender: Sender, { clientId, baseSeq, event }: ClientMessages['command']): Promise<Ack> {
    const { role, seat, lang } = sender;
    const first = committing.get(clientId) ?? store.byClientId(id, clientId)?.seq;
    if (first !== undefined) return ackOf(await first, lang, true);
    if (!spend(sender.nonce)) return refuse('rate', lang);
    const actor = actorOf(role, seat);
    if (actor === null || refuseForRole(role, event.type)) return refuse('role', lang);
    // The world at now, so a deadline passed meanwhile counts in the stale check.
    tick();
    const why = baseSeq < exercise.world.seq ? exercise.refusal(actor, event) : undefined;
    if (why !== undefined) {
      const resync: Resync = { entries: since(baseSeq), t: shown(), reveals: [] };
      return { ok: false, code: 'stale', reason: refusalText('stale', lang, why), resync };
    }
    authority.send(actor, event);
    const seq = persist({ clientId, by: `${role}:${seat}` })!;
    committing.set(clientId, seq);
    try {
      return ackOf(await seq, lang);
    } catch {
      return refuse('unavailable', lang);
    } finally {
      committing.delete(clientId);
    }
  }

  async function review(sender: Sender, { clientId, event }: ClientMessages['review']): Promise<Ack> {
    const { role, seat, lang } = sender;
    // Being stored here, or stored before this room opened (the server restarted between the send and its resend).
    const first = reviewing.get(clientId) ?? store.reviewByClientId(id, clientId);
    if (first !== undefined) return { ok: true, seq: await first, dup: true };
    if (!spend(sender.nonce)) return refuse('rate', lang);
    const actor = reviewerOf(role, seat);
    if (actor === null) return refuse('role', lang);
    const why = refuseReview(actor, event, recordNow(), seats);
    if (why !== undefined) return refuse('refused', lang, why);
    const n = track(store.appendReview(id, { actor, event, clientId }));
    reviewing.set(clientId, n);
    try {
      const line: ReviewLine = { n: await n, actor, event };
      lines.push(line);
      record = undefined;
      for (const l of reviewListeners) l([line]);
      return { ok: true, seq: line.n };
    } catch {
      reviewing.delete(clientId);
      return refuse('unavailable', lang);
    }
  }

  function speed(sender: Sender, message: ClientMessages['speed']): Ack {
    if (!spend(sender.nonce)) return refuse('rate', sender.lang);
    if (!ROLE_TABLE[sender.role].controls) return refuse('role', sender.lang);
    authority.setSpeed(message.speed);
    return { ok: true, seq: durableSeq };
  }

  return {
    drill,
    scenario,
    authority,
    exercise,
    get speed() {
      return authority.speed;
    },
    now: shown,
    since,
    review: () => lines,
    async handle<K extends Kind>(sender: Sender, kind: K, message: ClientMessages[K]): Promise<Ack> {
      if (failed !== undefined) return refuse('unavailable', sender.lang);
      if (kind === 'command') return command(sender, message as ClientMessages['command']);
      if (kind === 'review') return review(sender, message as ClientMessages['review']);
      return speed(sender, message as ClientMessages['speed']);
    },
    onBatch(listener) {
      batchListeners.add(listener);
      return () => batchListeners.delete(listener);
    },
    onReview(listener) {
      reviewListeners.add(listener);
      return () => reviewListeners.delete(listener);
    },
    /** Stops the clock here and waits for what is being committed; the store stays open (the server closes it). */
    async close() {
      stopTick();
      stopSeen();
      store.setLastSeen(id, authority.now());
      await Promise.allSettled([...inFlight]);
    },
  };
}
