// A resent command is stored once: the same clientId in one drill gives one row, whether the resend
// comes in the same event-loop turn or after the first one's commit, and the table's UNIQUE key holds
// even against a writer that goes round the store. Entries are append-only underneath too.
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateClientId, openStore, type Store } from '../../src/server/storage.ts';
import { minimalDrill, row, tempStoreDir } from './store-helpers.ts';

let store: Store;
let file: string;
let remove: () => void;
const { drill } = minimalDrill();

beforeEach(() => {
  ({ file, remove } = tempStoreDir());
  store = openStore(file);
  store.createDrill(minimalDrill());
});

afterEach(() => {
  store.close();
  remove();
});

const rejection = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe('idempotent appends', () => {
  it('the same clientId twice in one turn: the first is stored, the resend is refused naming it', async () => {
    const first = store.append(row(drill, 1, 'resend-me'));
    const again = rejection(store.append(row(drill, 2, 'resend-me')));
    expect(store.byClientId(drill, 'resend-me')?.seq).toBe(1); // seen while still queued
    await first;
    const e = await again;
    expect(e).toBeInstanceOf(DuplicateClientId);
    expect((e as DuplicateClientId).first).toBe(1);
    expect(store.entries(drill).map((x) => [x.seq, x.clientId])).toEqual([[1, 'resend-me']]);
  });

  it('the same clientId after the first one committed: still one row, and seq 2 is free for the next command', async () => {
    await store.append(row(drill, 1, 'resend-me'));
    expect(await rejection(store.append(row(drill, 2, 'resend-me')))).toBeInstanceOf(DuplicateClientId);
    await store.append(row(drill, 2, 'another'));
    expect(store.entries(drill).map((x) => x.clientId)).toEqual(['resend-me', 'another']);
  });

  it('entries without a clientId (bots, the server) are never taken for each other', async () => {
    await Promise.all([store.append(row(drill, 1, null)), store.append(row(drill, 2, null))]);
    expect(store.lastSeq(drill)).toBe(2);
  });

  it('one clientId in two drills is two commands', async () => {
    const other = minimalDrill('minimal-example-000000000002');
    store.createDrill(other);
    await Promise.all([store.append(row(drill, 1, 'same')), store.append(row(other.drill, 1, 'same'))]);
    expect([store.lastSeq(drill), store.lastSeq(other.drill)]).toEqual([1, 1]);
  });

  it('the UNIQUE keys hold for a writer going round the store, and entries can be neither changed nor deleted', async () => {
    await store.append(row(drill, 1, 'resend-me'));
    const raw = new Database(file);
    try {
      const insert = raw.prepare('INSERT INTO entries (drill, seq, t, actor, event, client_id, by, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      expect(() => insert.run(drill, 2, 2000, 'facilitator', '{"type":"pause"}', 'resend-me', null, 'x')).toThrow(/UNIQUE/);
      expect(() => insert.run(drill, 1, 2000, 'facilitator', '{"type":"pause"}', 'fresh-id', null, 'x')).toThrow(/UNIQUE/);
      expect(() => raw.prepare("UPDATE entries SET actor = 'fire-rescue'").run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM entries').run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
    expect(store.entries(drill).map((x) => [x.seq, x.actor, x.clientId])).toEqual([[1, 'facilitator', 'resend-me']]);
  });

  it('a review line resent is stored once too', async () => {
    const note = { actor: '@evaluator', event: { type: 'note', id: 'n1', seq: 0, t: 0, kind: 'strength', text: '通信保障及时' } as const, clientId: 'note-1' };
    expect(await store.appendReview(drill, note)).toBe(1);
    expect(await rejection(store.appendReview(drill, note))).toBeInstanceOf(DuplicateClientId);
    expect(store.review(drill)).toHaveLength(1);
  });
});
