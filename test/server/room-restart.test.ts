// A server that stops mid-drill: the room opened again from the same file has every committed entry,
// is where the clock was last saved, and is paused — and that pause is in the record too, so a second
// restart finds the same world.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN } from '../core/test-drill.ts';
import { clientId, DRILL, FACILITATOR, roomOnDisk } from './room-helpers.ts';

let disk: ReturnType<typeof roomOnDisk>;
beforeEach(() => void (disk = roomOnDisk()));
afterEach(() => disk.close());


describe('a room opened again from its file', () => {
  it('comes back paused where the clock was, the pause stored; a second restart gives the same world', async () => {
    await disk.room.handle(FACILITATOR, 'command', { clientId: clientId(), baseSeq: 0, event: { type: 'start' } });
    disk.time.advance(MIN);
    disk.time.run(); // the room's tick: the world moves to 1:00
    const before = disk.room.exercise.world.clock;
    expect(before).toBe(MIN);

    const again = await disk.reopen();
    // The pause the reopening logged goes out once committed.
    await new Promise((done) => again.onBatch(done));
    expect(again.exercise.statePath()).toBe('paused');
    expect(again.exercise.world.clock).toBe(MIN);
    expect(disk.store.entries(DRILL).map((r) => [r.seq, r.t, r.actor, r.event.type, r.clientId])).toEqual([
      [1, 0, 'facilitator', 'start', expect.any(String)],
      [2, MIN, 'facilitator', 'pause', null],
    ]);
    const hash = again.exercise.hash();

    const third = await disk.reopen();
    expect(third.exercise.hash()).toBe(hash);
    expect(third.exercise.log).toHaveLength(2);
  });
});
