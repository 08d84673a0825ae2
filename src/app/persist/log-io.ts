// A drill as a file: export writes the same JSON Lines as `quake-drill run --out` (so
// `npx quake-drill report <file>` scores it), import reads one back — every problem positioned at
// its line, the scenario found among the shipped ones by path or id, or asked for.
// Import brings in the YAML loader (yaml, zod, the lint): picker-state.ts loads this file when a log
// is opened; export lives in export-log.ts, which the page loads at once.
import { createExercise, type LogEntry } from '../../core/index.ts';
import { loadScenario } from '../../scenario/load.ts';
import type { Problem } from '../../scenario/problem.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { parseLog, scenarioDigest, type LogHeader, type LogProblem, type Trust } from '../../review/index.ts';
import type { ShippedScenario } from './scenarios.ts';

export { downloadText, exportDrill, type ExportedDrill } from './export-log.ts';

/** A recorded drill ready to be continued: createSession({ scenario, file, seed, log, … }). */
export interface ImportedDrill {
  /** The scenario's file name (the shipped path when it is a shipped one). */
  file: string;
  scenarioText: string;
  scenario: Scenario;
  seed: number;
  log: LogEntry[];
  /** The log time the record runs to (the header's `until`): the clock is brought there before the drill continues. */
  until?: number;
  /** The scenario's version differs from the one the log was recorded with: scores may differ. */
  versionWarning?: { recorded: string; now: string };
  header: LogHeader;
  /** The log file's name. */
  logFile: string;
  /** Broken only when the user chose to open it as untrusted. */
  trust: Trust;
  /** The file as it was read, kept as it is in this browser's archive. */
  logText: string;
}

/** Where a record's chain breaks: the line and entry (seq; null for the header or the end) and why (English). */
export type BrokenChain = Omit<Extract<Trust, { kind: 'broken' }>, 'kind'>;

/** A log that parsed but whose scenario is not shipped: the user is asked for the file. */
export interface PendingLog {
  logFile: string;
  header: LogHeader;
  log: LogEntry[];
  lines: number[];
  trust: Trust;
  logText: string;
  /** The user chose to open the log as untrusted: a scenario that differs from the recorded one is let through too (and marks it). */
  untrusted?: true;
}

export type LogImport =
  | { kind: 'ready'; drill: ImportedDrill }
  /** What is wrong: in the log (`source: 'log'`, at its lines) or in the scenario file chosen for it. */
  | { kind: 'problems'; source: 'log' | 'scenario'; file: string; problems: Problem[] }
  | { kind: 'need-scenario'; pending: PendingLog }
  /** The record was changed after it was written: refused unless the user opens it as untrusted (openPending, no second read). */
  | { kind: 'broken'; file: string; broken: BrokenChain; pending: PendingLog };

/** A log problem in the form of a scenario problem, so it prints as `file:line:1: message` like the CLI's. */
export const logProblem = (file: string, p: LogProblem): Problem => ({ file, line: p.line, column: 1, path: [], rule: 'log', message: p.message, ...(p.hint ? { hint: p.hint } : {}) });

const baseName = (path: string) => path.split(/[\\/]/).at(-1) ?? path;

/**
 * Reads a drill log; finds its scenario among `shipped` by path (or file name), then by id. A broken
 * chain is refused (kind 'broken') unless `untrusted`: the user chose to open it all the same.
 */
export async function importLog(text: string, logFile: string, shipped: readonly ShippedScenario[], options: { untrusted?: boolean } = {}): Promise<LogImport> {
  const parsed = parseLog(text);
  if (!parsed.ok) return { kind: 'problems', source: 'log', file: logFile, problems: [logProblem(logFile, parsed.problem)] };
  const { trust } = parsed;
  const pending: PendingLog = { logFile, header: parsed.header, log: parsed.log, lines: parsed.lines, trust, logText: text, ...(options.untrusted ? { untrusted: true as const } : {}) };
  if (trust.kind === 'broken' && !options.untrusted) {
    const { kind: _broken, ...broken } = trust;
    return { kind: 'broken', file: logFile, broken, pending };
  }
  return openPending(pending, shipped);
}

/**
 * Goes on with a parsed log: its scenario found among `shipped` (or asked for). A refused log's
 * pending, marked untrusted, opens it as untrusted without reading and hashing the file again.
 */
export async function openPending(pending: PendingLog, shipped: readonly ShippedScenario[]): Promise<LogImport> {
  const { header } = pending;
  // Every shipped scenario loads (the build checks them), and its id is known without loading it.
  const byPath = shipped.filter((s) => s.file === header.scenario || baseName(s.file) === baseName(header.scenario));
  const match =
    byPath.find((s) => header.scenarioId === undefined || s.id === header.scenarioId) ??
    (header.scenarioId === undefined ? undefined : shipped.find((s) => s.id === header.scenarioId));
  if (!match) return { kind: 'need-scenario', pending };
  return importWithScenario(pending, await match.text(), match.file);
}

/** Continues an import with the scenario file the user chose. */
export function importWithScenario(pending: PendingLog, scenarioText: string, scenarioFile: string): LogImport {
  const loaded = loadScenario(scenarioText, scenarioFile);
  if (!loaded.ok) return { kind: 'problems', source: 'scenario', file: scenarioFile, problems: loaded.problems };
  const { header, log, lines, logFile, logText } = pending;
  let { trust } = pending;
  const scenario = loaded.scenario;
  if (header.scenarioId !== undefined && header.scenarioId !== scenario.meta.id) {
    return {
      kind: 'problems',
      source: 'log',
      file: logFile,
      problems: [logProblem(logFile, { line: 1, message: `this log was recorded with scenario '${header.scenarioId}', but ${scenarioFile} is '${scenario.meta.id}'`, hint: 'choose the scenario file the drill was played with' })],
    };
  }
  // The scenario file may have changed since the drill (same id, other content): its scores would not be the drill's.
  const digest = header.scenarioHash === '' ? header.scenarioHash : scenarioDigest(scenario);
  if (digest !== header.scenarioHash && trust.kind !== 'broken') {
    const broken: BrokenChain = { line: 1, seq: null, part: 'scenario', reason: `${scenarioFile} has digest ${digest.slice(0, 12)}…, the drill was played on ${header.scenarioHash.slice(0, 12)}…` };
    if (!pending.untrusted) return { kind: 'broken', file: logFile, broken, pending };
    trust = { kind: 'broken', ...broken };
  }
  // Replay once to find an entry the engine cannot take, and say on which line it is.
  const probe = createExercise({ scenario, seed: header.seed });
  for (let i = 0; i < log.length; i++) {
    try {
      probe.apply(log[i]!);
    } catch (e) {
      return { kind: 'problems', source: 'log', file: logFile, problems: [logProblem(logFile, { line: lines[i] ?? 1, message: `the engine cannot apply this entry: ${(e as Error).message}`, hint: 'was the log edited by hand?' })] };
    }
  }
  const drill: ImportedDrill = { file: scenarioFile, scenarioText, scenario, seed: header.seed, log, ...(header.until === undefined ? {} : { until: header.until }), header, logFile, trust, logText };
  if (header.scenarioVersion !== undefined && header.scenarioVersion !== scenario.meta.version) {
    drill.versionWarning = { recorded: header.scenarioVersion, now: scenario.meta.version };
  }
  return { kind: 'ready', drill };
}
