// Where `run --out` may write: never over the scenario it plays (`run x.yaml --out x.yaml` used to
// replace the scenario with its own log), and never over another file that is not a drill log — a
// slip of the tab key should not cost a trainer a scenario. An earlier drill log is overwritten.
import { stat } from 'node:fs/promises';
import { LOG_FORMAT, LOG_FORMAT_V1 } from '../review/index.ts';
import { head } from './read-text.ts';

/** Enough of a file to hold a drill log's header line. */
const HEAD_BYTES = 16_384;

/** Why `out` must not be written, or undefined when it may (it does not exist, or is a drill log). */
export async function outProblem(scenarioFile: string, out: string): Promise<{ message: string; hint: string } | undefined> {
  let target;
  try {
    target = await stat(out);
  } catch {
    return undefined; // a new file; a missing folder is reported when writing
  }
  if (target.isDirectory()) return { message: '--out names a folder', hint: 'give a file name, e.g. --out drill.jsonl' };
  const source = await stat(scenarioFile).catch(() => undefined);
  // The same inode is the same file, whatever the path, link or case says.
  if (source && source.dev === target.dev && source.ino === target.ino) {
    return { message: 'refusing to overwrite the scenario with its own drill log', hint: 'give the log another name, e.g. --out drill.jsonl' };
  }
  if (target.size === 0 || (await isDrillLog(out))) return undefined;
  return { message: 'refusing to overwrite a file that is not a drill log', hint: 'give a new name (e.g. --out drill.jsonl), or delete the file first if it may go' };
}

async function isDrillLog(file: string): Promise<boolean> {
  try {
    const first = (await head(file, HEAD_BYTES)).toString('utf8').split('\n')[0]!;
    const format = (JSON.parse(first) as { format?: unknown }).format;
    return format === LOG_FORMAT || format === LOG_FORMAT_V1;
  } catch {
    return false;
  }
}
