// An acknowledged entry survives the server's death: a child process appends entries and prints
// each seq once its append resolved; it is killed with SIGKILL mid-stream (no exit handler, no
// close), the file reopened, and every printed seq is there, the chain still whole.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { chainHashes } from '../../src/review/chain.ts';
import { parseLog } from '../../src/review/index.ts';
import { logFileOf } from '../../src/server/log-download.ts';
import { openStore } from '../../src/server/storage.ts';
import { minimalDrill, ROOT, tempStoreDir } from './store-helpers.ts';

const children: ChildProcess[] = [];
const dirs: (() => void)[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const remove of dirs.splice(0)) remove();
});

/** Starts the writer; resolves with the seqs it printed once it has printed `atLeast`, killed with SIGKILL right then. */
function writeThenKill(file: string, atLeast: number): Promise<{ printed: number[]; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/server/store-writer.ts', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const printed: number[] = [];
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      printed.push(Number(line));
      if (printed.length === atLeast) child.kill('SIGKILL');
    });
    // 'close': stdout has been read to its end, so every seq the child printed is counted.
    child.on('close', (_code, signal) => resolve({ printed, signal }));
  });
}

describe('durability across kill -9', () => {
  it('every seq acknowledged before a kill is stored, over three kills and restarts: 0 lost', async () => {
    const { file, remove } = tempStoreDir();
    dirs.push(remove);
    const { drill } = minimalDrill();
    const acknowledged: number[] = [];
    for (let round = 1; round <= 3; round++) {
      const { printed, signal } = await writeThenKill(file, 300);
      expect(signal).toBe('SIGKILL');
      expect(printed.length).toBeGreaterThanOrEqual(300);
      acknowledged.push(...printed);
      const store = openStore(file);
      try {
        const stored = new Set(store.entries(drill).map((e) => e.seq));
        const lost = acknowledged.filter((seq) => !stored.has(seq));
        // A batch may have committed with the kill before its seqs were printed: stored ≥ acknowledged.
        console.log(`kill -9 #${round}: ${acknowledged.length} acknowledged, ${stored.size} stored, ${lost.length} lost`);
        expect(lost).toEqual([]);
        expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
        // In order with no gap (1…n), and the chain whole across the restarts.
        expect(store.lastSeq(drill)).toBe(stored.size);
        const parsed = parseLog(logFileOf(store, drill)!);
        if (!parsed.ok) throw new Error(parsed.problem.message);
        expect(parsed.trust.kind).toBe('verified');
        expect(store.entries(drill).map((e) => e.hash)).toEqual(chainHashes(parsed.header.hash, parsed.log));
      } finally {
        store.close();
      }
    }
  });
});
