// Just enough of IndexedDB, in memory, to run src/app/persist's IndexedDB code in Node: versioned open
// with onupgradeneeded, object stores with a keyPath or out-of-line keys, get/getAll/put/add/delete/
// clear, readwrite transactions that commit when their last request is answered and roll back on
// abort. Requests are answered a task later, in order, as browsers do. (fake-indexeddb is not a
// dependency; the real thing runs in the e2e.) `databases` is open to tests, to set up an old version.

type Key = string | number;

export interface FakeStore {
  keyPath?: string;
  data: Map<Key, unknown>;
}
export interface FakeDatabase {
  version: number;
  stores: Map<string, FakeStore>;
}

const later = (fn: () => void) => void setTimeout(fn, 0);

class Request<T = unknown> {
  result: T | undefined;
  error: Error | null = null;
  onsuccess: (() => void) | null = null;
  onerror: (() => void) | null = null;
}

class Transaction {
  oncomplete: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  error: Error | null = null;
  #pending = 0;
  #finished = false;
  /** The stores as this transaction sees them, copied when it starts, put in place when it commits. */
  readonly #work = new Map<string, Map<Key, unknown>>();
  /** Its requests, one after another, once it has started. */
  #tail: Promise<void>;
  #release!: () => void;

  constructor(
    private readonly db: FakeDatabase & { writing?: Promise<void> },
    private readonly names: readonly string[],
    private readonly mode: IDBTransactionMode,
  ) {
    for (const n of names) if (!db.stores.has(n)) throw new DOMException(`no object store ${n}`, 'NotFoundError');
    // Read-write transactions run one after another, as a browser runs those whose stores overlap.
    const before = mode === 'readwrite' ? (db.writing ?? Promise.resolve()) : Promise.resolve();
    if (mode === 'readwrite') db.writing = new Promise<void>((r) => (this.#release = r));
    else this.#release = () => undefined;
    this.#tail = before.then(() => {
      for (const n of this.names) this.#work.set(n, new Map(this.db.stores.get(n)!.data));
    });
    void this.#tail.then(() => later(() => this.#settle())); // a transaction with no request completes too
  }

  objectStore(name: string) {
    const store = this.db.stores.get(name);
    if (!store || !this.names.includes(name)) throw new DOMException(`${name} is not in this transaction`, 'NotFoundError');
    const data = () => this.#work.get(name)!;
    const keyOf = (value: unknown, key?: Key): Key => (store.keyPath ? ((value as Record<string, Key>)[store.keyPath] as Key) : key!);
    const write = () => {
      if (this.mode !== 'readwrite') throw new DOMException('read-only transaction', 'ReadOnlyError');
    };
    return {
      get: (key: Key) => this.#request(() => structuredClone(data().get(key))),
      getAll: () => this.#request(() => [...data().keys()].sort(compare).map((k) => structuredClone(data().get(k)))),
      put: (value: unknown, key?: Key) => (write(), this.#request(() => void data().set(keyOf(value, key), structuredClone(value)))),
      add: (value: unknown, key?: Key) => {
        write();
        return this.#request(() => {
          const k = keyOf(value, key);
          if (data().has(k)) throw new DOMException(`key ${k} already exists`, 'ConstraintError');
          data().set(k, structuredClone(value));
        });
      },
      delete: (key: Key) => (write(), this.#request(() => void data().delete(key))),
      clear: () => (write(), this.#request(() => void data().clear())),
    };
  }

  abort() {
    if (this.#finished) return;
    this.#finished = true;
    this.error ??= new DOMException('aborted', 'AbortError');
    this.#release();
    later(() => this.onabort?.());
  }

  #request<T>(op: () => T): Request<T> {
    if (this.#finished) throw new DOMException('transaction finished', 'TransactionInactiveError');
    const request = new Request<T>();
    this.#pending++;
    this.#tail = this.#tail.then(
      () =>
        new Promise<void>((done) =>
          later(() => {
            this.#pending--;
            done();
            if (this.#finished) return;
            try {
              request.result = op();
              request.onsuccess?.();
            } catch (e) {
              request.error = e as Error;
              request.onerror?.();
              this.error = e as Error;
              this.abort();
              return;
            }
            this.#settle();
          }),
        ),
    );
    return request;
  }

  #settle() {
    if (this.#finished || this.#pending > 0) return;
    later(() => {
      if (this.#finished || this.#pending > 0) return;
      this.#finished = true;
      for (const [name, data] of this.#work) this.db.stores.get(name)!.data = data;
      this.#release();
      this.oncomplete?.();
    });
  }
}

const compare = (a: Key, b: Key) => (typeof a === typeof b ? (a < b ? -1 : a > b ? 1 : 0) : typeof a === 'number' ? -1 : 1);

class Connection {
  onversionchange: (() => void) | null = null;
  constructor(readonly db: FakeDatabase) {}
  get objectStoreNames() {
    return { contains: (n: string) => this.db.stores.has(n) };
  }
  createObjectStore(name: string, options?: { keyPath?: string }) {
    this.db.stores.set(name, { ...(options?.keyPath ? { keyPath: options.keyPath } : {}), data: new Map() });
  }
  transaction(names: string | readonly string[], mode: IDBTransactionMode = 'readonly') {
    return new Transaction(this.db, typeof names === 'string' ? [names] : names, mode);
  }
  close() {}
}

/** An IDBFactory over `databases` (by name); `opened` counts the opens, `upgrades` the old versions seen. */
export function fakeIndexedDb(databases = new Map<string, FakeDatabase>()) {
  const upgrades: number[] = [];
  const factory = {
    databases,
    upgrades,
    open(name: string, version: number) {
      const request = Object.assign(new Request<Connection>(), { onupgradeneeded: null as null | ((e: { oldVersion: number }) => void), onblocked: null });
      later(() => {
        const db = databases.get(name) ?? { version: 0, stores: new Map() };
        if (version < db.version) {
          request.error = new DOMException(`version ${version} is older than ${db.version}`, 'VersionError');
          return request.onerror?.();
        }
        databases.set(name, db);
        request.result = new Connection(db);
        if (version > db.version) {
          upgrades.push(db.version);
          request.onupgradeneeded?.({ oldVersion: db.version });
          db.version = version;
        }
        request.onsuccess?.();
      });
      return request;
    },
  };
  return factory as typeof factory & IDBFactory;
}
