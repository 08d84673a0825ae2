// The server's drills on disk (SQLite through libsql): an append-only entry table per drill, the review
// stream, revoked join links. A command is acknowledged only once its entry is durable, and an fsync per
// command would cap a room at the disk's sync rate, so what is queued in one event-loop turn, or while the
// previous commit ran, goes in one transaction (group commit), written by a worker thread so the fsync
// never stalls the event loop; every waiting promise resolves after that COMMIT (synchronous=FULL).
// Each entry carries the hash the log file would give it (review/chain.ts), chained from the header
// hash of the drill as stored, so a download is the same quake-drill/log@2 file a browser exports.
import Database from 'libsql';
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { DrillEvent, LogEntry } from '../core/index.ts';
import { chainHashes, entryHash } from '../review/chain.ts';
import { headerFor, headerHash, type LogOrigin, type ParentRef } from '../review/log-file.ts';
import type { ReviewEntry, ReviewEvent } from '../review/record.ts';
import { loadScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface StoredDrill {
  drill: string;
  /** The scenario's file name, as the log header names it (scenarios/x.yaml). */
  file: string;
  /** The scenario's YAML/JSON text as it was loaded: the drill replays against this, whatever the file becomes. */
  scenario: string;
  seed: number;
  /** ISO wall time the drill was created (sealed in the header hash). */
  created: string;
  parent?: ParentRef;
  origin?: LogOrigin;
  /** The room time last seen (heartbeat): a restart resumes the clock there. */
  lastSeenT: number;
  owner?: string;
}

export interface EntryRow {
  drill: string;
  seq: number;
  t: number;
  actor: string;
  event: DrillEvent;
  /** The sender's id for the command, making a resend idempotent; null for the bots' and the server's own. */
  clientId: string | null;
  /** role:seat of the token that sent it. */
  by: string | null;
  /** The chain hash, as the log file carries it. */
  hash: string;
}

/** What append is given: the store chains the hash itself, so no caller can break the record. */
export type NewEntry = Omit<EntryRow, 'hash'>;

export interface ReviewInput {
  actor: string;
  event: ReviewEvent;
  clientId: string | null;
}

/** A clientId already stored (or queued) for the drill: the first one's seq (entries) or n (review). */
export class DuplicateClientId extends Error {
  constructor(
    readonly clientId: string,
    readonly first: number,
  ) {
    super(`client id ${clientId} was already stored as ${first}`);
  }
}

export interface Store {
  /**
   * Throws when the drill exists or its scenario does not load. `scenario`: the loaded one, when the
   * caller has it; `log`: the entries it starts with (an upload), stored in the same transaction.
   */
  createDrill(d: StoredDrill, scenario?: Scenario, log?: readonly LogEntry[]): void;
  drill(id: string): StoredDrill | undefined;
  drills(): StoredDrill[];
  /** Queued with the next group commit (not awaited: a heartbeat lost in a crash costs a second). */
  setLastSeen(drill: string, t: number): void;
  /**
   * Queued; one transaction for what is queued in a turn or while the previous commit ran (group commit); resolves after COMMIT with the row as
   * stored. Rejects with DuplicateClientId without touching the batch; a failed commit rejects the
   * whole batch, of which nothing is kept.
   */
  append(row: NewEntry): Promise<EntryRow>;
  /** Committed entries only: what a client may be told exists. */
  entries(drill: string, afterSeq?: number): EntryRow[];
  /** The last committed seq, 0 before any. */
  lastSeq(drill: string): number;
  /** Committed or queued in this turn (a resend arriving before the first one's commit). */
  byClientId(drill: string, clientId: string): EntryRow | undefined;
  /** The n of the review line stored (or queued) under a client id: a resend after a restart finds it. */
  reviewByClientId(drill: string, clientId: string): number | undefined;
  /** Group-committed like append; resolves with the line's n. */
  appendReview(drill: string, line: ReviewInput): Promise<number>;
  review(drill: string): ReviewEntry[];
  /** Durable when it returns. */
  revoke(drill: string, nonce: string): void;
  isRevoked(drill: string, nonce: string): boolean;
  /** Commits what is queued, then closes. */
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS drills (
  drill TEXT PRIMARY KEY, file TEXT NOT NULL, scenario TEXT NOT NULL, seed INTEGER NOT NULL,
  created TEXT NOT NULL, parent TEXT, origin TEXT, head TEXT NOT NULL,
  last_seen_t INTEGER NOT NULL DEFAULT 0, owner TEXT
) STRICT;
CREATE TABLE IF NOT EXISTS entries (
  drill TEXT NOT NULL REFERENCES drills(drill), seq INTEGER NOT NULL, t INTEGER NOT NULL,
  actor TEXT NOT NULL, event TEXT NOT NULL, client_id TEXT, by TEXT, hash TEXT NOT NULL,
  UNIQUE (drill, seq), UNIQUE (drill, client_id)
) STRICT;
CREATE TRIGGER IF NOT EXISTS entries_no_update BEFORE UPDATE ON entries BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
CREATE TRIGGER IF NOT EXISTS entries_no_delete BEFORE DELETE ON entries BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
CREATE TABLE IF NOT EXISTS review (
  drill TEXT NOT NULL REFERENCES drills(drill), n INTEGER NOT NULL, actor TEXT NOT NULL,
  event TEXT NOT NULL, client_id TEXT,
  UNIQUE (drill, n), UNIQUE (drill, client_id)
) STRICT;
CREATE TABLE IF NOT EXISTS revocations (
  drill TEXT NOT NULL, nonce TEXT NOT NULL, UNIQUE (drill, nonce)
) STRICT;
`;

interface DrillRow {
  drill: string;
  file: string;
  scenario: string;
  seed: number;
  created: string;
  parent: string | null;
  origin: string | null;
  last_seen_t: number;
  owner: string | null;
}

interface StoredEntry {
  drill: string;
  seq: number;
  t: number;
  actor: string;
  event: string;
  client_id: string | null;
  by: string | null;
  hash: string;
}

/** Where a drill's record stands, queued rows included: the next entry chains to `hash`. */
interface Tail {
  seq: number;
  hash: string;
  n: number;
}

type Pending =
  /** `prev`: the hash the row was chained to, checked against the file inside the transaction. */
  | { kind: 'entry'; row: EntryRow; prev: string; resolve: (row: EntryRow) => void; reject: (e: unknown) => void }
  | { kind: 'review'; drill: string; n: number; line: ReviewInput; resolve: (n: number) => void; reject: (e: unknown) => void };

/** The header hash a drill's first entry chains to: the one its log file's header will carry. */
export function headOf(d: StoredDrill, scenario: Scenario): string {
  return headerHash(headerFor(d.file, scenario, d.seed, { drill: d.drill, created: d.created, ...(d.parent ? { parent: d.parent } : {}), ...(d.origin ? { origin: d.origin } : {}) }));
}

/** The drill's scenario as stored, loaded (throws when it no longer loads). */
export function scenarioOf(d: StoredDrill): Scenario {
  const loaded = loadScenario(d.scenario, d.file);
  if (!loaded.ok) throw new Error(`the scenario of drill ${d.drill} does not load: ${loaded.problems[0]?.message ?? 'unknown problem'}`);
  return loaded.scenario;
}

const toDrill = (r: DrillRow): StoredDrill => ({
  drill: r.drill,
  file: r.file,
  scenario: r.scenario,
  seed: r.seed,
  created: r.created,
  ...(r.parent === null ? {} : { parent: JSON.parse(r.parent) as ParentRef }),
  ...(r.origin === null ? {} : { origin: JSON.parse(r.origin) as LogOrigin }),
  lastSeenT: r.last_seen_t,
  ...(r.owner === null ? {} : { owner: r.owner }),
});

const toEntry = (r: StoredEntry): EntryRow => ({ drill: r.drill, seq: r.seq, t: r.t, actor: r.actor, event: JSON.parse(r.event) as DrillEvent, clientId: r.client_id, by: r.by, hash: r.hash });

export const logEntryOf = (row: EntryRow): LogEntry => ({ seq: row.seq, t: row.t, actor: row.actor, event: row.event });

/** The writer's answer to a commit: its failure, if it failed. */
interface Committed {
  error?: { message: string; code?: string };
}

const failureOf = (m: Committed): Error | undefined => (m.error ? Object.assign(new Error(m.error.message), m.error.code ? { code: m.error.code } : {}) : undefined);

/** What the writer thread is given per group commit: the rows as queued (each entry with the hash it chains to). */
interface Commit {
  entries: { row: EntryRow; prev: string }[];
  reviews: { drill: string; n: number; line: ReviewInput }[];
  seen: [string, number][];
}

/**
 * The writer thread: its own connection to the file, so a COMMIT's fsync (synchronous=FULL) waits there
 * and the event loop goes on answering. Plain JS evaluated as a worker: the prebuilt CLI is one bundled
 * file, so the worker cannot be a module beside it; libsql's path comes from the main thread.
 */
const WRITER = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.libsql);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const insertEntry = db.prepare('INSERT INTO entries (drill, seq, t, actor, event, client_id, by, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
const lastEntry = db.prepare('SELECT hash FROM entries WHERE drill = ? ORDER BY seq DESC LIMIT 1').raw();
const head = db.prepare('SELECT head FROM drills WHERE drill = ?').raw();
const insertReview = db.prepare('INSERT INTO review (drill, n, actor, event, client_id) VALUES (?, ?, ?, ?, ?)');
const lastSeen = db.prepare('UPDATE drills SET last_seen_t = ? WHERE drill = ?');
const { port, done } = workerData;
port.on('message', (c) => {
  let error;
  try {
    db.exec('BEGIN IMMEDIATE');
    // Another process sharing the file may have written a drill since this one read its tail (a lease
    // lost and won back): its rows would chain to a hash that is no longer the last one.
    const chained = new Map();
    for (const { row: r, prev } of c.entries) {
      const last = chained.get(r.drill) ?? lastEntry.get(r.drill)?.[0] ?? head.get(r.drill)?.[0];
      if (prev !== last) throw new Error('drill ' + r.drill + ' was written by another process since this one read it: entry ' + r.seq + ' was refused so the chain stays whole');
      chained.set(r.drill, r.hash);
      insertEntry.run(r.drill, r.seq, r.t, r.actor, JSON.stringify(r.event), r.clientId, r.by, r.hash);
    }
    for (const p of c.reviews) insertReview.run(p.drill, p.n, p.line.actor, JSON.stringify(p.line.event), p.line.clientId);
    for (const [drill, t] of c.seen) lastSeen.run(t, drill);
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    // libsql's SqliteError does not survive the clone: its words and code do.
    error = { message: e instanceof Error ? e.message : String(e), code: e?.code };
  }
  port.postMessage(error ? { error } : {});
  // For a close() waiting on the main thread: the answer is on the port.
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});
`;

/** The first column of a raw() statement's row (libsql has no pluck()). */
const valueOf = <T>(statement: { get(...params: unknown[]): unknown }, ...params: unknown[]): T | undefined => (statement.get(...params) as T[] | undefined)?.[0];

export function openStore(file: string): Store {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const q = {
    insertDrill: db.prepare('INSERT INTO drills (drill, file, scenario, seed, created, parent, origin, head, last_seen_t, owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    drill: db.prepare('SELECT * FROM drills WHERE drill = ?'),
    drills: db.prepare('SELECT * FROM drills ORDER BY created, drill'),
    head: db.prepare('SELECT head FROM drills WHERE drill = ?').raw(),
    insertEntry: db.prepare('INSERT INTO entries (drill, seq, t, actor, event, client_id, by, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    entries: db.prepare('SELECT * FROM entries WHERE drill = ? AND seq > ? ORDER BY seq'),
    lastEntry: db.prepare('SELECT seq, hash FROM entries WHERE drill = ? ORDER BY seq DESC LIMIT 1'),
    byClientId: db.prepare('SELECT * FROM entries WHERE drill = ? AND client_id = ?'),
    review: db.prepare('SELECT n, actor, event FROM review WHERE drill = ? ORDER BY n'),
    lastN: db.prepare('SELECT coalesce(max(n), 0) FROM review WHERE drill = ?').raw(),
    reviewByClientId: db.prepare('SELECT n FROM review WHERE drill = ? AND client_id = ?').raw(),
    revoke: db.prepare('INSERT OR IGNORE INTO revocations (drill, nonce) VALUES (?, ?)'),
    revoked: db.prepare('SELECT 1 FROM revocations WHERE drill = ? AND nonce = ?').raw(),
  };

  const tails = new Map<string, Tail>();
  let queue: Pending[] = [];
  const lastSeen = new Map<string, number>();
  let scheduled = false;

  const tailOf = (drill: string): Tail | undefined => {
    let tail = tails.get(drill);
    if (tail) return tail;
    const head = valueOf<string>(q.head, drill);
    if (head === undefined) return undefined;
    const last = q.lastEntry.get(drill) as { seq: number; hash: string } | undefined;
    tail = { seq: last?.seq ?? 0, hash: last?.hash ?? head, n: valueOf<number>(q.lastN, drill)! };
    tails.set(drill, tail);
    return tail;
  };

  /** Rows not yet visible to this connection: queued, or being committed by the writer. */
  const unstored = () => (committing ? [...committing, ...queue] : queue);
  const queuedEntry = (drill: string, clientId: string) => unstored().find((p): p is Extract<Pending, { kind: 'entry' }> => p.kind === 'entry' && p.row.drill === drill && p.row.clientId === clientId)?.row;
  const byClientId = (drill: string, clientId: string): EntryRow | undefined => {
    const stored = q.byClientId.get(drill, clientId) as StoredEntry | undefined;
    return stored ? toEntry(stored) : queuedEntry(drill, clientId);
  };
  const reviewByClientId = (drill: string, clientId: string): number | undefined =>
    valueOf<number>(q.reviewByClientId, drill, clientId) ?? unstored().find((p): p is Extract<Pending, { kind: 'review' }> => p.kind === 'review' && p.drill === drill && p.line.clientId === clientId)?.n;

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  // The writer thread; `done` counts the commits it answered, so close() can wait for one without the event loop.
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1: port, port2 } = new MessageChannel();
  const writer = new Worker(WRITER, { eval: true, workerData: { file, libsql: createRequire(import.meta.url).resolve('libsql'), port: port2, done }, transferList: [port2] });
  writer.unref();
  port.unref();
  /** The batch the writer is committing; what is queued meanwhile goes in the next commit. */
  let committing: Pending[] | undefined;
  let answered = 0;

  function settle(batch: Pending[], error: unknown): void {
    answered++;
    if (error !== undefined) {
      // The queued rows advanced the tails; nothing of them is on disk, so the tails are read again.
      for (const p of batch) tails.delete(p.kind === 'entry' ? p.row.drill : p.drill);
      for (const p of batch) p.reject(error);
      return;
    }
    for (const p of batch) {
      if (p.kind === 'entry') p.resolve(p.row);
      else p.resolve(p.n);
    }
  }
  port.on('message', (m: Committed) => {
    const batch = committing!;
    committing = undefined;
    port.unref();
    settle(batch, failureOf(m));
    if (queue.length > 0 || lastSeen.size > 0) flush();
  });

  function flush(): void {
    scheduled = false;
    if (committing) return;
    const batch = queue;
    const seen = [...lastSeen];
    queue = [];
    lastSeen.clear();
    if (batch.length === 0 && seen.length === 0) return;
    committing = batch;
    const commit: Commit = { entries: [], reviews: [], seen };
    for (const p of batch) {
      if (p.kind === 'entry') commit.entries.push({ row: p.row, prev: p.prev });
      else commit.reviews.push({ drill: p.drill, n: p.n, line: p.line });
    }
    // A commit being waited for keeps the process alive; an idle writer does not.
    port.ref();
    port.postMessage(commit);
  }

  /** Waits, blocking, for the writer's answer to the commit in flight (close() only). */
  function awaitCommit(): void {
    while (committing) {
      Atomics.wait(done, 0, answered);
      const m = receiveMessageOnPort(port);
      if (!m) continue;
      const batch = committing;
      committing = undefined;
      settle(batch, failureOf(m.message as Committed));
    }
  }
  return {
    createDrill(d, scenario, log = []) {
      const head = headOf(d, scenario ?? scenarioOf(d));
      const hashes = chainHashes(head, log);
      db.transaction(() => {
        q.insertDrill.run(d.drill, d.file, d.scenario, d.seed, d.created, d.parent ? JSON.stringify(d.parent) : null, d.origin ? JSON.stringify(d.origin) : null, head, d.lastSeenT, d.owner ?? null);
        log.forEach((e, i) => q.insertEntry.run(d.drill, e.seq, e.t, e.actor, JSON.stringify(e.event), null, null, hashes[i]!));
      }).immediate();
    },
    drill(id) {
      const row = q.drill.get(id) as DrillRow | undefined;
      return row ? toDrill(row) : undefined;
    },
    drills: () => (q.drills.all() as DrillRow[]).map(toDrill),
    setLastSeen(drill, t) {
      lastSeen.set(drill, t);
      schedule();
    },
    append(input) {
      const tail = tailOf(input.drill);
      if (!tail) return Promise.reject(new Error(`no drill ${input.drill} in this store`));
      if (input.clientId !== null) {
        const first = byClientId(input.drill, input.clientId);
        if (first) return Promise.reject(new DuplicateClientId(input.clientId, first.seq));
      }
      // The chain is the log's order: an entry out of order would seal a record no reader accepts.
      if (!(input.seq > tail.seq)) return Promise.reject(new RangeError(`entry ${input.seq} of drill ${input.drill} comes after entry ${tail.seq}`));
      const { drill, seq, t, actor, event, clientId, by } = input;
      const prev = tail.hash;
      const row: EntryRow = { drill, seq, t, actor, event, clientId, by, hash: entryHash(prev, { seq, t, actor, event }) };
      tail.seq = seq;
      tail.hash = row.hash;
      return new Promise<EntryRow>((resolve, reject) => {
        queue.push({ kind: 'entry', row, prev, resolve, reject });
        schedule();
      });
    },
    entries: (drill, afterSeq = 0) => (q.entries.all(drill, afterSeq) as StoredEntry[]).map(toEntry),
    lastSeq: (drill) => (q.lastEntry.get(drill) as { seq: number } | undefined)?.seq ?? 0,
    byClientId,
    reviewByClientId,
    appendReview(drill, line) {
      const tail = tailOf(drill);
      if (!tail) return Promise.reject(new Error(`no drill ${drill} in this store`));
      if (line.clientId !== null) {
        const first = reviewByClientId(drill, line.clientId);
        if (first !== undefined) return Promise.reject(new DuplicateClientId(line.clientId, first));
      }
      const n = ++tail.n;
      return new Promise<number>((resolve, reject) => {
        queue.push({ kind: 'review', drill, n, line, resolve, reject });
        schedule();
      });
    },
    review: (drill) => (q.review.all(drill) as { n: number; actor: string; event: string }[]).map((r) => ({ n: r.n, actor: r.actor, event: JSON.parse(r.event) as ReviewEvent })),
    revoke(drill, nonce) {
      q.revoke.run(drill, nonce);
    },
    isRevoked: (drill, nonce) => valueOf(q.revoked, drill, nonce) !== undefined,
    close() {
      awaitCommit();
      flush();
      awaitCommit();
      port.close();
      void writer.terminate();
      db.close();
    },
  };
}
