// Two server processes sharing the drills through a real redis-server and one SQLite file: a seat on
// the process that does not own the drill is served by the owner, and every process's sockets get the
// owner's entries in the owner's order.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalText } from '../../src/protocol/refusals.ts';
import type { Link } from '../../src/server/links.ts';
import { leaseKey } from '../../src/server/lease.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { api, join, report, send, sockets, until, type Seat } from './cluster-seats.ts';
import { startRedis, type TestRedis } from './redis.ts';

let redis: TestRedis;
let dir: string;
let owner: RunningServer;
let ownerClosed = false;
let other: RunningServer;
let drill: string;
let links: Link[];
const token = (role: string, seat = role) => links.find((l) => l.role === role && l.seat === seat)!.token;

beforeAll(async () => {
  redis = await startRedis();
  dir = mkdtempSync(joinPath(tmpdir(), 'qd-cluster-'));
  const appDir = joinPath(dir, 'app');
  mkdirSync(appDir);
  writeFileSync(joinPath(appDir, 'index.html'), '<!doctype html><title>震演</title>');
  const options = { port: 0, data: joinPath(dir, 'drills'), appDir, redisUrl: redis.url };
  owner = await startServer(options);
  other = await startServer(options);
  ({ drill, links } = (await api(owner.url, '/api/drills', { body: { scenario: 'minimal.yaml', seed: 7 }, auth: owner.hostKey })) as { drill: string; links: Link[] });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await other?.close();
  if (!ownerClosed) await owner?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('two server processes, one drill', () => {
  let facilitator: Seat;
  let fireRescue: Seat;

  it('acks a seat on the non-owner with the owner seq; the facilitator on the owner sees the entry', async () => {
    // The first process a seat reaches for the drill claims it.
    facilitator = await join(owner.url, token('facilitator'));
    const admin = new Redis(redis.url);
    const holder = await admin.get(leaseKey(drill));
    admin.disconnect();
    expect(holder).not.toBe(null);

    fireRescue = await join(other.url, token('seat', 'fire-rescue'));
    expect(fireRescue.welcome).toMatchObject({ drill, role: 'seat', seat: 'fire-rescue', entries: [] });
    expect(await send(facilitator, 'command', { clientId: 'facilitator-start', baseSeq: 0, event: { type: 'start' } })).toEqual({ ok: true, seq: 1 });
    expect(await send(fireRescue, 'command', report('fire-rescue-0001', 1))).toEqual({ ok: true, seq: 2 });
    await until(() => facilitator.entries.some((e) => e.seq === 2));
    expect(facilitator.entries.find((e) => e.seq === 2)).toMatchObject({ actor: 'fire-rescue', event: { type: 'report', to: 'hq', text: 'fire-rescue-0001' } });
    // A resend through the non-owner: the first ack again, nothing appended.
    expect(await send(fireRescue, 'command', report('fire-rescue-0001', 1))).toEqual({ ok: true, seq: 2, dup: true });
    // A role the owner refuses is refused for a seat wherever it is connected.
    expect(await send(fireRescue, 'speed', { speed: 5 })).toMatchObject({ ok: false, code: 'role' });
  });

  it('gives the clients of both processes the same entries in the same order', async () => {
    const evaluatorThere = await join(other.url, token('evaluator'));
    const rescueGroup = await join(owner.url, token('seat', 'rescue-group'));
    const hqThere = await join(other.url, token('seat', 'hq'));
    // Welcomed on the non-owner with what the owner committed so far (the shared store).
    expect(evaluatorThere.welcome.entries.map((e) => e.seq)).toEqual([1, 2]);

    // Eight commands from each of three seats (under the rate's burst), two processes, all at once.
    const sends = [fireRescue, rescueGroup, hqThere].flatMap((seat, s) =>
      Array.from({ length: 8 }, (_, i) => {
        const clientId = `burst-${s}-${String(i).padStart(4, '0')}`;
        return s === 2
          ? send(seat, 'command', { clientId, baseSeq: 2, event: { type: 'order', to: 'rescue-group', text: clientId } })
          : send(seat, 'command', report(clientId, 2));
      }),
    );
    const acks = await Promise.all(sends);
    expect(acks.every((a) => a.ok)).toBe(true);
    const seqs = acks.map((a) => (a.ok ? a.seq : -1)).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 24 }, (_, i) => i + 3));

    await until(() => facilitator.entries.at(-1)?.seq === 26 && evaluatorThere.entries.at(-1)?.seq === 26);
    const seen = (seat: Seat) => seat.entries.map((e) => [e.seq, e.actor, (e.event as { text?: string }).text]);
    expect(facilitator.entries.map((e) => e.seq)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(seen(evaluatorThere)).toEqual(seen(facilitator));
  });

  it('revokes a link through one process: its socket on the other is told and dropped', async () => {
    const link = links.find((l) => l.role === 'observer')!;
    const observerThere = await join(other.url, link.token);
    const told = new Promise<{ reason: string }>((resolve) => observerThere.socket.once('revoked', resolve));
    const gone = new Promise<string>((resolve) => observerThere.socket.once('disconnect', resolve));
    await api(owner.url, `/api/drills/${drill}/revoke`, { body: { nonce: link.nonce }, auth: owner.hostKey }).catch(() => undefined);
    expect((await told).reason).toBe(refusalText('revoked', 'en'));
    expect(await gone).toBe('io server disconnect');
  });

  it('serves a resync on the non-owner from the shared store', async () => {
    const resync = (await send(fireRescue, 'resync', { lastSeq: 20 })) as unknown as { entries: { seq: number }[] };
    expect(resync.entries.map((e) => e.seq)).toEqual([21, 22, 23, 24, 25, 26]);
  });

  it('hands the drill over at once when its owner shuts down: the lease is released, not waited out', async () => {
    ownerClosed = true;
    await owner.close();
    const before = fireRescue.lastSeq();
    expect(before).toBe(26);
    // The next message through the survivor finds no owner, claims the drill and reloads it from the store.
    expect(await send(fireRescue, 'command', report('fire-rescue-after-close', before))).toEqual({ ok: true, seq: 28 });
    await until(() => fireRescue.entries.at(-1)?.seq === 28);
    // 27: the pause the new owner logged on reloading a running drill.
    expect(fireRescue.entries.slice(-2).map((e) => [e.seq, e.actor, e.event.type])).toEqual([
      [27, 'facilitator', 'pause'],
      [28, 'fire-rescue', 'report'],
    ]);
  });
});
