// The drill log as a file (JSON Lines): a header naming the scenario and seed, then one LogEntry per
// line — written by `quake-drill run --out` and the browser's export, read by `report`, `verify` and
// import. Reading checks every line's shape before anything is replayed, and says where it is wrong.
// Format 2 is the whole-process record (全过程记录): the header is hashed, each entry chains to the one
// before (chain.ts), and `final` seals where the record ends; format 1 logs still read, unchained.
import { canonicalJson, parseCommand, timeProblem, type LogEntry } from '../core/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { chainHashes, finalHash, scenarioDigest, sha256Hex } from './chain.ts';

export const LOG_FORMAT = 'quake-drill/log@2';
/** The unchained format before the whole-process record: still read, never written. */
export const LOG_FORMAT_V1 = 'quake-drill/log@1';
const LOG_FORMAT_RE = /^quake-drill\/log@(\d+)$/;

/** Where a drill continued from: a what-if branch shares its parent's log up to `seq`. */
export interface ParentRef {
  drill: string;
  seq: number;
  /** The parent's hash of entry `seq`. */
  hash: string;
}

/**
 * A drill continued from a record that did not verify (opened as untrusted, or a format 1 log): its own
 * chain starts afresh, so the header carries — sealed in its hash — what it came from; the record then
 * never reads as verified, and removing the mark breaks the header's hash.
 */
export interface LogOrigin {
  trust: 'broken' | 'unchained';
  /** The drill of the record it continued from. */
  drill: string;
  /** That record's final hash as it read, when it had one. */
  final?: string;
  /** Why that record did not verify. */
  reason: string;
}

/** What the writer is given; the hashes are computed when the log is written. */
export interface LogHeaderInput {
  /** The scenario file as given on the command line. */
  scenario: string;
  scenarioId: string;
  scenarioVersion: string;
  /** scenarioDigest of the scenario the drill was played on. */
  scenarioHash: string;
  seed: number;
  /** The drill's id: `run` names it `<scenario id>-seed-<seed>`, the app makes one per drill. */
  drill: string;
  /** ISO wall time the drill was created, set by the app or CLI (the core has no wall clock). */
  created?: string;
  parent?: ParentRef;
  /** Set when the drill continued a record that did not verify. */
  origin?: LogOrigin;
  /**
   * The log time the record runs to, when the drill's clock ran on after the last entry (it ended
   * itself at the end of the last node, or was exported mid-node): replay advances to it.
   */
  until?: number;
}

/**
 * A log's header as read. A format 1 log has none of the hashes: `hash` and `scenarioHash` read as
 * '' and `drill` as `<scenario id>-seed-<seed>`, and its trust is `unchained`.
 */
export interface LogHeader extends LogHeaderInput {
  format: typeof LOG_FORMAT | typeof LOG_FORMAT_V1;
  /** headerHash: the first entry chains to it. */
  hash: string;
  /** finalHash of the last entry's hash and the record's end. */
  final?: string;
}

/** How far a log can be believed: its chain checked through, absent (format 1), or broken at a line. */
export type Trust =
  | { kind: 'verified'; final: string }
  | { kind: 'unchained' }
  | {
      kind: 'broken';
      line: number;
      /** The entry whose hash does not match; null when the header or the record's end does not. */
      seq: number | null;
      reason: string;
      /** Which part broke, for a UI that words it in its own language; `scenario`: the scenario's digest differs from the header's (found by a reader that has the scenario). */
      part: 'header' | 'entry' | 'end' | 'scenario' | 'origin';
    };

/** A problem in a log file, positioned like a scenario problem: `file:line:1: message`. */
export interface LogProblem {
  line: number;
  message: string;
  hint?: string;
}

/** The drill id `run` gives: the same scenario and seed are the same drill. */
export const cliDrillId = (scenarioId: string, seed: number): string => `${scenarioId}-seed-${seed}`;

/** Seals the header's fields the replay and the record's identity depend on (not the path, which may move). */
export function headerHash(h: LogHeaderInput): string {
  const { drill, scenarioId, scenarioVersion, scenarioHash, seed, created, parent, origin } = h;
  return sha256Hex(canonicalJson({ format: LOG_FORMAT, drill, scenarioId, scenarioVersion, scenarioHash, seed, created, parent: parentRef(parent), origin: originOf(origin) }));
}

/** Only the reference's own fields: what is written is what is sealed, and what is read back. */
const parentRef = (p: ParentRef | undefined): ParentRef | undefined => (p === undefined ? undefined : { drill: p.drill, seq: p.seq, hash: p.hash });

const originOf = (o: LogOrigin | undefined): LogOrigin | undefined =>
  o === undefined ? undefined : { trust: o.trust, drill: o.drill, ...(o.final === undefined ? {} : { final: o.final }), reason: o.reason };

/** The record's end: `until`, or the last entry's time when the clock stopped with it. */
const endOf = (until: number | undefined, log: readonly LogEntry[]) => until ?? log.at(-1)?.t ?? 0;

export function writeLog(input: LogHeaderInput, log: readonly LogEntry[]): string {
  const { scenario, scenarioId, scenarioVersion, scenarioHash, seed, drill, created, parent, origin, until } = input;
  const hash = headerHash(input);
  const hashes = chainHashes(hash, log);
  const final = finalHash(hashes.at(-1) ?? hash, endOf(until, log));
  const header = { format: LOG_FORMAT, scenario, scenarioId, scenarioVersion, scenarioHash, seed, drill, created, parent: parentRef(parent), origin: originOf(origin), until, hash, final };
  return [JSON.stringify(header), ...log.map((e, i) => JSON.stringify({ seq: e.seq, t: e.t, actor: e.actor, event: e.event, hash: hashes[i] }))].join('\n') + '\n';
}

export function headerFor(scenarioPath: string, scenario: Scenario, seed: number, more: { drill: string; until?: number; created?: string; parent?: ParentRef; origin?: LogOrigin }): LogHeaderInput {
  const { drill, until, created, parent, origin } = more;
  return {
    scenario: scenarioPath,
    scenarioId: scenario.meta.id,
    scenarioVersion: scenario.meta.version,
    scenarioHash: scenarioDigest(scenario),
    seed,
    drill,
    ...(created === undefined ? {} : { created }),
    ...(parent === undefined ? {} : { parent }),
    ...(origin === undefined ? {} : { origin }),
    ...(until === undefined ? {} : { until }),
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isHash = (x: unknown): x is string => typeof x === 'string' && /^[0-9a-f]{64}$/.test(x);
const HEADER_HINT = `the first line of a drill log is its header: {"format":"${LOG_FORMAT}","scenario":"scenarios/….yaml","scenarioId":"…","scenarioVersion":"…","scenarioHash":"…","seed":1,"drill":"…","hash":"…","final":"…"}`;

/**
 * The non-blank lines of a JSON Lines file (a log, a review), each parsed, with its 1-based line; read
 * one at a time so a caller's shape problem on an earlier line is said before a later line's bad JSON.
 */
export function* jsonLines(text: string, file: string): Generator<{ line: number; value: unknown } | { problem: LogProblem }> {
  const rows = text.split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const line = i + 1;
    const raw = rows[i]!.replace(/^\uFEFF/, '');
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      yield { problem: { line, message: `not JSON: ${(e as Error).message}`, hint: `each line of a ${file} is one JSON object` } };
      return;
    }
    yield { line, value };
  }
}

/** A parse's failure at `line`. */
export const failAt = (line: number, message: string, hint?: string) => ({ ok: false as const, problem: { line, message, ...(hint ? { hint } : {}) } });

export type ParsedLog = { ok: true; header: LogHeader; log: LogEntry[]; lines: number[]; hashes: string[] | null; trust: Trust } | { ok: false; problem: LogProblem };

/**
 * Parses a drill log; `lines` gives the 1-based line of each entry (for later errors), `hashes` each
 * entry's hash as its content gives it. A broken chain still parses: the caller decides whether to
 * refuse it (it does unless the user asked to open it as untrusted).
 */
export function parseLog(text: string): ParsedLog {
  let header: LogHeader | undefined;
  const log: LogEntry[] = [];
  const lines: number[] = [];
  const stored: unknown[] = [];
  for (const row of jsonLines(text, 'drill log')) {
    if ('problem' in row) return { ok: false, problem: row.problem };
    const { line, value } = row;
    if (!header) {
      const problem = checkHeader(value);
      if (problem) return failAt(line, problem.message, problem.hint);
      header = readHeader(value as Record<string, unknown>);
      continue;
    }
    const prev = log.at(-1);
    const problem = checkEntry(value, prev);
    if (problem) return failAt(line, problem.message, problem.hint);
    const e = value as unknown as LogEntry & { hash?: unknown };
    log.push({ seq: e.seq, t: e.t, actor: e.actor, event: e.event });
    lines.push(line);
    stored.push(e.hash);
  }
  if (!header) return failAt(1, 'the log is empty: missing header', HEADER_HINT);
  if (header.until !== undefined && header.until < (log.at(-1)?.t ?? 0)) return failAt(1, `the header's until=${header.until} comes before the last entry's t=${log.at(-1)!.t}`, 'until is the log time the record runs to: at least the last entry\'s t');
  if (header.format === LOG_FORMAT_V1) return { ok: true, header, log, lines, hashes: null, trust: { kind: 'unchained' } };
  const hashes = chainHashes(header.hash, log);
  return { ok: true, header, log, lines, hashes, trust: checkChain(header, log, lines, hashes, stored) };
}

/** The first place, in file order, where the record differs from what was sealed. */
function checkChain(header: LogHeader, log: readonly LogEntry[], lines: readonly number[], hashes: readonly string[], stored: readonly unknown[]): Trust {
  if (!isHash(header.hash)) return { kind: 'broken', line: 1, seq: null, part: 'header', reason: 'the header carries no hash: the record cannot be checked' };
  if (headerHash(header) !== header.hash) return { kind: 'broken', line: 1, seq: null, part: 'header', reason: 'the header was changed after it was recorded (its seed, scenario, drill, parent, origin or created no longer match its hash)' };
  for (let i = 0; i < log.length; i++) {
    if (hashes[i] === stored[i]) continue;
    const seq = log[i]!.seq;
    const reason = isHash(stored[i]) ? `entry ${seq}: its hash does not match — the entry was changed after it was recorded` : `entry ${seq} carries no hash: it was added or rewritten by hand`;
    return { kind: 'broken', line: lines[i]!, seq, part: 'entry', reason };
  }
  const final = finalHash(hashes.at(-1) ?? header.hash, endOf(header.until, log));
  if (header.final === final) return originTrust(header.origin) ?? { kind: 'verified', final };
  const last = log.at(-1);
  const end = last ? `entry ${last.seq} (line ${lines.at(-1)})` : 'the header';
  return {
    kind: 'broken',
    line: 1,
    seq: null,
    part: 'end',
    reason: header.final === undefined ? 'the header carries no final hash: a cut-off record would go unseen' : `the record ends at ${end}, but its final hash does not match — entries were removed from the end, or the header's until was changed`,
  };
}

/** A sound record that continues one that did not verify is only as trusted as that one. */
function originTrust(origin: LogOrigin | undefined): Trust | undefined {
  if (origin === undefined) return undefined;
  if (origin.trust === 'unchained') return { kind: 'unchained' };
  return { kind: 'broken', line: 1, seq: null, part: 'origin', reason: `the drill continues the record of ${origin.drill}, which did not verify: ${origin.reason}` };
}

/** The header as typed; a format 1 header gets the id `run` would give and empty hashes. */
function readHeader(v: Record<string, unknown>): LogHeader {
  const h = v as unknown as LogHeader;
  const base = { scenario: h.scenario, scenarioId: h.scenarioId, scenarioVersion: h.scenarioVersion, seed: h.seed, ...(h.until === undefined ? {} : { until: h.until }) };
  if (h.format === LOG_FORMAT_V1) return { format: LOG_FORMAT_V1, ...base, scenarioHash: '', drill: cliDrillId(h.scenarioId ?? 'drill', h.seed), hash: '' };
  return {
    format: LOG_FORMAT,
    ...base,
    scenarioHash: h.scenarioHash,
    drill: h.drill,
    ...(h.created === undefined ? {} : { created: h.created }),
    ...(h.parent === undefined ? {} : { parent: parentRef(h.parent) }),
    ...(h.origin === undefined ? {} : { origin: originOf(h.origin) }),
    hash: typeof v.hash === 'string' ? v.hash : '',
    ...(typeof v.final === 'string' ? { final: v.final } : {}),
  };
}

function checkHeader(value: unknown): Omit<LogProblem, 'line'> | undefined {
  if (!isObject(value) || !('format' in value)) return { message: 'missing header: the first line has no "format"', hint: HEADER_HINT };
  const format = value.format;
  if (format !== LOG_FORMAT && format !== LOG_FORMAT_V1) {
    const version = typeof format === 'string' ? LOG_FORMAT_RE.exec(format)?.[1] : undefined;
    return version
      ? { message: `this log is format version ${version}; this Quake Drill reads versions 1 and 2`, hint: 'open it with the Quake Drill release that wrote it' }
      : { message: `'${String(format)}' is not a Quake Drill log format`, hint: HEADER_HINT };
  }
  if (typeof value.scenario !== 'string' || value.scenario === '') return { message: 'the header names no scenario ("scenario": the scenario file)', hint: HEADER_HINT };
  if (typeof value.seed !== 'number' || !Number.isSafeInteger(value.seed)) return { message: `the header's seed must be an integer, not ${JSON.stringify(value.seed)}`, hint: HEADER_HINT };
  if (value.until !== undefined) {
    const late = timeProblem(value.until);
    if (late) return { message: `the header's until: ${late}`, hint: HEADER_HINT };
  }
  for (const key of ['scenarioId', 'scenarioVersion'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') return { message: `the header's ${key} must be a string`, hint: HEADER_HINT };
  }
  if (format === LOG_FORMAT_V1) return undefined;
  // Format 2 names its drill and scenario in full; the hashes themselves are checked as trust, not shape.
  for (const key of ['scenarioId', 'scenarioVersion', 'scenarioHash', 'drill'] as const) {
    if (typeof value[key] !== 'string' || value[key] === '') return { message: `the header's ${key} must be a non-empty string`, hint: HEADER_HINT };
  }
  if (value.created !== undefined && typeof value.created !== 'string') return { message: "the header's created must be an ISO time string", hint: HEADER_HINT };
  const parent = value.parent;
  if (parent !== undefined && !(isObject(parent) && typeof parent.drill === 'string' && typeof parent.seq === 'number' && Number.isSafeInteger(parent.seq) && typeof parent.hash === 'string')) {
    return { message: "the header's parent must be {\"drill\":\"…\",\"seq\":N,\"hash\":\"…\"}", hint: 'a what-if branch names the drill, entry and hash it continued from' };
  }
  const origin = value.origin;
  if (origin !== undefined && !(isObject(origin) && (origin.trust === 'broken' || origin.trust === 'unchained') && typeof origin.drill === 'string' && typeof origin.reason === 'string' && (origin.final === undefined || typeof origin.final === 'string'))) {
    return { message: "the header's origin must be {\"trust\":\"broken\"|\"unchained\",\"drill\":\"…\",\"reason\":\"…\"}", hint: 'a drill continued from a record that did not verify names that record' };
  }
  return undefined;
}

function checkEntry(value: unknown, prev: LogEntry | undefined): Omit<LogProblem, 'line'> | undefined {
  const shape = 'an entry is {"seq":N,"t":ms,"actor":"seat or facilitator","event":{"type":"…",…},"hash":"…"}';
  if (!isObject(value)) return { message: 'a log entry must be a JSON object', hint: shape };
  const { seq, t, actor, event } = value;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return { message: `seq must be a positive integer, not ${JSON.stringify(seq)}`, hint: shape };
  if (prev && seq <= prev.seq) return { message: `entry ${seq} comes after entry ${prev.seq}: entries out of order`, hint: 'seq must increase from line to line; was the log edited or merged?' };
  const late = timeProblem(t);
  if (late) return { message: late, hint: shape };
  if (prev && (t as number) < prev.t) return { message: `entry ${seq} is at t=${t}, before the previous entry's t=${prev.t}: entries out of order`, hint: 't never decreases from line to line' };
  if (typeof actor !== 'string' || actor === '') return { message: `actor must be a seat id or "facilitator", not ${JSON.stringify(actor)}`, hint: shape };
  if (!isObject(event) || typeof event.type !== 'string') return { message: 'event must be an object with a string "type"', hint: shape };
  // The same schema the authority parses with: a log cannot carry what a live seat could not send.
  const parsed = parseCommand(event);
  return parsed.ok ? undefined : { message: parsed.reason, hint: 'the entry was not written by Quake Drill, or was edited by hand' };
}
