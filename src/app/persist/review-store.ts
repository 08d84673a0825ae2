// The review record of each drill of this browser (evaluator notes, self-assessments, findings, form
// ratings: src/review/record.ts), kept by drill id as its entries in order. The entries of a drill are
// few (people type them), so a drill's are one value, read and extended in one transaction.
import type { ReviewEntry } from '../../review/record.ts';
import { DB_NAME, done, lazyDatabase, result, REVIEW } from './idb.ts';

export interface ReviewStore {
  /** The drill's entries in order; none when nothing was recorded. */
  load(drill: string): Promise<ReviewEntry[]>;
  /** Adds entries after those kept. */
  append(drill: string, entries: readonly ReviewEntry[]): Promise<void>;
  /** Forgets the drill's entries (the drill was deleted from this browser). */
  remove(drill: string): Promise<void>;
}

export function memoryReviewStore(): ReviewStore & { drills: Map<string, ReviewEntry[]> } {
  const drills = new Map<string, ReviewEntry[]>();
  return {
    drills,
    load: async (drill) => structuredClone(drills.get(drill) ?? []),
    append: async (drill, entries) => void drills.set(drill, [...(drills.get(drill) ?? []), ...structuredClone(entries)]),
    remove: async (drill) => void drills.delete(drill),
  };
}

export function indexedDbReviewStore(factory: IDBFactory | undefined = globalThis.indexedDB, name = DB_NAME): ReviewStore {
  const database = lazyDatabase(factory, name);
  return {
    async load(drill) {
      const kept = await result((await database()).transaction([REVIEW], 'readonly').objectStore(REVIEW).get(drill));
      return (kept as ReviewEntry[] | undefined) ?? [];
    },
    async append(drill, entries) {
      const tx = (await database()).transaction([REVIEW], 'readwrite');
      const finished = done(tx);
      const store = tx.objectStore(REVIEW);
      // Read and written in one readwrite transaction: two appends at once never lose one another's entries.
      const kept = store.get(drill);
      kept.onsuccess = () => store.put([...((kept.result as ReviewEntry[] | undefined) ?? []), ...entries.map((e) => structuredClone(e))], drill);
      await finished;
    },
    async remove(drill) {
      const tx = (await database()).transaction([REVIEW], 'readwrite');
      const finished = done(tx);
      tx.objectStore(REVIEW).delete(drill);
      await finished;
    },
  };
}
