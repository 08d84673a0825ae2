// The owner of a drill dies (SIGKILL) while seats on both processes are sending: the survivor claims
// the drill once the lease lapses, reloads it from the shared SQLite file, paused, with every
// acknowledged command in it once, and the seats that were on the dead process rejoin the survivor
// and play on.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createExercise } from '../../src/core/index.ts';
import { scenarioOf, openStore } from '../../src/server/storage.ts';
import type { Link } from '../../src/server/links.ts';
import { STORE_FILE, startServer, type RunningServer } from '../../src/server/server.ts';
import { api, join, report, send, sockets, until, type Seat } from './cluster-seats.ts';
import { startRedis, type TestRedis } from './redis.ts';

let redis: TestRedis;
let dir: string;
let data: string;
let doomed: ChildProcess;
let survivor: RunningServer;

beforeAll(async () => {
  redis = await startRedis();
  dir = mkdtempSync(joinPath(tmpdir(), 'qd-failover-'));
  data = joinPath(dir, 'drills');
  const appDir = joinPath(dir, 'app');
  mkdirSync(appDir);
  writeFileSync(joinPath(appDir, 'index.html'), '<!doctype html><title>震演</title>');
  doomed = spawn(process.execPath, ['--import', 'tsx', 'test/server/cluster-serve.ts', data, redis.url, appDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  survivor = await startServer({ port: 0, data, appDir, redisUrl: redis.url });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  if (doomed.exitCode === null && doomed.signalCode === null) doomed.kill('SIGKILL');
  await survivor?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends reports until told to stop or the socket drops; the acks it got, and the one left unanswered. */
function keepReporting(seat: Seat, name: string) {
  const acked = new Map<string, number>();
  let unanswered: string | undefined;
  let stop = false;
  let ended = false;
  const done = (async () => {
    for (let i = 0; !stop && seat.socket.connected; i++) {
      const clientId = `${name}-${String(i).padStart(5, '0')}`;
      unanswered = clientId;
      try {
        const ack = await send(seat, 'command', report(clientId, seat.lastSeq()), 3_000);
        if (ack.ok) {
          acked.set(clientId, ack.seq);
          unanswered = undefined;
        } else if (ack.code !== 'rate') throw new Error(`${clientId}: ${ack.code} ${ack.reason}`);
        else i--; // refused by the rate, not logged: the same id again
      } catch {
        // No ack (the process died with it) or 'unavailable' (no owner yet): resent after the takeover.
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })().finally(() => (ended = true));
  return {
    acked,
    unanswered: () => unanswered,
    ended: () => ended,
    stop: async () => {
      stop = true;
      await done;
    },
  };
}

it('survives the death of the owner: claimed after the lease, paused, no acknowledged command lost or doubled', async () => {
  const started = await new Promise<{ url: string; hostKey: string }>((resolve) => createInterface({ input: doomed.stdout! }).once('line', (line) => resolve(JSON.parse(line) as { url: string; hostKey: string })));
  const { drill, links } = (await api(started.url, '/api/drills', { body: { scenario: 'minimal.yaml', seed: 11 }, auth: started.hostKey })) as { drill: string; links: Link[] };
  const token = (role: string, seat = role) => links.find((l) => l.role === role && l.seat === seat)!.token;

  // The child claims the drill with the first seat; then seats on both processes.
  const facilitator = await join(started.url, token('facilitator'));
  const onDoomed = await join(started.url, token('seat', 'fire-rescue'));
  const onSurvivor = await join(survivor.url, token('seat', 'rescue-group'));
  const watcher = await join(survivor.url, token('evaluator'));
  expect(await send(facilitator, 'command', { clientId: 'facilitator-start', baseSeq: 0, event: { type: 'start' } })).toEqual({ ok: true, seq: 1 });

  const doomedSender = keepReporting(onDoomed, 'fire-rescue');
  const survivorSender = keepReporting(onSurvivor, 'rescue-group');
  const enough = (s: typeof doomedSender) => s.acked.size >= 8;
  await until(() => (enough(doomedSender) && enough(survivorSender)) || doomedSender.ended() || survivorSender.ended());
  expect([enough(doomedSender), enough(survivorSender)]).toEqual([true, true]);
  doomed.kill('SIGKILL');
  await Promise.all([doomedSender.stop(), survivorSender.stop()]);

  // The seats of the dead process rejoin the survivor with their last seq: let in once the lease has
  // lapsed and the survivor has reloaded the drill.
  const rejoined = await join(survivor.url, token('seat', 'fire-rescue'), onDoomed.lastSeq());
  expect(rejoined.welcome).toMatchObject({ drill, role: 'seat', seat: 'fire-rescue', actor: 'fire-rescue' });
  expect(rejoined.welcome.entries.every((e) => e.seq > onDoomed.lastSeq())).toBe(true);
  const control = await join(survivor.url, token('facilitator'), 0);
  // A command left unanswered by the death is sent again with its client id: stored once either way.
  for (const [seat, sender] of [
    [rejoined, doomedSender],
    [onSurvivor, survivorSender],
  ] as const) {
    const clientId = sender.unanswered();
    if (clientId === undefined) continue;
    const ack = await send(seat, 'command', report(clientId, seat.lastSeq()));
    if (!ack.ok) throw new Error(`${clientId} resent: ${ack.code} ${ack.reason}`);
    sender.acked.set(clientId, ack.seq);
  }

  const store = openStore(joinPath(data, STORE_FILE));
  const stored = store.entries(drill);
  const acked = new Map([...doomedSender.acked, ...survivorSender.acked]);
  const lost = [...acked].filter(([clientId, seq]) => store.byClientId(drill, clientId)?.seq !== seq).length;
  const ids = stored.map((row) => row.clientId).filter((id) => id !== null);
  const texts = stored.filter((row) => row.event.type === 'report').map((row) => (row.event as { text: string }).text);
  const doubled = ids.length - new Set(ids).size + (texts.length - new Set(texts).size);
  console.log(`cluster owner SIGKILL: ${acked.size} acknowledged commands, lost ${lost}, doubled ${doubled}`);
  expect({ lost, doubled }).toEqual({ lost: 0, doubled: 0 });

  // Resumed paused: the survivor logged the pause; the drill folds to paused from the record.
  const exercise = createExercise({ scenario: scenarioOf(store.drill(drill)!), seed: 11 });
  const beforePause = stored.findLastIndex((row) => row.event.type === 'pause');
  for (const row of stored.slice(0, beforePause + 1)) exercise.apply({ seq: row.seq, t: row.t, actor: row.actor, event: row.event });
  expect(exercise.world.mode).toBe('paused');
  expect(stored[beforePause]).toMatchObject({ actor: 'facilitator', clientId: null });
  store.close();

  // The seats play on with the survivor: the facilitator resumes, a rejoined seat's report is acked in order.
  const last = stored.at(-1)!.seq;
  expect(await send(control, 'command', { clientId: 'facilitator-resume', baseSeq: last, event: { type: 'resume' } })).toEqual({ ok: true, seq: last + 1 });
  expect(await send(rejoined, 'command', report('fire-rescue-after', last + 1))).toEqual({ ok: true, seq: last + 2 });
  await until(() => watcher.entries.at(-1)?.seq === last + 2 && onSurvivor.entries.at(-1)?.seq === last + 2);
  // The evaluator stayed on the survivor all along: in order, none twice. A batch the owner committed
  // but died before broadcasting is a gap, which a resync from the store fills.
  const heard = watcher.entries.map((e) => e.seq);
  expect(heard).toEqual([...new Set(heard)].sort((x, y) => x - y));
  const resync = (await send(watcher, 'resync', { lastSeq: 0 })) as unknown as { entries: { seq: number }[] };
  expect(resync.entries.map((e) => e.seq)).toEqual(Array.from({ length: last + 2 }, (_, i) => i + 1));
  console.log(`cluster owner SIGKILL: the survivor's evaluator heard ${heard.length} of ${last + 2} entries live, a resync gave all`);
});
