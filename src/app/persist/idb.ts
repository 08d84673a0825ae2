// The drill backend on the browser's IndexedDB, with the raw API: one database, whose object stores are
// `drill` (the meta, the heartbeat and the writer's token, by name), `log` (the entries, keyed by seq,
// so a page that writes an entry twice still holds it once and reads come back in order),
// `quarantine` (saved drills that could not be read, kept as they were for the user to take back), and
// this browser's finished drills: `archive` (what the picker lists, by drill id), `archive-log` (their
// files, apart so that listing reads no log) and `review` (evaluator notes and the like, by drill id;
// archive.ts and review-store.ts).
import type { LogEntry } from '../../core/index.ts';
import { NotWriterError, quarantineKey, type DrillBackend, type Heartbeat, type QuarantinedDrill, type RawDrill, type SavedEntry, type SavedMeta } from './backend.ts';

export const DB_NAME = 'quake-drill';
// Version 2 adds the quarantine store, version 3 the archive and the review notes; an older database
// keeps its drill (and quarantine) through the upgrade.
export const DB_VERSION = 3;
const DRILL = 'drill';
export const LOG = 'log';
const QUARANTINE = 'quarantine';
export const ARCHIVE = 'archive';
export const ARCHIVE_LOG = 'archive-log';
export const REVIEW = 'review';
/** The key, in `drill`, of the token of the page that writes the drill (see DrillBackend.claim). */
const OWNER = 'owner';

export const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

export const result = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

function open(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, DB_VERSION);
    } catch (e) {
      reject(e as Error);
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(DRILL)) db.createObjectStore(DRILL);
      if (!db.objectStoreNames.contains(LOG)) db.createObjectStore(LOG, { keyPath: 'seq' });
      if (!db.objectStoreNames.contains(QUARANTINE)) db.createObjectStore(QUARANTINE);
      for (const store of [ARCHIVE, ARCHIVE_LOG, REVIEW]) if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database: let it, this page reopens on its next write.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB cannot be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

/** The database, opened on first use (and again after a failed open). */
export function lazyDatabase(factory: IDBFactory | undefined, name: string): () => Promise<IDBDatabase> {
  let db: Promise<IDBDatabase> | undefined;
  return () => {
    if (!factory) return Promise.reject(new Error('this browser has no IndexedDB'));
    db ??= open(factory, name).catch((e: unknown) => {
      db = undefined; // try again next time
      throw e;
    });
    return db;
  };
}

/** The backend on `indexedDB` (or the factory given); the database opens on first use. */
export function indexedDbBackend(factory: IDBFactory | undefined = globalThis.indexedDB, name = DB_NAME): DrillBackend {
  const database = lazyDatabase(factory, name);
  let owner: string | undefined;
  /**
   * A write in one transaction, which first checks that the drill is still this page's: readwrite
   * transactions on `drill` run one after another, so once another page's claim has committed no
   * write of this one lands.
   */
  const write = async (stores: string[], body: (tx: IDBTransaction) => void) => {
    const tx = (await database()).transaction([...new Set([DRILL, ...stores])], 'readwrite');
    const finished = done(tx);
    let fenced = false;
    const check = tx.objectStore(DRILL).get(OWNER);
    check.onsuccess = () => {
      if (check.result !== undefined && check.result !== owner) {
        fenced = true;
        tx.abort();
      } else body(tx);
    };
    try {
      await finished;
    } catch (e) {
      throw fenced ? new NotWriterError() : e;
    }
  };
  /** Empties the drill's place but keeps the writer's token. */
  const empty = (tx: IDBTransaction) => {
    const drill = tx.objectStore(DRILL);
    drill.delete('meta');
    drill.delete('heartbeat');
    tx.objectStore(LOG).clear();
  };

  return {
    async read(): Promise<RawDrill | undefined> {
      const tx = (await database()).transaction([DRILL, LOG], 'readonly');
      const [meta, heartbeat, entries] = await Promise.all([
        result(tx.objectStore(DRILL).get('meta')),
        result(tx.objectStore(DRILL).get('heartbeat')),
        result(tx.objectStore(LOG).getAll()),
      ]);
      if (meta === undefined && entries.length === 0) return undefined;
      return { meta, heartbeat, entries };
    },
    async claim(next: string) {
      const tx = (await database()).transaction([DRILL], 'readwrite');
      const finished = done(tx);
      tx.objectStore(DRILL).put(next, OWNER);
      await finished;
      owner = next;
    },
    replace: (meta: SavedMeta, entries: readonly SavedEntry[]) =>
      write([LOG], (tx) => {
        empty(tx);
        tx.objectStore(DRILL).put(meta, 'meta');
        const log = tx.objectStore(LOG);
        for (const e of entries) log.put(plainSaved(e));
      }),
    append: (entries: readonly SavedEntry[]) =>
      write([LOG], (tx) => {
        const log = tx.objectStore(LOG);
        for (const e of entries) log.put(plainSaved(e));
      }),
    heartbeat: (beat: Heartbeat) => write([], (tx) => void tx.objectStore(DRILL).put(beat, 'heartbeat')),
    clear: () => write([LOG], empty),
    async quarantine(drill: QuarantinedDrill) {
      const key = quarantineKey(drill.at, 0);
      await write([LOG, QUARANTINE], (tx) => {
        // add, not put: an earlier unreadable drill under the same key is never overwritten (the write fails instead).
        tx.objectStore(QUARANTINE).add(drill, key);
        empty(tx);
      });
      return key;
    },
  };
}

/** Only the entry's own fields: structured clone refuses functions and proxies a caller might hold. */
export const plain = (e: LogEntry): LogEntry => JSON.parse(JSON.stringify({ seq: e.seq, t: e.t, actor: e.actor, event: e.event })) as LogEntry;
const plainSaved = (e: SavedEntry): SavedEntry => ({ ...plain(e), hash: e.hash });
