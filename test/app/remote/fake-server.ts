// A server for the remote session's tests without a network: the drill is a real authority (a
// writable session in the test's hands), what a viewer receives is made by src/protocol's own
// views, and the socket is an in-memory object with Socket.IO's on / emit / acknowledgement shape.
import type { Handshake, HandshakeRefusal, Welcome } from '../../../src/protocol/messages.ts';
import type { DrillRole } from '../../../src/protocol/roles.ts';
import { entryFor, revealsFor, scenarioFor, type Viewer } from '../../../src/protocol/views.ts';
import { createSession, type Session } from '../../../src/app/drill/session.ts';
import { joinDrill, type OpenSocket, type SocketLike } from '../../../src/app/remote/remote-session.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scenario } from '../../core/test-drill.ts';

type Listener = (...args: never[]) => void;

export interface Sent {
  event: string;
  payload: unknown;
  ack: (reply: unknown) => void;
}

export class FakeSocket implements SocketLike {
  connected = false;
  readonly sent: Sent[] = [];
  readonly handshakes: Handshake[] = [];
  reconnects = 0;
  private readonly listeners = new Map<string, Listener[]>();

  constructor(private readonly auth: (cb: (data: Handshake) => void) => void) {}

  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, payload: unknown, ack: (reply: unknown) => void) {
    // Socket.IO would buffer it; the session must not count on that (it resends by itself).
    if (!this.connected) throw new Error(`'${event}' emitted while disconnected`);
    this.sent.push({ event, payload, ack });
    return this;
  }
  connect() {
    this.reconnects++;
    return this;
  }
  disconnect() {
    this.connected = false;
    return this;
  }

  // ── the server's side ──
  /** A handshake accepted: the client's auth is read, then the welcome goes out. */
  accept(welcome: (handshake: Handshake) => Welcome) {
    let handshake!: Handshake;
    this.auth((data) => (handshake = data));
    this.handshakes.push(handshake);
    this.connected = true;
    this.fire('connect');
    this.fire('welcome', welcome(handshake));
  }
  push(event: string, data: unknown) {
    this.fire(event, data);
  }
  drop() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
  refuse(refusal: HandshakeRefusal) {
    this.fire('connect_error', Object.assign(new Error(refusal.reason), { data: refusal }));
  }
  commands() {
    return this.sent.filter((s) => s.event === 'command');
  }
  private fire(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => void)(...args);
  }
}

/** An OpenSocket that hands the test the socket it opened. */
export function fakeOpen() {
  let socket: FakeSocket | null = null;
  const open: OpenSocket = (auth) => (socket = new FakeSocket(auth));
  return {
    open,
    socket: () => {
      if (!socket) throw new Error('no socket opened yet');
      return socket;
    },
  };
}

/** The room clock of the authority. */
export function manualClock() {
  let now = 1_000_000;
  const clock = () => now;
  clock.advance = (ms: number) => (now += ms);
  return clock;
}

/** The authority's drill (the minimal scenario) and what one viewer receives of it, as the server words it. */
export function authority(role: DrillRole, seat: string) {
  const clock = manualClock();
  const drill: Session = createSession({ scenario: minimal(), file: 'scenarios/minimal.yaml', seed: 7, clock, drill: 'minimal-example-0001' });
  const viewer: Viewer = { role, seat };
  const sent = new Set<string>();
  const entriesAfter = (seq: number) => drill.exercise.log.filter((e) => e.seq > seq).map((e) => entryFor(e, viewer, drill.exercise.model));
  return {
    drill,
    clock,
    welcome: (h: Pick<Handshake, 'lastSeq'>): Welcome => ({
      drill: drill.drill,
      role,
      seat,
      actor: role === 'seat' ? seat : role === 'evaluator' || role === 'observer' ? null : 'facilitator',
      lang: 'zh',
      file: drill.file,
      seed: drill.seed,
      created: drill.created,
      speed: drill.speed,
      t: drill.now(),
      scenario: scenarioFor(drill.scenario, viewer),
      entries: entriesAfter(h.lastSeq),
      reveals: revealsFor(drill.exercise.model, drill.exercise.world, viewer, sent),
      review: [],
    }),
    /** The broadcast of one turn: the entries after `seq`, the clock, the new reveals. */
    entries: (seq: number) => ({ entries: entriesAfter(seq), t: drill.now(), reveals: revealsFor(drill.exercise.model, drill.exercise.world, viewer, sent) }),
  };
}

/** Lets the session's socket open (it is asked for asynchronously, as the client library loads). */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** By path, not by URL: under happy-dom, URL is the DOM's, which node:fs rejects. */
const minimal = () => scenario('minimal.yaml', readFileSync(resolve(import.meta.dirname, '../../../scenarios/minimal.yaml'), 'utf8'));

/** A client joining through a fake connection, its handshake sent: the test accepts it (or not). */
export async function joinFake(lang: 'zh' | 'en' = 'zh') {
  const net = fakeOpen();
  const remote = joinDrill({ token: 't', lang, clock: manualClock(), open: net.open });
  await settle();
  return { net, remote };
}
