// Persistence wired to the shell's hooks (App.newDrill / loadDrill / onSession): a started drill
// is saved, a reload puts it back paused, "new drill" asks first (the app's own dialog: see
// discard.test.ts), an imported log continues.
import { describe, expect, it, vi } from 'vitest';
import { createPersistence, exportDrill, memoryBackend, shippedByFile } from '../../../src/app/persist/index.ts';
import { fakeApp, FILE, MIN, manualClock, newSession, play, settle } from './helpers.ts';

describe('persistence wired to the app', () => {
  it('saves the drill the app starts; a reload puts it back, paused, and keeps saving it', async () => {
    const backend = memoryBackend();
    const first = createPersistence({ clock: manualClock(), backend, shipped: [shippedByFile(FILE)!] });
    const { app } = fakeApp(first.onSession);
    const s = app.startDrill()!;
    s.send('fire-rescue', { type: 'report', to: 'hq', text: 'on scene' });
    await first.flush();
    expect(backend.raw.entries.size).toBe(2);

    const second = createPersistence({ clock: manualClock(), backend, shipped: [shippedByFile(FILE)!] });
    const reloaded = fakeApp(second.onSession);
    const restored = await second.resume(reloaded.app);
    expect(restored.kind).toBe('resumed');
    expect(reloaded.calls).toEqual([`newDrill ${FILE}`, 'loadDrill paused']);
    expect(reloaded.app.session!.exercise.log.slice(0, 2)).toEqual(s.exercise.log);
    expect(second.state.getState().notice!('zh')).toMatch(/^已恢复 .* 开始的推演（3 条记录），恢复至演练时间 00:00，推演已暂停/);
    await second.flush();
    expect(backend.raw.entries.size).toBe(3); // the pause is saved too
  });

  it('"new drill" asks first; yes forgets the saved drill and shows the briefing', async () => {
    const backend = memoryBackend();
    const p = createPersistence({ clock: manualClock(), backend });
    const { app, calls } = fakeApp(p.onSession);
    app.startDrill();
    await p.flush();
    const no = p.newDrill(app);
    expect(p.state.getState().question).toEqual({ kind: 'new', entries: 1, ended: false });
    p.answer(false);
    expect(await no).toBe(false);
    expect(p.state.getState().question).toBeNull();
    expect(backend.raw.entries.size).toBe(1);
    const yes = p.newDrill(app);
    p.answer(true);
    expect(await yes).toBe(true);
    expect(await backend.read()).toBeUndefined();
    expect(calls.at(-1)).toBe(`newDrill ${FILE}`);
  });

  it('export downloads the log under a file name the CLI can read', async () => {
    const download = vi.fn();
    const p = createPersistence({ clock: manualClock(), backend: memoryBackend(), download });
    const s = newSession();
    s.facilitator({ type: 'start' });
    p.exportDrill(s);
    await vi.waitFor(() => expect(download).toHaveBeenCalledWith(expect.stringMatching(/^minimal-example-seed-3-\d{8}-\d{4}\.jsonl$/), exportDrill(s).text));
  });

  it('what an export holds is saved before the file is offered: a reload right after keeps every entry of it', async () => {
    const backend = memoryBackend();
    const savedAtDownload: number[] = [];
    const p = createPersistence({ clock: manualClock(), backend, shipped: [shippedByFile(FILE)!], download: () => savedAtDownload.push(backend.raw.entries.size) });
    const { app } = fakeApp(p.onSession);
    const s = app.startDrill()!;
    await p.flush();
    s.send('fire-rescue', { type: 'report', to: 'hq', text: '一' });
    s.send('fire-rescue', { type: 'report', to: 'hq', text: '二' });
    p.exportDrill(s);
    await vi.waitFor(() => expect(savedAtDownload).toEqual([3]));
  });

  it('the picker opens a chosen scenario’s briefing, and continues an imported drill paused', async () => {
    const backend = memoryBackend();
    const p = createPersistence({ clock: manualClock(), backend });
    const { app, calls } = fakeApp(p.onSession);
    const done = vi.fn();
    const picker = p.picker(app, done);
    await picker.getState().choose(shippedByFile('scenarios/minimal.yaml')!);
    expect(calls).toEqual(['newDrill scenarios/minimal.yaml']);

    const clock = manualClock();
    const played = newSession(clock);
    play(played, clock);
    clock.advance(MIN);
    await picker.getState().importLog({ name: 'drill.jsonl', text: async () => exportDrill(played).text });
    // The log is read: the user chooses 继续推演 (or 复盘).
    expect(picker.getState().imported).toMatchObject({ logFile: 'drill.jsonl', trust: { kind: 'verified' } });
    expect(calls).toHaveLength(1);
    picker.getState().continueImported();
    await settle(1); // the question before discarding (none here) is answered in a later task
    expect(calls.slice(1)).toEqual(['newDrill scenarios/minimal.yaml', 'loadDrill paused']);
    expect(app.session!.exercise.log.slice(0, -1)).toEqual(played.exercise.log);
    expect(done).toHaveBeenCalledTimes(2);
    await p.flush();
    expect(backend.raw.entries.size).toBe(app.session!.exercise.log.length); // the imported drill is now the saved one
  });
});
