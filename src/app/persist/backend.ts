// Where a drill in progress is kept between page loads. The drill logic (saved.ts, recorder.ts)
// talks to this small interface; the browser uses IndexedDB (idb.ts), tests the memory one below.
import type { LogEntry } from '../../core/index.ts';

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
  /** Wall-clock ms when this drill was first saved, to tell the user which drill came back. */
  savedAt: number;
}

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

export interface DrillBackend {
  /** The saved drill, or undefined when there is none; rejects when the storage cannot be read. */
  read(): Promise<RawDrill | undefined>;
  /** Replaces whatever was saved by this drill, atomically. */
  replace(meta: SavedMeta, entries: readonly LogEntry[]): Promise<void>;
  /** Adds entries after those saved (one transaction). */
  append(entries: readonly LogEntry[]): Promise<void>;
  heartbeat(beat: Heartbeat): Promise<void>;
  clear(): Promise<void>;
}

/** A backend in memory; `raw` is exposed so tests can break it the way a real store breaks. */
export function memoryBackend(): DrillBackend & { raw: { meta?: unknown; heartbeat?: unknown; entries: Map<number, unknown> }; writes: number } {
  const raw = { meta: undefined as unknown, heartbeat: undefined as unknown, entries: new Map<number, unknown>() };
  const copy = <T>(x: T): T => structuredClone(x);
  const backend = {
    raw,
    writes: 0,
    async read() {
      if (raw.meta === undefined && raw.entries.size === 0) return undefined;
      return { meta: copy(raw.meta), heartbeat: copy(raw.heartbeat), entries: [...raw.entries.entries()].sort(([a], [b]) => a - b).map(([, e]) => copy(e)) };
    },
    async replace(meta: SavedMeta, entries: readonly LogEntry[]) {
      backend.writes++;
      raw.meta = copy(meta);
      raw.heartbeat = undefined;
      raw.entries = new Map(entries.map((e) => [e.seq, copy(e)]));
    },
    async append(entries: readonly LogEntry[]) {
      backend.writes++;
      for (const e of entries) raw.entries.set(e.seq, copy(e));
    },
    async heartbeat(beat: Heartbeat) {
      raw.heartbeat = copy(beat);
    },
    async clear() {
      raw.meta = undefined;
      raw.heartbeat = undefined;
      raw.entries = new Map();
    },
  };
  return backend;
}
