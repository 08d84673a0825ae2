// Saving a drill as it happens: the scenario and seed first, then every new log entry in order,
// and a heartbeat of the room time every second and when the page is hidden or closed, so a reload
// loses at most the last second. Writes run one at a time; entries that arrive while one is running
// go out together in the next. A failed write is retried by rewriting the whole drill at the next
// chance, so a hiccup never leaves a gap in the saved log. Once another tab holds the drill
// (NotWriterError, or `holds()` says no before a batch) saving stops for good.
// Every entry is saved with its hash in the drill's chain (the one its export carries), hashed once
// as it is first saved: a restore finds an entry changed in the storage, and names it.
import { Chain } from '../../review/chain.ts';
import { headerHash } from '../../review/log-file.ts';
import type { Session } from '../drill/session.ts';
import { NotWriterError, SAVED_VERSION, type DrillBackend, type SavedEntry, type SavedMeta } from './backend.ts';
import { sessionHeader, sessionOrigin } from './export-log.ts';

/** A beat is one small write of the room time (the log is not touched), so once a second is cheap. */
export const HEARTBEAT_MS = 1_000;
/** After a failed write, wait this long before the next try (the session notifies every frame). */
export const RETRY_MS = 2_000;

export interface RecordOptions {
  /** The scenario text the session was loaded from (a reload loads it again); may come later (attachText). */
  scenarioText?: string;
  /** Its textHash, when the text is a shipped scenario's not downloaded yet: a reload restores from the JSON. */
  scenarioHash?: string;
  /** Wall-clock ms (Date.now), stamped on heartbeats, and on the saved drill when it has no `createdAt`. */
  wallClock?: () => number;
  /** When the drill was created (a drill that came back after a reload or a takeover keeps its own). */
  createdAt?: number;
  /** Does this page still hold the drill? Asked before every write batch; no: saving stops (onLost). */
  holds?: () => boolean;
  /** Another tab holds the drill now: nothing more is written. */
  onLost?: () => void;
  heartbeatMs?: number;
  /** Timers, replaceable in tests; default the global ones. */
  timers?: { every(fn: () => void, ms: number): () => void };
  /** Where to listen for the page being hidden or closed (a last heartbeat); default `window` if any. */
  page?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Called when a write fails (full disk, storage disabled); the next change retries. */
  onError?: (error: Error) => void;
  /** Called after each successful write, with the number of entries saved. */
  onSaved?: (entries: number) => void;
}

export interface Recording {
  /** Resolves once everything logged so far (and any heartbeat asked for) is written, or a write failed. */
  flush(): Promise<void>;
  /** Writes a heartbeat now (after the entries before it). */
  beat(): Promise<void>;
  /** Adds the scenario's text to the saved drill (which then holds everything to replay it anywhere). */
  attachText(text: string): Promise<void>;
  /** Stops saving; resolves when the write under way (if any) has finished. */
  stop(): Promise<void>;
  /** The last write's error, until a write succeeds. */
  readonly error: Error | undefined;
  /** Entries written so far. */
  readonly saved: number;
  /** What is saved with the drill (its scenario, seed, creation time). */
  readonly meta: SavedMeta;
}

const defaultTimers = {
  every(fn: () => void, ms: number) {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
};

/** Saves `session` into `backend` from now on, replacing whatever drill was saved there. */
export function recordSession(session: Session, backend: DrillBackend, options: RecordOptions): Recording {
  const wall = options.wallClock ?? Date.now;
  // With the text, the hash is the text's own (a reload works it out); without it, the shipped one's.
  const scenario = options.scenarioText !== undefined ? { scenarioText: options.scenarioText } : options.scenarioHash !== undefined ? { scenarioHash: options.scenarioHash } : {};
  const { drill, created, parent, trust } = session;
  const head = headerHash(sessionHeader(session));
  const origin = sessionOrigin(session);
  let meta: SavedMeta = {
    version: SAVED_VERSION,
    file: session.file,
    ...scenario,
    seed: session.seed,
    savedAt: options.createdAt ?? wall(),
    drill,
    created,
    ...(parent ? { parent } : {}),
    head,
    ...(trust === 'verified' ? {} : { trust }),
    ...(origin ? { origin } : {}),
  };
  const chain = new Chain(head);
  let chained = 0;
  /** log[from, to) with their hashes; each entry is hashed once, the first time it is saved. */
  const withHashes = (from: number, to: number): SavedEntry[] => {
    const log = session.exercise.log;
    for (; chained < to; chained++) chain.push(log[chained]!);
    return log.slice(from, to).map((e) => ({ ...e, hash: chain.hashOf(e.seq)! }));
  };
  let written = 0;
  let rewrite = true; // the first write replaces the store's contents with this drill
  let beatDue = false;
  let error: Error | undefined;
  let running: Promise<void> | undefined;
  let retryAt = 0;
  let stopped = false;
  /** The room time and speed of the last beat written: the same again (hidden, then closed, in one instant) is not rewritten. */
  let lastBeat = '';

  const behind = () => !stopped && (rewrite || beatDue || written < session.exercise.log.length);

  const lost = () => {
    if (stopped) return;
    stop();
    options.onLost?.();
  };

  const pump = async () => {
    while (behind()) {
      if (options.holds && !options.holds()) return lost();
      const upto = session.exercise.log.length;
      try {
        if (rewrite) {
          await backend.replace(meta, withHashes(0, upto));
          lastBeat = ''; // the replace dropped the saved beat
        } else if (written < upto) await backend.append(withHashes(written, upto));
        written = upto;
        rewrite = false;
        if (beatDue && written === session.exercise.log.length) {
          beatDue = false;
          const beat = { lastSeenT: session.now(), speed: session.speed };
          const key = `${beat.lastSeenT}|${beat.speed}`;
          if (key !== lastBeat) {
            await backend.heartbeat({ ...beat, at: wall() });
            lastBeat = key;
          }
        }
        error = undefined;
        options.onSaved?.(written);
      } catch (e) {
        if (e instanceof NotWriterError) return lost();
        error = e instanceof Error ? e : new Error(String(e));
        rewrite = true;
        retryAt = wall() + RETRY_MS;
        options.onError?.(error);
        return;
      }
    }
  };
  const kick = () => {
    if (error && !running && wall() < retryAt) return Promise.resolve();
    return (running ??= pump().finally(() => (running = undefined)));
  };

  const flush = async () => {
    for (;;) {
      if (running) {
        await running;
        continue;
      }
      if (!behind()) return;
      await kick();
      if (error) return;
    }
  };

  const beat = () => {
    beatDue = true;
    return flush();
  };

  const unsubscribe = session.subscribe(() => void kick());
  const stopTimer = (options.timers ?? defaultTimers).every(() => void beat(), options.heartbeatMs ?? HEARTBEAT_MS);
  const page = options.page ?? (typeof window === 'undefined' ? undefined : window);
  // Becoming visible again moves no time: only hiding (or closing) is worth a last beat.
  const onHide = () => {
    if (typeof document === 'undefined' || document.visibilityState !== 'visible') void beat();
  };
  page?.addEventListener('pagehide', onHide);
  page?.addEventListener('visibilitychange', onHide);
  void kick();

  function stop() {
    stopped = true;
    unsubscribe();
    stopTimer();
    page?.removeEventListener('pagehide', onHide);
    page?.removeEventListener('visibilitychange', onHide);
    return running ?? Promise.resolve();
  }

  return {
    flush,
    beat,
    attachText(text) {
      if (stopped || meta.scenarioText === text) return flush();
      const { scenarioHash: _known, ...rest } = meta;
      meta = { ...rest, scenarioText: text };
      rewrite = true; // the meta goes out with the whole log, in one transaction
      beatDue = true; // which drops the heartbeat: write it again after
      return flush();
    },
    stop,
    get error() {
      return error;
    },
    get saved() {
      return written;
    },
    get meta() {
      return meta;
    },
  };
}
