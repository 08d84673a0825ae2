// A drill log is input like any other: the reader refuses what the live authority could never have
// accepted, with the line, before anything is replayed; a long pause costs no memory in a timeline.
import { describe, expect, it } from 'vitest';
import { FACILITATOR, type LogEntry } from '../../src/core/index.ts';
import { LOG_FORMAT_V1, parseLog, Timeline } from '../../src/review/index.ts';
import { scenario } from '../core/test-drill.ts';

const header = JSON.stringify({ format: LOG_FORMAT_V1, scenario: 'scenarios/minimal.yaml', scenarioId: 'minimal-example', seed: 1 });
const start = JSON.stringify({ seq: 1, t: 0, actor: FACILITATOR, event: { type: 'start' } });
const problemOf = (...lines: string[]) => {
  const parsed = parseLog([header, start, ...lines].join('\n'));
  if (parsed.ok) throw new Error('the log was read');
  return parsed.problem;
};
const entry = (t: unknown, event: object, actor = FACILITATOR) => JSON.stringify({ seq: 2, t, actor, event });

describe('hostile drill logs', () => {
  it('absurd times are refused at their line: not finite, or beyond a month of room time', () => {
    // 1e308 used to print as "1.67e+303:40"; 1e15 drove a seek to 3 GB.
    expect(problemOf(entry(1e308, { type: 'pause' }))).toMatchObject({ line: 3, message: 't=1e+308 ms is more than 30 days after the drill was created: not a drill\'s time' });
    expect(problemOf(entry(1e15, { type: 'pause' }))).toMatchObject({ line: 3, message: 't=1000000000000000 ms is more than 30 days after the drill was created: not a drill\'s time' });
    // JSON has no NaN: JSON.stringify writes null.
    expect(problemOf(entry(NaN, { type: 'pause' }))).toMatchObject({ line: 3, message: 't must be a non-negative number of ms, not null' });
  });

  it('payloads the authority would refuse by their shape are refused by the reader too, with the same words', () => {
    expect(problemOf(entry(1, { type: 'extend-deadline', decision: 'send-usar', byMs: Infinity })).message).toBe(`a 'extend-deadline' event "byMs": Invalid input: expected number, received null`);
    expect(problemOf(entry(1, { type: 'fire-inject', inject: 'toString' })).message).toBe(`a 'fire-inject' event "inject": an id: lower-case letters, digits and hyphens`);
    expect(problemOf(entry(1, { type: 'assign-seat', seat: 'fire-rescue', policy: 'genius' })).message).toMatch(/^a 'assign-seat' event "policy": Invalid option/);
    expect(problemOf(entry(1, { type: 'pause', extra: 1 })).message).toBe(`a 'pause' event has no field "extra"`);
    expect(problemOf(entry(1, { type: 'report', to: 'hq', text: 'x'.repeat(4001) })).message).toMatch(/^a 'report' event "text": Too big/);
    // JSON has no Infinity: JSON.stringify writes null.
    expect(problemOf(entry(1, { type: 'plot', mark: { kind: 'symbol', symbol: 'fire', points: [[Infinity, 122]] }, audience: 'all' }, 'hq')).message).toBe(`a 'plot' event "mark.points.0.0": Invalid input: expected number, received null`);
    expect(problemOf(entry(1, { type: 'plot', mark: { kind: 'cordon', points: Array.from({ length: 1e4 }, () => [40, 122]) }, audience: 'all' }, 'hq')).message).toMatch(/^a 'plot' event "mark\.points": Too big/);
    expect(problemOf(entry(1, { type: 'unplot', mark: 1e300 }, 'hq')).message).toBe(`a 'unplot' event "mark": a log entry number`);
    expect(problemOf(entry(1, { type: 'live-inject', title: 't', text: 'x', to: Array.from({ length: 1e4 }, (_, i) => `seat-${i}`) })).message).toMatch(/^a 'live-inject' event "to": Too big/);
    expect(problemOf(entry(1, { type: 'assign-seats', seats: ['hq', 'hq'], policy: 'plan' })).message).toBe(`a 'assign-seats' event "seats": name each seat once`);
    expect(problemOf(entry(1, { type: 'fire-inject', inject: 'collapse-report', edit: { title: 'x'.repeat(201) } })).message).toMatch(/^a 'fire-inject' event "edit\.title": Too big/);
    expect(problemOf(entry(1, { type: 'void-decision', decision: 'send-usar', reason: 'x'.repeat(4001) })).message).toMatch(/^a 'void-decision' event "reason": Too big/);
    expect(problemOf(entry(1, { type: 'reopen-decision', decision: 'send-usar', byMs: 25 * 3_600_000 })).message).toBe(`a 'reopen-decision' event "byMs": reopen by at most 24 h at a time`);
  });

  it("the header's until is a drill time, and no earlier than the last entry", () => {
    const withUntil = (until: unknown) => JSON.stringify({ format: LOG_FORMAT_V1, scenario: 'scenarios/minimal.yaml', seed: 1, until });
    const late = parseLog([withUntil(1e15), start].join('\n'));
    expect(late.ok || late.problem).toMatchObject({ line: 1, message: expect.stringMatching(/^the header's until: t=1000000000000000 ms is more than 30 days/) });
    const early = parseLog([withUntil(5), start, entry(10, { type: 'pause' })].join('\n'));
    expect(early.ok || early.problem).toMatchObject({ line: 1, message: "the header's until=5 comes before the last entry's t=10" });
  });

  it('a drill paused for 29 days keeps one checkpoint for the pause, not one a minute', () => {
    const DAY = 86_400_000;
    const log: LogEntry[] = [
      { seq: 1, t: 0, actor: FACILITATOR, event: { type: 'start' } },
      { seq: 2, t: 60_000, actor: FACILITATOR, event: { type: 'pause' } },
      { seq: 3, t: 29 * DAY, actor: FACILITATOR, event: { type: 'resume' } },
      { seq: 4, t: 29 * DAY + 120_000, actor: FACILITATOR, event: { type: 'pause' } },
    ];
    const timeline = new Timeline(scenario(), 1, log);
    // Checkpoints at 0 and 1 min (paused there), none in the pause, then 29 d, +1 min, +2 min: 5 — one a minute would be 41,763.
    expect(timeline.length).toBe(5);
    expect(timeline.seek(15 * DAY).world).toMatchObject({ mode: 'paused', clock: 60_000 });
    expect(timeline.seek(29 * DAY + 90_000).world).toMatchObject({ mode: 'running', clock: 150_000 });
  });
});
