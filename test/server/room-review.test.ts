// The review stream through a room: each line stored under the role's reviewer (the evaluators, the
// facilitator, a seat for its own self-assessment), handed to the listeners once, a resend stored once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewLine } from '../../src/protocol/messages.ts';
import type { ReviewEvent } from '../../src/review/record.ts';
import { clientId, DRILL, FIRE_RESCUE, roomOnDisk, sender } from './room-helpers.ts';

let disk: ReturnType<typeof roomOnDisk>;
beforeEach(() => void (disk = roomOnDisk()));
afterEach(() => disk.close());

const NOTE: ReviewEvent = { type: 'note', id: 'n1', seq: 0, t: 0, kind: 'strength', text: '指挥部响应迅速' };
const EVALUATOR = sender('evaluator', 'evaluator');

describe('review lines in a room', () => {
  it('an evaluator’s note is stored as the evaluators’, sent once; its resend is acked again and stored once', async () => {
    const heard: ReviewLine[][] = [];
    disk.room.onReview((lines) => heard.push(lines));
    const id = clientId();
    expect(await disk.room.handle(EVALUATOR, 'review', { clientId: id, event: NOTE })).toEqual({ ok: true, seq: 1 });
    expect(await disk.room.handle(EVALUATOR, 'review', { clientId: id, event: NOTE })).toEqual({ ok: true, seq: 1, dup: true });
    expect(disk.store.review(DRILL)).toEqual([{ n: 1, actor: '@evaluator', event: NOTE }]);
    expect(heard).toEqual([[{ n: 1, actor: '@evaluator', event: NOTE }]]);
    expect(disk.room.review()).toEqual(disk.store.review(DRILL));
  });

  it('a seat may write its self-assessment, not a note; an observer writes nothing', async () => {
    const mine: ReviewEvent = { type: 'self-assessment', seat: 'fire-rescue', rating: 4, well: '出动及时', hard: '', plan: '' };
    expect(await disk.room.handle(FIRE_RESCUE, 'review', { clientId: clientId(), event: mine })).toEqual({ ok: true, seq: 1 });
    expect(await disk.room.handle(FIRE_RESCUE, 'review', { clientId: clientId(), event: NOTE })).toMatchObject({ ok: false, code: 'refused' });
    expect(await disk.room.handle(sender('observer', 'observer'), 'review', { clientId: clientId(), event: mine })).toMatchObject({ ok: false, code: 'role' });
    expect(disk.store.review(DRILL).map((l) => [l.n, l.actor, l.event.type])).toEqual([[1, 'fire-rescue', 'self-assessment']]);
  });
});
