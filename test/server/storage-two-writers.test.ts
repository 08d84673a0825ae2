// Two processes sharing one data dir (the cluster) keep one writer per drill by a lease; should a
// process write a drill another wrote since it last read it (its lease lost and won back), its entry is
// refused inside the transaction instead of chaining to a stale hash, and its next try chains right.
import { afterEach, describe, expect, it } from 'vitest';
import { chainHashes } from '../../src/review/chain.ts';
import { parseLog } from '../../src/review/index.ts';
import { logFileOf } from '../../src/server/log-download.ts';
import { openStore, type Store } from '../../src/server/storage.ts';
import { minimalDrill, row, tempStoreDir } from './store-helpers.ts';

const stores: Store[] = [];
const dirs: (() => void)[] = [];

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const remove of dirs.splice(0)) remove();
});

describe('two stores on one file', () => {
  it('a stale writer is refused, writes nothing, and goes on from the stored tail', async () => {
    const { file, remove } = tempStoreDir();
    dirs.push(remove);
    const a = openStore(file);
    const b = openStore(file);
    stores.push(a, b);
    const { drill } = minimalDrill();
    a.createDrill(minimalDrill());
    await a.append(row(drill, 1));
    await b.append(row(drill, 2)); // b reads the tail from the file: entry 1
    await expect(a.append(row(drill, 3))).rejects.toThrow(/written by another process/); // a still holds entry 1 as its tail
    expect(a.entries(drill).map((e) => e.seq)).toEqual([1, 2]);
    await a.append(row(drill, 3));
    const parsed = parseLog(logFileOf(a, drill)!);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.trust.kind).toBe('verified');
    expect(a.entries(drill).map((e) => e.hash)).toEqual(chainHashes(parsed.header.hash, parsed.log));
  });
});
