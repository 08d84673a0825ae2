// What a room hands the sockets layer: the entries committed in one turn as one batch, the bots'
// entries among them, and a room time that never runs ahead of an entry still being committed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Batch } from '../../src/server/drills.ts';
import { MIN } from '../core/test-drill.ts';
import { clientId, DRILL, FACILITATOR, roomOnDisk } from './room-helpers.ts';

let disk: ReturnType<typeof roomOnDisk>;
beforeEach(() => void (disk = roomOnDisk()));
afterEach(() => disk.close());

/** The room's next batch: it goes out once its entries are committed, in the turn after their acks. */
const nextBatch = () =>
  new Promise<Batch>((done) => {
    const off = disk.room.onBatch((b) => {
      off();
      done(b);
    });
  });

describe('what a room hands out', () => {
  it('the entries committed in one turn go out in one batch; the bots’ entries are committed and sent too', async () => {
    const batches: Batch[] = [];
    disk.room.onBatch((b) => batches.push(b));
    const send = (event: Parameters<typeof disk.room.handle<'command'>>[2]['event']) => disk.room.handle(FACILITATOR, 'command', { clientId: clientId(), baseSeq: 0, event });
    await Promise.all([send({ type: 'assign-seat', seat: 'fire-rescue', policy: 'plan' }), send({ type: 'start' })]);
    expect(batches).toEqual([]);
    await nextBatch();
    expect(batches.map((b) => [b.entries.map((e) => e.seq), b.t])).toEqual([[[1, 2], 0]]);

    // The decision opens at 2:00; the plan bot answers 20 s later, at its own time, whenever the tick comes.
    disk.time.advance(3 * MIN);
    const botBatch = nextBatch();
    disk.time.run();
    await botBatch;
    expect(disk.store.entries(DRILL, 2)).toEqual([expect.objectContaining({ seq: 3, t: 2 * MIN + 20_000, actor: 'fire-rescue', clientId: null, by: null })]);
    // The batch goes out after the tick's commit: it carries the tick's time, its entry stamped earlier.
    expect(batches.at(-1)).toEqual({ entries: [expect.objectContaining({ seq: 3, t: 2 * MIN + 20_000, actor: 'fire-rescue' })], t: 3 * MIN });
    // The seats are told the tick's time only once what it played is committed: never a time before an entry still to come.
    expect(disk.room.now()).toBe(3 * MIN);
    expect(disk.room.since(1).map((e) => e.seq)).toEqual([2, 3]);
  });
});
