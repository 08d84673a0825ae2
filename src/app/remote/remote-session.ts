// A seat at a drill whose authority is a server (issue 11): the app's Session over a Socket.IO
// socket. The server assigns seq and t, and sends this seat's view of the drill: its scenario
// (filtered: text not yet delivered to the seat is REDACTED, put back by a reveal) and the entries
// since the seq the client last had. The client folds them exactly like a tab following another
// (a read-only session's follow), so the same core computes the same world.
//
// A command goes out with an id of its own and the seq it was decided on; the outcome comes back in
// the acknowledgement. Until then it is kept: a reconnect resends it with the same id, and the server
// answers a resend it already has with the first acknowledgement again (nothing is applied twice).
import type { DrillEvent, LogEntry } from '../../core/index.ts';
import type { Ack, Handshake, HandshakeRefusal, Resync, ReviewLine, ServerMessages, Welcome } from '../../protocol/messages.ts';
import { refusalText } from '../../protocol/refusals.ts';
import type { ReviewEvent } from '../../review/record.ts';
import type { DrillScore } from '../../scoring/index.ts';
import { ROLE_TABLE } from '../../protocol/roles.ts';
import { applyReveal, type Reveal } from '../../protocol/views.ts';
import { createSession, READ_ONLY, type ClockSource, type Session } from '../drill/session.ts';
import type { Lang } from '../i18n.ts';
import type { PendingOutcome, Settled } from './pending.ts';

/** 'failed': the server refused the link (revoked, expired, unknown) and no reconnect will help. */
export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'failed';

/** What the session needs of a Socket.IO client socket (a fake one in tests). */
export interface SocketLike {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

/** Opens the socket; `auth` is asked for the handshake at every (re)connection, so it carries the seq the client has by then. */
export type OpenSocket = (auth: (cb: (data: Handshake) => void) => void) => SocketLike | Promise<SocketLike>;

export interface RemoteOptions {
  token: string;
  lang: Lang;
  clock: ClockSource;
  open: OpenSocket;
  /** Waits before asking again after a server said it is unavailable (a restart, an owner moving); the browser's setTimeout by default. */
  later?: (run: () => void) => void;
}

/** A Session at a server: who this client is there, beside the Session every screen uses. */
export interface RemoteSession extends Session {
  readonly welcome: Welcome;
  /** Commands sent and not yet acknowledged (resent after a reconnect). */
  readonly unacked: number;
  /** The drill's review stream as this role may read it: the control view all of it, a seat its own self-assessment. */
  readonly review: readonly ReviewLine[];
  /** Adds to the review stream at the server (which numbers the line and sends it back); its acknowledgement. */
  sendReview(event: ReviewEvent): Promise<Ack>;
  /** The scores the server sent this participant view (null: hidden, or a control view, which scores the drill itself). */
  readonly scores: DrillScore | null;
}

export interface RemoteDrill {
  readonly connection: Connection;
  /** Why the server refused or dropped this link (its words, in the seat's language), or a speed change it refused. */
  readonly problem: string | null;
  /** The drill, once the server welcomed this client. */
  readonly session: RemoteSession | null;
  /** Told of every change of the connection, the problem and the drill. */
  subscribe(listener: () => void): () => void;
  /** Asks for the handshake's language from the next connection on (the server words refusals in it). */
  setLang(lang: Lang): void;
  close(): void;
}

/** A command's id: 32 hex digits, unique enough to be the UNIQUE key of a resend. */
export const newClientId = (): string => crypto.randomUUID().replaceAll('-', '');

interface Unacked {
  message: { clientId: string; baseSeq: number; event: DrillEvent };
  settle: (outcome: Settled) => void;
}

/** Codes of a refused handshake that a reconnect cannot mend. */
const FINAL = new Set(['token', 'revoked', 'expired', 'unknown-drill', 'bad-message']);

export function joinDrill(options: RemoteOptions): RemoteDrill {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  let lang = options.lang;
  let connection: Connection = 'connecting';
  let problem: string | null = null;
  let socket: SocketLike | null = null;
  let closed = false;
  let welcome: Welcome | null = null;
  /** The scenario as this seat may see it, revealed item by item. */
  let scenario: Welcome['scenario'] | null = null;
  /** The follower that folds the server's entries; rebuilt when it cannot follow on. */
  let inner: Session | null = null;
  let speed = 1;
  const unacked = new Map<string, Unacked>();
  const sessionListeners = new Set<(entry?: LogEntry) => void>();
  let remote: RemoteSession | null = null;
  let review: ReviewLine[] = [];
  let scores: DrillScore | null = null;

  const setConnection = (next: Connection) => {
    if (connection === next) return;
    connection = next;
    notify();
  };

  // ── folding what the server sends ─────────────────────────────────────────
  const build = (log: readonly LogEntry[], t: number) => {
    const w = welcome!;
    inner = createSession({ scenario: scenario!, file: w.file, seed: w.seed, clock: options.clock, log, readOnly: true, drill: w.drill, created: w.created });
    inner.subscribe((entry) => sessionListeners.forEach((l) => l(entry)));
    inner.follow([], t);
  };

  // A reveal fills the scenario's item in place (views.ts applyReveal): the model holds the same objects.
  const reveal = (reveals: readonly Reveal[] | undefined) => {
    for (const r of reveals ?? []) applyReveal(scenario!, r);
  };

  /** Folds entries after those the follower has; a gap asks the server for the rest, a clock gone back rebuilds the copy. */
  const fold = (entries: readonly LogEntry[], t: number): boolean => {
    const f = inner!;
    const next = entries.find((e) => e.seq > f.exercise.world.seq);
    if (next && next.seq !== f.exercise.world.seq + 1) {
      resync();
      return false;
    }
    if (f.follow(entries, t)) return true;
    // The server resumed from an earlier time than this copy shows: the same entries, replayed from the start.
    build([...f.exercise.log, ...entries.filter((e) => e.seq > f.exercise.world.seq)], t);
    sessionListeners.forEach((l) => l());
    return true;
  };

  const foldResync = (r: Resync) => {
    reveal(r.reveals);
    fold(r.entries, r.t);
  };

  const resync = () => {
    if (!socket?.connected || !inner) return;
    socket.emit('resync', { lastSeq: inner.exercise.world.seq }, (r: Resync | { ok: false }) => {
      if ('entries' in r) foldResync(r);
    });
  };

  const onWelcome = (w: ServerMessages['welcome']) => {
    const first = !welcome || welcome.drill !== w.drill;
    welcome = w;
    speed = w.speed;
    problem = null;
    // The whole stream this role may read, as the server has it now (lines may have come meanwhile).
    review = w.review;
    if (first) {
      scenario = w.scenario;
      reveal(w.reveals);
      build(w.entries, w.t);
      remote = sessionOf(w);
    } else {
      reveal(w.reveals);
      fold(w.entries, w.t);
    }
    connection = 'connected';
    // The commands the last connection took but did not acknowledge go again, under the same ids.
    for (const u of unacked.values()) emitCommand(u);
    notify();
  };

  // ── sending ───────────────────────────────────────────────────────────────
  const emitCommand = (u: Unacked) => {
    socket!.emit('command', u.message, (ack: Ack) => {
      if (!unacked.has(u.message.clientId)) return; // a resend's answer came too
      unacked.delete(u.message.clientId);
      if (!ack.ok && ack.resync) foldResync(ack.resync);
      u.settle(ack.ok ? { ok: true } : { ok: false, reason: ack.reason, worded: true });
      notify();
    });
  };

  const send = (event: DrillEvent): PendingOutcome => {
    let settle!: Unacked['settle'];
    const ack = new Promise<Settled>((resolve) => (settle = resolve));
    const u: Unacked = { message: { clientId: newClientId(), baseSeq: inner!.exercise.world.seq, event }, settle };
    unacked.set(u.message.clientId, u);
    // Sent now if the socket is up; else with the others when the server welcomes this client again.
    if (socket?.connected && connection === 'connected') emitCommand(u);
    return { ok: true, pending: true, ack };
  };

  const sessionOf = (w: Welcome): RemoteSession => {
    const readOnly = ROLE_TABLE[w.role].commands.length === 0;
    const controls = ROLE_TABLE[w.role].controls;
    return {
      get scenario() {
        return scenario!;
      },
      file: w.file,
      seed: w.seed,
      drill: w.drill,
      created: w.created,
      trust: 'verified',
      get exercise() {
        return inner!.exercise;
      },
      get welcome() {
        return welcome!;
      },
      get unacked() {
        return unacked.size;
      },
      get review() {
        return review;
      },
      get scores() {
        return scores;
      },
      sendReview(event) {
        // Not kept for a resend: the screen keeps what was typed, and says why it did not go.
        if (!socket?.connected || connection !== 'connected') return Promise.resolve({ ok: false, code: 'unavailable', reason: refusalText('unavailable', lang) });
        return new Promise<Ack>((resolve) => socket!.emit('review', { clientId: newClientId(), event }, resolve));
      },
      now: () => inner!.now(),
      // The server logs a command under the actor the link stands for, whoever the screen sends it as.
      send: (_actor, event) => (readOnly ? { ok: false, reason: READ_ONLY } : send(event)),
      facilitator: (event) => (readOnly ? { ok: false, reason: READ_ONLY } : send(event)),
      // The server's clock and bots move the drill; its ticks come in over the socket.
      tick() {},
      policyOf: (seat) => inner!.policyOf(seat),
      setSpeed(next) {
        if (!controls || !socket?.connected) return;
        socket.emit('speed', { speed: next }, (ack: Ack) => {
          problem = ack.ok ? null : ack.reason;
          notify();
        });
      },
      get speed() {
        return speed;
      },
      subscribe(listener) {
        sessionListeners.add(listener);
        return () => sessionListeners.delete(listener);
      },
      readOnly,
      follow: fold,
    };
  };

  // ── the socket ────────────────────────────────────────────────────────────
  const auth = (cb: (data: Handshake) => void) => cb({ token: options.token, lastSeq: inner?.exercise.world.seq ?? 0, lang });

  const attach = (s: SocketLike) => {
    const on = <K extends keyof ServerMessages>(event: K, listener: (data: ServerMessages[K]) => void) => s.on(event, listener as (...args: never[]) => void);
    on('welcome', onWelcome);
    on('entries', (m) => {
      if (!inner) return;
      reveal(m.reveals);
      fold(m.entries, m.t);
    });
    on('tick', (m) => {
      speed = m.speed;
      if (inner) fold([], m.t);
    });
    on('review', (m) => {
      const after = review.at(-1)?.n ?? 0;
      review = [...review, ...m.lines.filter((l) => l.n > after)];
      notify();
    });
    on('scores', (m) => {
      scores = m.scores;
      notify();
    });
    on('revoked', (m) => {
      problem = m.reason;
      connection = 'failed';
      s.disconnect();
      notify();
    });
    s.on('disconnect', () => {
      if (connection !== 'failed' && !closed) setConnection('reconnecting');
    });
    s.on('connect_error', (err: Error & { data?: HandshakeRefusal }) => {
      const refusal = err.data;
      if (refusal && FINAL.has(refusal.code)) {
        problem = refusal.reason;
        connection = 'failed';
        notify();
        return;
      }
      setConnection(welcome ? 'reconnecting' : 'connecting');
      // A refusal from the server's middleware is not retried by the client itself: ask again shortly.
      if (refusal) (options.later ?? ((run) => setTimeout(run, 2000)))(() => !closed && s.connect());
    });
  };

  void Promise.resolve(options.open(auth)).then((s) => {
    socket = s;
    if (closed) s.disconnect();
    else attach(s);
  });

  return {
    get connection() {
      return connection;
    },
    get problem() {
      return problem;
    },
    get session() {
      return remote;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setLang(next) {
      lang = next;
    },
    close() {
      closed = true;
      socket?.disconnect();
    },
  };
}

/** Opens a Socket.IO connection to the server at `url` (the page's origin by default); the client library loads only now. */
export const socketTo =
  (url: string): OpenSocket =>
  async (auth) => {
    const { io } = await import('socket.io-client');
    return io(url, { auth });
  };

