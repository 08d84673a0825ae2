// What a participant receives of the review stream and the scores, over real sockets: never an
// evaluator's note, its own self-assessment back at once; the scores only once the facilitator shows
// them, computed with the whole scenario (its own has no rubric), the plan's reasons held back
// while the expected answers are hidden.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewLine } from '../../src/protocol/messages.ts';
import { REDACTED } from '../../src/protocol/views.ts';
import type { ReviewEvent } from '../../src/review/record.ts';
import type { DrillScore } from '../../src/scoring/index.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { clientIdFor, createDrill, join, newLink, sleep, stringsOf, type SeatClient } from './seat-client.ts';

let data: string;
let server: RunningServer;
const clients: SeatClient[] = [];

beforeAll(async () => {
  data = mkdtempSync(joinPath(tmpdir(), 'qd-participant-'));
  server = await startServer({ port: 0, data: joinPath(data, 'drills'), appDir: data });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
  rmSync(data, { recursive: true, force: true });
});

const host = () => ({ url: server.url, hostKey: server.hostKey });
const joined = async (drill: string, role: string, seat: string) => {
  const link = await newLink(host(), drill, role, seat);
  const client = await join(server.url, link.token);
  clients.push(client);
  return client;
};
/** The payloads of one event name a socket received, from its connection on. */
const heard = <T>(client: SeatClient, event: string): T[] => {
  const out: T[] = [];
  client.socket.on(event, (m: T) => out.push(m));
  return out;
};
async function until(ok: () => boolean) {
  for (let i = 0; i < 300 && !ok(); i++) await sleep(10);
  expect(ok()).toBe(true);
}

const NOTE: ReviewEvent = { type: 'note', id: 'note-secret', seq: 0, t: 0, kind: 'improvement', text: '评估组私评：支队出动迟缓' };
const SELF: ReviewEvent = { type: 'self-assessment', seat: 'fire-rescue', rating: 4, well: '出动及时', hard: '', plan: '' };
/** minimal.yaml's rubric line for 'send': the plan's reason, which a seat must not read while the answers are hidden. */
const PLAN_REASON = '预案要求第一时间开展搜救。';

describe('a participant at a server drill', () => {
  it('never receives an evaluator’s note, and gets its own self-assessment back live', async () => {
    const { drill } = await createDrill(host(), 'minimal.yaml', 5);
    const evaluator = await joined(drill, 'evaluator', 'evaluator');
    const seat = await joined(drill, 'seat', 'fire-rescue');
    const observer = await joined(drill, 'observer', 'observer');
    const toEvaluator = heard<{ lines: ReviewLine[] }>(evaluator, 'review');
    const toSeat = heard<{ lines: ReviewLine[] }>(seat, 'review');

    expect(await evaluator.raw('review', { clientId: clientIdFor('note'), event: NOTE })).toEqual({ ok: true, seq: 1 });
    expect(await seat.raw('review', { clientId: clientIdFor('self'), event: SELF })).toEqual({ ok: true, seq: 2 });
    await until(() => toEvaluator.length === 2 && toSeat.length === 1);
    expect(toEvaluator.flatMap((m) => m.lines.map((l) => [l.n, l.actor]))).toEqual([
      [1, '@evaluator'],
      [2, 'fire-rescue'],
    ]);
    expect(toSeat).toEqual([{ lines: [{ n: 2, actor: 'fire-rescue', event: SELF }] }]);

    // A seat joining later: its own line in the welcome, the note nowhere.
    const later = await joined(drill, 'seat', 'fire-rescue');
    expect((await later.welcomed()).review).toEqual([{ n: 2, actor: 'fire-rescue', event: SELF }]);
    for (const c of [seat, observer, later]) expect(stringsOf(c.received).filter((s) => s.includes('支队出动迟缓'))).toEqual([]);
  });

  it('receives the scores once shown, correct and without the plan’s reasons while the answers are hidden', async () => {
    const { drill, links } = await createDrill(host(), 'minimal.yaml', 5);
    const facilitator = await join(server.url, links.find((l) => l.role === 'facilitator')!.token);
    clients.push(facilitator);
    const seat = await joined(drill, 'seat', 'fire-rescue');
    const scores = heard<{ scores: DrillScore | null }>(seat, 'scores');
    const welcome = await seat.welcomed();
    expect(welcome.scenario.decisions[0]!.rubric).toEqual([]); // it cannot score the drill itself

    expect(await facilitator.command({ type: 'start' })).toMatchObject({ ok: true });
    expect(await facilitator.command({ type: 'fire-inject', inject: 'collapse-report' })).toMatchObject({ ok: true });
    await seat.folds(facilitator.lastSeq);
    expect(await seat.command({ type: 'answer', decision: 'send-usar', options: ['send'] })).toMatchObject({ ok: true });
    await sleep(1200); // two heartbeats: nothing is sent while the scores are hidden
    expect(scores).toEqual([]);

    expect(await facilitator.command({ type: 'set-visibility', scores: true, answers: false })).toMatchObject({ ok: true });
    await until(() => scores.some((m) => m.scores !== null));
    const hidden = scores.at(-1)!.scores!;
    const d = hidden.decisions['send-usar']!;
    // By hand from minimal.yaml: 'send' matches the rubric's 10-point line of 10 possible → correctness 1.
    expect([d.status, d.correctness, d.rubric.points, d.rubric.maxPoints]).toEqual(['answered', 1, 10, 10]);
    expect(d.answer).toEqual({ options: ['send'], allocations: [] });
    expect([d.rubric.matched, d.explanation, d.planClause, d.consequenceBasis.effects]).toEqual([[], [], REDACTED, []]);
    expect(stringsOf(scores).filter((s) => s.includes(PLAN_REASON) || s.includes('应急响应·抢险救援'))).toEqual([]);

    expect(await facilitator.command({ type: 'set-visibility', scores: true, answers: true })).toMatchObject({ ok: true });
    await until(() => scores.at(-1)!.scores?.decisions['send-usar']!.rubric.matched.length === 1);
    const shown = scores.at(-1)!.scores!.decisions['send-usar']!;
    expect(shown.rubric.matched.map((m) => [m.line, m.points, m.because.zh])).toEqual([[0, 10, PLAN_REASON]]);
    expect(shown.total).toBe(d.total);

    expect(await facilitator.command({ type: 'set-visibility', scores: false, answers: false })).toMatchObject({ ok: true });
    await until(() => scores.at(-1)!.scores === null);
  });
});
