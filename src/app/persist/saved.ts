// Reading a saved drill back: every part is checked before anything is replayed, and a drill that
// cannot be read is reported and set aside untouched (quarantined, offered back as a file) — the page
// then starts afresh instead of failing, and the next drill saves in the emptied place.
// A drill saved with its chain (meta.head, a hash on every entry) is checked entry by entry: one
// changed in the storage is named and the drill quarantined like any unreadable one. One saved before
// the chain restores as unchained (未校验), and is marked so.
import type { LogEntry } from '../../core/index.ts';
import { formatProblem } from '../../scenario/problem.ts';
import { chainHashes } from '../../review/chain.ts';
import { headerFor, headerHash, LOG_FORMAT_V1, parseLog, type LogOrigin, type ParentRef } from '../../review/log-file.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { downloaded, isDownloadError } from '../download.ts';
import { createSession, type ClockSource, type Session, type SessionOptions } from '../drill/session.ts';
import { SAVED_VERSION, type DrillBackend, type Heartbeat, type QuarantinedDrill, type SavedMeta } from './backend.ts';
import { SHIPPED, type ShippedScenario } from './scenarios.ts';
import { textHash } from '../../scenario/text-hash.ts';

// The YAML loader (yaml, zod, the lint) downloads only for a drill on a scenario that is not shipped.
const scenarioLoader = downloaded(() => import('../../scenario/load.ts'));

/** Why a saved drill could not be resumed; `detail` is the technical reason, in English. */
export interface RestoreProblem {
  /** 'download': a part of the app did not arrive (offline); the saved drill is kept for a reload. */
  part: 'storage' | 'meta' | 'scenario' | 'log' | 'replay' | 'download';
  detail: string;
}

export type Restored =
  | { kind: 'none' }
  | { kind: 'resumed'; session: Session; scenarioText: string | undefined; meta: SavedMeta; heartbeat?: Heartbeat }
  /** `quarantined`: the unreadable drill, kept in the storage under `key` exactly as it was read. */
  | { kind: 'failed'; problem: RestoreProblem; quarantined?: { key: string; drill: QuarantinedDrill } };

export interface RestoreOptions {
  /** True once the user has started or imported another drill: the restore then leaves everything as it is. */
  stale?: () => boolean;
  /** Wall-clock ms, stamped on a quarantined drill; default Date.now. */
  wallClock?: () => number;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function checkMeta(meta: unknown): SavedMeta | string {
  if (!isObject(meta)) return 'no drill description (scenario, seed) was saved with the log';
  if (meta.version !== SAVED_VERSION) return `saved by another version of Quake Drill (format ${JSON.stringify(meta.version)}, this one reads ${SAVED_VERSION})`;
  if (typeof meta.file !== 'string' || meta.file === '') return 'the saved scenario file name is missing';
  const text = typeof meta.scenarioText === 'string' ? meta.scenarioText : undefined;
  const hash = typeof meta.scenarioHash === 'string' ? meta.scenarioHash : undefined;
  if (text === undefined && hash === undefined) return 'the saved scenario text is missing';
  if (typeof meta.seed !== 'number' || !Number.isSafeInteger(meta.seed)) return `the saved seed is not an integer: ${JSON.stringify(meta.seed)}`;
  return {
    version: SAVED_VERSION,
    file: meta.file,
    ...(text === undefined ? {} : { scenarioText: text }),
    ...(hash === undefined ? {} : { scenarioHash: hash }),
    seed: meta.seed,
    savedAt: typeof meta.savedAt === 'number' ? meta.savedAt : 0,
    ...chainedMeta(meta),
  };
}

const isParent = (x: unknown): x is ParentRef => isObject(x) && typeof x.drill === 'string' && typeof x.seq === 'number' && typeof x.hash === 'string';
const isOrigin = (x: unknown): x is LogOrigin =>
  isObject(x) && (x.trust === 'broken' || x.trust === 'unchained') && typeof x.drill === 'string' && typeof x.reason === 'string' && (x.final === undefined || typeof x.final === 'string');

/** The drill's identity and chain head, where it was saved with them; a part of the wrong type is dropped (the head's check then fails). */
function chainedMeta(meta: Record<string, unknown>): Pick<SavedMeta, 'drill' | 'created' | 'parent' | 'head' | 'trust' | 'origin'> {
  return {
    ...(typeof meta.drill === 'string' ? { drill: meta.drill } : {}),
    ...(typeof meta.created === 'string' ? { created: meta.created } : {}),
    ...(isParent(meta.parent) ? { parent: { drill: meta.parent.drill, seq: meta.parent.seq, hash: meta.parent.hash } } : {}),
    ...(typeof meta.head === 'string' ? { head: meta.head } : {}),
    ...(meta.trust === 'broken' || meta.trust === 'unchained' ? { trust: meta.trust } : {}),
    ...(isOrigin(meta.origin) ? { origin: { trust: meta.origin.trust, drill: meta.origin.drill, ...(meta.origin.final === undefined ? {} : { final: meta.origin.final }), reason: meta.origin.reason } } : {}),
  };
}

const checkHeartbeat = (x: unknown): Heartbeat | undefined =>
  isObject(x) && typeof x.lastSeenT === 'number' && Number.isFinite(x.lastSeenT) && x.lastSeenT >= 0
    ? { lastSeenT: x.lastSeenT, speed: typeof x.speed === 'number' && x.speed > 0 ? x.speed : 1, at: typeof x.at === 'number' ? x.at : 0 }
    : undefined;

/**
 * The saved entries as a log, checked exactly as a log file is (and numbered 1, 2, 3 … with no gap);
 * with the chain's `head`, every entry's saved hash is checked too.
 */
export function checkEntries(entries: unknown[], head?: string): LogEntry[] | string {
  // Read as an unchained log: the hashes are checked against the saved head below, not a file's header.
  const header = { format: LOG_FORMAT_V1, scenario: 'saved', seed: 0 };
  const text = [JSON.stringify(header), ...entries.map((e) => JSON.stringify(e) ?? 'undefined')].join('\n');
  const parsed = parseLog(text);
  if (!parsed.ok) return `saved entry ${parsed.problem.line - 1}: ${parsed.problem.message}`;
  const gap = parsed.log.findIndex((e, i) => e.seq !== i + 1);
  if (gap >= 0) return `saved entry ${gap + 1} has seq ${parsed.log[gap]!.seq}, expected ${gap + 1}: entries are missing`;
  if (head === undefined) return parsed.log;
  const hashes = chainHashes(head, parsed.log);
  const broken = hashes.findIndex((h, i) => (entries[i] as { hash?: unknown }).hash !== h);
  if (broken >= 0) {
    const has = typeof (entries[broken] as { hash?: unknown }).hash === 'string';
    return `saved entry ${broken + 1}: ${has ? 'its hash does not match — the entry was changed after it was saved' : 'it carries no hash — it was added or rewritten outside Quake Drill'}`;
  }
  return parsed.log;
}

/** How far the restored drill can be trusted: as saved, and unchained when saved before the chain. */
const savedTrust = (meta: SavedMeta) => (meta.head === undefined ? 'unchained' : (meta.trust ?? 'verified'));

/**
 * The saved drill, rebuilt as a session: its log replayed, then paused if it was running (the
 * session does that). A drill that cannot be read is quarantined, and the reason returned.
 */
export async function restoreDrill(backend: DrillBackend, clock: ClockSource, shipped: readonly ShippedScenario[] = SHIPPED, options: RestoreOptions = {}): Promise<Restored> {
  let raw;
  try {
    raw = await backend.read();
  } catch (e) {
    return { kind: 'failed', problem: { part: 'storage', detail: (e as Error).message ?? String(e) } };
  }
  if (!raw) return { kind: 'none' };
  const problem = await rebuild(raw.meta, raw.entries, raw.heartbeat, clock, shipped);
  if ('kind' in problem) return problem;
  // One whose program did not download is kept in place for a reload.
  if (problem.part === 'download' || options.stale?.()) return { kind: 'failed', problem };
  const drill: QuarantinedDrill = { ...raw, at: (options.wallClock ?? Date.now)(), problem: `${problem.part}: ${problem.detail}` };
  try {
    const key = await backend.quarantine(drill);
    return { kind: 'failed', problem, quarantined: { key, drill } };
  } catch {
    // Not set aside (the storage refused): the drill stays where it was, and is still offered as a file.
    return { kind: 'failed', problem, quarantined: { key: '', drill } };
  }
}

async function rebuild(rawMeta: unknown, rawEntries: unknown[], rawBeat: unknown, clock: ClockSource, shipped: readonly ShippedScenario[]): Promise<Restored | RestoreProblem> {
  const meta = checkMeta(rawMeta);
  if (typeof meta === 'string') return { part: 'meta', detail: meta };
  const log = checkEntries(rawEntries, meta.head);
  if (typeof log === 'string') return { part: 'log', detail: log };
  let scenario: Scenario | RestoreProblem;
  try {
    scenario = await savedScenario(meta, shipped);
  } catch (e) {
    if (isDownloadError(e)) return { part: 'download', detail: e.message };
    throw e;
  }
  if ('part' in scenario) return scenario;
  const identity = savedIdentity(meta);
  if (meta.head !== undefined) {
    const header = headerFor(meta.file, scenario, meta.seed, { drill: identity.drill ?? '', ...(meta.created === undefined ? {} : { created: meta.created }), ...(meta.parent ? { parent: meta.parent } : {}), ...(meta.origin ? { origin: meta.origin } : {}) });
    if (headerHash(header) !== meta.head) return { part: 'meta', detail: 'the saved drill description (its seed, scenario, id, parent, origin or creation time) was changed after it was saved: it no longer matches its hash' };
  }
  const heartbeat = checkHeartbeat(rawBeat);
  try {
    const session = createSession({
      scenario,
      file: meta.file,
      seed: meta.seed,
      clock,
      log,
      ...identity,
      ...(heartbeat ? { lastSeenT: heartbeat.lastSeenT, speed: heartbeat.speed } : {}),
    });
    return { kind: 'resumed', session, scenarioText: meta.scenarioText, meta, ...(heartbeat ? { heartbeat } : {}) };
  } catch (e) {
    return { part: 'replay', detail: (e as Error).message };
  }
}

/** The session options that name the saved drill; one saved before drills had ids gets a new id. */
export function savedIdentity(meta: SavedMeta): Pick<SessionOptions, 'drill' | 'parent' | 'created' | 'trust' | 'origin'> {
  return {
    ...(meta.drill === undefined ? {} : { drill: meta.drill }),
    ...(meta.parent ? { parent: meta.parent } : {}),
    created: meta.created ?? new Date(meta.savedAt).toISOString(),
    trust: savedTrust(meta),
    ...(meta.origin ? { origin: meta.origin } : {}),
  };
}

/**
 * The scenario the drill was played on. When its text is byte for byte a shipped scenario's (the same
 * hash), the shipped JSON — checked when the page was built — is that scenario: no YAML to parse.
 * Otherwise the saved text is read as a file is. A drill is never replayed against another text.
 */
export async function savedScenario(meta: SavedMeta, shipped: readonly ShippedScenario[]): Promise<Scenario | RestoreProblem> {
  const hash = meta.scenarioText === undefined ? meta.scenarioHash : textHash(meta.scenarioText);
  const twin = shipped.find((s) => s.hash === hash);
  if (twin) return twin.load();
  if (meta.scenarioText === undefined) {
    return { part: 'scenario', detail: `the drill was played on a version of ${meta.file} this page no longer ships, and its text was not saved` };
  }
  const { loadScenario } = await scenarioLoader();
  const loaded = loadScenario(meta.scenarioText, meta.file);
  if (loaded.ok) return loaded.scenario;
  const n = loaded.problems.length;
  return { part: 'scenario', detail: `${formatProblem(loaded.problems[0]!)}${n > 1 ? ` (and ${n - 1} more)` : ''}` };
}
