// The drill log as a file (JSON Lines): a header naming the scenario and seed, then one LogEntry per
// line — written by `quake-drill run --out` and the browser's export, read by `report` and import.
// Reading checks every line's shape before anything is replayed, and says where it is wrong.
import { parseCommand, timeProblem, type LogEntry } from '../core/index.ts';
import type { Scenario } from '../scenario/index.ts';

export const LOG_FORMAT = 'quake-drill/log@1';
const LOG_FORMAT_RE = /^quake-drill\/log@(\d+)$/;

export interface LogHeader {
  format: typeof LOG_FORMAT;
  /** The scenario file as given on the command line. */
  scenario: string;
  scenarioId: string;
  scenarioVersion: string;
  seed: number;
  /**
   * The log time the record runs to, when the drill's clock ran on after the last entry (it ended
   * itself at the end of the last node, or was exported mid-node): replay advances to it.
   */
  until?: number;
}

/** A problem in a log file, positioned like a scenario problem: `file:line:1: message`. */
export interface LogProblem {
  line: number;
  message: string;
  hint?: string;
}

export function writeLog(header: LogHeader, log: readonly LogEntry[]): string {
  return [JSON.stringify(header), ...log.map((e) => JSON.stringify({ seq: e.seq, t: e.t, actor: e.actor, event: e.event }))].join('\n') + '\n';
}

export function headerFor(scenarioPath: string, scenario: Scenario, seed: number, until?: number): LogHeader {
  return { format: LOG_FORMAT, scenario: scenarioPath, scenarioId: scenario.meta.id, scenarioVersion: scenario.meta.version, seed, ...(until === undefined ? {} : { until }) };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const HEADER_HINT = `the first line of a drill log is its header: {"format":"${LOG_FORMAT}","scenario":"scenarios/….yaml","scenarioId":"…","scenarioVersion":"…","seed":1}`;

/** Parses a drill log; `lines` gives the 1-based line of each entry (for later errors). */
export function parseLog(text: string): { ok: true; header: LogHeader; log: LogEntry[]; lines: number[] } | { ok: false; problem: LogProblem } {
  const fail = (line: number, message: string, hint?: string) => ({ ok: false as const, problem: { line, message, ...(hint ? { hint } : {}) } });
  const rows = text.split(/\r?\n/);
  let header: LogHeader | undefined;
  const log: LogEntry[] = [];
  const lines: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const line = i + 1;
    const raw = rows[i]!.replace(/^\uFEFF/, '');
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      return fail(line, `not JSON: ${(e as Error).message}`, 'each line of a drill log is one JSON object');
    }
    if (!header) {
      const problem = checkHeader(value);
      if (problem) return fail(line, problem.message, problem.hint);
      header = value as unknown as LogHeader;
      continue;
    }
    const prev = log.at(-1);
    const problem = checkEntry(value, prev);
    if (problem) return fail(line, problem.message, problem.hint);
    const e = value as unknown as LogEntry;
    log.push({ seq: e.seq, t: e.t, actor: e.actor, event: e.event });
    lines.push(line);
  }
  if (!header) return fail(1, 'the log is empty: missing header', HEADER_HINT);
  if (header.until !== undefined && header.until < (log.at(-1)?.t ?? 0)) return fail(1, `the header's until=${header.until} comes before the last entry's t=${log.at(-1)!.t}`, 'until is the log time the record runs to: at least the last entry\'s t');
  return { ok: true, header, log, lines };
}

function checkHeader(value: unknown): Omit<LogProblem, 'line'> | undefined {
  if (!isObject(value) || !('format' in value)) return { message: 'missing header: the first line has no "format"', hint: HEADER_HINT };
  const format = value.format;
  if (format !== LOG_FORMAT) {
    const version = typeof format === 'string' ? LOG_FORMAT_RE.exec(format)?.[1] : undefined;
    return version
      ? { message: `this log is format version ${version}; this Quake Drill reads version 1`, hint: 'open it with the Quake Drill release that wrote it' }
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
  return undefined;
}

function checkEntry(value: unknown, prev: LogEntry | undefined): Omit<LogProblem, 'line'> | undefined {
  const shape = 'an entry is {"seq":N,"t":ms,"actor":"seat or facilitator","event":{"type":"…",…}}';
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
