// The review record of the drill on show (notes, self-assessments, the improvement plan, form
// ratings: src/review/record.ts), as the screens use it: a stream of its own beside the drill's log,
// read from and appended to this browser's ReviewStore by drill id, and never given to the session —
// so nothing written here can move a score or touch the log's hash chain.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { appendReview, EMPTY_RECORD, foldReview, type ReviewEntry, type ReviewEvent, type ReviewRecord } from '../../review/record.ts';
import type { ReviewStore } from '../persist/review-store.ts';

export interface RecordState {
  /** The drill whose record this is (null before any drill). */
  drill: string | null;
  entries: ReviewEntry[];
  record: ReviewRecord;
  /** The kept entries are still being read; what is added meanwhile goes after them once they are in. */
  loading: boolean;
  /** Why the last read or write of the kept record failed (the screen still holds what was added). */
  problem: string | null;
  /**
   * Shows the record of `drill`, as kept (once what was added before is written); `seats` (the
   * scenario's) check whose self-assessment an entry may be. The drill already on show is not read again.
   */
  load(drill: string, seats?: ReadonlySet<string>): Promise<void>;
  /** Checks `event` (its shape, `actor`'s right to it), adds it to the record and keeps it. */
  add(actor: string, event: ReviewEvent): { ok: boolean; reason?: string };
  /** Resolves when everything added so far has been written (or failed to be). */
  settled(): Promise<void>;
}

export type RecordStore = StoreApi<RecordState>;

/** A new id for a note or a finding: unique within a drill's stream, in the ids' alphabet. */
export const newReviewId = (kind: 'note' | 'finding'): string => `${kind}-${crypto.randomUUID().slice(0, 8)}`;

export function createRecordStore(backing: ReviewStore): RecordStore {
  let seats: ReadonlySet<string> | undefined;
  /** Which load is current: a slower earlier one that resolves late is ignored. */
  let generation = 0;
  /** Entries added while loading, not yet written: they are numbered after the kept ones once those are in. */
  let pending: { actor: string; event: ReviewEvent }[] = [];
  let writes: Promise<void> = Promise.resolve();
  let loaded: Promise<void> = Promise.resolve();

  return createStore<RecordState>()((set, get) => {
    const fail = (e: unknown) => set({ problem: (e as Error)?.message ?? String(e) });
    const keep = (drill: string, entries: readonly ReviewEntry[]) => {
      writes = writes.then(() => backing.append(drill, entries)).catch(fail);
    };

    const read = async (drill: string, mine: number): Promise<void> => {
      await writes;
      let kept: ReviewEntry[] = [];
      try {
        kept = await backing.load(drill);
      } catch (e) {
        if (mine === generation) fail(e);
      }
      if (mine !== generation) return;
      const entries = [...kept];
      const record = foldReview(entries, seats);
      const added: ReviewEntry[] = [];
      for (const { actor, event } of pending) if (appendReview(record, entries, actor, event, seats).ok) added.push(entries.at(-1)!);
      pending = [];
      set({ entries, record, loading: false });
      if (added.length > 0) keep(drill, added);
    };

    return {
      drill: null,
      entries: [],
      record: EMPTY_RECORD,
      loading: false,
      problem: null,

      load(drill, scenarioSeats) {
        if (drill === get().drill) return loaded;
        const mine = ++generation;
        seats = scenarioSeats;
        pending = [];
        set({ drill, entries: [], record: EMPTY_RECORD, loading: true, problem: null });
        return (loaded = read(drill, mine));
      },

      add(actor, event) {
        const { drill, loading } = get();
        if (drill === null) return { ok: false, reason: 'no drill' };
        // Folded afresh rather than into the record on show: the fold works in place.
        const entries = [...get().entries];
        const record = foldReview(entries, seats);
        const outcome = appendReview(record, entries, actor, event, seats);
        if (!outcome.ok) return outcome;
        set({ entries, record });
        if (loading) pending.push({ actor, event });
        else keep(drill, [entries.at(-1)!]);
        return outcome;
      },

      settled: () => writes,
    };
  });
}
