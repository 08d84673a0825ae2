// The seats' Socket.IO side: the handshake checks the join link's token, every message is parsed
// before the room sees it, and what a room commits goes out once per turn, filtered for each view.
import type { Server, Socket } from 'socket.io';
import type { LogEntry } from '../core/index.ts';
import { CLIENT_MESSAGE_KINDS, handshakeSchema, parseClientMessage, type Ack, type ClientMessageKind, type Resync, type Welcome } from '../protocol/messages.ts';
import { refusalText, type Lang, type RefusalCode } from '../protocol/refusals.ts';
import { actorOf, isDrillRole, ROLE_TABLE } from '../protocol/roles.ts';
import { entryFor, revealsFor, scenarioFor, type Reveal, type Viewer } from '../protocol/views.ts';
import { foldReview } from '../review/record.ts';
import type { Scenario } from '../scenario/index.ts';
import type { DrillScore } from '../scoring/index.ts';
import type { Batch, DrillRoom, Drills, Sender } from './drills.ts';
import { participantScores } from './scores.ts';
import type { Store } from './storage.ts';
import { checkToken } from './tokens.ts';

/** The heartbeat: clients show the drill clock between entries, and notice a dead link. */
export const TICK_MS = 1000;
/**
 * A drill's entries go out at most this often [E]: what is committed meanwhile joins the waiting batch,
 * so at saturation the socket writes per second follow drills × views, not commands.
 */
export const FAN_OUT_MS = 50;

/** Socket.IO rooms. A drill's participants are grouped by what they may see: a seat, or the observers. */
export const roomsOf = {
  drill: (drill: string) => `d:${drill}`,
  control: (drill: string) => `d:${drill}:control`,
  seat: (drill: string, seat: string) => `d:${drill}:seat:${seat}`,
  observer: (drill: string) => `d:${drill}:observer`,
  /** Every socket of one join link: a revocation reaches them in whichever process they are. */
  link: (nonce: string) => `n:${nonce}`,
};

interface SocketData {
  sender: Sender;
  exp: number;
  lastSeq: number;
  room: DrillRoom;
}

/** A participant view: one per scenario seat and one for all observers. */
const viewRoom = (drill: string, v: Viewer) => (ROLE_TABLE[v.role].view === 'control' ? roomsOf.control(drill) : v.role === 'observer' ? roomsOf.observer(drill) : roomsOf.seat(drill, v.seat));

/** What a room's participant views were sent: their reveals so far, and the entries waiting to go. */
interface Audience {
  views: Viewer[];
  sent: Map<string, Set<string>>;
  /** What reveals depend on, as of the last batch: unchanged, no view has anything new revealed. */
  revealed: string;
  waiting: Batch | undefined;
  timer: NodeJS.Timeout | undefined;
  /** When the last batch went out (performance.now). */
  at: number;
  /** Sends what is waiting now: before a welcome, a resync or a tick, whose time must not run ahead of it. */
  flush: () => void;
  stop: () => void;
}

/** The world's part revealsFor reads: each inject's status and recipients, each decision's status. */
function revealState({ model, world }: DrillRoom['exercise']): string {
  let state = '';
  for (const x of model.scenario.injects) {
    const w = world.injects[x.id];
    state += `${w?.status ?? ''}${w?.edit?.to?.join() ?? ''};`;
  }
  for (const d of model.scenario.decisions) state += `${world.decisions[d.id]?.status ?? ''};`;
  return state;
}

export interface Sockets {
  /** A link's sockets get 'revoked' with the reason, then are disconnected. */
  revoke(nonce: string): Promise<void>;
  close(): void;
}

export function attachSockets(io: Server, store: Store, drills: Drills, secret: Uint8Array): Sockets {
  const audiences = new Map<string, Audience>();
  const viewKey = (v: Viewer) => (v.role === 'observer' ? 'observer' : `seat:${v.seat}`);

  const scenarios = new Map<string, Scenario>();

  /** A room this process owns: its batches, review lines and heartbeat go out from here (the adapter carries them to the other processes). */
  drills.onLoad((room) => {
    const id = room.drill.drill;
    const seatIds = room.exercise.model.seats;
    const seats = [...seatIds].map((seat): Viewer => ({ role: 'seat', seat }));
    const views = [...seats, { role: 'observer', seat: 'observer' } satisfies Viewer];
    const sent = new Map(views.map((v) => [viewKey(v), new Set<string>()]));
    // What is revealed before a view's first batch reaches it in the welcome.
    for (const v of views) revealsFor(room.exercise.model, room.exercise.world, v, sent.get(viewKey(v))!);
    const audience: Audience = { views, sent, revealed: revealState(room.exercise), waiting: undefined, timer: undefined, at: -Infinity, flush: () => {}, stop: () => {} };
    audience.flush = () => {
      clearTimeout(audience.timer);
      audience.timer = undefined;
      const batch = audience.waiting;
      if (!batch) return;
      audience.waiting = undefined;
      audience.at = performance.now();
      fanOut(room, audience, batch);
    };
    const offBatch = room.onBatch((batch) => {
      const waiting = audience.waiting;
      audience.waiting = waiting ? { entries: [...waiting.entries, ...batch.entries], t: batch.t } : batch;
      if (audience.timer) return;
      // The first batch after a quiet spell goes at once; a busy drill's wait for the next slot.
      const wait = audience.at + FAN_OUT_MS - performance.now();
      if (wait <= 0) audience.flush();
      else audience.timer = setTimeout(audience.flush, wait);
    });
    const offReview = room.onReview((lines) => {
      io.to(roomsOf.control(id)).emit('review', { lines });
      // A seat's own self-assessment comes back to it live; nobody else's line reaches a participant.
      for (const line of lines) if (seatIds.has(line.actor)) io.to(roomsOf.seat(id, line.actor)).emit('review', { lines: [line] });
    });
    const participants = views.map((v) => viewRoom(id, v));
    let shown: DrillScore | null = null;
    const heartbeat = setInterval(() => {
      audience.flush();
      io.to(roomsOf.drill(id)).emit('tick', { t: room.now(), speed: room.speed });
      // Scored at most once a beat, and only when the log moved; hidden again is said once too.
      const scores = scoresOf(room);
      if (scores === shown) return;
      shown = scores;
      io.to(participants).emit('scores', { scores });
    }, TICK_MS);
    audience.stop = () => {
      audience.flush();
      offBatch();
      offReview();
      clearInterval(heartbeat);
    };
    audiences.set(id, audience);
  });

  /**
   * The control view gets the batch as it is. Each participant view gets it filtered; views whose
   * filtered batch is the same share one emit (Socket.IO encodes a broadcast once for all its rooms),
   * so a batch nobody needs redacted costs one encoding for every seat, not one per seat.
   */
  function fanOut(room: DrillRoom, a: Audience, batch: Batch) {
    const id = room.drill.drill;
    const { model, world } = room.exercise;
    io.to(roomsOf.control(id)).emit('entries', batch);
    const revealed = revealState(room.exercise);
    const revealing = revealed !== a.revealed;
    a.revealed = revealed;
    const groups = new Map<string, { rooms: string[]; payload: { entries: LogEntry[]; t: number; reveals?: Reveal[] } }>();
    for (const v of a.views) {
      const entries = batch.entries.map((e) => entryFor(e, v, model));
      const reveals = revealing ? revealsFor(model, world, v, a.sent.get(viewKey(v))!) : [];
      const payload = reveals.length > 0 ? { entries, t: batch.t, reveals } : { entries, t: batch.t };
      // entryFor hands back the entry itself when nothing is held back: only the redacted ones are spelled out.
      const key = JSON.stringify([entries.map((e, i) => (e === batch.entries[i] ? i : e)), reveals]);
      const group = groups.get(key);
      if (group) group.rooms.push(viewRoom(id, v));
      else groups.set(key, { rooms: [viewRoom(id, v)], payload });
    }
    for (const { rooms, payload } of groups.values()) io.to(rooms).emit('entries', payload);
  }

  const isControl = (v: Viewer) => ROLE_TABLE[v.role].view === 'control';
  /** The participants' scores for the room's log as it stands: computed again only when the log moved. */
  const scored = new WeakMap<DrillRoom, { seq: number; reviewed: number; scores: DrillScore | null }>();
  const scoresOf = (room: DrillRoom): DrillScore | null => {
    const { world, log } = room.exercise;
    // The evaluator's ticks of written reports (the review stream) score them too: a new line is a new score.
    const lines = room.review();
    const kept = scored.get(room);
    if (kept?.seq === world.seq && kept.reviewed === lines.length) return kept.scores;
    const scores = participantScores(room.scenario, world, log, foldReview(lines).ticks);
    scored.set(room, { seq: world.seq, reviewed: lines.length, scores });
    return scores;
  };
  const entriesFor = (room: DrillRoom, v: Viewer, after: number) => {
    const entries = room.since(after);
    return isControl(v) ? entries : entries.map((e) => entryFor(e, v, room.exercise.model));
  };
  /** Everything revealed to the view so far: the client puts each back in its filtered scenario (idempotent). */
  const revealedTo = (room: DrillRoom, v: Viewer) => (isControl(v) ? [] : revealsFor(room.exercise.model, room.exercise.world, v, new Set()));
  /** What a room committed and has not sent yet goes first: a client's clock never runs ahead of an entry still to come. */
  const caughtUp = (room: DrillRoom) => audiences.get(room.drill.drill)?.flush();
  const resyncFor = (room: DrillRoom, v: Viewer, after: number): Resync => {
    caughtUp(room);
    return { entries: entriesFor(room, v, after), t: room.now(), reveals: revealedTo(room, v) };
  };

  function welcome(room: DrillRoom, data: SocketData): Welcome {
    const { role, seat, lang } = data.sender;
    const v: Viewer = { role, seat };
    let scenario = room.scenario;
    if (!isControl(v)) {
      // The scenario never changes, so each view's copy is made once and sent to every socket of it.
      const key = `${room.drill.drill}\n${viewKey(v)}`;
      scenario = scenarios.get(key) ?? scenarioFor(room.scenario, v);
      scenarios.set(key, scenario);
    }
    const review = room.review();
    return {
      drill: room.drill.drill,
      role,
      seat,
      actor: actorOf(role, seat),
      lang,
      file: room.drill.file,
      seed: room.drill.seed,
      created: room.drill.created,
      speed: room.speed,
      t: room.now(),
      scenario,
      entries: entriesFor(room, v, data.lastSeq),
      reveals: revealedTo(room, v),
      // A seat sees its own self-assessment; the rest of the review stream is the control view's.
      review: isControl(v) ? review : review.filter((line) => line.actor === seat),
    };
  }

  /**
   * Each welcome as encoded, by drill and token kind (role, seat, language): a reconnect storm encodes
   * the scenario once per view, not once per socket. Reused while everything it is made of is the same.
   */
  const welcomes = new Map<string, { made: string; packets: unknown[] }>();
  function sendWelcome(socket: Socket, room: DrillRoom, data: SocketData) {
    const { role, seat, lang } = data.sender;
    const id = room.drill.drill;
    const slot = `${id}\n${role}\n${seat}\n${lang}`;
    const made = `${data.lastSeq}\n${room.since(data.lastSeq).at(-1)?.seq}\n${room.exercise.world.seq}\n${room.now()}\n${room.speed}\n${room.review().length}`;
    let kept = welcomes.get(slot);
    if (kept?.made !== made) {
      kept = { made, packets: [io.encoder.encode({ type: io._parser.PacketType.EVENT, nsp: socket.nsp.name, data: ['welcome', welcome(room, data)] })].flat() };
      welcomes.set(slot, kept);
    }
    // Socket.IO's own broadcast path: packets encoded once, written to this socket's connection.
    socket.client._packet(kept.packets as never, { preEncoded: true });
  }

  io.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const lang: Lang = auth.lang === 'en' ? 'en' : 'zh';
    const refuse = (code: RefusalCode, detail?: string) => {
      const reason = refusalText(code, lang, detail);
      next(Object.assign(new Error(reason), { data: { code, reason } }));
    };
    const parsed = handshakeSchema.safeParse(auth);
    if (!parsed.success) return refuse('bad-message', 'auth: { token, lastSeq, lang }');
    const checked = checkToken(secret, parsed.data.token, Date.now());
    if (!checked.ok) return refuse(checked.code);
    const { drill, role, seat, nonce, exp } = checked.claims;
    if (!isDrillRole(role)) return refuse('token');
    if (store.isRevoked(drill, nonce)) return refuse('revoked');
    drills.route(drill).then(
      (room) => {
        if (!room) return refuse('unknown-drill');
        const data: SocketData = { sender: { role, seat, nonce, lang }, exp, lastSeq: parsed.data.lastSeq, room };
        socket.data = data;
        next();
      },
      (e: unknown) => {
        console.error(e);
        refuse('unavailable');
      },
    );
  });

  io.on('connection', (socket: Socket) => {
    const data = socket.data as SocketData;
    const { room, sender } = data;
    const id = room.drill.drill;
    const viewer: Viewer = { role: sender.role, seat: sender.seat };
    // Joined before the welcome is built, and after the waiting batch went to the others: no batch falls between the two.
    caughtUp(room);
    void socket.join([roomsOf.drill(id), viewRoom(id, viewer), roomsOf.link(sender.nonce)]);
    sendWelcome(socket, room, data);
    if (!isControl(viewer)) {
      const scores = scoresOf(room);
      if (scores) socket.emit('scores', { scores });
    }
    const refusal = (code: RefusalCode, detail?: string): Ack => ({ ok: false, code, reason: refusalText(code, sender.lang, detail) });
    for (const kind of CLIENT_MESSAGE_KINDS) {
      socket.on(kind, (raw: unknown, ack: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (a: Ack | Resync) => void) : () => {};
        answer(kind, raw).then(reply, (e: unknown) => {
          console.error(e);
          reply(refusal('unavailable'));
        });
      });
    }
    async function answer(kind: ClientMessageKind, raw: unknown): Promise<Ack | Resync> {
      if (Date.now() >= data.exp) {
        setImmediate(() => socket.disconnect(true));
        return refusal('expired');
      }
      const parsed = parseClientMessage(kind, raw);
      if (!parsed.ok) return refusal('bad-message', parsed.reason);
      if (kind === 'resync') return resyncFor(room, viewer, (parsed.value as { lastSeq: number }).lastSeq);
      const ack = await room.handle(sender, kind as Exclude<ClientMessageKind, 'resync'>, parsed.value as never);
      // The room knows the drill, not the view: a stale command's resync is filtered here, like a batch.
      if (!ack.ok && ack.resync && kind === 'command') return { ...ack, resync: resyncFor(room, viewer, (parsed.value as { baseSeq: number }).baseSeq) };
      return ack;
    }
  });

  return {
    async revoke(nonce) {
      // Each socket in its own language, wherever it is connected (the adapter reaches the other processes).
      for (const s of await io.in(roomsOf.link(nonce)).fetchSockets()) {
        s.emit('revoked', { reason: refusalText('revoked', (s.data as SocketData).sender.lang) });
        s.disconnect(true);
      }
    },
    close() {
      for (const a of audiences.values()) a.stop();
      audiences.clear();
      welcomes.clear();
    },
  };
}
