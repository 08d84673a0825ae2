// A drill as a file: export writes the same JSON Lines as `quake-drill run --out` (so
// `npx quake-drill report <file>` scores it). Import is in log-io.ts, loaded when a file is opened.
// The file is the whole-process record (format 2): its header names the drill (id, parent, creation
// time) and every entry is chained, the same chain the saved drill carries (recorder.ts).
import { headerFor, writeLog, type LogHeaderInput, type LogOrigin } from '../../review/log-file.ts';
import type { Session } from '../drill/session.ts';

export interface ExportedDrill {
  /** A file name for the download, e.g. haicheng-m5-8-seed-7-20261121-0930.jsonl. */
  name: string;
  text: string;
}

/**
 * The session's log header; without `until` it is what the chain's head is computed from (until is not
 * hashed). A drill continued from a record that did not verify names it in `origin`, inside the header's
 * hash: its fresh chain then never reads as verified, and dropping the mark breaks the header.
 */
export function sessionHeader(session: Session, until?: number): LogHeaderInput {
  const { drill, created, parent } = session;
  const origin = sessionOrigin(session);
  return headerFor(session.file, session.scenario, session.seed, { drill, created, ...(parent ? { parent } : {}), ...(origin ? { origin } : {}), ...(until === undefined ? {} : { until }) });
}

/** The session's origin; a drill restored from a save that kept only its mark still names itself as continuing an unverified record. */
export function sessionOrigin(session: Session): LogOrigin | undefined {
  if (session.origin) return session.origin;
  if (session.trust === 'verified') return undefined;
  const reason = session.trust === 'broken' ? 'it was opened as untrusted' : 'it had no hash chain (format 1)';
  return { trust: session.trust, drill: session.parent?.drill ?? session.drill, reason };
}

/**
 * The drill's log file; its header names the scenario by the path the session was loaded from. A drill
 * continued from a record that did not verify says so in its header (sessionHeader) and its file name.
 */
export function exportDrill(session: Session, when: Date = new Date()): ExportedDrill {
  // An ended drill's record runs to its end: the clock running on after it would give every later
  // export (and the report) another final hash for the very same record.
  const { world } = session.exercise;
  const header = sessionHeader(session, world.endT ?? world.t);
  return { name: drillFileName(session, when), text: writeLog(header, session.exercise.log) };
}

/** The name the drill's log downloads as (its review file is named after it: persist/review-file.ts). */
export function drillFileName(session: Session, when: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${when.getFullYear()}${pad(when.getMonth() + 1)}${pad(when.getDate())}-${pad(when.getHours())}${pad(when.getMinutes())}`;
  const mark = session.trust === 'verified' ? '' : session.trust === 'broken' ? '-untrusted' : '-unverified';
  return `${session.scenario.meta.id}-seed-${session.seed}-${stamp}${mark}.jsonl`;
}

/** Offers text as a download (a temporary link to a Blob). */
export function downloadText(name: string, text: string, doc: Document = document, type = 'application/jsonl'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
