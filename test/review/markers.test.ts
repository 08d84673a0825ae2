// The scrubber's markers of the default scenario, checked against its file: node boundaries from
// the nodes' lengths, injects at their scripted offsets, decisions opening and running out by their
// deadlines, level changes from the options' effects, and log time apart from drill time in a pause.
import { beforeAll, describe, expect, it } from 'vitest';
import { FACILITATOR, runDrill, type LogEntry } from '../../src/core/index.ts';
import { drillMarkers, foldReview, notesFor, Timeline, type Marker } from '../../src/review/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { EVALUATOR } from '../../src/core/actors.ts';
import { haicheng, MIN, SEC } from '../scoring/helpers.ts';

let s: Scenario;
beforeAll(() => {
  s = haicheng();
});

const of = (markers: Marker[], kind: Marker['kind'], ref?: string) => markers.filter((m) => m.kind === kind && (ref === undefined || m.ref === ref));
const start: LogEntry = { seq: 1, t: 0, actor: FACILITATOR, event: { type: 'start' } };

describe('a whole drill played by the plan bots', () => {
  let markers: Marker[];
  let log: readonly LogEntry[];
  let end: number;
  beforeAll(() => {
    const ex = runDrill({ scenario: s, seed: 1, policy: 'plan' });
    log = ex.log;
    end = ex.world.t;
    markers = drillMarkers(s, 1, log, end);
  });

  it('marks each node where the one before it ends (lengths 20, 25, 35, 25 min), with its name', () => {
    expect(end).toBe(120 * MIN); // 20 + 25 + 35 + 25 + 15 min: the drill ends itself
    expect(of(markers, 'node').map((m) => [m.t, m.ref])).toEqual([
      [0, 'n1'],
      [20 * MIN, 'n2'],
      [45 * MIN, 'n3'],
      [80 * MIN, 'n4'],
      [105 * MIN, 'n5'],
    ]);
    expect(of(markers, 'node')[0]).toEqual({ t: 0, seq: 1, kind: 'node', ref: 'n1', label: { zh: '第一节点 震后30分钟：震情速报与启动应急响应', en: 'Node 1 — T+0–30 min: quake report and declaring the response' } });
    // The later nodes open when the clock reaches them: no entry did it.
    expect(of(markers, 'node')[1]!.seq).toBeNull();
  });

  it('marks an inject at its scripted offset in its node, titled as the script titles it', () => {
    // i01 at n1+0 (delivered by the start entry), i02 at n1+2m, i03 at n1+4m.
    expect(of(markers, 'inject', 'i01-quake-report')).toEqual([{ t: 0, seq: 1, kind: 'inject', ref: 'i01-quake-report', label: { zh: '震情速报', en: 'The quake report' } }]);
    expect(of(markers, 'inject', 'i02-intensity')).toEqual([{ t: 2 * MIN, seq: null, kind: 'inject', ref: 'i02-intensity', label: { zh: '烈度速报与灾害快速评估', en: 'Rapid intensity map and loss estimate' } }]);
    expect(of(markers, 'inject', 'i03-first-damage').map((m) => m.t)).toEqual([4 * MIN]);
  });

  it('marks a decision when it opens and when its answer comes in, at the answer entry', () => {
    // d03 opens at n1+1m; d01 one minute after i02 (n1+2m).
    expect(of(markers, 'decision', 'd03-quake-consult').map((m) => m.t)).toEqual([1 * MIN]);
    expect(of(markers, 'decision', 'd01-level')).toEqual([
      { t: 3 * MIN, seq: null, kind: 'decision', ref: 'd01-level', label: { zh: '根据震情速报、烈度速报和首报灾情，指挥部决定启动哪一级地震应急响应？', en: 'From the quake report, the intensity map and the first damage reports, which level of earthquake response does the HQ declare?' } },
    ]);
    const answer = log.find((e) => e.event.type === 'answer' && e.event.decision === 'd01-level')!;
    const [answered] = of(markers, 'answer', 'd01-level');
    expect(answered).toMatchObject({ t: answer.t, seq: answer.seq, label: { zh: '作答：根据震情速报、烈度速报和首报灾情，指挥部决定启动哪一级地震应急响应？' } });
    // The plan answers d01 with iii, whose effect sets level III (named as the scenario's levels name
    // it), and d36 with 'end', whose effect ends the response.
    const ended = log.find((e) => e.event.type === 'answer' && e.event.decision === 'd36-end-response')!;
    expect(of(markers, 'level')).toEqual([
      { t: answer.t, seq: answer.seq, kind: 'level', label: { zh: '较大地震灾害（Ⅲ级响应）', en: 'Serious (Level III)' } },
      { t: ended.t, seq: ended.seq, kind: 'level', label: { zh: '响应终止', en: 'Response ended' } },
    ]);
  });

  it('marks a team on scene at the moment the world first has it there', () => {
    const arrivals = of(markers, 'arrival');
    expect(arrivals.length).toBeGreaterThan(0);
    const first = arrivals[0]!;
    const timeline = new Timeline(s, 1, log);
    expect(timeline.seek(first.t - 1).world.teams[first.ref!]!.status).toBe('en-route');
    expect(timeline.seek(first.t).world.teams[first.ref!]!.status).toBe('on-scene');
    expect(first.seq).toBeNull();
    expect(first.label.zh).toMatch(/到达/);
  });

  it('is sorted by time', () => {
    expect(markers.map((m) => m.t)).toEqual([...markers.map((m) => m.t)].sort((a, b) => a - b));
  });
});

describe('what the clock does after the last entry', () => {
  it('an idle room: decisions run out by their deadlines, and marking stops at the record end given', () => {
    const ex = runDrill({ scenario: s, seed: 1, policy: 'idle' });
    const all = drillMarkers(s, 1, ex.log, ex.world.t);
    // d03 opens at 1 min with a 10 min deadline; d01 at 3 min with 10 min, and its expiry sets level IV.
    expect(of(all, 'answer', 'd03-quake-consult')).toEqual([{ t: 11 * MIN, seq: null, kind: 'answer', ref: 'd03-quake-consult', label: { zh: '超时：市地震局震后应立即开展哪些工作？（多选）', en: expect.stringMatching(/^Expired: /) } }]);
    expect(of(all, 'level')).toEqual([{ t: 13 * MIN, seq: null, kind: 'level', label: { zh: '一般地震灾害（Ⅳ级响应）', en: 'Moderate (Level IV)' } }]);
    expect(of(all, 'node').map((m) => m.ref)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    // Without `until` the record ends at its last entry.
    const entriesOnly = drillMarkers(s, 1, ex.log);
    expect(entriesOnly.every((m) => m.t <= ex.log.at(-1)!.t)).toBe(true);
    expect(of(drillMarkers(s, 1, ex.log, 12 * MIN), 'level')).toEqual([]);
  });
});

describe('log time, not drill time', () => {
  it('a pause moves every later marker by its length', () => {
    const log: LogEntry[] = [start, { seq: 2, t: 30 * SEC, actor: FACILITATOR, event: { type: 'pause' } }, { seq: 3, t: 10 * MIN, actor: FACILITATOR, event: { type: 'resume' } }];
    const markers = drillMarkers(s, 1, log, 15 * MIN);
    // 30 s of drill time before the pause: d03 (n1+1m) opens 30 s after the resume, i02 (n1+2m) 90 s after.
    expect(of(markers, 'decision', 'd03-quake-consult').map((m) => m.t)).toEqual([10 * MIN + 30 * SEC]);
    expect(of(markers, 'inject', 'i02-intensity').map((m) => m.t)).toEqual([11 * MIN + 30 * SEC]);
  });

  it("an inject fired early with the facilitator's title, and one written live", () => {
    const log: LogEntry[] = [
      start,
      { seq: 2, t: 10 * SEC, actor: FACILITATOR, event: { type: 'fire-inject', inject: 'i03-first-damage', edit: { title: '岔沟镇倒塌（改）' } } },
      { seq: 3, t: 20 * SEC, actor: FACILITATOR, event: { type: 'live-inject', title: '临时插入：余震', text: '4.1级余震', to: ['ema'] } },
      // Refused (no such inject): nothing to mark.
      { seq: 4, t: 25 * SEC, actor: FACILITATOR, event: { type: 'fire-inject', inject: 'i99-none' } },
    ];
    const markers = drillMarkers(s, 1, log);
    expect(of(markers, 'inject')).toEqual([
      { t: 0, seq: 1, kind: 'inject', ref: 'i01-quake-report', label: { zh: '震情速报', en: 'The quake report' } },
      { t: 10 * SEC, seq: 2, kind: 'inject', ref: 'i03-first-damage', label: { zh: '岔沟镇倒塌（改）', en: '岔沟镇倒塌（改）' } },
      { t: 20 * SEC, seq: 3, kind: 'inject', ref: 'live-3', label: { zh: '临时插入：余震', en: '临时插入：余震' } },
    ]);
  });
});

describe('notes', () => {
  it('are marked at their anchors, after what the log marks at the same moment, clipped to a line', () => {
    const long = '指'.repeat(100);
    const record = foldReview([
      { n: 1, actor: EVALUATOR, event: { type: 'note', id: 'n1', seq: 1, t: 2 * MIN, kind: 'improvement', text: long } },
      { n: 2, actor: EVALUATOR, event: { type: 'note', id: 'n2', seq: 1, t: 30 * SEC, kind: 'strength', text: '研判及时' } },
    ]);
    const markers = drillMarkers(s, 1, [start], 2 * MIN, notesFor(record, EVALUATOR));
    // At n1+2m the script delivers i02 and opens d02; the note comes after both.
    expect(markers.filter((m) => m.t === 2 * MIN).map((m) => [m.kind, m.ref])).toEqual([
      ['inject', 'i02-intensity'],
      ['decision', 'd02-notify'],
      ['note', 'n1'],
    ]);
    expect(of(markers, 'note')).toEqual([
      { t: 30 * SEC, seq: 1, kind: 'note', ref: 'n2', label: { zh: '研判及时', en: '研判及时' } },
      { t: 2 * MIN, seq: 1, kind: 'note', ref: 'n1', label: { zh: `${'指'.repeat(79)}…`, en: `${'指'.repeat(79)}…` } },
    ]);
  });
});
