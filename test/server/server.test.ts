// The server end to end over real sockets: the host creates a drill over REST, seats join with their
// links' tokens, refused handshakes say why in the seat's language, commands are acked once durable and
// reach the facilitator, and a drill goes out and comes in as the log file.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connectTo, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExercise, type LogEntry } from '../../src/core/index.ts';
import { MAX_MESSAGE_BYTES, type Ack, type HandshakeRefusal, type Welcome } from '../../src/protocol/messages.ts';
import { refusalText } from '../../src/protocol/refusals.ts';
import { REDACTED, type Reveal } from '../../src/protocol/views.ts';
import { headerFor, parseLog, writeLog } from '../../src/review/log-file.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import type { Link } from '../../src/server/links.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { issueToken, loadSecret } from '../../src/server/tokens.ts';

const MINIMAL = 'scenarios/minimal.yaml';
const minimal = (() => {
  const loaded = loadScenario(readFileSync(MINIMAL, 'utf8'), MINIMAL);
  if (!loaded.ok) throw new Error('minimal.yaml does not load');
  return loaded.scenario;
})();

let data: string;
let server: RunningServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  data = mkdtempSync(join(tmpdir(), 'qd-server-'));
  const app = join(data, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'index.html'), '<!doctype html><title>震演</title>');
  server = await startServer({ port: 0, data: join(data, 'drills'), appDir: app });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
  rmSync(data, { recursive: true, force: true });
});

async function api(path: string, init: { method?: string; body?: unknown; auth?: string } = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...(init.auth ? { authorization: `Bearer ${init.auth}` } : {}) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

type Joined = { socket: Socket; welcome: Welcome } | { socket: Socket; refusal: HandshakeRefusal };

/** A seat's socket, resolved with its welcome or its handshake refusal. */
function join_(token: string, lang: 'zh' | 'en' = 'zh', lastSeq = 0): Promise<Joined> {
  const socket = connectTo(server.url, { auth: { token, lastSeq, lang }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('welcome', (welcome: Welcome) => resolve({ socket, welcome }));
    socket.once('connect_error', (err: Error & { data?: HandshakeRefusal }) => resolve({ socket, refusal: err.data! }));
  });
}

async function joined(token: string, lastSeq = 0): Promise<{ socket: Socket; welcome: Welcome }> {
  const j = await join_(token, 'zh', lastSeq);
  if ('refusal' in j) throw new Error(`refused: ${j.refusal.code}`);
  return j;
}

async function refusalOf(token: string, lang: 'zh' | 'en' = 'zh'): Promise<HandshakeRefusal> {
  const j = await join_(token, lang);
  if (!('refusal' in j)) throw new Error('joined');
  return j.refusal;
}

const send = (socket: Socket, kind: string, payload: unknown) => socket.emitWithAck(kind, payload) as Promise<Ack>;

/** The next 'entries' batch holding entry `seq`. */
const entryArrives = (socket: Socket, seq: number) =>
  new Promise<LogEntry>((resolve) => {
    const on = (batch: { entries: LogEntry[] }) => {
      const e = batch.entries.find((x) => x.seq === seq);
      if (!e) return;
      socket.off('entries', on);
      resolve(e);
    };
    socket.on('entries', on);
  });

describe('a drill over the network', () => {
  let drill: string;
  let links: Link[];
  const link = (role: string, seat = role) => links.find((l) => l.role === role && l.seat === seat)!;

  it('creates a drill for the host key only, with a join link per role and per seat', async () => {
    const refused = await api('/api/drills', { body: { scenario: 'minimal.yaml', seed: 7 } });
    expect(refused.status).toBe(401);
    expect(refused.json()).toEqual({ code: 'token', reason: refusalText('token', 'zh', 'the host key is needed') });

    const made = await api('/api/drills', { body: { scenario: 'minimal.yaml', seed: 7 }, auth: server.hostKey });
    expect(made.status).toBe(201);
    ({ drill, links } = made.json() as { drill: string; links: Link[] });
    expect(drill).toMatch(/^minimal-example-[0-9a-f]{12}$/);
    // commander, facilitator, controller, evaluator, observer, then the seats hq, rescue-group, fire-rescue.
    expect(links.map((l) => `${l.role}:${l.seat}`)).toEqual([
      'commander:commander',
      'facilitator:facilitator',
      'controller:controller',
      'evaluator:evaluator',
      'observer:observer',
      'seat:hq',
      'seat:rescue-group',
      'seat:fire-rescue',
    ]);
    expect(link('seat', 'fire-rescue').name).toEqual({ zh: '市消防救援支队', en: 'City fire and rescue detachment' });
    expect(link('seat', 'fire-rescue').url).toBe(`${server.url}/?join=${link('seat', 'fire-rescue').token}`);

    const listed = await api(`/api/drills/${drill}/links`, { auth: link('facilitator').token });
    expect((listed.json() as { links: Link[] }).links).toEqual(links);
    const list = await api('/api/drills', { auth: server.hostKey });
    expect(list.json()).toMatchObject({ drills: [{ drill, file: MINIMAL, seed: 7, lastSeq: 0 }] });

    const more = await api(`/api/drills/${drill}/links`, { body: { role: 'seat', seat: 'rescue-group' }, auth: link('commander').token });
    expect(more.status).toBe(201);
    expect(more.json()).toMatchObject({ role: 'seat', seat: 'rescue-group', name: { zh: '抢险救援组', en: 'Search and rescue group' } });
    const noSeat = await api(`/api/drills/${drill}/links?lang=en`, { body: { role: 'seat', seat: 'nobody' }, auth: server.hostKey });
    expect(noSeat.json()).toEqual({ code: 'bad-message', reason: refusalText('bad-message', 'en', "'nobody' is no seat of the scenario") });
    links.push(more.json() as unknown as Link);

    const seatAsks = await api(`/api/drills/${drill}/links?lang=en`, { auth: link('seat', 'hq').token });
    expect(seatAsks.status).toBe(403);
    expect(seatAsks.json()).toEqual({ code: 'role', reason: refusalText('role', 'en') });
  });

  it('welcomes a seat with the scenario as its view may hold it, and control with the whole', async () => {
    const seat = await joined(link('seat', 'fire-rescue').token);
    expect(seat.welcome).toMatchObject({ drill, role: 'seat', seat: 'fire-rescue', actor: 'fire-rescue', lang: 'zh', file: MINIMAL, seed: 7, entries: [], reveals: [], review: [] });
    const inject = seat.welcome.scenario.injects[0]!;
    expect(inject.title).toEqual({ zh: REDACTED, en: REDACTED });
    expect(inject.expected).toBeUndefined();
    expect(seat.welcome.scenario.decisions[0]!.rubric).toEqual([]);

    const control = await joined(link('facilitator').token);
    expect(control.welcome).toMatchObject({ role: 'facilitator', actor: 'facilitator' });
    expect(control.welcome.scenario.injects[0]!.title).toEqual(minimal.injects[0]!.title);
    expect(control.welcome.scenario.decisions[0]!.rubric).toHaveLength(2);
  });

  it('refuses a forged, expired, foreign or malformed token in the handshake, in the seat language', async () => {
    const good = link('seat', 'hq').token;
    const [payload, mac] = good.split('.') as [string, string];
    const forged = `${payload}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
    expect(await refusalOf(forged)).toEqual({ code: 'token', reason: refusalText('token', 'zh') });
    expect(await refusalOf(forged, 'en')).toEqual({ code: 'token', reason: refusalText('token', 'en') });

    const secret = loadSecret(join(data, 'drills'));
    const expired = issueToken(secret, { drill, role: 'seat', seat: 'hq', exp: Date.now() - 1 });
    expect(await refusalOf(expired)).toEqual({ code: 'expired', reason: refusalText('expired', 'zh') });
    const foreign = issueToken(secret, { drill: 'no-such-drill', role: 'seat', seat: 'hq', exp: Date.now() + 60_000 });
    expect(await refusalOf(foreign)).toEqual({ code: 'unknown-drill', reason: refusalText('unknown-drill', 'zh') });

    const malformed = connectTo(server.url, { auth: { token: good }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(malformed);
    const err = await new Promise<Error & { data?: HandshakeRefusal }>((resolve) => malformed.once('connect_error', resolve));
    expect(err.data?.code).toBe('bad-message');
  });

  it('acks a seat answer once committed, and the facilitator gets it in an entries batch', async () => {
    const control = await joined(link('facilitator').token);
    const seat = await joined(link('seat', 'fire-rescue').token);
    const observer = await joined(link('observer').token);
    const revealed = (socket: Socket) => new Promise<Reveal[]>((resolve) => socket.on('entries', (b: { reveals?: Reveal[] }) => b.reveals && resolve(b.reveals)));
    const toSeat = revealed(seat.socket);
    const toObserver = revealed(observer.socket);
    expect(await send(control.socket, 'command', { clientId: 'facil-start-1', baseSeq: 0, event: { type: 'start' } })).toEqual({ ok: true, seq: 1 });
    expect(await send(control.socket, 'command', { clientId: 'facil-fire-1', baseSeq: 1, event: { type: 'fire-inject', inject: 'collapse-report' } })).toEqual({ ok: true, seq: 2 });
    // The inject reached its seat (and, delivered, the observers): its words come back, never what the plan expects.
    const { expected: _expected, ...seen } = minimal.injects[0]!;
    expect(await toSeat).toEqual([{ kind: 'inject', inject: seen }]);
    expect(await toObserver).toEqual([{ kind: 'inject', inject: seen }]);
    const arrives = entryArrives(control.socket, 3);
    const answer = { type: 'answer', decision: 'send-usar', options: ['send'] };
    expect(await send(seat.socket, 'command', { clientId: 'seat-answer-1', baseSeq: 2, event: answer })).toEqual({ ok: true, seq: 3 });
    expect(await arrives).toMatchObject({ seq: 3, actor: 'fire-rescue', event: answer });
    // A resend of the same client id: the first ack again, nothing appended.
    expect(await send(seat.socket, 'command', { clientId: 'seat-answer-1', baseSeq: 2, event: answer })).toEqual({ ok: true, seq: 3, dup: true });
    // A seat back after a drop: the entries after its last seq, and everything revealed to it so far.
    const back = await joined(link('seat', 'fire-rescue').token, 2);
    expect(back.welcome.entries.map((e) => e.seq)).toEqual([3]);
    expect(back.welcome.reveals.map((r) => (r.kind === 'inject' ? `inject:${r.inject.id}` : `decision:${r.decision.id}`))).toEqual(['inject:collapse-report', 'decision:send-usar']);
    // A message the schema refuses never reaches the room.
    const bad = await send(seat.socket, 'command', { clientId: 'x', baseSeq: 0, event: answer });
    expect(bad).toMatchObject({ ok: false, code: 'bad-message' });
  });

  it('beats a heartbeat with the drill clock and speed', async () => {
    const { socket } = await joined(link('controller').token);
    const tick = await new Promise<{ t: number; speed: number }>((resolve) => socket.once('tick', resolve));
    expect(tick.speed).toBe(1);
    expect(tick.t).toBeGreaterThanOrEqual(0);
  });

  it('downloads the drill as a log file that verifies', async () => {
    const res = await api(`/api/drills/${drill}/log`, { auth: link('evaluator').token });
    expect(res.status).toBe(200);
    const parsed = parseLog(res.text);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.trust.kind).toBe('verified');
    expect(parsed.header).toMatchObject({ drill, seed: 7, scenario: MINIMAL });
    expect(parsed.log.map((e) => [e.seq, e.actor, e.event.type])).toEqual([
      [1, 'facilitator', 'start'],
      [2, 'facilitator', 'fire-inject'],
      [3, 'fire-rescue', 'answer'],
    ]);
    const seatAsks = await api(`/api/drills/${drill}/log`, { auth: link('seat', 'hq').token });
    expect(seatAsks.status).toBe(403);
  });

  it('revokes a link: its socket is told and dropped, and the token no longer joins', async () => {
    const hq = link('seat', 'hq');
    const { socket } = await joined(hq.token);
    const told = new Promise<{ reason: string }>((resolve) => socket.once('revoked', resolve));
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const res = await api(`/api/drills/${drill}/revoke`, { body: { nonce: hq.nonce }, auth: server.hostKey });
    expect(res.status).toBe(204);
    expect(await told).toEqual({ reason: refusalText('revoked', 'zh') });
    expect(await gone).toBe('io server disconnect');
    expect(await refusalOf(hq.token)).toEqual({ code: 'revoked', reason: refusalText('revoked', 'zh') });
    const listed = await api(`/api/drills/${drill}/links`, { auth: server.hostKey });
    expect((listed.json() as { links: Link[] }).links.map((l) => l.nonce)).not.toContain(hq.nonce);
  });

  it('drops a socket that sends more than MAX_MESSAGE_BYTES, appending nothing', async () => {
    const { socket } = await joined(link('seat', 'fire-rescue').token);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    socket.emit('command', { clientId: 'too-big-0001', baseSeq: 3, event: { type: 'report', to: 'hq', text: 'x'.repeat(MAX_MESSAGE_BYTES) } });
    expect(await gone).toBe('transport close');
    const res = await api(`/api/drills/${drill}/log`, { auth: server.hostKey });
    const parsed = parseLog(res.text);
    expect(parsed.ok && parsed.log.length).toBe(3);
  });
});

describe('the app', () => {
  it('is served from appDir, a page path as index.html, nothing outside it', async () => {
    const page = await fetch(`${server.url}/drill/anything`);
    expect([page.status, await page.text()]).toEqual([200, '<!doctype html><title>震演</title>']);
    expect((await fetch(`${server.url}/%2e%2e/drills/secret.key`)).status).toBe(404);
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
  });
});

describe('an offline drill uploaded', () => {
  it('becomes a server drill with the same entries, downloaded as the same record', async () => {
    const exercise = createExercise({ scenario: minimal, seed: 3 });
    exercise.apply({ t: 0, actor: 'facilitator', event: { type: 'start' } });
    exercise.apply({ t: 60_000, actor: 'facilitator', event: { type: 'fire-inject', inject: 'collapse-report' } });
    exercise.apply({ t: 90_000, actor: 'fire-rescue', event: { type: 'answer', decision: 'send-usar', options: ['scout'] } });
    // Saved paused, as a browser's drill is when exported: the room has nothing to add when it loads it.
    exercise.apply({ t: 90_000, actor: 'facilitator', event: { type: 'pause' } });
    const header = headerFor(MINIMAL, minimal, 3, { drill: 'minimal-example-0123456789ab', created: '2026-11-21T01:30:00.000Z', until: 90_000 });
    const text = writeLog(header, exercise.log);

    const made = await api('/api/drills', { body: { log: text }, auth: server.hostKey });
    expect(made.status).toBe(201);
    expect(made.json().drill).toBe('minimal-example-0123456789ab');
    const down = await api('/api/drills/minimal-example-0123456789ab/log', { auth: server.hostKey });
    const parsed = parseLog(down.text);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.trust.kind).toBe('verified');
    expect(parsed.log).toEqual(exercise.log);

    const again = await api('/api/drills?lang=en', { body: { log: text }, auth: server.hostKey });
    expect(again.status).toBe(422);
    expect(again.json().code).toBe('refused');
  });
});
