// Reading a text file named on the command line: a PNG or a program given by mistake gets one clear
// line, not dozens of parser errors about its bytes; a GBK file is told to be saved as UTF-8.
import { open, readFile, stat } from 'node:fs/promises';
import { MAX_CHARS } from '../scenario/preflight.ts';

export interface ReadProblem {
  line: number;
  column: number;
  message: string;
  hint: string;
}

const BINARY = 'this is not a text file: it holds binary data (an image, a program or an archive?)';
/** Binary formats show a NUL within their first few kilobytes (headers, lengths, padding). */
const HEAD_BYTES = 8192;

/** The first `n` bytes of a file (fewer if it is shorter). */
export async function head(file: string, n = HEAD_BYTES): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(n), 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** UTF-8 takes at most 4 bytes a character: a bigger file cannot be under the character limit. */
const MAX_BYTES = 4 * MAX_CHARS;

/**
 * The text of `file`, or where and why it is not a text file. `what` says what the file should be
 * ("a scenario is a YAML text file …"), for the hint; `noun` names it in "cannot read the …".
 */
export async function readText(file: string, what: string, noun = 'file'): Promise<{ ok: true; text: string } | { ok: false; problem: ReadProblem }> {
  const fail = (message: string, hint: string, line = 1, column = 1) => ({ ok: false as const, problem: { line, column, message, hint } });
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return fail('this is a folder, not a file', `give the file itself; ${what}`);
    // A program is bigger than any scenario: say what it is before saying how big it is.
    if (info.size > MAX_BYTES && (await head(file)).includes(0)) return fail(BINARY, what);
    if (info.size > MAX_BYTES) return fail(`the file has ${info.size.toLocaleString('en')} bytes; a text file this command reads has at most ${MAX_BYTES.toLocaleString('en')}`, what);
    bytes = await readFile(file);
  } catch (e) {
    return fail(`cannot read the ${noun}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'check the path');
  }
  // Text never holds a NUL byte; images, programs and archives nearly always do.
  if (bytes.includes(0)) return fail(BINARY, what);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(0, at)).split('\n');
    return fail('the file is not UTF-8 text', 'save it as UTF-8 (a file saved as GBK or GB 2312 cannot be read; in Notepad: 另存为 → 编码 UTF-8)', before.length, before.at(-1)!.length + 1);
  }
}
