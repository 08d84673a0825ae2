// Runs the `quake-drill` command for the CLI tests. `quakeDrill` calls main() in this process, with
// stdout and stderr captured through the same terminal guard the bin installs: starting node and
// tsx cost a second of CPU per command (issue 8). `bin` runs the real command, node and the bin
// script, for the tests of the launcher and of what needs another working folder.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format, promisify } from 'node:util';
import { ensureBundle } from '../../src/cli/build-bundle.js';
import { main } from '../../src/cli/main.ts';
import { guardOutput } from '../../src/cli/terminal.ts';

const exec = promisify(execFile);
export const BIN = new URL('../../src/cli/quake-drill.js', import.meta.url).pathname;
export const ROOT = new URL('../..', import.meta.url).pathname;
export const MINIMAL = 'scenarios/minimal.yaml';
export const HAICHENG = 'scenarios/haicheng-m5.8.yaml';

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it, escaped by the terminal guard as the bin's are. */
function sink(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = { write: (chunk: string | Uint8Array) => ((text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), true) } as unknown as NodeJS.WriteStream;
  guardOutput(stream);
  return { stream, text: () => text };
}

/** One command at a time: the capture swaps process-wide writers. */
let queue: Promise<unknown> = Promise.resolve();

async function inProcess(args: string[]): Promise<Result> {
  const out = sink();
  const err = sink();
  const saved = { log: console.log, info: console.info, error: console.error, warn: console.warn, out: process.stdout.write, err: process.stderr.write };
  console.log = console.info = (...a: unknown[]) => void out.stream.write(`${format(...a)}\n`);
  console.error = console.warn = (...a: unknown[]) => void err.stream.write(`${format(...a)}\n`);
  process.stdout.write = out.stream.write;
  process.stderr.write = err.stream.write;
  let code: number;
  try {
    code = await main(args);
  } catch (e) {
    // What node prints for an uncaught error, and its exit status.
    err.stream.write(`${(e as Error).stack ?? String(e)}\n`);
    code = 1;
  } finally {
    Object.assign(console, { log: saved.log, info: saved.info, error: saved.error, warn: saved.warn });
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
  }
  return { code, stdout: out.text(), stderr: err.text() };
}

/**
 * `quake-drill …args` as run from `cwd`: in this process from the folder the tests run in; through
 * the bin elsewhere, as main() resolves relative paths from the process's folder, which a test
 * worker thread cannot change.
 */
export function quakeDrill(args: string[], cwd = ROOT): Promise<Result> {
  if (resolve(cwd) !== resolve(process.cwd())) return bin(args, { cwd });
  const turn = queue.then(() => inProcess(args));
  queue = turn.catch(() => undefined);
  return turn;
}

let built: Promise<string> | undefined;

/**
 * The real command: node and the bin script, which starts the bundle (built first here if stale) or
 * the sources through tsx. `launcher` runs another copy of the bin script (launcher.test.ts).
 */
export async function bin(args: string[], { cwd = ROOT, env = {}, launcher = BIN }: { cwd?: string; env?: Record<string, string>; launcher?: string } = {}): Promise<Result> {
  if (launcher === BIN) await (built ??= ensureBundle());
  try {
    const { stdout, stderr } = await exec(process.execPath, [launcher, ...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', QUAKE_DRILL_TSX: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

export function tempDir(): { dir: string; file: (name: string, text: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'quake-drill-'));
  return {
    dir,
    file: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}
