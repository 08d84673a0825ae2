// Where a drill in progress is kept between page loads. The drill logic (saved.ts, recorder.ts)
// talks to this small interface; the browser uses IndexedDB (idb.ts), tests the memory one below.
//
// One writer: a page that holds the drill claims it (claim(owner)); every write then checks, in the
// same transaction, that the drill is still this page's, and fails with NotWriterError once another
// page has claimed it. The tab lock (tab-lock.ts) says who should write; this fence makes sure
// nobody else does, even in the instant between a takeover and the old holder hearing of it.
import type { LogEntry } from '../../core/index.ts';
import type { LogOrigin, ParentRef, Trust } from '../../review/log-file.ts';

/** What a reload needs to rebuild the drill, besides its log. */
export interface SavedMeta {
  version: typeof SAVED_VERSION;
  /** The scenario file's name, as exports name it (scenarios/haicheng-m5.8.yaml for a shipped one). */
  file: string;
  /**
   * The scenario's text as it was loaded: the drill replays against exactly this. A shipped scenario's
   * drill is saved from its first entry with the hash alone; the text is added when it has downloaded.
   */
  scenarioText?: string;
  /** textHash(scenarioText) (src/scenario/text-hash.ts): a reload restores a shipped scenario with this hash from its JSON. */
  scenarioHash?: string;
  seed: number;
  /**
   * Wall-clock ms when this drill was created, to tell the user which drill came back. Kept as it was
   * through reloads and takeovers (the name is the format's since version 1).
   */
  savedAt: number;
  /** The drill's id; absent in a drill saved before drills had ids (and hashes): an unchained record. */
  drill?: string;
  /** The drill's creation time as its log header states it (ISO). */
  created?: string;
  parent?: ParentRef;
  /**
   * The log header's hash, which the first saved entry is chained to (each entry carries its own);
   * absent in a drill saved before the chain, whose entries are then not checked.
   */
  head?: string;
  /** Saved only when the drill did not come from a verified record (an untrusted import, an old save): it stays marked. */
  trust?: Exclude<Trust['kind'], 'verified'>;
  /** With `trust`: the record it continued, as its log header seals it (so the saved head is that header's). */
  origin?: LogOrigin;
}

/** A log entry as saved: with its hash in the chain. */
export type SavedEntry = LogEntry & { hash: string };

/** The heartbeat: the room time the page last saw, so a reload does not move time backwards. */
export interface Heartbeat {
  lastSeenT: number;
  speed: number;
  /** Wall-clock ms of the beat. */
  at: number;
}

export const SAVED_VERSION = 1;

/** What the storage holds, unchecked: anything can be in there (another version, a broken write). */
export interface RawDrill {
  meta: unknown;
  heartbeat: unknown;
  /** In key order (seq). */
  entries: unknown[];
}

/** A saved drill that could not be read, set aside untouched with why. */
export interface QuarantinedDrill extends RawDrill {
  /** Wall-clock ms when it was set aside. */
  at: number;
  /** What was wrong (technical, English). */
  problem: string;
}

/** Another page holds the drill now: this one must not write. */
export class NotWriterError extends Error {
  constructor() {
    super('another tab holds this drill now');
    this.name = 'NotWriterError';
  }
}

export interface DrillBackend {
  /** The saved drill, or undefined when there is none; rejects when the storage cannot be read. */
  read(): Promise<RawDrill | undefined>;
  /** Makes this page the drill's only writer: writes of any other page fail with NotWriterError from now on. */
  claim(owner: string): Promise<void>;
  /** Replaces whatever was saved by this drill, atomically. */
  replace(meta: SavedMeta, entries: readonly SavedEntry[]): Promise<void>;
  /** Adds entries after those saved (one transaction). */
  append(entries: readonly SavedEntry[]): Promise<void>;
  /** One small write: the log is not touched. */
  heartbeat(beat: Heartbeat): Promise<void>;
  clear(): Promise<void>;
  /**
   * Moves the saved drill, exactly as read, under a key of its own (returned) and empties the drill's
   * place, in one transaction: the next drill saves there, the unreadable one stays for the user.
   */
  quarantine(drill: QuarantinedDrill): Promise<string>;
}

interface MemoryRaw {
  meta?: unknown;
  heartbeat?: unknown;
  owner?: string;
  entries: Map<number, unknown>;
  quarantine: Map<string, unknown>;
}

/**
 * A backend in memory; `raw` is exposed so tests can break it the way a real store breaks. Pass the
 * `raw` of another to get a second page's handle on the same storage (two tabs of one browser).
 */
export function memoryBackend(shared?: MemoryRaw): DrillBackend & { raw: MemoryRaw; writes: number } {
  const raw: MemoryRaw = shared ?? { entries: new Map(), quarantine: new Map() };
  const copy = <T>(x: T): T => structuredClone(x);
  let owner: string | undefined;
  const fence = () => {
    if (raw.owner !== undefined && raw.owner !== owner) throw new NotWriterError();
  };
  const backend = {
    raw,
    writes: 0,
    async read() {
      if (raw.meta === undefined && raw.entries.size === 0) return undefined;
      return { meta: copy(raw.meta), heartbeat: copy(raw.heartbeat), entries: [...raw.entries.entries()].sort(([a], [b]) => a - b).map(([, e]) => copy(e)) };
    },
    async claim(next: string) {
      owner = next;
      raw.owner = next;
    },
    async replace(meta: SavedMeta, entries: readonly SavedEntry[]) {
      fence();
      backend.writes++;
      raw.meta = copy(meta);
      raw.heartbeat = undefined;
      raw.entries = new Map(entries.map((e) => [e.seq, copy(e)]));
    },
    async append(entries: readonly SavedEntry[]) {
      fence();
      backend.writes++;
      for (const e of entries) raw.entries.set(e.seq, copy(e));
    },
    async heartbeat(beat: Heartbeat) {
      fence();
      raw.heartbeat = copy(beat);
    },
    async clear() {
      fence();
      raw.meta = undefined;
      raw.heartbeat = undefined;
      raw.entries = new Map();
    },
    async quarantine(drill: QuarantinedDrill) {
      fence();
      const key = quarantineKey(drill.at, raw.quarantine.size);
      raw.quarantine.set(key, copy(drill));
      raw.meta = undefined;
      raw.heartbeat = undefined;
      raw.entries = new Map();
      return key;
    },
  };
  return backend;
}

/** The key an unreadable drill is kept under: when, and a counter for two in one millisecond. */
export const quarantineKey = (at: number, n: number) => `unreadable-${new Date(at).toISOString()}${n > 0 ? `-${n}` : ''}`;
