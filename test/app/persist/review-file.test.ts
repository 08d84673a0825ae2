// @vitest-environment happy-dom
// The review record leaves the browser and comes back (issue 10 §2–3): the debrief's 导出评估记录 and
// the shell's 导出推演记录 download `<log>.review.jsonl` beside the log (which `quake-drill report`
// reads: review-report.test.ts); the picker imports it with its log (refused when it is another drill's), the 复盘 of a saved
// or imported drill ends on the review screen with its notes, and deleting a saved drill deletes its
// record too.
import '../quiet-lit.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within, waitFor } from '@testing-library/dom';
import { FACILITATOR, type LogEntry } from '../../../src/core/index.ts';
import { archivedDrill, createPersistence, exportDrill, memoryArchive, memoryBackend, memoryReviewStore, shippedByFile } from '../../../src/app/persist/index.ts';
import { entriesToAdd } from '../../../src/app/persist/review-file.ts';
import { shellHooks } from '../../../src/app/persist/shell-hooks.ts';
import { createRecordStore } from '../../../src/app/review/record-store.ts';
import { writeReview, type ReviewEntry } from '../../../src/review/record.ts';
import type { Session } from '../../../src/app/drill/session.ts';
import { renderApp } from '../render.ts';
import { FILE, manualClock, MIN, minimalText, newSession, play, scenario, settle } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const NOTE = '指挥部研判灾情迟缓，未按预案 4.2 条调度通信保障';
const FINDING = '修订预案第 4.2 条：明确通信保障的牵头单位';

const note = (at: LogEntry, id = 'note-a1b2c3d4', text = NOTE) => ({ type: 'note' as const, id, seq: at.seq, t: at.t, kind: 'improvement' as const, text });
const finding = { type: 'finding' as const, id: 'finding-00000001', grade: 'rectify' as const, text: FINDING, owner: '市应急管理局', due: '2026-12-31' };

/** The whole app with persistence as boot.ts wires it, every store in memory, downloads kept. */
async function setUp() {
  const shipped = [{ ...shippedByFile(FILE)!, load: async () => scenario(), text: async () => minimalText() }];
  const clock = manualClock();
  const archive = memoryArchive();
  const reviews = memoryReviewStore();
  const downloads: { name: string; text: string }[] = [];
  const persistence = createPersistence({ clock, backend: memoryBackend(), shipped, archive, reviews, download: (name, text) => void downloads.push({ name, text }) });
  const hooks = shellHooks(persistence, shipped);
  const { container, store, app } = renderApp(FILE, { ok: true, scenario: scenario() }, 'zh', {
    clock,
    seed: () => 5,
    onSession: persistence.onSession,
    files: hooks.files,
    archive,
    records: createRecordStore(reviews),
  });
  const picker = hooks.connect(app, container);
  await settle();
  return { clock, archive, reviews, downloads, persistence, container, store, app, picker };
}

/** A drill played elsewhere and ended: its exported log, and a review file of one published note and one finding. */
function recorded(): { session: Session; log: string; entries: ReviewEntry[] } {
  const clock = manualClock();
  const session = newSession(clock, 9);
  play(session, clock);
  session.facilitator({ type: 'end' });
  const at = session.exercise.log[2]!;
  const entries: ReviewEntry[] = [
    { n: 1, actor: FACILITATOR, event: note(at) },
    { n: 2, actor: FACILITATOR, event: { type: 'publish-notes', ids: ['note-a1b2c3d4'] } },
    { n: 3, actor: FACILITATOR, event: finding },
  ];
  return { session, log: exportDrill(session).text, entries };
}

/** Chooses `files` at once in the picker's log import. */
function chooseLogFiles(container: HTMLElement, files: { name: string; text: string }[]) {
  const input = getByRole(container, 'region', { name: '导入推演记录' }).querySelector<HTMLInputElement>('input[type="file"]')!;
  expect(input.multiple).toBe(true);
  fireEvent.change(input, { target: { files: files.map((f) => new File([f.text], f.name)) } });
}

describe('exporting the review record', () => {
  it('the debrief’s 导出评估记录 and the shell’s 导出推演记录 write <log>.review.jsonl beside the log', async () => {
    const { app, store, container, downloads, clock } = await setUp();
    const session = app.startDrill()!;
    clock.advance(3 * MIN);
    app.tick();
    session.facilitator({ type: 'end' });
    await settle();
    const at = session.exercise.log[1]!;
    expect(app.records.getState().drill).toBe(session.drill);
    store.getState().setScreen('debrief');
    // Nothing written yet: nothing to export.
    expect(container.querySelector<HTMLButtonElement>('[data-export-review]')!.disabled).toBe(true);
    expect(app.records.getState().add(FACILITATOR, note(at)).ok).toBe(true);
    expect(app.records.getState().add(FACILITATOR, { type: 'publish-notes', ids: ['note-a1b2c3d4'] }).ok).toBe(true);
    expect(app.records.getState().add(FACILITATOR, finding).ok).toBe(true);
    await app.records.getState().settled();

    const button = container.querySelector<HTMLButtonElement>('[data-export-review]')!;
    expect(button.textContent).toBe('导出评估记录');
    button.click();
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toMatch(/^minimal-example-seed-5-\d{8}-\d{4}\.review\.jsonl$/);
    const rows = downloads[0]!.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows[0]).toEqual({ format: 'quake-drill/review@1', drill: session.drill });
    expect(rows.slice(1).map((r) => [r.n, r.actor, r.event.type])).toEqual([
      [1, FACILITATOR, 'note'],
      [2, FACILITATOR, 'publish-notes'],
      [3, FACILITATOR, 'finding'],
    ]);

    // The shell's export: the log, then its review file, named after it.
    getByRole(container, 'button', { name: '导出推演记录' }).click();
    await waitFor(() => expect(downloads).toHaveLength(3));
    const [, log, review] = downloads;
    expect(log!.name).toMatch(/^minimal-example-seed-5-\d{8}-\d{4}\.jsonl$/);
    expect(review!.name).toBe(log!.name.replace(/\.jsonl$/, '.review.jsonl'));
    expect(review!.text).toBe(downloads[0]!.text);
    // `quake-drill report` reading the two: review-report.test.ts (the CLI runs under Node, not happy-dom).
  });

  it('a drill without review entries exports its log alone', async () => {
    const { app, container, downloads, clock } = await setUp();
    app.startDrill();
    clock.advance(MIN);
    app.tick();
    getByRole(container, 'button', { name: '导出推演记录' }).click();
    await waitFor(() => expect(downloads).toHaveLength(1));
    await settle();
    expect(downloads.map((d) => d.name.endsWith('.review.jsonl'))).toEqual([false]);
  });
});

describe('importing a review file with its log', () => {
  it('chosen with the log, its entries join the drill’s record: 复盘 ends on the review screen with the note; the debrief has the finding', async () => {
    const { container, store, reviews, app } = await setUp();
    const { session, log, entries } = recorded();
    store.getState().setScreen('picker');
    // The review file first: the order they are chosen in does not matter.
    chooseLogFiles(container, [
      { name: 'drill.review.jsonl', text: writeReview({ drill: session.drill }, entries) },
      { name: 'drill.jsonl', text: log },
    ]);
    const ready = await waitFor(() => {
      const el = container.querySelector<HTMLElement>('[data-import-ready]');
      if (!el) throw new Error('not ready yet');
      return el;
    });
    expect(reviews.drills.get(session.drill)).toEqual(entries);

    within(ready).getByRole('button', { name: '复盘' }).click();
    await settle();
    expect(store.getState().screen).toBe('review');
    expect(container.querySelector('[data-review]')).not.toBeNull();
    expect(app.records.getState().drill).toBe(session.drill);
    expect([...container.querySelectorAll('[data-note]')].map((n) => n.textContent)).toEqual([expect.stringContaining(NOTE)]);
    expect(app.records.getState().record.findings.map((f) => f.text)).toEqual([FINDING]);
  });

  it('dropped on the picker together with its log, it is imported with it', async () => {
    const { container, store, reviews } = await setUp();
    const { session, log, entries } = recorded();
    store.getState().setScreen('picker');
    const files = [new File([log], 'drill.jsonl'), new File([writeReview({ drill: session.drill }, entries)], 'drill.review.jsonl')];
    fireEvent.drop(container.querySelector('.picker')!, { dataTransfer: { files, dropEffect: 'copy' } });
    await waitFor(() => expect(container.querySelector('[data-import-ready]')).not.toBeNull());
    expect(reviews.drills.get(session.drill)).toEqual(entries);
  });

  it('a store that cannot keep it says so, and nothing is imported', async () => {
    const { picker, reviews } = await setUp();
    const { session, log, entries } = recorded();
    reviews.append = () => Promise.reject(new Error('QuotaExceededError'));
    await picker.getState().importLog({ name: 'a.jsonl', text: async () => log }, { name: 'a.review.jsonl', text: async () => writeReview({ drill: session.drill }, entries) });
    expect(picker.getState().imported).toBeUndefined();
    expect(picker.getState().logProblems).toMatchObject({ file: 'a.review.jsonl', problems: [{ line: 1, message: 'cannot keep the review in this browser: QuotaExceededError' }] });
  });

  it('a review of another drill is refused at its line, and the log with it', async () => {
    const { container, store, reviews } = await setUp();
    const { log, entries } = recorded();
    store.getState().setScreen('picker');
    chooseLogFiles(container, [
      { name: 'drill.jsonl', text: log },
      { name: 'other.review.jsonl', text: writeReview({ drill: 'minimal-example-000000000000' }, entries) },
    ]);
    const alert = await waitFor(() => getByRole(container, 'alert'));
    expect(alert.textContent).toContain('other.review.jsonl:1:1: ');
    expect(alert.textContent).toContain("this review is of drill 'minimal-example-000000000000'");
    expect(container.querySelector('[data-import-ready]')).toBeNull();
    expect(reviews.drills.size).toBe(0);
  });

  it('brought back a second time, nothing is doubled; new entries are numbered on after the kept ones', async () => {
    const { picker, reviews } = await setUp();
    const { session, log, entries } = recorded();
    const file = (name: string, text: string) => ({ name, text: async () => text });
    const reviewText = writeReview({ drill: session.drill }, entries);
    await picker.getState().importLog(file('a.jsonl', log), file('a.review.jsonl', reviewText));
    await picker.getState().importLog(file('a.jsonl', log), file('a.review.jsonl', reviewText));
    expect(reviews.drills.get(session.drill)).toEqual(entries);

    const more: ReviewEntry = { n: 1, actor: FACILITATOR, event: note(session.exercise.log[3]!, 'note-00000002', '通信组响应及时') };
    expect(entriesToAdd(entries, [entries[0]!, more])).toEqual([{ ...more, n: 4 }]);
  });
});

describe('复盘 from the picker ends on the review screen', () => {
  it('a saved drill: the picker closes, the review stays', async () => {
    const { archive, container, store, picker } = await setUp();
    const { session } = recorded();
    await archive.put(archivedDrill(session));
    await picker.getState().refreshSaved();
    store.getState().setScreen('picker');
    const item = await waitFor(() => {
      const el = container.querySelector<HTMLElement>(`[data-saved-drill="${session.drill}"]`);
      if (!el) throw new Error('not listed yet');
      return el;
    });
    within(item).getByRole('button', { name: '复盘' }).click();
    await settle();
    expect(store.getState().screen).toBe('review');
    expect(container.querySelector('[data-review]')).not.toBeNull();
  });
});

describe('deleting a saved drill', () => {
  it('deletes its review record too; another drill’s stays', async () => {
    const { archive, reviews, container, store, picker } = await setUp();
    const { session, entries } = recorded();
    await archive.put(archivedDrill(session));
    await reviews.append(session.drill, entries);
    await reviews.append('minimal-example-0000000000bb', entries);
    await picker.getState().refreshSaved();
    store.getState().setScreen('picker');
    const item = container.querySelector<HTMLElement>(`[data-saved-drill="${session.drill}"]`)!;
    within(item).getByRole('button', { name: '删除' }).click();
    within(await waitFor(() => within(container.querySelector<HTMLElement>(`[data-saved-drill="${session.drill}"]`)!).getByRole('alertdialog'))).getByRole('button', { name: '删除' }).click();
    await waitFor(() => expect(container.querySelector(`[data-saved-drill="${session.drill}"]`)).toBeNull());
    expect(archive.drills.has(session.drill)).toBe(false);
    expect(reviews.drills.has(session.drill)).toBe(false);
    expect(await reviews.load(session.drill)).toEqual([]);
    expect(reviews.drills.get('minimal-example-0000000000bb')).toEqual(entries);
  });
});
