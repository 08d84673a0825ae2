// A server drill as the log file (quake-drill/log@2) the browser exports and imports: downloading one
// gives the very text the same drill's export would, and uploading a browser's file checks it as the
// browser's import does (review/log-file.ts reads it, app/persist/log-io.ts finds its scenario and
// replays it) and stores its entries, carrying its trust the way the browser continues an import.
import { randomBytes } from 'node:crypto';
import { createExercise } from '../core/index.ts';
import { importLog as readLogFile, type ImportedDrill } from '../app/persist/log-io.ts';
import type { ShippedScenario } from '../app/persist/scenarios.ts';
import type { ShippedFile } from '../cli/shipped-scenarios.ts';
import { headerFor, writeLog, type LogOrigin } from '../review/log-file.ts';
import { textHash } from '../scenario/text-hash.ts';
import { logEntryOf, scenarioOf, type StoredDrill, type Store } from './storage.ts';

/**
 * The drill's log file. Its record runs to where the drill ended, else to `at` (a live room's time) or
 * the time last seen — as the browser's export runs to its session's time (persist/export-log.ts).
 */
export function logFileOf(store: Store, drill: string, at?: number): string | undefined {
  const d = store.drill(drill);
  if (!d) return undefined;
  const scenario = scenarioOf(d);
  const log = store.entries(drill).map(logEntryOf);
  const exercise = createExercise({ scenario, seed: d.seed });
  for (const entry of log) exercise.apply(entry);
  const end = Math.max(exercise.world.t, at ?? d.lastSeenT);
  exercise.advance(end);
  const { world } = exercise;
  const header = headerFor(d.file, scenario, d.seed, { drill: d.drill, created: d.created, ...(d.parent ? { parent: d.parent } : {}), ...(d.origin ? { origin: d.origin } : {}), until: world.endT ?? world.t });
  return writeLog(header, log);
}

/** The shipped scenarios as the browser's import looks them up (by path or file name, then id). */
export function shippedForImport(files: readonly ShippedFile[]): ShippedScenario[] {
  return files.map(({ file, text, scenario }) => ({
    file,
    id: scenario.meta.id,
    hash: textHash(text),
    version: scenario.meta.version,
    title: scenario.meta.title,
    nodes: scenario.nodes.length,
    injects: scenario.injects.length,
    decisions: scenario.decisions.length,
    load: () => Promise.resolve(scenario),
    text: () => Promise.resolve(text),
  }));
}

export type Upload = { ok: true; drill: StoredDrill } | { ok: false; reason: string; line?: number };

/**
 * Stores an uploaded log file as a drill. A broken chain is refused with where and why (the browser
 * asks before it opens one as untrusted; a server has nobody to ask). A verified record keeps its
 * drill (id, creation, parent) and so its chain; an unchained (format 1) one continues as a new drill
 * whose origin names it, as the browser's import continues it (persist/connect.ts importedOptions).
 */
export async function importLog(store: Store, text: string, shipped: readonly ShippedFile[], now: Date = new Date()): Promise<Upload> {
  const read = await readLogFile(text, 'upload.jsonl', shippedForImport(shipped));
  switch (read.kind) {
    case 'problems': {
      const p = read.problems[0]!;
      return { ok: false, reason: `${read.source === 'log' ? 'the log' : read.file}: line ${p.line}: ${p.message}`, line: p.line };
    }
    case 'need-scenario':
      return { ok: false, reason: `the log was recorded with scenario '${read.pending.header.scenarioId}' (${read.pending.header.scenario}), which this server does not ship` };
    case 'broken':
      return { ok: false, reason: `the record was changed after it was written (line ${read.broken.line}): ${read.broken.reason}`, line: read.broken.line };
    case 'ready':
      break;
  }
  const drill = storedDrillOf(read.drill, now);
  if (store.drill(drill.drill)) return { ok: false, reason: `drill ${drill.drill} is already on this server` };
  // One transaction: the drill arrives with its whole record or not at all.
  store.createDrill(drill, read.drill.scenario, read.drill.log);
  return { ok: true, drill };
}

function storedDrillOf(imported: ImportedDrill, now: Date): StoredDrill {
  const { header, trust, scenario } = imported;
  const base = { file: imported.file, scenario: imported.scenarioText, seed: imported.seed, lastSeenT: imported.until ?? 0 };
  if (trust.kind === 'verified') return { ...base, drill: header.drill, created: header.created ?? now.toISOString(), ...(header.parent ? { parent: header.parent } : {}) };
  const reason = trust.kind === 'broken' ? trust.reason : 'a format 1 log without a hash chain';
  const origin: LogOrigin = { trust: trust.kind, drill: header.drill, ...(header.final === undefined ? {} : { final: header.final }), reason };
  // A new id, as the browser gives a drill continuing an unverified record: never the genuine one's.
  return { ...base, drill: `${scenario.meta.id}-${randomBytes(6).toString('hex')}`, created: now.toISOString(), origin };
}
