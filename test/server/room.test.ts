// A drill's room on the server: a seat's command is logged under its seat and acknowledged only once
// committed; roles, resends, stale states and the rate are answered before the core sees anything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DrillEvent } from '../../src/core/index.ts';
import type { Ack } from '../../src/protocol/messages.ts';
import type { Sender } from '../../src/server/drills.ts';
import { MIN } from '../core/test-drill.ts';
import { clientId, DRILL, FACILITATOR, FIRE_RESCUE, roomOnDisk, sender } from './room-helpers.ts';

let disk: ReturnType<typeof roomOnDisk>;
beforeEach(() => void (disk = roomOnDisk()));
afterEach(() => disk.close());

const command = (who: Sender, event: DrillEvent, baseSeq = disk.room.exercise.world.seq, id = clientId()): Promise<Ack> =>
  disk.room.handle(who, 'command', { clientId: id, baseSeq, event: event as never });
const rows = () => disk.store.entries(DRILL).map((r) => [r.seq, r.actor, r.event.type, r.by]);
const ANSWER: DrillEvent = { type: 'answer', decision: 'send-usar', options: ['send'] };

describe('a command in a room', () => {
  it('a seat’s answer is logged under the seat and acknowledged with its seq once it is committed', async () => {
    expect(await command(FACILITATOR, { type: 'start' })).toEqual({ ok: true, seq: 1 });
    disk.time.advance(2 * MIN + 5_000); // the decision opened at 2:00
    const id = clientId();
    const ack = await command(FIRE_RESCUE, ANSWER, 1, id);
    expect(ack).toEqual({ ok: true, seq: 2 });
    // Read when the ack arrived: the row is on disk, under the seat, with the sender's clientId and token.
    expect(disk.store.entries(DRILL, 1)).toEqual([expect.objectContaining({ seq: 2, t: 2 * MIN + 5_000, actor: 'fire-rescue', clientId: id, by: 'seat:fire-rescue', event: ANSWER })]);
  });

  it('a controller cannot pause: refused for its role, nothing logged', async () => {
    await command(FACILITATOR, { type: 'start' });
    const ack = await command(sender('controller', 'controller'), { type: 'pause' });
    expect(ack).toMatchObject({ ok: false, code: 'role' });
    expect(ack).not.toHaveProperty('seq');
    expect(rows()).toEqual([[1, 'facilitator', 'start', 'facilitator:facilitator']]);
    expect(disk.room.exercise.world.mode).toBe('running');
  });

  it('a resent clientId gets the first ack again, whether the first is still committing or done; one row', async () => {
    const id = clientId();
    const first = command(FACILITATOR, { type: 'start' }, 0, id);
    const whileCommitting = command(FACILITATOR, { type: 'start' }, 0, id);
    expect(await first).toEqual({ ok: true, seq: 1 });
    expect(await whileCommitting).toEqual({ ok: true, seq: 1, dup: true });
    expect(await command(FACILITATOR, { type: 'start' }, 0, id)).toEqual({ ok: true, seq: 1, dup: true });
    expect(rows()).toEqual([[1, 'facilitator', 'start', 'facilitator:facilitator']]);
  });

  it('an answer sent against an older state to a decision that has expired since: stale, with the missing entries, not logged', async () => {
    await command(FACILITATOR, { type: 'start' }); // the seat has seq 1 …
    disk.time.advance(8 * MIN); // … the decision opened at 2:00 and expired at 7:00 …
    await command(FACILITATOR, { type: 'pause' });
    await command(FACILITATOR, { type: 'resume' }); // … and the room moved on to seq 3
    const ack = await command(FIRE_RESCUE, ANSWER, 1);
    expect(ack).toMatchObject({ ok: false, code: 'stale' });
    expect(ack.ok ? [] : ack.resync?.entries.map((e) => [e.seq, e.event.type])).toEqual([
      [2, 'pause'],
      [3, 'resume'],
    ]);
    expect(disk.room.exercise.log).toHaveLength(3);
    // Sent from the latest state, the same answer is the core's to refuse: logged, with its seq.
    expect(await command(FIRE_RESCUE, ANSWER, 3)).toMatchObject({ ok: false, code: 'refused', seq: 4 });
    expect(rows().map((r) => r[0])).toEqual([1, 2, 3, 4]);
  });

  it('the rate: ten quick commands pass, the eleventh is refused; half a second later one more passes', async () => {
    const visibility: DrillEvent = { type: 'set-visibility', scores: true, answers: false };
    const acks = [];
    for (let i = 0; i < 11; i++) acks.push(await command(FACILITATOR, visibility));
    expect(acks.slice(0, 10).map((a) => a.ok && a.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(acks[10]).toMatchObject({ ok: false, code: 'rate' });
    expect(rows()).toHaveLength(10);
    // Another token of the same role has its own bucket.
    expect(await command(sender('facilitator', 'facilitator', 'another-link'), visibility)).toEqual({ ok: true, seq: 11 });
    disk.time.advance(500); // RATE.perSecond = 2
    expect(await command(FACILITATOR, visibility)).toEqual({ ok: true, seq: 12 });
  });
});

describe('the room’s speed', () => {
  it('only a role that controls the drill may fast-forward; the room clock then runs that many times faster', async () => {
    expect(await disk.room.handle(sender('controller', 'controller'), 'speed', { speed: 10 })).toMatchObject({ ok: false, code: 'role' });
    expect(await disk.room.handle(FACILITATOR, 'speed', { speed: 10 })).toEqual({ ok: true, seq: 0 });
    disk.time.advance(6_000);
    disk.time.run(); // the room's tick
    expect([disk.room.speed, disk.room.now()]).toEqual([10, MIN]);
  });
});
