// A command sent to a server is not decided when send() returns: its outcome comes with the
// acknowledgement. The app says "sending…" until then, and the outcome after (app.ts).
import type { Outcome } from '../../core/index.ts';

/** What the authority said, or (worded) the server's refusal already in the seat's language. */
export interface Settled extends Outcome {
  worded?: true;
}

export interface PendingOutcome extends Outcome {
  pending: true;
  ack: Promise<Settled>;
}

export const isPending = (outcome: Outcome): outcome is PendingOutcome => (outcome as Partial<PendingOutcome>).pending === true;
