// What the cluster tests do as a room's people: the host's REST calls, a seat joining a server with
// its link's token, and everything that seat is sent, in the order it arrives.
import { io as connectTo, type Socket } from 'socket.io-client';
import type { LogEntry } from '../../src/core/index.ts';
import type { Ack, HandshakeRefusal, Welcome } from '../../src/protocol/messages.ts';

export async function api(base: string, path: string, init: { body?: unknown; auth?: string } = {}): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(init.auth ? { authorization: `Bearer ${init.auth}` } : {}) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

export interface Seat {
  socket: Socket;
  welcome: Welcome;
  /** The welcome's entries, then every batch's, as they came. */
  entries: LogEntry[];
  lastSeq(): number;
}

export const sockets: Socket[] = [];

/** Joins `url` with the token, resolved at the welcome (a refused handshake rejects with its code). */
export function join(url: string, token: string, lastSeq = 0): Promise<Seat> {
  const socket = connectTo(url, { auth: { token, lastSeq, lang: 'en' }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  const entries: LogEntry[] = [];
  // Listening before the welcome: a batch right after it is not missed.
  socket.on('entries', (batch: { entries: LogEntry[] }) => entries.push(...batch.entries));
  return new Promise((resolve, reject) => {
    socket.once('welcome', (welcome: Welcome) => {
      entries.unshift(...welcome.entries);
      resolve({ socket, welcome, entries, lastSeq: () => entries.at(-1)?.seq ?? lastSeq });
    });
    socket.once('connect_error', (err: Error & { data?: HandshakeRefusal }) => reject(new Error(`${url} refused: ${err.data?.code ?? err.message}`)));
  });
}

/** A report to the HQ: the command any member unit or group may send at any time of a running drill. */
export const report = (clientId: string, baseSeq: number, text = clientId) => ({ clientId, baseSeq, event: { type: 'report', to: 'hq', text } });

export const send = (seat: Seat, kind: string, payload: unknown, timeoutMs = 10_000) => seat.socket.timeout(timeoutMs).emitWithAck(kind, payload) as Promise<Ack>;

export async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 25));
}
