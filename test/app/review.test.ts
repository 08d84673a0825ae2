// @vitest-environment happy-dom
// The replay view (复盘回放): a drill played in the app is opened from the debrief and scrubbed; the
// seat's decision is open with its clock before the answer and answered after it, the scoreboard holds
// the scores as they stood, 60× playback lands on every marker, and a step moves one entry.
import { describe, expect, it } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import { loadScenario } from '../../src/scenario/index.ts';
import { replay } from '../../src/review/replay.ts';
import { scoreDrill } from '../../src/scoring/index.ts';
import type { AppOptions, MapInput } from '../../src/app/app.ts';
import { MIN, minimal, renderDrill } from './render.ts';

const scenario = (() => {
  const r = loadScenario(minimal(), 'minimal.yaml');
  if (!r.ok) throw new Error('minimal.yaml does not load');
  return r.scenario;
})();

/** The decision send-usar opens with its inject at drill time 2:00 (deadline 5 min); fire-rescue answers at 4:07. */
const ANSWER_T = 4 * MIN + 7_000;

/** A drill on the minimal scenario: started at t=0, answered by hand at 4:07, run on until it ends itself (two 20-min nodes). */
function played(options: AppOptions = {}) {
  const d = renderDrill({ scenario, file: 'minimal.yaml', options });
  const session = d.start();
  d.pass(ANSWER_T);
  expect(session.send('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] })).toEqual({ ok: true });
  d.pass(37 * MIN);
  expect(session.exercise.world.mode).toBe('debrief');
  d.store.getState().setScreen('debrief');
  getByRole(d.container, 'button', { name: '复盘回放' }).click();
  const review = d.app.review!;
  const root = d.container.querySelector<HTMLElement>('[data-review]')!;
  const scrubTo = (t: number) => {
    const input = root.querySelector<HTMLInputElement>('[data-scrubber]')!;
    input.value = String(t);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  return { ...d, session, review, root, scrubTo };
}

const view = (root: HTMLElement, which: string) => root.querySelector<HTMLElement>(`[data-review-view="${which}"]`)!.click();
const overallText = (root: HTMLElement) => within(root).getByRole('region', { name: '综合得分' }).querySelector('.overall-score')!.textContent!.trim();

describe('the replay view', () => {
  it('opens the drill just played from the debrief, over its whole record, trusted', () => {
    const d = played();
    expect(d.store.getState().screen).toBe('review');
    expect(d.review.source.log.map((e) => e.seq)).toEqual(d.session.exercise.log.map((e) => e.seq));
    // Its record runs to the drill's end, two 20-min nodes, not to where the room clock ran on after it.
    expect(d.review.end).toBe(40 * MIN);
    expect(d.root.querySelector('[data-trust]')!.getAttribute('data-trust')).toBe('verified');
    // The live drill is left as it was.
    expect(d.store.getState().session).toBe(d.session);
    // A drill of its own, no what-if.
    expect(d.container.querySelector('[data-what-if]')).toBeNull();
  });

  it('before the answer the seat sees the decision open with its clock; after it, the answer', () => {
    const d = played();
    d.store.getState().setReviewSeat('fire-rescue');
    d.scrubTo(3 * MIN);
    // Opened at 2:00 with a 5-min deadline: at 3:00, four minutes left.
    const card = within(d.root).getByRole('article', { name: scenario.decisions[0]!.prompt.zh });
    expect(within(card).getByRole('timer').textContent).toContain('剩余 04:00');
    expect(d.root.querySelector('[data-review-time]')!.textContent).toContain('演练时间 03:00');

    d.scrubTo(5 * MIN);
    const done = within(d.root).getByRole('article', { name: scenario.decisions[0]!.prompt.zh });
    expect(within(done).queryByRole('timer')).toBeNull();
    expect(done.textContent).toContain('立即派出');
    expect(done.textContent).toContain('已作答（用时 2 分钟 7 秒）');
  });

  it('the scoreboard shows the scores as they stood: none before the answer, then those of the record up to then', () => {
    const d = played();
    view(d.root, 'scoreboard');
    d.scrubTo(3 * MIN);
    expect(overallText(d.root)).toBe('—');

    d.scrubTo(10 * MIN);
    // Scored independently: a plain replay of the entries up to 10:00, its clock run to 10:00.
    const prefix = d.session.exercise.log.filter((e) => e.t <= 10 * MIN);
    const then = replay(scenario, d.session.seed, prefix, 10 * MIN);
    const expected = scoreDrill(scenario, then.world, prefix).overall;
    expect(expected).not.toBeNull();
    // Provisional then: the trapped are still being dug out.
    expect(overallText(d.root)).toBe(`${expected!.toFixed(1)} 暂定`);

    // At the record's end, the drill's final scores.
    d.scrubTo(d.review.end);
    const final = scoreDrill(scenario, d.session.exercise.world, d.session.exercise.log).overall!;
    expect(overallText(d.root)).toMatch(new RegExp(`^${final.toFixed(1)}`));
  });

  it('60× playback lands on every marker, each in a frame of its own', () => {
    const d = played();
    // Off the 15-s grid one 250-ms tick at 60× makes, so plain addition would pass over the markers.
    d.scrubTo(1_000);
    d.review.seek(1_234);
    d.root.querySelector<HTMLElement>('[data-speed="60"]')!.click();
    d.root.querySelector<HTMLElement>('[data-play]')!.click();
    const frames: number[] = [];
    for (let i = 0; i < 10_000 && d.review.playing; i++) {
      d.pass(250);
      frames.push(d.review.t);
    }
    expect(d.review.playing).toBe(false);
    expect(frames.at(-1)).toBe(d.review.end);
    const stops = [...new Set(d.review.markers.map((m) => m.t))].filter((t) => t > 1_234);
    // The inject and the decision at 2:00, the answer at 4:07, the second node at 20:00, at least.
    expect(stops).toEqual(expect.arrayContaining([2 * MIN, ANSWER_T, 20 * MIN]));
    expect(stops.filter((t) => frames.includes(t))).toEqual(stops);
    // No frame moved more than 60 × 250 ms.
    frames.reduce((prev, t) => (expect(t - prev).toBeLessThanOrEqual(15_000), t), 1_234);
  });

  it('steps entry by entry', () => {
    const d = played();
    const times = d.session.exercise.log.map((e) => e.t);
    expect(times).toEqual([0, ANSWER_T]);
    d.scrubTo(0);
    d.root.querySelector<HTMLElement>('[data-step="1"]')!.click();
    expect(d.review.t).toBe(ANSWER_T);
    expect(d.review.exercise.world.seq).toBe(2);
    d.root.querySelector<HTMLElement>('[data-step="-1"]')!.click();
    expect(d.review.t).toBe(0);
    expect(d.review.exercise.world.seq).toBe(1);
  });

  it('marks the scrubber per kind and lists the markers as buttons that jump there', () => {
    const d = played();
    const ticks = [...d.root.querySelectorAll<HTMLElement>('.marker-ticks [data-marker-kind]')];
    expect(ticks.length).toBe(d.review.markers.length);
    expect(new Set(ticks.map((x) => x.dataset.markerKind))).toEqual(new Set(['node', 'inject', 'decision', 'answer', 'arrival']));
    // Unpaused, drill time and log time agree.
    const answer = within(d.root).getByRole('button', { name: /^跳转到 演练 04:07（记录时间 04:07）· 处置/ });
    answer.click();
    expect(d.review.t).toBe(ANSWER_T);
    expect(d.root.querySelector<HTMLInputElement>('[data-scrubber]')!.value).toBe(String(Math.round(ANSWER_T / 1000) * 1000));
  });

  it('the ticks take the pointer and are named by their time, kind and label', () => {
    const d = played();
    const tick = d.root.querySelector<HTMLElement>('.marker-ticks [data-marker-kind="answer"]')!;
    expect(tick.getAttribute('aria-label')).toMatch(/^演练 04:07（记录时间 04:07）· 处置 · /);
    expect(d.root.querySelector('.marker-ticks')!.getAttribute('aria-hidden')).toBeNull();
    tick.click();
    expect(d.review.t).toBe(ANSWER_T);
  });

  it('a drill paused for a stretch: one shaded band over it, log time and drill time told apart', () => {
    // Started at 0, paused at 3:00 for 30 minutes of log time, resumed at 33:00: the drill's 40 minutes
    // of clock (3 before the pause, 37 after) end it at log time 70:00.
    const d = renderDrill({ scenario, file: 'minimal.yaml' });
    const session = d.start();
    d.pass(3 * MIN);
    expect(session.facilitator({ type: 'pause' })).toEqual({ ok: true });
    d.pass(30 * MIN);
    expect(session.facilitator({ type: 'resume' })).toEqual({ ok: true });
    d.pass(38 * MIN);
    expect(session.exercise.world.mode).toBe('debrief');
    d.store.getState().setScreen('debrief');
    getByRole(d.container, 'button', { name: '复盘回放' }).click();
    const root = d.container.querySelector<HTMLElement>('[data-review]')!;
    expect(d.app.review!.end).toBe(70 * MIN);

    // The scrubber runs 0–4 200 000 ms: the band starts at 180 000 / 4 200 000 = 4.286 % and spans
    // 1 800 000 / 4 200 000 = 42.857 %.
    const bands = [...root.querySelectorAll<HTMLElement>('[data-paused]')];
    expect(bands).toHaveLength(1);
    expect(bands[0]!.getAttribute('style')).toBe('left: 4.286%; width: 42.857%');
    expect(bands[0]!.title).toBe('暂停（记录时间 03:00–33:00）');
    const ends = [...root.querySelectorAll('.scrubber-ends span')].map((x) => x.textContent);
    expect(ends).toEqual(['记录时间 00:00', '记录时间 70:00']);

    // At log time 40:00 the drill clock has run 3 + 7 minutes.
    const input = root.querySelector<HTMLInputElement>('[data-scrubber]')!;
    input.value = String(40 * MIN);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(root.querySelector('[data-review-time]')!.textContent).toMatch(/^记录时间 40:00 · 演练时间 10:00 · 情景时间 /);
    // The second node begins at drill time 20:00, which is log time 50:00.
    const node = [...root.querySelectorAll<HTMLElement>('.marker-ticks [data-marker-kind="node"]')].map((x) => x.getAttribute('aria-label'));
    expect(node.some((name) => name!.startsWith('演练 20:00（记录时间 50:00）· 时间节点'))).toBe(true);
  });

  it('a note written at the playhead is anchored there and marks the scrubber', () => {
    const d = played();
    d.scrubTo(3 * MIN);
    expect(d.root.querySelector('.marker-ticks [data-marker-kind="note"]')).toBeNull();
    const form = d.root.querySelector<HTMLFormElement>('[data-note-form]')!;
    form.querySelector<HTMLTextAreaElement>('textarea[data-note-text]')!.value = '派出前未核实被困位置';
    form.querySelector<HTMLElement>('[data-note-submit]')!.click();
    const note = d.root.querySelectorAll<HTMLElement>('.marker-ticks [data-marker-kind="note"]');
    expect(note).toHaveLength(1);
    // At 3:00 the last entry is the start (seq 1).
    expect(d.review.markers.find((m) => m.kind === 'note')).toMatchObject({ t: 3 * MIN, seq: 1, label: { zh: '派出前未核实被困位置' } });
    // Jumping back to it from elsewhere.
    d.scrubTo(0);
    note[0]!.click();
    expect(d.review.t).toBe(3 * MIN);
  });

  it('in a tab that follows another, the replay still scrubs but neither branches nor writes notes', () => {
    const d = played();
    d.store.getState().setReadOnly(true);
    expect(d.root.querySelector<HTMLInputElement>('[data-scrubber]')!.disabled).toBe(false);
    d.scrubTo(3 * MIN);
    expect(d.review.t).toBe(3 * MIN);
    expect(d.root.querySelector<HTMLButtonElement>('[data-branch]')!.disabled).toBe(true);
    expect(d.root.querySelector('[data-note-form]')).toBeNull();
  });

  it('shows every view read-only, and the map the world under the playhead', () => {
    const maps: MapInput[] = [];
    const d = played({ mountMap: () => ({ update: (input) => void maps.push(input), destroy: () => {} }) });
    for (const v of ['console', 'seat', 'scoreboard', 'map']) {
      view(d.root, v);
      expect(d.root.querySelector(`[data-review-view="${v}"]`)!.getAttribute('aria-pressed')).toBe('true');
      expect(d.root.querySelector('fieldset.read-only-body[disabled]')).not.toBeNull();
    }
    expect(d.root.querySelector('[data-map-slot]')).not.toBeNull();
    d.scrubTo(3 * MIN);
    expect(maps.at(-1)!.world.t).toBe(3 * MIN);
    expect(maps.at(-1)!.world.decisions['send-usar']!.status).toBe('open');
    expect(maps.at(-1)!.size).toBe('large');
    // The live drill is over; the map is the replay's.
    expect(d.session.exercise.world.mode).toBe('debrief');
  });
});
