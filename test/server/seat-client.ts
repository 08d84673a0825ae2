// What the socket tests of the server share: a drill made over REST, join links, the log downloaded
// and read back, and a seat's client over socket.io-client in Node that behaves as the app's
// RemoteSession does — it folds entries by seq, keeps every command until its ack and sends it again
// under the same client id after a reconnect, and asks for the handshake's lastSeq at each connection.
import { io, type Socket } from 'socket.io-client';
import type { DrillEvent, LogEntry } from '../../src/core/index.ts';
import type { Ack, HandshakeRefusal, Welcome } from '../../src/protocol/messages.ts';
import { parseLog } from '../../src/review/log-file.ts';
import type { Link } from '../../src/server/links.ts';

export const HAICHENG = 'haicheng-m5.8.yaml';

export interface Host {
  url: string;
  hostKey: string;
}

async function api<T>(host: Host, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${host.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.hostKey}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
  return (path.endsWith('/log') ? text : JSON.parse(text)) as T;
}

export const createDrill = (host: Host, scenario = HAICHENG, seed = 11) => api<{ drill: string; links: Link[] }>(host, '/api/drills', { scenario, seed });

/** A further link for a role and seat: its own token, nonce and rate bucket. */
export const newLink = (host: Host, drill: string, role: string, seat: string) => api<Link>(host, `/api/drills/${drill}/links`, { role, seat });

/** The drill's log as the host downloads it, read back by the log reader (the hash chain checked). */
export async function downloadLog(host: Host, drill: string): Promise<LogEntry[]> {
  const parsed = parseLog(await api<string>(host, `/api/drills/${drill}/log`));
  if (!parsed.ok) throw new Error(`the downloaded log does not read: ${parsed.problem.message}`);
  if (parsed.trust.kind !== 'verified') throw new Error(`the downloaded log's chain is ${parsed.trust.kind}`);
  return parsed.log;
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Client ids as the app makes them: unique, [A-Za-z0-9_-]{8,64}. */
let made = 0;
export const clientIdFor = (label: string) => `${label.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 40)}-${(++made).toString(36).padStart(6, '0')}`;

export interface JoinOptions {
  /** socket.io-client's own reconnection (the kill -9 and storm tests), off by default. */
  reconnection?: boolean;
  lastSeq?: number;
}

/** Every string inside a payload, for the leak searches (JSON escaping would hide some). */
export function stringsOf(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) for (const v of x) stringsOf(v, out);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) stringsOf(v, out);
  return out;
}

interface Unacked {
  message: { clientId: string; baseSeq: number; event: DrillEvent };
  settle: (ack: Ack) => void;
}

/** A socket of one join link. */
export class SeatClient {
  readonly socket: Socket;
  /** The last seq folded; the handshake's lastSeq at every (re)connection. */
  lastSeq: number;
  /** Every seq folded, in order (a gap or a repeat shows here). */
  readonly folded: number[] = [];
  readonly entries = new Map<number, LogEntry>();
  readonly welcomes: Welcome[] = [];
  /** Every payload the server sent this socket, acks included. */
  readonly received: unknown[] = [];
  /** Batches that skipped a seq: the client would have had to resync. */
  gaps = 0;
  /** Acks that said dup: a resend the server already had. */
  dups = 0;
  private readonly unacked = new Map<string, Unacked>();
  private firstWelcome: Promise<Welcome>;

  constructor(url: string, token: string, options: JoinOptions = {}) {
    this.lastSeq = options.lastSeq ?? 0;
    this.socket = io(url, {
      auth: (cb) => cb({ token, lastSeq: this.lastSeq, lang: 'zh' }),
      transports: ['websocket'],
      forceNew: true,
      reconnection: options.reconnection ?? false,
      reconnectionDelay: 50,
      reconnectionDelayMax: 300,
      randomizationFactor: 0,
    });
    this.firstWelcome = new Promise((resolve, reject) => {
      this.socket.once('welcome', resolve);
      this.socket.once('connect_error', (err: Error & { data?: HandshakeRefusal }) => reject(new Error(`refused: ${err.data?.code ?? err.message}`)));
    });
    this.socket.on('welcome', (w: Welcome) => {
      this.received.push(w);
      this.welcomes.push(w);
      this.fold(w.entries);
      // What the last connection took but did not acknowledge goes again, under the same ids.
      for (const u of this.unacked.values()) this.emit(u);
    });
    this.socket.on('entries', (m: { entries: LogEntry[] }) => {
      this.received.push(m);
      this.fold(m.entries);
    });
    for (const kind of ['tick', 'review', 'revoked']) this.socket.on(kind, (m: unknown) => this.received.push(m));
  }

  welcomed(): Promise<Welcome> {
    return this.firstWelcome;
  }

  private fold(entries: readonly LogEntry[]) {
    for (const e of entries) {
      if (e.seq <= this.lastSeq) continue;
      if (e.seq !== this.lastSeq + 1) this.gaps++;
      this.lastSeq = e.seq;
      this.folded.push(e.seq);
      this.entries.set(e.seq, e);
    }
  }

  private emit(u: Unacked) {
    this.socket.emit('command', u.message, (ack: Ack) => {
      this.received.push(ack);
      if (!this.unacked.has(u.message.clientId)) return; // a resend's answer came too
      if (!ack.ok && ack.code === 'rate') {
        // Not taken: the same command again once the bucket has refilled.
        setTimeout(() => this.socket.connected && this.unacked.has(u.message.clientId) && this.emit(u), 600);
        return;
      }
      this.unacked.delete(u.message.clientId);
      if (ack.ok && ack.dup) this.dups++;
      u.settle(ack);
    });
  }

  /** A command kept until its ack arrives, through any number of reconnections. */
  command(event: DrillEvent, options: { clientId?: string; baseSeq?: number } = {}): Promise<Ack> {
    return new Promise((settle) => {
      const u: Unacked = { message: { clientId: options.clientId ?? clientIdFor('cmd'), baseSeq: options.baseSeq ?? this.lastSeq, event }, settle };
      this.unacked.set(u.message.clientId, u);
      if (this.socket.connected) this.emit(u);
    });
  }

  get pending(): number {
    return this.unacked.size;
  }

  /** One message and its ack, as sent, with nothing kept or resent (the duplicate and out-of-order tests). */
  async raw<T = Ack>(kind: string, payload: unknown): Promise<T> {
    const ack = (await this.socket.emitWithAck(kind, payload)) as T;
    this.received.push(ack);
    return ack;
  }

  /** Resolves once entry `seq` has been folded. */
  async folds(seq: number): Promise<void> {
    while (this.lastSeq < seq) await sleep(10);
  }

  close() {
    this.socket.disconnect();
  }
}

export async function join(url: string, token: string, options: JoinOptions = {}): Promise<SeatClient> {
  const client = new SeatClient(url, token, options);
  await client.welcomed();
  return client;
}
