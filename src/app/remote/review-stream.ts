// The review record (notes, self-assessments, findings …) of a server drill, for the same screens as a
// drill of this browser's (app/review/record-store.ts): the lines are the server's — it numbers them,
// keeps them and sends each role what it may read (never an evaluator's note to a participant) — and
// what the screens add goes to it ('review', acknowledged) and comes back as a line like any other.
import { createStore } from 'zustand/vanilla';
import { appendReview, foldReview } from '../../review/record.ts';
import type { RecordState, RecordStore } from '../review/record-store.ts';
import type { ReviewLine } from '../../protocol/messages.ts';
import type { RemoteSession } from './remote-session.ts';

/**
 * The lines numbered 1, 2, 3 … for the fold, which takes a gap for a line left out: a seat's stream
 * is only its own self-assessment, so the server's numbers have gaps there (its order is kept).
 */
const asRead = (lines: readonly ReviewLine[]) => lines.map((l, i) => ({ ...l, n: i + 1 }));

/** `changed`: subscribes to the session's changes (the remote drill's); the store follows its lines. */
export function remoteRecords(session: RemoteSession, changed: (listener: () => void) => () => void): RecordStore {
  const seats = session.exercise.model.seats;
  let sent: Promise<unknown> = Promise.resolve();
  let shown = session.review;
  const store = createStore<RecordState>()((set, get) => ({
    drill: session.drill,
    entries: [...shown],
    record: foldReview(asRead(shown), seats),
    loading: false,
    problem: null,
    // One drill only: the server's.
    load: () => Promise.resolve(),
    add(actor, event) {
      // Checked here first, as the server will: a refusal is said at once, in the record's own words.
      const entries = asRead(get().entries);
      const outcome = appendReview(foldReview(entries, seats), entries, actor, event, seats);
      if (!outcome.ok) return outcome;
      sent = sent.then(() => session.sendReview(event)).then((ack) => set({ problem: ack.ok ? null : ack.reason }));
      return outcome;
    },
    settled: () => sent.then(() => {}),
  }));
  // The session hands a new array whenever lines come (a welcome's, a broadcast's).
  changed(() => {
    if (session.review === shown) return;
    shown = session.review;
    store.setState({ entries: [...shown], record: foldReview(asRead(shown), seats) });
  });
  return store;
}
