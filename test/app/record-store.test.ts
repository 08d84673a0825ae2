// The review record of the drill on show (src/app/review/record-store.ts): read from this browser's
// ReviewStore by drill id, added to through the record's rights, and written after what is kept — also
// what is added while the kept entries are still being read.
import { describe, expect, it } from 'vitest';
import { memoryReviewStore, type ReviewStore } from '../../src/app/persist/review-store.ts';
import { createRecordStore } from '../../src/app/review/record-store.ts';
import type { ReviewEntry } from '../../src/review/record.ts';

const note = (id: string, text: string) => ({ type: 'note' as const, id, seq: 3, t: 60_000, kind: 'improvement' as const, text });
const KEPT: ReviewEntry[] = [{ n: 1, actor: '@evaluator', event: note('note-a', '已有的记录') }];

describe('the record store', () => {
  it('numbers what is added while loading after the kept entries, and writes only that', async () => {
    const backing = memoryReviewStore();
    backing.drills.set('drill-1', structuredClone(KEPT));
    const records = createRecordStore(backing);
    const loading = records.getState().load('drill-1');
    expect(records.getState().loading).toBe(true);
    expect(records.getState().add('@evaluator', note('note-b', '读取中写下的'))).toEqual({ ok: true });
    expect(records.getState().record.notes.map((n) => n.text)).toEqual(['读取中写下的']);
    await loading;
    expect(records.getState().record.notes.map((n) => n.text)).toEqual(['已有的记录', '读取中写下的']);
    await records.getState().settled();
    expect(backing.drills.get('drill-1')!.map((e) => [e.n, (e.event as { id: string }).id])).toEqual([
      [1, 'note-a'],
      [2, 'note-b'],
    ]);
  });

  it('refuses what the actor may not write, changing nothing', async () => {
    const backing = memoryReviewStore();
    const records = createRecordStore(backing);
    await records.getState().load('drill-1', new Set(['hq', 'fire-rescue']));
    const outcome = records.getState().add('fire-rescue', note('note-c', '席位不能写评估记录'));
    expect(outcome.ok).toBe(false);
    expect(outcome.reason).toMatch(/only the evaluators/);
    expect(records.getState().add('fire-rescue', { type: 'self-assessment', seat: 'hq', rating: 3, well: '', hard: '', plan: '' }).ok).toBe(false);
    expect(records.getState().add('@evaluator', { type: 'self-assessment', seat: 'no-such-seat', rating: 3, well: '', hard: '', plan: '' }).ok).toBe(false);
    expect(records.getState().entries).toEqual([]);
    await records.getState().settled();
    expect(backing.drills.get('drill-1')).toBeUndefined();
  });

  it('says when the browser could not keep an entry, and keeps it on screen', async () => {
    const failing: ReviewStore = { load: async () => [], append: async () => Promise.reject(new Error('QuotaExceededError')), remove: async () => undefined };
    const records = createRecordStore(failing);
    await records.getState().load('drill-1');
    records.getState().add('@evaluator', note('note-d', '存不下'));
    await records.getState().settled();
    expect(records.getState().problem).toBe('QuotaExceededError');
    expect(records.getState().record.notes.map((n) => n.text)).toEqual(['存不下']);
  });

  it('shows another drill’s record when asked, not mixing the two', async () => {
    const backing = memoryReviewStore();
    backing.drills.set('drill-1', structuredClone(KEPT));
    const records = createRecordStore(backing);
    await records.getState().load('drill-1');
    await records.getState().load('drill-2');
    expect(records.getState()).toMatchObject({ drill: 'drill-2', entries: [] });
    records.getState().add('@evaluator', note('note-e', '第二个推演'));
    await records.getState().load('drill-1');
    expect(records.getState().record.notes.map((n) => n.id)).toEqual(['note-a']);
    expect(backing.drills.get('drill-2')!.map((e) => e.n)).toEqual([1]);
  });
});
