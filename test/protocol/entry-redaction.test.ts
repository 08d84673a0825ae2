// A log entry as each viewer receives it: the words of a report, an order, a live or edited inject
// only for their sender and addressees (and control, and observers); a live inject's expected action
// and a control mark's words never for a participant. Seq, t and actor always as logged.
import { beforeAll, describe, expect, it } from 'vitest';
import { FACILITATOR, type Exercise, type LogEntry } from '../../src/core/index.ts';
import { entryFor, REDACTED, type Viewer } from '../../src/protocol/index.ts';
import { playHaicheng, SECRET } from './drill.ts';
import { MIN } from '../core/test-drill.ts';

const seat = (id: string): Viewer => ({ role: 'seat', seat: id });
const OBSERVER: Viewer = { role: 'observer', seat: 'observer-1' };

describe('entryFor', () => {
  let ex: Exercise;
  let byType: (type: string, actor?: string) => LogEntry;
  beforeAll(() => {
    ex = playHaicheng(9 * MIN);
    byType = (type, actor) => ex.log.find((e) => e.event.type === type && (actor === undefined || e.actor === actor))!;
  });
  const as = (entry: LogEntry, viewer: Viewer) => entryFor(entry, viewer, ex.model);

  it("a report's text: its sender and the addressed group read it, a third seat does not", () => {
    const report = byType('report');
    expect(report.event).toEqual({ type: 'report', to: 'g-rescue', text: SECRET.report });
    expect(as(report, seat('fire-rescue'))).toBe(report);
    expect(as(report, seat('g-rescue')).event).toEqual(report.event);
    // blue-sky is a member of g-rescue: what is addressed to the group reaches it.
    expect(as(report, seat('blue-sky')).event).toEqual(report.event);
    const third = as(report, seat('county-tiexi'));
    expect(third).toEqual({ seq: report.seq, t: report.t, actor: 'fire-rescue', event: { type: 'report', to: 'g-rescue', text: REDACTED } });
    expect(as(report, OBSERVER)).toEqual(report);
  });

  it("an order's text: the HQ that sent it and the group's members read it, others do not", () => {
    const order = byType('order');
    expect(as(order, seat('anshan-hq')).event).toEqual(order.event);
    expect(as(order, seat('forest-fire-brigade')).event).toEqual(order.event);
    expect(as(order, seat('health')).event).toEqual({ type: 'order', to: 'g-rescue', text: REDACTED });
  });

  it("a live inject: its addressee reads it without the expected action, another seat reads neither", () => {
    const live = byType('live-inject');
    const { expected: _expected, ...told } = live.event as Record<string, unknown>;
    expect(as(live, seat('county-tiexi')).event).toEqual(told);
    expect(as(live, OBSERVER).event).toEqual(told);
    expect(as(live, seat('ema')).event).toEqual({ type: 'live-inject', to: ['county-tiexi'], title: REDACTED, text: REDACTED, question: REDACTED });
    for (const role of ['facilitator', 'commander', 'controller', 'evaluator'] as const) expect(as(live, { role, seat: role })).toBe(live);
  });

  it("an edited inject's words: for its new recipients only", () => {
    const fire = byType('fire-inject');
    expect(as(fire, seat('anshan-hq')).event).toEqual(fire.event);
    // ema was among the script's recipients, not the edit's.
    expect(as(fire, seat('ema')).event).toEqual({ type: 'fire-inject', inject: 'i09-province-chase', edit: { title: REDACTED, narrative: REDACTED, to: ['anshan-hq'] } });
  });

  it("a control mark's words: control only, not even the observer", () => {
    const plot = byType('plot', FACILITATOR);
    const redacted = { type: 'plot', audience: 'control', mark: { kind: 'note', points: [[40.85, 122.75]], text: REDACTED } };
    expect(as(plot, seat('anshan-hq')).event).toEqual(redacted);
    expect(as(plot, OBSERVER).event).toEqual(redacted);
    expect(as(plot, { role: 'evaluator', seat: 'ev-1' })).toBe(plot);
  });

  it('a report its schema refused: its sender sees it as sent, others its type alone (which the schema refuses too)', () => {
    const oversize = ex.log.find((e) => e.event.type === 'report' && (e.event as { text: string }).text.length === 5000)!;
    expect(as(oversize, seat('fire-rescue'))).toBe(oversize);
    expect(as(oversize, seat('g-rescue'))).toEqual({ seq: oversize.seq, t: oversize.t, actor: 'fire-rescue', event: { type: 'report' } });
  });

  it('answers and the flow pass as they are', () => {
    for (const entry of ex.log.filter((e) => e.event.type === 'answer' || e.event.type === 'start')) expect(as(entry, seat('health'))).toBe(entry);
  });
});
