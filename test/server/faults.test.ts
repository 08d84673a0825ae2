// Faults a room's network and server meet, over real sockets: a command sent twice (one after the
// other, at once, from two sockets of one seat), commands arriving out of order or against a state
// that has moved on, fifty clients whose connections keep dropping while they send, and the server
// killed with SIGKILL mid-drill and started again on the same data folder. Each report carries its
// client id in its text, so the downloaded log says how often each acknowledged command is there:
// exactly once, none lost, none doubled.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DrillEvent, LogEntry } from '../../src/core/index.ts';
import type { Link } from '../../src/server/links.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { clientIdFor, createDrill, downloadLog, join, newLink, sleep, type Host, type SeatClient } from './seat-client.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/**
 * The many-client tests play the minimal scenario (a city HQ 'hq', its rescue group and the fire
 * brigade in it): a welcome carries the scenario, and Haicheng's would make a storm of reconnects a
 * test of bandwidth. Both seats report to the HQ whatever the drill's state.
 */
const MINIMAL = 'minimal.yaml';
const report = (text: string, to = 'anshan-hq'): DrillEvent => ({ type: 'report', to, text });

let data: string;
let server: RunningServer;
const clients: SeatClient[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  data = mkdtempSync(joinPath(tmpdir(), 'qd-faults-'));
  server = await startServer({ port: 0, data: joinPath(data, 'in-process'), appDir: joinPath(data, 'no-app') });
});

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

afterAll(async () => {
  await server?.close();
  rmSync(data, { recursive: true, force: true });
});

async function joined(host: Host, token: string, options: { reconnection?: boolean } = {}): Promise<SeatClient> {
  const c = await join(host.url, token, options);
  clients.push(c);
  return c;
}

/** A drill under way: created, its facilitator connected and the drill started (entry 1). */
async function running(host: Host, scenario?: string) {
  const { drill, links } = await createDrill(host, scenario);
  const link = (seat: string) => links.find((l) => l.role === 'seat' && l.seat === seat)!.token;
  const facilitator = await joined(host, links.find((l) => l.role === 'facilitator')!.token);
  expect(await facilitator.command({ type: 'start' }, { baseSeq: 0 })).toMatchObject({ ok: true, seq: 1 });
  return { drill, links, link, facilitator };
}

/** How often each text is in the log's reports. */
function reportsIn(log: readonly LogEntry[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const e of log) if (e.event.type === 'report') n.set(e.event.text, (n.get(e.event.text) ?? 0) + 1);
  return n;
}

/** Acknowledged commands (their texts) missing from the log, and texts there more than once. */
function lostAndDoubled(acked: readonly string[], log: readonly LogEntry[]) {
  const n = reportsIn(log);
  return { lost: acked.filter((t) => !n.has(t)), doubled: [...n].filter(([, k]) => k > 1).map(([t]) => t) };
}

describe('duplicate sends', () => {
  it('keeps one entry for a command sent again, one after the other or at once, from one socket or two of the seat', async () => {
    const { drill, link } = await running(server);
    const a = await joined(server, link('military'));
    const b = await joined(server, (await newLink(server, drill, 'seat', 'military')).token);
    const once = { clientId: clientIdFor('dup-sequential'), baseSeq: 1, event: report('DUP-SEQUENTIAL 民兵已集结') };
    expect(await a.raw('command', once)).toEqual({ ok: true, seq: 2 });
    expect(await a.raw('command', once)).toEqual({ ok: true, seq: 2, dup: true });
    expect(await b.raw('command', once)).toEqual({ ok: true, seq: 2, dup: true });
    // The same id with other words is the same command: the first ack again, nothing appended.
    expect(await a.raw('command', { ...once, event: report('DUP-OTHER-WORDS') })).toEqual({ ok: true, seq: 2, dup: true });

    const atOnce = { clientId: clientIdFor('dup-at-once'), baseSeq: 2, event: report('DUP-AT-ONCE 民兵已出发') };
    const acks = await Promise.all([...Array.from({ length: 5 }, () => a.raw('command', atOnce)), ...Array.from({ length: 5 }, () => b.raw('command', atOnce))]);
    expect(new Set(acks.map((x) => x.ok && x.seq))).toEqual(new Set([3]));
    expect(acks.filter((x) => x.ok && !x.dup)).toHaveLength(1);

    // A command the core refuses is logged once too, and a resend gets that same refusal back.
    const refused = { clientId: clientIdFor('dup-refused'), baseSeq: 3, event: { type: 'order', to: 'g-coord', text: '成员单位不能下令' } };
    const first = await a.raw('command', refused);
    expect(first).toMatchObject({ ok: false, code: 'refused', seq: 4 });
    expect(await b.raw('command', refused)).toEqual(first);

    const log = await downloadLog(server, drill);
    expect(log.map((e) => `${e.seq} ${e.actor} ${e.event.type}`)).toEqual(['1 facilitator start', '2 military report', '3 military report', '4 military order']);
    console.log(`duplicates: 1 + 3 resends and 10 sends at once from 2 sockets → ${log.length - 1} entries`);
  });
});

describe('out-of-order delivery', () => {
  it('takes a command decided on an older state if it still stands, refuses it with a resync if not, and keeps each socket of a seat in its own order', async () => {
    const { drill, link, facilitator } = await running(server);
    expect(await facilitator.command({ type: 'fire-inject', inject: 'i03-first-damage' }, { baseSeq: 1 })).toEqual({ ok: true, seq: 2 });
    const a = await joined(server, link('county-haicheng'));
    const b = await joined(server, (await newLink(server, drill, 'seat', 'county-haicheng')).token);
    expect([a.lastSeq, b.lastSeq]).toEqual([2, 2]);

    // Two sockets of one seat, interleaved, no waiting: every command once, each socket's in the order it sent them.
    const sent = ['A1', 'B1', 'A2', 'B2', 'A3', 'B3'].map((name) => ({ name, ack: (name.startsWith('A') ? a : b).command(report(`INTERLEAVED-${name}`), { baseSeq: 2 }) }));
    const seqOf = new Map<string, number>();
    for (const { name, ack } of sent) {
      const got = await ack;
      expect(got.ok, name).toBe(true);
      if (got.ok) seqOf.set(name, got.seq);
    }
    expect(new Set(seqOf.values()).size).toBe(6);
    expect(seqOf.get('A1')! < seqOf.get('A2')! && seqOf.get('A2')! < seqOf.get('A3')!).toBe(true);
    expect(seqOf.get('B1')! < seqOf.get('B2')! && seqOf.get('B2')! < seqOf.get('B3')!).toBe(true);

    // Decided on entry 2, arriving after entries up to 8: a report stands whatever happened since.
    const late = await a.command(report('LATE-BASE 基于旧态势的续报'), { baseSeq: 2 });
    expect(late).toEqual({ ok: true, seq: 9 });

    // A answers d04 first; B's answer, decided on the same entry, arrives after: stale, with what it missed.
    await b.folds(9);
    const answered = await a.command({ type: 'answer', decision: 'd04-county-first', options: ['county-response'] }, { baseSeq: 9 });
    expect(answered).toEqual({ ok: true, seq: 10 });
    const stale = await b.command({ type: 'answer', decision: 'd04-county-first', options: ['wait-city'] }, { baseSeq: 9 });
    expect(stale).toMatchObject({ ok: false, code: 'stale' });
    expect(!stale.ok && stale.resync?.entries.map((e) => `${e.seq} ${e.event.type}`)).toEqual(['10 answer']);

    const log = await downloadLog(server, drill);
    expect(log).toHaveLength(10);
    expect(log.filter((e) => e.event.type === 'answer')).toEqual([expect.objectContaining({ seq: 10, actor: 'county-haicheng', event: expect.objectContaining({ options: ['county-response'] }) })]);
    expect(lostAndDoubled([...seqOf.keys()].map((n) => `INTERLEAVED-${n}`), log)).toEqual({ lost: [], doubled: [] });
  });
});

/** Where a client's connection drops around its j-th command: just before sending it, just after, or not. */
type Drop = 'before' | 'after' | false;

/** One seat's run: `count` reports, one at a time, each kept until acked, the connection cut where `drop` says. */
async function sendReports(c: SeatClient, label: string, count: number, drop: (j: number) => Drop, acked: string[]): Promise<void> {
  for (let j = 0; j < count; j++) {
    const clientId = clientIdFor(label);
    const text = `${label} ${clientId}`;
    // Before: the command waits for the reconnection. After: the transport dies with the command on its way, its ack lost.
    if (drop(j) === 'before') c.socket.io.engine.close();
    const ack = c.command(report(text, 'hq'), { clientId });
    if (drop(j) === 'after') c.socket.io.engine.close();
    const got = await ack;
    if (!got.ok) throw new Error(`${text}: ${got.code} ${got.reason}`);
    acked.push(text);
  }
}

describe('a reconnect storm', () => {
  it('50 clients dropping their connections while they send: every acknowledged command once, every client caught up in order', async () => {
    const { drill } = await running(server, MINIMAL);
    // Each its own link (its own rate bucket), half the fire brigade's, half the rescue group's.
    const tokens = await Promise.all(Array.from({ length: 50 }, async (_, i) => (await newLink(server, drill, 'seat', i % 2 ? 'rescue-group' : 'fire-rescue')).token));
    const storm = await Promise.all(tokens.map((t) => joined(server, t, { reconnection: true })));
    const acked: string[] = [];
    const PER_CLIENT = 8;
    // Client i drops around its j-th command as (i + j) mod 4 says: half the sends, every client several times.
    const pattern: Drop[] = ['after', false, 'before', false];
    await Promise.all(storm.map((c, i) => sendReports(c, `STORM-${i}`, PER_CLIENT, (j) => pattern[(i + j) % 4]!, acked)));

    const log = await downloadLog(server, drill);
    const { lost, doubled } = lostAndDoubled(acked, log);
    const reconnects = storm.reduce((n, c) => n + c.welcomes.length - 1, 0);
    const dups = storm.reduce((n, c) => n + c.dups, 0);
    console.log(`storm: ${storm.length} clients, ${acked.length} commands acknowledged, ${reconnects} reconnects, ${dups} resends answered as duplicates; lost ${lost.length}, doubled ${doubled.length}`);
    expect({ lost, doubled }).toEqual({ lost: [], doubled: [] });
    expect(acked).toHaveLength(50 * PER_CLIENT);
    // The start and the reports: nothing else was made of the resends.
    expect(log).toHaveLength(1 + 50 * PER_CLIENT);
    expect(reconnects).toBeGreaterThanOrEqual(50);
    // Each client resynced from its lastSeq at every reconnect: seq 1 to the end, no gap, nothing twice.
    for (const c of storm) await c.folds(log.length);
    for (const c of storm) {
      expect(c.gaps).toBe(0);
      expect(c.folded).toEqual(log.map((e) => e.seq));
    }
  });
});

interface Child {
  process: ChildProcess;
  host: Host;
}

/** The server in a process of its own; resolves once it listens. */
function serveInChild(dataDir: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/server/serve-child.ts', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`the server exited before listening (${code ?? signal})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ process: child, host: JSON.parse(line) as Host }));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | null>((resolve) => {
    child.once('exit', (_code, signal) => resolve(signal));
    child.kill('SIGKILL');
  });

describe('kill -9 and restart', () => {
  let restarted: RunningServer | undefined;
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await restarted?.close();
  });

  it('loses and doubles no acknowledged command, resumes paused, and its clients rejoin their seats and catch up by themselves', async () => {
    const dir = joinPath(data, 'child');
    const first = await serveInChild(dir);
    const { drill, links } = await running(first.host, MINIMAL);
    const units: Link[] = await Promise.all(Array.from({ length: 12 }, (_, i) => newLink(first.host, drill, 'seat', i % 2 ? 'rescue-group' : 'fire-rescue')));
    const seats = await Promise.all(units.map((l) => joined(first.host, l.token, { reconnection: true })));
    const evaluator = await joined(first.host, links.find((l) => l.role === 'evaluator')!.token, { reconnection: true });
    // Stored and acknowledged before the kill; sent again after the restart, as a client that missed the ack would.
    const storedText = 'KILL-STORED 重启前已确认的报告';
    const storedCommand = { clientId: clientIdFor('kill-stored'), baseSeq: 1, event: report(storedText, 'hq') };
    const commandAck = await seats[0]!.raw('command', storedCommand);
    expect(commandAck).toEqual({ ok: true, seq: 2 });
    const storedNote = { clientId: clientIdFor('kill-note'), event: { type: 'note', id: 'before-kill', seq: 2, t: 0, kind: 'strength', text: '重启前写下的评估记录' } };
    const noteAck = await evaluator.raw('review', storedNote);
    expect(noteAck).toMatchObject({ ok: true });
    const acked: string[] = [storedText];
    const PER_CLIENT = 10;
    const sending = Promise.all(seats.map((c, i) => sendReports(c, `KILL-${i}`, PER_CLIENT, () => false, acked)));

    // Mid-drill: a third of the commands acknowledged, the others on their way or not sent yet.
    while (acked.length < (seats.length * PER_CLIENT) / 3) await sleep(5);
    const ackedBeforeKill = acked.length;
    const seenBeforeKill = seats.map((c) => c.lastSeq);
    const unackedAtKill = seats.reduce((n, c) => n + c.pending, 0);
    expect(await killed(first.process)).toBe('SIGKILL');
    // Started again on the same port and folder (here, in the test's process: the kill needed the other one).
    restarted = await startServer({ port: Number(new URL(first.host.url).port), data: dir, appDir: joinPath(dir, 'no-app') });
    const host: Host = restarted;
    expect(host).toMatchObject(first.host);
    await sending;
    while (evaluator.welcomes.length < 2) await sleep(10);
    expect.soft(await seats[0]!.raw('command', storedCommand), 'a command stored before the kill, sent again').toEqual({ ...commandAck, dup: true });
    expect.soft(await evaluator.raw('review', storedNote), 'an evaluator note stored before the kill, sent again').toEqual({ ...noteAck, dup: true });

    const log = await downloadLog(host, drill);
    const { lost, doubled } = lostAndDoubled(acked, log);
    const dups = seats.reduce((n, c) => n + c.dups, 0);
    console.log(
      `kill -9: ${ackedBeforeKill} acknowledged before the kill, ${unackedAtKill} sent and unacknowledged, resent after the restart (${dups} of them already stored), ` +
        `${acked.length} acknowledged in all; lost ${lost.length}, doubled ${doubled.length}`,
    );
    expect({ lost, doubled }).toEqual({ lost: [], doubled: [] });
    expect(acked).toHaveLength(1 + seats.length * PER_CLIENT);

    // Resumed paused: the restart's own pause, after everything the first process committed, and no resume since.
    const pauses = log.filter((e) => e.event.type === 'pause' || e.event.type === 'resume');
    expect(pauses.map((e) => `${e.actor} ${e.event.type}`)).toEqual(['facilitator pause']);
    const pause = pauses[0]!.seq;
    expect(log.filter((e) => e.seq < pause && e.event.type === 'report').length).toBeGreaterThanOrEqual(ackedBeforeKill);

    // Each client came back by itself with its own token to its own seat, and resynced from its lastSeq.
    for (const [i, c] of seats.entries()) {
      await c.folds(log.length);
      expect(c.welcomes.length, units[i]!.seat).toBeGreaterThanOrEqual(2);
      expect(new Set(c.welcomes.map((w) => `${w.role}:${w.seat}`))).toEqual(new Set([`seat:${units[i]!.seat}`]));
      const back = c.welcomes[1]!;
      expect(back.entries[0]?.seq ?? seenBeforeKill[i]! + 1).toBeGreaterThan(seenBeforeKill[i]!);
      expect(c.gaps).toBe(0);
      expect(c.folded).toEqual(log.map((e) => e.seq));
      // What it saw before the kill is what the restarted server has: nothing was shown that was not committed.
      for (const seq of c.folded.filter((s) => s <= seenBeforeKill[i]!)) expect(c.entries.get(seq)!.event.type).toBe(log[seq - 1]!.event.type);
    }
  });
});
