// The review record written in the app reaches the report (issue 10 §3): a drill's export downloads
// the log and, named after it, its review file; `quake-drill report` of the log finds the review
// beside it and prints the evaluator's note and the improvement plan's finding. Under Node: the CLI
// finds its files by `new URL(…, import.meta.url)`, which happy-dom's transform rewrites.
import { describe, expect, it } from 'vitest';
import { FACILITATOR } from '../../../src/core/index.ts';
import { createPersistence, memoryArchive, memoryBackend, memoryReviewStore, shippedByFile } from '../../../src/app/persist/index.ts';
import { createRecordStore } from '../../../src/app/review/record-store.ts';
import { quakeDrill, tempDir } from '../../cli/helpers.ts';
import { fakeApp, FILE, manualClock, minimalText, scenario, settle } from './helpers.ts';

const NOTE = '指挥部研判灾情迟缓，未按预案 4.2 条调度通信保障';
const FINDING = '修订预案第 4.2 条：明确通信保障的牵头单位';

describe('the review record in the report', () => {
  it('exported with the drill from the app, `report` reads it beside the log: the note and the finding are in', async () => {
    const reviews = memoryReviewStore();
    const records = createRecordStore(reviews);
    const downloads: { name: string; text: string }[] = [];
    const shipped = [{ ...shippedByFile(FILE)!, load: async () => scenario(), text: async () => minimalText() }];
    const p = createPersistence({ clock: manualClock(), backend: memoryBackend(), shipped, archive: memoryArchive(), reviews, download: (name, text) => void downloads.push({ name, text }) });
    const { app } = fakeApp(p.onSession);
    const session = app.startDrill();
    session.facilitator({ type: 'end' });
    await records.getState().load(session.drill, session.exercise.model.seats);
    const at = session.exercise.log.at(-1)!;
    const add = (event: Parameters<ReturnType<typeof records.getState>['add']>[1]) => expect(records.getState().add(FACILITATOR, event)).toEqual({ ok: true });
    add({ type: 'note', id: 'note-a1b2c3d4', seq: at.seq, t: at.t, kind: 'improvement', text: NOTE });
    add({ type: 'publish-notes', ids: ['note-a1b2c3d4'] });
    add({ type: 'finding', id: 'finding-00000001', grade: 'rectify', text: FINDING, owner: '市应急管理局', due: '2026-12-31' });
    await records.getState().settled();

    p.exportDrill(session);
    for (let i = 0; i < 50 && downloads.length < 2; i++) await settle();
    const [log, review] = downloads;
    expect(downloads).toHaveLength(2);
    expect(review!.name).toBe(log!.name.replace(/\.jsonl$/, '.review.jsonl'));

    const dir = tempDir();
    const file = dir.file(log!.name, log!.text);
    dir.file(review!.name, review!.text);
    const { code, stdout, stderr } = await quakeDrill(['report', file, '--format', 'md']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(NOTE);
    expect(stdout).toContain(FINDING);

    // Without the review file beside it, the same log's report has neither.
    const alone = tempDir().file(log!.name, log!.text);
    const without = await quakeDrill(['report', alone, '--format', 'md']);
    expect(without.stdout).not.toContain(NOTE);
    expect(without.stdout).not.toContain(FINDING);
  }, 30_000);
});
