// Group commit: every entry queued in one event-loop turn goes in one transaction, so a turn costs
// one fsync whatever the number of seats that sent in it. Transactions are counted where SQLite
// writes them, in the WAL file: each transaction ends with one commit frame (a frame whose header
// gives the database size after the commit; 0 in every other frame). And a batch shares its fate:
// a failed commit rejects every promise of it and leaves none of its rows.
import Database from 'libsql';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainHashes } from '../../src/review/chain.ts';
import { parseLog } from '../../src/review/index.ts';
import { logFileOf } from '../../src/server/log-download.ts';
import { openStore, type Store } from '../../src/server/storage.ts';
import { minimalDrill, row, tempStoreDir } from './store-helpers.ts';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** Commit frames in the WAL since its last reset: the frames that carry the header's salts. */
function walCommits(file: string): number {
  const wal = readFileSync(`${file}-wal`);
  if (wal.length < WAL_HEADER) return 0;
  const pageSize = wal.readUInt32BE(8);
  const [salt1, salt2] = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  let commits = 0;
  for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  return commits;
}

let store: Store;
let file: string;
let remove: () => void;
const { drill } = minimalDrill();

beforeEach(() => {
  ({ file, remove } = tempStoreDir());
  store = openStore(file);
  store.createDrill(minimalDrill());
});

afterEach(() => {
  store.close();
  remove();
});

describe('group commit', () => {
  it('50 appends in one turn are one transaction; 3 turns of one append are 3', async () => {
    const before = walCommits(file);
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.append(row(drill, i + 1))));
    // By hand: one BEGIN … COMMIT for the turn → one commit frame.
    expect(walCommits(file) - before).toBe(1);
    for (const seq of [51, 52, 53]) await store.append(row(drill, seq));
    expect(walCommits(file) - before).toBe(1 + 3);
    expect(store.lastSeq(drill)).toBe(53);
  });

  it('an entry, a review line and the heartbeat of one turn share the transaction', async () => {
    const before = walCommits(file);
    store.setLastSeen(drill, 90_000);
    const note = { actor: '@evaluator', event: { type: 'note', id: 'n1', seq: 1, t: 1000, kind: 'strength', text: '响应迅速' } as const, clientId: 'note-1' };
    await Promise.all([store.append(row(drill, 1)), store.appendReview(drill, note)]);
    expect(walCommits(file) - before).toBe(1);
    expect(store.drill(drill)?.lastSeenT).toBe(90_000);
    expect(store.review(drill)).toEqual([{ n: 1, actor: '@evaluator', event: note.event }]);
  });

  it('a promise resolves only once its row is committed: a second connection reads it then', async () => {
    const reader = new Database(file);
    try {
      const count = () => (reader.prepare('SELECT count(*) FROM entries').raw().get() as number[])[0];
      const appended = store.append(row(drill, 1)).then(() => count());
      expect(count()).toBe(0); // queued, not yet written
      expect(await appended).toBe(1);
    } finally {
      reader.close();
    }
  });

  it('a failed commit rejects every promise of its batch and keeps none of its rows; the chain goes on from the last stored entry', async () => {
    await Promise.all([store.append(row(drill, 1)), store.append(row(drill, 2))]);
    // A fault injected underneath the store: the insert of entry 4 fails, mid-transaction.
    const injector = new Database(file);
    injector.exec("CREATE TRIGGER fault BEFORE INSERT ON entries WHEN NEW.seq = 4 BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
    const note = { actor: '@evaluator', event: { type: 'note', id: 'n1', seq: 1, t: 1000, kind: 'strength', text: '响应迅速' } as const, clientId: 'note-1' };
    const batch = [store.append(row(drill, 3)), store.append(row(drill, 4)), store.append(row(drill, 5)), store.appendReview(drill, note)];
    const outcomes = await Promise.allSettled(batch);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/injected fault/);
    expect(store.entries(drill).map((e) => e.seq)).toEqual([1, 2]);
    expect(store.review(drill)).toEqual([]);

    injector.exec('DROP TRIGGER fault');
    injector.close();
    await Promise.all([store.append(row(drill, 3)), store.appendReview(drill, note)]);
    expect(store.review(drill).map((l) => l.n)).toEqual([1]);
    const stored = store.entries(drill);
    const parsed = parseLog(logFileOf(store, drill)!);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.trust.kind).toBe('verified');
    // The hashes the store kept are the file's: entry 3 chained to entry 2, not to the lost batch.
    expect(stored.map((e) => e.hash)).toEqual(chainHashes(parsed.header.hash, parsed.log));
  });
});
