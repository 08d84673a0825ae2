// The server bench's load: drills created over REST, a Socket.IO connection per join link, each sending
// a command the core accepts (an answer to its seat's open decision, else a report up the hierarchy,
// else — the HQ, which reports to nobody in the drill — an order down) at a steady pace, open-loop.
// Latencies are client wall clock (performance.now) from emit to ack, and from emit to the entry
// reaching every connection of the drill (fan-out).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io as connectTo, type Socket } from 'socket.io-client';
import { createAuthority, orderTargets, plannedAnswer, reportTargets, type Authority, type DrillEvent, type LogEntry } from '../../src/core/index.ts';
import { percentile } from '../../src/review/spread.ts';
import type { Ack, Welcome } from '../../src/protocol/messages.ts';
import type { Link } from '../../src/server/links.ts';

export const SCENARIO = 'haicheng-m5.8.yaml';
/** No ack within this long counts as lost. */
const ACK_TIMEOUT_MS = 5000;
/** A report of the length a seat types in the room. */
const REPORT_TEXT = '现场报告：主要道路通行正常，救援队伍已出发，伤亡与房屋受损情况正在核实，请指示。';

export interface Server {
  url: string;
  hostKey: string;
}

interface Connection {
  socket: Socket;
  seat: string;
  /** The first connection of its seat in its drill: the only one that answers the seat's decisions. */
  answers: boolean;
  drill: BenchDrill;
  sent: number;
}

export interface BenchDrill {
  id: string;
  /** The drill as the facilitator sees it (the control view): whom each seat may report to now, its open decisions. */
  follower: Authority;
  connections: Connection[];
  facilitator: Socket;
  /** Per seq: how many of the drill's connections have its entry, and when the last got it. */
  receipts: Map<number, { count: number; last: number }>;
  /** Per seq acked in the window: when it was emitted. */
  emitted: Map<number, number>;
  /** Decisions an answer is on its way for. */
  answering: Set<string>;
}

async function api<T>(server: Server, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.hostKey}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function join(url: string, token: string, lastSeq: number): Promise<{ socket: Socket; welcome: Welcome }> {
  const socket = connectTo(url, { auth: { token, lastSeq, lang: 'en' }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('welcome', (welcome: Welcome) => resolve({ socket, welcome }));
    socket.once('connect_error', (e: Error & { data?: unknown }) => reject(new Error(`handshake refused: ${JSON.stringify(e.data ?? e.message)}`)));
  });
}

let clientIds = 0;
const nextClientId = () => `bench-${process.pid}-${++clientIds}`;

function command(socket: Socket, baseSeq: number, event: DrillEvent): Promise<Ack | 'lost'> {
  return new Promise((resolve) => {
    socket.timeout(ACK_TIMEOUT_MS).emit('command', { clientId: nextClientId(), baseSeq, event }, (err: Error | null, ack: Ack) => resolve(err ? 'lost' : ack));
  });
}

/**
 * A drill of the shipped scenario, started, with `connections` seat connections spread over its seats
 * (each its own join link, so the per-token rate counts each terminal), alternately on each of `servers`.
 */
export async function openDrill(servers: Server[], connections: number): Promise<BenchDrill> {
  const [first] = servers as [Server];
  const { drill: id, links } = await api<{ drill: string; links: Link[] }>(first, '/api/drills', { scenario: SCENARIO, seed: 1 });
  const fac = links.find((l) => l.role === 'facilitator')!;
  const { socket: facilitator, welcome } = await join(first.url, fac.token, 0);
  const follower = createAuthority({ scenario: welcome.scenario, seed: welcome.seed, clock: () => 0, readOnly: true, log: welcome.entries });
  const seatLinks = links.filter((l) => l.role === 'seat');
  const bench: BenchDrill = { id, follower, connections: [], facilitator, receipts: new Map(), emitted: new Map(), answering: new Set() };
  // Entries only, not the heartbeat: a tick can pass a batch still being committed, and a clock does not go back.
  facilitator.on('entries', (b: { entries: LogEntry[] }) => follow(bench, b.entries));
  const started = await command(facilitator, follower.exercise.world.seq, { type: 'start' });
  if (started === 'lost' || !started.ok) throw new Error(`drill ${id} does not start: ${JSON.stringify(started)}`);

  // Fewer connections than seats: every n-th seat; more: each seat's link, then new links round the seats.
  const seatOf = (i: number) => seatLinks[Math.floor((i * seatLinks.length) / Math.min(connections, seatLinks.length)) % seatLinks.length]!;
  const tokens: { seat: string; token: string }[] = [];
  for (let i = 0; i < connections; i += 50) {
    const chunk = Array.from({ length: Math.min(50, connections - i) }, (_, j) => i + j);
    tokens.push(...(await Promise.all(chunk.map((k) => (k < seatLinks.length ? seatOf(k) : api<Link>(first, `/api/drills/${id}/links`, { role: 'seat', seat: seatOf(k).seat }))))));
  }
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i += 50) {
    const joined = await Promise.all(tokens.slice(i, i + 50).map((t, j) => join(servers[(i + j) % servers.length]!.url, t.token, follower.exercise.world.seq).then((c) => ({ ...c, seat: t.seat }))));
    for (const { socket, seat } of joined) {
      const c: Connection = { socket, seat, answers: !seen.has(seat), drill: bench, sent: 0 };
      seen.add(seat);
      socket.on('entries', (b: { entries: LogEntry[] }) => receive(bench, b.entries));
      bench.connections.push(c);
    }
  }
  return bench;
}

function follow(d: BenchDrill, entries: LogEntry[]) {
  if (entries.length > 0 && !d.follower.follow(entries, entries.at(-1)!.t)) throw new Error(`drill ${d.id}: the follower cannot follow the server's log`);
}

function receive(d: BenchDrill, entries: LogEntry[]) {
  const now = performance.now();
  for (const e of entries) {
    const r = d.receipts.get(e.seq) ?? { count: 0, last: 0 };
    r.count++;
    r.last = now;
    d.receipts.set(e.seq, r);
  }
}

/** What connection `c` sends now: a command its seat may send as the drill stands. */
function nextEvent(c: Connection): DrillEvent {
  const { model, world } = c.drill.follower.exercise;
  const ex = c.drill.follower.exercise;
  if (c.answers) {
    for (const [id, d] of model.decisions) {
      if (d.owner !== c.seat || world.decisions[id]?.status !== 'open' || c.drill.answering.has(id)) continue;
      const answer: DrillEvent = { type: 'answer', decision: id, ...plannedAnswer(d) };
      if (ex.refusal(c.seat, answer) === undefined) {
        c.drill.answering.add(id);
        return answer;
      }
    }
  }
  const up = reportTargets(model, world, c.seat);
  if (up.length > 0) return { type: 'report', to: up[c.sent % up.length]!, text: `${REPORT_TEXT} #${c.sent}` };
  const down = orderTargets(model, world, c.seat);
  return { type: 'order', to: down[c.sent % down.length]!, text: `${REPORT_TEXT} #${c.sent}` };
}

export interface PhaseResult {
  connections: number;
  drills: number;
  /** Commands emitted per second over the window (the offered rate). */
  rate: number;
  /** Acks counted in the window. */
  acked: number;
  /** Commands sent in the window, by type (answers when a seat's decision was open, else reports; the HQ's orders). */
  sent: Record<string, number>;
  ack: Percentiles;
  fanOut: Percentiles & { complete: number };
  refused: Record<string, number>;
  lost: number;
  /** CPU share (1 = one core) over the window: this process, and each server process. */
  cpu: { bench: number; servers: number[] };
  /** Event-loop delay over the window, ms: this process's (a late ack may be the load generator's), and each server process's. */
  loop: { bench: { p99: number; max: number }; servers: { p99: number; max: number }[] };
}

export interface Percentiles {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

const round = (x: number) => Math.round(x * 10) / 10;
function percentiles(samples: number[]): Percentiles {
  const s = samples.toSorted((a, b) => a - b);
  return { n: s.length, p50: round(percentile(s, 50)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? NaN) };
}

export interface Pace {
  /** Each connection sends one command every periodMs. */
  periodMs: number;
  warmMs: number;
  windowMs: number;
}

/**
 * Every connection of `drills` sends one command per `periodMs`, staggered evenly, open-loop (the next
 * is emitted on time whatever the acks); measures the sends of the window after the warm-up, then
 * waits for their acks.
 */
export interface Probe {
  /** Each server process's CPU ms so far. */
  cpuMs(): number[];
  /** Called as the measured window opens and as it closes; the close answers with each server's event-loop delay. */
  atWindow(): void;
  atEnd(): Promise<{ p99: number; max: number }[]>;
}

export async function runPhase(drills: BenchDrill[], pace: Pace, probe: Probe): Promise<PhaseResult> {
  const all = drills.flatMap((d) => d.connections);
  const step = pace.periodMs / all.length;
  const start = performance.now();
  const windowFrom = start + pace.warmMs;
  const windowTo = windowFrom + pace.windowMs;
  const latencies: number[] = [];
  const refused: Record<string, number> = {};
  const sent: Record<string, number> = {};
  let lost = 0;
  let inWindow = 0;
  const pending: Promise<void>[] = [];
  let atWindow: { cpu: NodeJS.CpuUsage; servers: number[]; wall: number } | undefined;
  let atEnd: { cpu: NodeJS.CpuUsage; servers: number[]; wall: number } | undefined;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let serverLoopsHeard: Promise<{ p99: number; max: number }[]> | undefined;

  function send(c: Connection) {
    const d = c.drill;
    const event = nextEvent(c);
    c.sent++;
    const at = performance.now();
    const measured = at >= windowFrom;
    if (measured) {
      inWindow++;
      sent[event.type] = (sent[event.type] ?? 0) + 1;
    }
    pending.push(
      command(c.socket, d.follower.exercise.world.seq, event).then((ack) => {
        if (event.type === 'answer') d.answering.delete(event.decision);
        if (!measured) return;
        if (ack === 'lost') lost++;
        else if (!ack.ok) refused[ack.code] = (refused[ack.code] ?? 0) + 1;
        else {
          latencies.push(performance.now() - at);
          if (!ack.dup) d.emitted.set(ack.seq, at);
        }
      }),
    );
  }

  await new Promise<void>((done) => {
    let j = 0;
    const tick = () => {
      const now = performance.now();
      if (!atWindow && now >= windowFrom) {
        atWindow = { cpu: process.cpuUsage(), servers: probe.cpuMs(), wall: now };
        delay.enable();
        probe.atWindow();
      }
      if (now >= windowTo) {
        atEnd = { cpu: process.cpuUsage(atWindow!.cpu), servers: probe.cpuMs(), wall: now };
        delay.disable();
        serverLoopsHeard = probe.atEnd();
        return done();
      }
      for (; start + j * step <= now && start + j * step < windowTo; j++) send(all[j % all.length]!);
      setTimeout(tick, Math.max(0, start + j * step - performance.now()));
    };
    tick();
  });
  await Promise.all(pending);
  const serverLoops = await serverLoopsHeard!;
  // The broadcasts of the last acks are on their way still.
  await new Promise((r) => setTimeout(r, 200));

  const fanOut: number[] = [];
  for (const d of drills) {
    for (const [seq, emittedAt] of d.emitted) {
      const r = d.receipts.get(seq);
      if (r && r.count >= d.connections.length) fanOut.push(r.last - emittedAt);
    }
    d.emitted.clear();
    d.receipts.clear();
  }
  const wallMs = atEnd!.wall - atWindow!.wall;
  const used = atEnd!.cpu;
  return {
    connections: all.length,
    drills: drills.length,
    rate: round((inWindow * 1000) / pace.windowMs),
    acked: latencies.length,
    sent,
    ack: percentiles(latencies),
    fanOut: { ...percentiles(fanOut), complete: fanOut.length },
    refused,
    lost,
    cpu: {
      bench: Math.round(((used.user + used.system) / 1000 / wallMs) * 100) / 100,
      servers: atEnd!.servers.map((ms, i) => Math.round(((ms - atWindow!.servers[i]!) / wallMs) * 100) / 100),
    },
    loop: { bench: { p99: round(delay.percentile(99) / 1e6), max: round(delay.max / 1e6) }, servers: serverLoops },
  };
}

export function closeDrill(d: BenchDrill) {
  for (const c of d.connections) c.socket.disconnect();
  d.facilitator.disconnect();
}
