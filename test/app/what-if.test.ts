// @vitest-environment happy-dom
// The what-if (假设推演): from the middle of a replay a new drill starts with the log up to the playhead,
// names its parent (drill, seq, hash), is answered differently and played on, and its own review
// compares it with the drill it came from.
import { describe, expect, it } from 'vitest';
import { getByRole } from '@testing-library/dom';
import { FACILITATOR } from '../../src/core/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { entryHash } from '../../src/review/chain.ts';
import { exportDrill } from '../../src/app/persist/export-log.ts';
import { memoryArchive } from '../../src/app/persist/archive.ts';
import { sourceOf } from '../../src/app/review/review-session.ts';
import { MIN, minimal, renderDrill } from './render.ts';

/** Lets the archive's promises resolve (a macrotask runs after every pending microtask). */
const settle = () => new Promise((resolve) => setTimeout(resolve));

const scenario = (() => {
  const r = loadScenario(minimal(), 'minimal.yaml');
  if (!r.ok) throw new Error('minimal.yaml does not load');
  return r.scenario;
})();

/** The decision send-usar opens at 2:00 with its inject; the original drill sends the USAR team at 4:07. */
function reviewed() {
  const d = renderDrill({ scenario, file: 'minimal.yaml' });
  const original = d.start();
  d.pass(4 * MIN + 7_000);
  expect(original.send('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] })).toEqual({ ok: true });
  d.pass(37 * MIN);
  d.store.getState().setScreen('debrief');
  getByRole(d.container, 'button', { name: '复盘回放' }).click();
  const root = () => d.container.querySelector<HTMLElement>('[data-review]')!;
  const scrubTo = (t: number) => {
    const input = root().querySelector<HTMLInputElement>('[data-scrubber]')!;
    input.value = String(t);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  return { ...d, original, root, scrubTo };
}

describe('a what-if branch from the replay', () => {
  it('starts a new drill with the log up to the playhead, paused there, naming its parent', () => {
    const d = reviewed();
    const parentHeader = d.app.review!.source.header;
    d.scrubTo(3 * MIN);
    d.root().querySelector<HTMLElement>('[data-branch]')!.click();

    const branch = d.session();
    expect(branch).not.toBe(d.original);
    expect(d.store.getState().screen).toBe('console');
    expect(branch.drill).not.toBe(d.original.drill);
    // The shared prefix: the start at t=0 (the answer at 4:07 is after the playhead).
    const shared = d.original.exercise.log.slice(0, 1);
    expect(branch.exercise.log.slice(0, 1)).toEqual(shared);
    expect(branch.parent).toEqual({ drill: d.original.drill, seq: 1, hash: entryHash(parentHeader.hash, shared[0]!) });
    // Running at 3:00, so it comes back paused there: the decision open with 4 minutes left.
    expect(branch.exercise.log.slice(1)).toEqual([{ seq: 2, t: 3 * MIN, actor: FACILITATOR, event: { type: 'pause' } }]);
    const w = branch.exercise.world;
    expect(w.mode).toBe('paused');
    expect(w.clock).toBe(3 * MIN);
    expect(w.decisions['send-usar']!.status).toBe('open');
    // Marked as a what-if wherever it is played.
    const banner = () => d.container.querySelector('[data-what-if]')?.textContent?.trim();
    expect(banner()).toBe(`假设推演：自 ${d.original.drill} 第 1 条记录起`);
    d.store.getState().setScreen('scoreboard');
    expect(banner()).toBe(`假设推演：自 ${d.original.drill} 第 1 条记录起`);
  });

  it('answered differently, it plays to another outcome, and its review compares it with the parent', () => {
    const d = reviewed();
    d.scrubTo(3 * MIN);
    d.root().querySelector<HTMLElement>('[data-branch]')!.click();
    const branch = d.session();
    expect(branch.facilitator({ type: 'resume' })).toEqual({ ok: true });
    d.pass(30_000);
    expect(branch.send('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['wait'] })).toEqual({ ok: true });
    d.pass(40 * MIN);
    expect(branch.exercise.world.mode).toBe('debrief');
    // Nobody went to dig: nobody was freed alive, where the original rescued some.
    const freed = (s: typeof branch) => Object.values(s.exercise.world.incidents).reduce((n, i) => n + i.rescuedAlive, 0);
    expect(freed(branch)).toBe(0);
    expect(freed(d.original)).toBeGreaterThan(0);

    d.store.getState().setScreen('debrief');
    getByRole(d.container, 'button', { name: '复盘回放' }).click();
    expect(d.app.review!.source.header.parent?.drill).toBe(d.original.drill);
    expect(d.root().textContent).toContain(`假设推演：自 ${d.original.drill} 第 1 条记录起`);
    const compare = d.root().querySelector<HTMLElement>('[data-compare]')!;
    compare.click();
    const comparison = d.root().querySelector<HTMLElement>('[data-comparison]')!;
    expect(comparison).not.toBeNull();
    expect(comparison.textContent).toContain('本次推演');
    expect(comparison.textContent).toContain('原推演');
    expect(comparison.querySelector('[data-compare-branch]')).not.toBeNull();
    // The deltas read as what the what-if changed (this drill − the original): nobody freed alive, a lower score.
    const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim());
    const [freedHere, freedThere, freedDelta] = cells(comparison.querySelector('[data-compare-outcomes] [data-figure="rescuedAlive"]')!);
    expect(freedHere).toBe('0');
    expect(freedThere).not.toBe('0');
    expect(freedDelta).toMatch(/^≈?−\d/);
    const [scoreHere, scoreThere, scoreDelta] = cells(comparison.querySelector('[data-compare-overall] tbody tr')!);
    expect(Number(scoreHere)).toBeLessThan(Number(scoreThere));
    expect(scoreDelta).toBe(`−${(Number(scoreThere) - Number(scoreHere)).toFixed(1)}`);
    const decisions = comparison.querySelector('[data-compare-decisions]')!.textContent!;
    expect(decisions).toContain('等待进一步核实');
    expect(decisions).toContain('立即派出');
  });

  it('in a page that did not make the branch, the parent is read from the archive, or said to be missing', async () => {
    const d = reviewed();
    d.scrubTo(3 * MIN);
    d.root().querySelector<HTMLElement>('[data-branch]')!.click();
    const branch = d.session();
    branch.facilitator({ type: 'resume' });
    d.pass(30_000);
    branch.send('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['scout'] });
    d.pass(40 * MIN);
    const source = sourceOf(branch);

    const archive = memoryArchive();
    const later = renderDrill({ scenario, file: 'minimal.yaml', options: { archive } });
    const root = () => later.container.querySelector<HTMLElement>('[data-review]')!;
    later.app.openReview(source);
    root().querySelector<HTMLElement>('[data-compare]')!.click();
    await settle();
    expect(root().textContent).toContain(`找不到原推演 ${d.original.drill} 的记录，无法对比。`);
    expect(root().querySelector('[data-comparison]')).toBeNull();

    const parent = exportDrill(d.original).text;
    const info = { drill: d.original.drill, scenarioId: scenario.meta.id, title: scenario.meta.title, seed: d.original.seed, entries: 2, final: '', trust: 'verified' as const };
    await archive.put({ info, logText: parent });
    root().querySelector<HTMLElement>('[data-compare]')!.click(); // closes
    root().querySelector<HTMLElement>('[data-compare]')!.click(); // and asks again
    expect(root().textContent).toContain('正在读取原推演的记录…');
    await settle();
    const comparison = root().querySelector<HTMLElement>('[data-comparison]')!;
    expect(comparison.querySelector('[data-compare-decisions]')!.textContent).toContain('先派侦察组');
  });

  it('a drill with no parent offers no comparison', () => {
    const d = reviewed();
    expect(d.root().querySelector('[data-compare]')).toBeNull();
    expect(d.root().querySelector('[data-branch]')).not.toBeNull();
  });
});
