// The drill backend on the browser's IndexedDB, with the raw API: one database, two object stores —
// `drill` (the meta and the heartbeat, by name) and `log` (the entries, keyed by seq, so a page
// that writes an entry twice still holds it once and reads come back in order).
import type { LogEntry } from '../../core/index.ts';
import type { DrillBackend, Heartbeat, RawDrill, SavedMeta } from './backend.ts';

export const DB_NAME = 'quake-drill';
const DB_VERSION = 1;
const DRILL = 'drill';
const LOG = 'log';

const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

const result = <T>(request: IDBRequest<T>) =>
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

/** The backend on `indexedDB` (or the factory given); the database opens on first use. */
export function indexedDbBackend(factory: IDBFactory | undefined = globalThis.indexedDB, name = DB_NAME): DrillBackend {
  let db: Promise<IDBDatabase> | undefined;
  const database = () => {
    if (!factory) return Promise.reject(new Error('this browser has no IndexedDB'));
    db ??= open(factory, name).catch((e: unknown) => {
      db = undefined; // try again next time
      throw e;
    });
    return db;
  };
  const write = async (stores: string[], body: (tx: IDBTransaction) => void) => {
    const tx = (await database()).transaction(stores, 'readwrite');
    const finished = done(tx);
    body(tx);
    await finished;
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
    replace: (meta: SavedMeta, entries: readonly LogEntry[]) =>
      write([DRILL, LOG], (tx) => {
        const drill = tx.objectStore(DRILL);
        const log = tx.objectStore(LOG);
        drill.clear();
        log.clear();
        drill.put(meta, 'meta');
        for (const e of entries) log.put(plain(e));
      }),
    append: (entries: readonly LogEntry[]) =>
      write([LOG], (tx) => {
        const log = tx.objectStore(LOG);
        for (const e of entries) log.put(plain(e));
      }),
    heartbeat: (beat: Heartbeat) => write([DRILL], (tx) => void tx.objectStore(DRILL).put(beat, 'heartbeat')),
    clear: () =>
      write([DRILL, LOG], (tx) => {
        tx.objectStore(DRILL).clear();
        tx.objectStore(LOG).clear();
      }),
  };
}

/** Only the entry's own fields: structured clone refuses functions and proxies a caller might hold. */
const plain = (e: LogEntry): LogEntry => JSON.parse(JSON.stringify({ seq: e.seq, t: e.t, actor: e.actor, event: e.event })) as LogEntry;
