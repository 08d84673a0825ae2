// A drill as a file: export writes the same JSON Lines as `quake-drill run --out` (so
// `npx quake-drill report <file>` scores it). Import is in log-io.ts, loaded when a file is opened.
import { headerFor, writeLog } from '../../review/log-file.ts';
import type { Session } from '../drill/session.ts';

export interface ExportedDrill {
  /** A file name for the download, e.g. haicheng-m5-8-seed-7-20261121-0930.jsonl. */
  name: string;
  text: string;
}

/** The drill's log file; its header names the scenario by the path the session was loaded from. */
export function exportDrill(session: Session, when: Date = new Date()): ExportedDrill {
  const header = headerFor(session.file, session.scenario, session.seed, session.exercise.world.t);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${when.getFullYear()}${pad(when.getMonth() + 1)}${pad(when.getDate())}-${pad(when.getHours())}${pad(when.getMinutes())}`;
  return { name: `${session.scenario.meta.id}-seed-${session.seed}-${stamp}.jsonl`, text: writeLog(header, session.exercise.log) };
}

/** Offers text as a download (a temporary link to a Blob). */
export function downloadText(name: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/jsonl' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
