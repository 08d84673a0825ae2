// @vitest-environment happy-dom
// This browser's saved drills (issue 10 §1, §4): a drill is archived when it ends, when a new drill
// replaces it and — a what-if's parent — before its branch; the picker lists them (title, seed,
// created, entries, final hash, parent, trust) with 复盘, 导出 and 删除. IndexedDB version 3 adds the
// archive and review stores, and a version 2 database keeps its drill and quarantine through the upgrade.
import '../quiet-lit.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, getByRole, within, waitFor } from '@testing-library/dom';
import { render } from 'lit-html';
import { archivedDrill, indexedDbArchive, memoryArchive, type DrillArchive } from '../../../src/app/persist/archive.ts';
import { indexedDbReviewStore, memoryReviewStore, type ReviewStore } from '../../../src/app/persist/review-store.ts';
import { createPersistence, exportDrill, indexedDbBackend, memoryBackend, shippedByFile } from '../../../src/app/persist/index.ts';
import { createSession } from '../../../src/app/drill/session.ts';
import { pickerView } from '../../../src/app/views/picker.ts';
import { parseLog } from '../../../src/review/index.ts';
import type { ReviewEntry } from '../../../src/review/record.ts';
import { fakeIndexedDb, type FakeDatabase } from './fake-idb.ts';
import { fakeApp, FILE, MIN, manualClock, newSession, play, scenario, settle } from './helpers.ts';
import { pickerPage } from './picker-page.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function playedTo(end: boolean, seed = 3) {
  const clock = manualClock();
  const session = newSession(clock, seed);
  play(session, clock);
  if (end) session.facilitator({ type: 'end' });
  return session;
}

/** The final hash as the exported file's header states it (parseLog checks it). */
const finalOf = (text: string) => {
  const parsed = parseLog(text);
  if (!parsed.ok || parsed.trust.kind !== 'verified') throw new Error('the archived log does not verify');
  return parsed.trust.final;
};

/** Both stores of this browser's drills, each in memory and in IndexedDB: the same tests for both. */
describe.each<[string, { archive: () => DrillArchive; reviews: () => ReviewStore }]>([
  ['in memory', { archive: () => memoryArchive(), reviews: () => memoryReviewStore() }],
  ['in IndexedDB', { archive: () => indexedDbArchive(fakeIndexedDb(), 'archive-test'), reviews: () => indexedDbReviewStore(fakeIndexedDb(), 'review-test') }],
])('kept %s', (_, stores) => {
  describe('the archive', () => {
    it('keeps drills by id: listed newest first, read back whole, replaced by id, removed', async () => {
      const archive = stores.archive();
      const older = archivedDrill(createSession({ scenario: scenario(), file: FILE, seed: 1, clock: manualClock(), drill: 'minimal-example-000000000001', created: '2026-12-01T08:00:00.000Z' }));
      const a = playedTo(true);
      const newer = archivedDrill(a);
      await archive.put(older);
      await archive.put(newer);
      expect((await archive.list()).map((d) => d.drill)).toEqual([a.drill, 'minimal-example-000000000001']);
      expect(await archive.get(a.drill)).toEqual(newer);
      expect(newer.info).toEqual({ drill: a.drill, scenarioId: 'minimal-example', title: { zh: '最小示例', en: 'Minimal example' }, seed: 3, created: a.created, entries: a.exercise.log.length, final: finalOf(newer.logText), trust: 'verified' });

      await archive.put({ ...newer, info: { ...newer.info, entries: 99 } });
      expect((await archive.list()).map((d) => [d.drill, d.entries])).toEqual([[a.drill, 99], ['minimal-example-000000000001', older.info.entries]]);

      await archive.remove(a.drill);
      expect((await archive.list()).map((d) => d.drill)).toEqual(['minimal-example-000000000001']);
      expect(await archive.get(a.drill)).toBeUndefined();
    });
  });

  describe('the review store', () => {
    it('keeps each drill’s entries in order, apart from other drills', async () => {
      const store = stores.reviews();
      const note = (n: number, text: string): ReviewEntry => ({ n, actor: '@evaluator', event: { type: 'note', id: `n${n}`, seq: 2, t: 60_000, kind: 'strength', text } as ReviewEntry['event'] });
      expect(await store.load('a')).toEqual([]);
      await Promise.all([store.append('a', [note(1, '一')]), store.append('b', [note(1, 'other')])]);
      await store.append('a', [note(2, '二'), note(3, '三')]);
      expect((await store.load('a')).map((e) => e.n)).toEqual([1, 2, 3]);
      expect(await store.load('b')).toEqual([note(1, 'other')]);
    });

    it('forgets a deleted drill’s entries, and only that drill’s', async () => {
      const store = stores.reviews();
      const entry: ReviewEntry = { n: 1, actor: '@evaluator', event: { type: 'note', id: 'n1', seq: 2, t: 60_000, kind: 'strength', text: '一' } };
      await store.append('a', [entry]);
      await store.append('b', [entry]);
      await store.remove('a');
      expect(await store.load('a')).toEqual([]);
      expect(await store.load('b')).toEqual([entry]);
      await store.remove('never-kept'); // nothing to forget is no failure
    });
  });
});

describe('IndexedDB version 3', () => {
  it('a version 2 database keeps its drill and its quarantine through the upgrade, and gains the archive', async () => {
    const entry = { seq: 1, t: 0, actor: 'facilitator', event: { type: 'start' } };
    const meta = { version: 1, file: FILE, scenarioText: 'x', seed: 5, savedAt: 1 };
    const v2: FakeDatabase = {
      version: 2,
      stores: new Map([
        ['drill', { data: new Map<string | number, unknown>([['meta', meta], ['heartbeat', { lastSeenT: 9_000, speed: 1, at: 2 }]]) }],
        ['log', { keyPath: 'seq', data: new Map<string | number, unknown>([[1, entry]]) }],
        ['quarantine', { data: new Map<string | number, unknown>([['unreadable-2026-12-01T00:00:00.000Z', { problem: 'log: x' }]]) }],
      ]),
    };
    const factory = fakeIndexedDb(new Map([['quake-drill', v2]]));
    const backend = indexedDbBackend(factory);
    expect(await backend.read()).toEqual({ meta, heartbeat: { lastSeenT: 9_000, speed: 1, at: 2 }, entries: [entry] });
    expect(factory.upgrades).toEqual([2]);
    expect(v2.version).toBe(3);
    expect([...v2.stores.keys()]).toEqual(['drill', 'log', 'quarantine', 'archive', 'archive-log', 'review']);
    expect(v2.stores.get('quarantine')!.data.get('unreadable-2026-12-01T00:00:00.000Z')).toEqual({ problem: 'log: x' });
    // The archive opens on the same database, at the same version: no second upgrade.
    const archive = indexedDbArchive(factory);
    await archive.put(archivedDrill(playedTo(true)));
    expect(await archive.list()).toHaveLength(1);
    expect(factory.upgrades).toEqual([2]);
  });
});

describe('drills are archived as they go', () => {
  const setUp = () => {
    const archive = memoryArchive();
    const p = createPersistence({ clock: manualClock(), backend: memoryBackend(), shipped: [shippedByFile(FILE)!], archive });
    const { app, calls } = fakeApp(p.onSession);
    return { archive, p, app, calls };
  };

  it('when it ends', async () => {
    const { archive, app } = setUp();
    const s = app.startDrill();
    await settle();
    expect(archive.drills.size).toBe(0); // under way: not yet
    s.facilitator({ type: 'end' });
    await settle();
    const kept = archive.drills.get(s.drill)!;
    expect(kept.info).toMatchObject({ drill: s.drill, entries: s.exercise.log.length, trust: 'verified' });
    expect(kept.logText).toBe(exportDrill(s).text);
  });

  it('when a new drill replaces it', async () => {
    const { archive, app } = setUp();
    const first = app.startDrill();
    first.send('fire-rescue', { type: 'report', to: 'hq', text: 'on scene' });
    const second = app.startDrill();
    await settle();
    expect([...archive.drills.keys()]).toEqual([first.drill]);
    expect(archive.drills.get(first.drill)!.info.entries).toBe(2);
    expect(second.drill).not.toBe(first.drill);
  });

  it('a what-if branch: its parent is archived first, and the branch names it in the list', async () => {
    const { archive, app, p } = setUp();
    const parent = app.startDrill();
    const clock = manualClock();
    parent.send('fire-rescue', { type: 'report', to: 'hq', text: 'on scene' });
    const hash = parseLog(exportDrill(parent).text);
    if (!hash.ok) throw new Error('export does not read back');
    const branch = createSession({ scenario: scenario(), file: FILE, seed: parent.seed, clock, log: parent.exercise.log.slice(0, 1), parent: { drill: parent.drill, seq: 1, hash: hash.hashes![0]! } });
    app.loadDrill(branch);
    await settle();
    expect([...archive.drills.keys()]).toEqual([parent.drill]);
    clock.advance(MIN);
    branch.facilitator({ type: 'end' });
    await settle();
    expect(archive.drills.get(branch.drill)!.info.parent).toEqual({ drill: parent.drill, seq: 1, hash: hash.hashes![0] });

    const picker = p.picker(app);
    await settle();
    const container = document.body.appendChild(document.createElement('div'));
    cleanups.push(() => container.remove());
    render(pickerView({ lang: 'zh', scenarios: [], state: picker.getState() }), container);
    const item = container.querySelector(`[data-saved-drill="${branch.drill}"]`)!;
    expect(item.textContent).toContain(`分支自 ${parent.drill} @ 第 1 条`);
  });
});

describe('the saved drills in the picker', () => {
  async function shown(archive: DrillArchive) {
    const download = vi.fn<(name: string, text: string) => void>();
    const { app, calls, picker, container } = pickerPage(archive, cleanups, { download });
    await waitFor(() => expect(picker.getState().saved.length).toBeGreaterThan(0));
    return { container, app, calls, download };
  }

  it('lists each with its scenario, seed, entries, final hash and trust; 复盘, 导出 and 删除 (asked first) work', async () => {
    const archive = memoryArchive();
    const ended = playedTo(true, 7);
    const kept = archivedDrill(ended);
    await archive.put(kept);
    const old = archivedDrill(createSession({ scenario: scenario(), file: FILE, seed: 2, clock: manualClock(), drill: 'minimal-example-0000000000aa', created: '2026-11-01T08:00:00.000Z', trust: 'unchained' }));
    await archive.put(old);
    const { container, app, download } = await shown(archive);

    const list = getByRole(container, 'list', { name: '本浏览器保存的推演' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-saved-drill'))).toEqual([ended.drill, 'minimal-example-0000000000aa']);
    const first = items[0]!;
    expect(within(first).getByRole('heading', { level: 3 }).textContent).toContain('最小示例');
    expect(first.textContent).toContain('种子 7');
    expect(first.textContent).toContain(`${ended.exercise.log.length} 条记录`);
    expect(first.querySelector('[data-final]')!.textContent).toBe(finalOf(kept.logText).slice(0, 12));
    expect(first.querySelector('[data-trust]')).toBeNull();
    expect(items[1]!.querySelector('[data-trust="unchained"]')!.textContent).toBe('未校验');

    fireEvent.click(within(first).getByRole('button', { name: '导出' }));
    await waitFor(() => expect(download).toHaveBeenCalledWith(`${ended.drill}.jsonl`, kept.logText));

    fireEvent.click(within(first).getByRole('button', { name: '复盘' }));
    await waitFor(() => expect(app.reviewed).toHaveLength(1));
    expect(app.reviewed[0]).toMatchObject({ file: FILE, header: { drill: ended.drill, seed: 7 }, trust: { kind: 'verified' } });
    expect(app.reviewed[0]!.log).toEqual(ended.exercise.log);

    // Archived from a drill that was continued from an unchained record: its own file says so in its header.
    expect(parseLog(old.logText)).toMatchObject({ ok: true, header: { origin: { trust: 'unchained' } }, trust: { kind: 'unchained' } });
    fireEvent.click(within(items[1]!).getByRole('button', { name: '复盘' }));
    await waitFor(() => expect(app.reviewed).toHaveLength(2));
    expect(app.reviewed[1]!.trust).toEqual({ kind: 'unchained' });
    expect(archive.drills.get('minimal-example-0000000000aa')!.info.trust).toBe('unchained'); // not archived over

    fireEvent.click(within(items[1]!).getByRole('button', { name: '删除' }));
    const confirm = await waitFor(() => within(container.querySelector('[data-saved-drill="minimal-example-0000000000aa"]')!).getByRole('alertdialog'));
    expect(confirm.textContent).toContain('删除推演 minimal-example-0000000000aa？');
    fireEvent.click(within(confirm).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(archive.drills.has('minimal-example-0000000000aa')).toBe(false);
  });
});
