// The Socket.IO messages between a seat and the drill's authority: what a client may send (checked
// here with zod/mini, the command's event by the core's own parseCommand, a review event by the
// review record's schema) and what the server sends back.
import { z } from 'zod/mini';
import { parseCommand, type CheckedEvent, type LogEntry } from '../core/index.ts';
import { describe } from '../core/events.ts';
import { parseReviewEvent, type ReviewEntry, type ReviewEvent } from '../review/record.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { DrillScore } from '../scoring/types.ts';
import type { RefusalCode, Lang } from './refusals.ts';
import type { DrillRole } from './roles.ts';
import type { Reveal } from './views.ts';

/** The largest message a client may send; the server's io maxHttpBufferSize too. A report is 4,000 characters at most. */
/** A join link as the REST side hands it out (src/server/links.ts) and the host page shows it. */
export interface Link {
  role: DrillRole;
  seat: string;
  name: { zh: string; en: string };
  /** `${publicUrl}/?join=${token}`. */
  url: string;
  token: string;
  nonce: string;
  /** ms epoch. */
  exp: number;
}

export const MAX_MESSAGE_BYTES = 64 * 1024;
/** Commands per token: a burst, then a steady rate; a seat at drill pace sends one every few seconds [E]. */
export const RATE = { burst: 10, perSecond: 2 } as const;
/** The room speeds a controlling role may choose (fast-forward through a quiet stretch). */
export const SPEEDS = [1, 2, 5, 10, 30, 60] as const;
export type Speed = (typeof SPEEDS)[number];

/** The client's own id for a command: a resend after a reconnect carries the same one. */
const clientId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'a client id: 8 to 64 letters, digits, "_" or "-"'));
const seq = z.number().check(z.int('a log entry number'), z.gte(0, 'a log entry number'), z.lte(Number.MAX_SAFE_INTEGER));
const strict = <T extends z.core.$ZodLooseShape>(shape: T) => z.strictObject(shape);

const SCHEMAS = {
  command: strict({ clientId, baseSeq: seq, event: z.unknown() }),
  resync: strict({ lastSeq: seq }),
  speed: strict({ speed: z.union(SPEEDS.map((s) => z.literal(s))) }),
  review: strict({ clientId, event: z.unknown() }),
};

export type ClientMessageKind = keyof typeof SCHEMAS;
export const CLIENT_MESSAGE_KINDS = Object.keys(SCHEMAS) as ClientMessageKind[];

export interface CommandMessage {
  clientId: string;
  /** The last seq the client had folded when it sent this. */
  baseSeq: number;
  event: CheckedEvent;
}
export interface ResyncMessage {
  lastSeq: number;
}
export interface SpeedMessage {
  speed: Speed;
}
export interface ReviewMessage {
  clientId: string;
  event: ReviewEvent;
}
export interface ClientMessages {
  command: CommandMessage;
  resync: ResyncMessage;
  speed: SpeedMessage;
  review: ReviewMessage;
}

/** The socket's handshake: `auth` of io(url, { auth }). */
export interface Handshake {
  token: string;
  lastSeq: number;
  lang: Lang;
}
export const handshakeSchema = strict({ token: z.string().check(z.minLength(1), z.maxLength(1024)), lastSeq: seq, lang: z.enum(['zh', 'en']) });

/** The handshake's `auth` checked; never throws. */
export function parseHandshake(raw: unknown): Parsed<Handshake> {
  const parsed = handshakeSchema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: `the handshake ${describe(parsed.error.issues[0]!)}` };
}

/** One line of the drill's review stream as the server keeps it. */
export type ReviewLine = ReviewEntry;

export type Resync = { entries: LogEntry[]; t: number; reveals: Reveal[] };
export type Ack =
  | { ok: true; seq: number; dup?: true }
  /** `seq`: a core refusal ('refused') is logged, at this seq. */
  | { ok: false; code: RefusalCode; reason: string; seq?: number; resync?: Resync };

export interface Welcome {
  drill: string;
  role: DrillRole;
  seat: string;
  actor: string | null;
  lang: Lang;
  file: string;
  seed: number;
  /** When the drill was created (ISO 8601), as its log file's header says. */
  created: string;
  speed: number;
  t: number;
  /** Already filtered for the role's view (views.ts scenarioFor). */
  scenario: Scenario;
  /** The entries after the handshake's lastSeq, filtered (views.ts entryFor). */
  entries: LogEntry[];
  reveals: Reveal[];
  /** The control view's review stream; a seat gets its own self-assessment. */
  review: ReviewLine[];
}

/** What the server sends, by event name. */
export interface ServerMessages {
  welcome: Welcome;
  /** One per event-loop turn (broadcasts are batched). */
  entries: { entries: LogEntry[]; t: number; reveals?: Reveal[] };
  /** The heartbeat, every second. */
  tick: { t: number; speed: number };
  review: { lines: ReviewLine[] };
  /**
   * To the participant views (seats, observers), whose scenario cannot score the drill: its scores
   * as they may see them (server/scores.ts), after the welcome and when they change; null: hidden.
   */
  scores: { scores: DrillScore | null };
  /** Then the server disconnects the socket. */
  revoked: { reason: string };
}

/** The `err.data` of a refused handshake (the client reads it from connect_error). */
export interface HandshakeRefusal {
  code: RefusalCode;
  reason: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * A client's message checked: its shape here, a command's event by the core's schema, a review
 * event by the review record's. Never throws, whatever arrives.
 */
export function parseClientMessage<K extends ClientMessageKind>(kind: K, raw: unknown): Parsed<ClientMessages[K]> {
  if (!Object.hasOwn(SCHEMAS, kind)) return { ok: false, reason: `unknown message '${String(kind).slice(0, 40)}'` };
  const parsed = SCHEMAS[kind].safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `a '${kind}' message ${describe(parsed.error.issues[0]!)}` };
  const value = parsed.data as Record<string, unknown>;
  if (kind === 'command' || kind === 'review') {
    const event = kind === 'command' ? parseCommand(value.event) : parseReviewEvent(value.event);
    if (!event.ok) return { ok: false, reason: event.reason };
    return { ok: true, value: { ...value, event: event.event } as unknown as ClientMessages[K] };
  }
  return { ok: true, value: value as unknown as ClientMessages[K] };
}
