// compareDrills: what it refuses (two scenarios, or a record of another scenario), how it names a
// branch and checks the start it shares with its parent, how two series of different lengths align,
// how differences in people are written, unit scores as the debrief gives them (bots beside), and
// Markdown that keeps labels as text.
import { describe, expect, it } from 'vitest';
import { FACILITATOR, type LogEntry } from '../../src/core/index.ts';
import { alignSeries, compareDrills, comparisonMarkdown, ComparisonRefused, peopleDelta, type DrillInput } from '../../src/review/compare.ts';
import { chainHashes, headerFor, parseLog, replay, writeLog, type ParentRef } from '../../src/review/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { scoreDrill } from '../../src/scoring/index.ts';
import { RATING_ZH } from '../../src/scoring/ratings.ts';
import type { SeriesPoint } from '../../src/review/series.ts';
import { MIN, scenario as load } from '../core/test-drill.ts';

const scenario = load();
const UNTIL = 40 * MIN;
const start: LogEntry = { seq: 1, t: 0, actor: FACILITATOR, event: { type: 'start' } };
const answer = (option: string, t = 4 * MIN): LogEntry => ({ seq: 2, t, actor: 'fire-rescue', event: { type: 'answer', decision: 'send-usar', options: [option] } });

function drill(label: string, id: string, log: LogEntry[], more: { parent?: ParentRef; seed?: number; scenario?: Scenario } = {}): DrillInput {
  const parsed = parseLog(writeLog(headerFor('minimal.yaml', more.scenario ?? scenario, more.seed ?? 1, { drill: id, until: UNTIL, ...(more.parent ? { parent: more.parent } : {}) }), log));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return { label, header: parsed.header, log: parsed.log, trust: parsed.trust };
}

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ComparisonRefused) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('compareDrills refuses', () => {
  const a = drill('a', 'drill-a', [start, answer('send')]);
  it('two drills of different scenarios, in both languages', () => {
    const b = drill('b', 'drill-b', [start]);
    b.header = { ...b.header, scenarioId: 'haicheng-m5-8' };
    const e = refusal(() => compareDrills(scenario, a, b));
    expect(e.reason).toBe('different-scenarios');
    expect(e.message).toBe("a and b were played on 'minimal-example' and 'haicheng-m5-8': only drills of one scenario compare");
    expect(e.zh).toBe('a 与 b 分别基于「minimal-example」与「haicheng-m5-8」，只有同一情景的推演可以对比');
  });

  it('two versions of one scenario whose contents differ', () => {
    const b = drill('b', 'drill-b', [start]);
    b.header = { ...b.header, scenarioHash: '0'.repeat(64) };
    expect(refusal(() => compareDrills(scenario, a, b)).message).toContain("two versions of 'minimal-example' (1.0.0, 1.0.0, their contents differ)");
  });

  it('two records of one scenario that is not the one given', () => {
    const edited = structuredClone(scenario);
    edited.decisions[0]!.deadline += MIN;
    const b = drill('b', 'drill-b', [start]);
    const e = refusal(() => compareDrills(edited, a, b));
    expect(e.reason).toBe('not-this-scenario');
    expect(e.message).toBe('a was not played on this scenario (minimal-example 1.0.0)');
  });
});

describe('a what-if branch', () => {
  const parentLog = [start, answer('scout')];
  const parent = drill('原推演', 'drill-parent', parentLog);
  const ref: ParentRef = { drill: 'drill-parent', seq: 1, hash: chainHashes(parent.header.hash, parentLog)[0]! };

  it('is named with the entry it branched at, and its shared start checks out', () => {
    const c = compareDrills(scenario, drill('分支', 'drill-branch', [start, answer('send')], { parent: ref }), parent);
    expect(c.branching).toEqual({ child: 'a', seq: 1, hash: ref.hash, scenarioMs: 0, verified: true });
    // The other way round: b is the branch.
    expect(compareDrills(scenario, parent, drill('分支', 'drill-branch', [start, answer('send')], { parent: ref })).branching).toMatchObject({ child: 'b', verified: true });
  });

  it('whose start differs from the parent it names does not check out', () => {
    const moved: LogEntry = { ...start, t: 1 };
    const c = compareDrills(scenario, drill('分支', 'drill-branch', [moved, answer('send')], { parent: ref }), parent);
    expect(c.branching!.verified).toBe(false);
  });

  it('is no branch when neither names the other', () => {
    expect(compareDrills(scenario, drill('x', 'drill-x', [start, answer('send')]), parent).branching).toBeNull();
  });
});

describe('the answers, times and people', () => {
  const c = compareDrills(scenario, drill('a', 'drill-a', [start, answer('send')]), drill('b', 'drill-b', [start, answer('send', 5 * MIN + 30_000)]));
  it('gives each answer in words and when it came, in drill and scenario time', () => {
    const d = c.decisions[0]!;
    // n1 maps 30 scenario min onto 20 drill min: 4:00 → T+0:06, 5:30 → T+0:08:15.
    expect(d.a).toMatchObject({ answer: { zh: '立即派出', en: 'Send now' }, answeredClock: 4 * MIN, answeredScenarioMs: 6 * MIN });
    expect(d.b).toMatchObject({ answeredClock: 5.5 * MIN, answeredScenarioMs: 8.25 * MIN });
    expect(d.same).toBe(true);
    // 4:00 is within the 2-min target of its 2:00 opening; 5:30 is 1:30 past it, half of the 3 min left
    // to the deadline: timeliness 0.5, so 0.2 × 0.5 × 100 = 10 points less, and the later team frees the
    // trapped later, which can only lower b's consequence.
    expect(d.delta).toBeGreaterThanOrEqual(10);
  });

  it('writes a difference in people as whole people', () => {
    expect([peopleDelta(0), peopleDelta(0.04), peopleDelta(0.3), peopleDelta(-1.6), peopleDelta(3), peopleDelta(null)]).toEqual(['0', '+<1', '+<1', '≈−2', '+3', '—']);
  });
});

describe('unit scores', () => {
  // The unit gets a short name, as haicheng's units have: the debrief shows it.
  const named = structuredClone(scenario);
  named.organisation.units[0]!.short = { zh: '消防支队', en: 'Fire' };
  // The unit's one decision alone: the HQ's number, ranking and report would expire beside it.
  named.decisions = named.decisions.filter((d) => d.id === 'send-usar');
  const byBot: LogEntry = { ...answer('send'), event: { type: 'answer', decision: 'send-usar', options: ['send'], bot: 'plan' } };
  const [seatLog, botLog] = [[start, answer('send')], [start, byBot]];
  const c = compareDrills(named, drill('a', 'drill-a', seatLog, { scenario: named }), drill('b', 'drill-b', botLog, { scenario: named }));
  /** What the debrief shows: scoring's own roll-ups of each drill, not through the comparison. */
  const [seat, bot] = [seatLog, botLog].map((log) => scoreDrill(named, replay(named, 1, log, UNTIL).world, log));
  const total = seat!.decisions['send-usar']!.total!;

  it('are the debrief’s: the seat’s answer counts, a bot’s stands beside, under the short name', () => {
    // One answer, the same in both, at the same time: the same total, by a person in a, by a bot in b.
    expect(bot!.decisions['send-usar']!.total).toBe(total);
    expect([seat!.units['fire-rescue']!.score, bot!.units['fire-rescue']!.score, bot!.units['fire-rescue']!.bots]).toEqual([total, null, { score: total, decisions: 1 }]);
    expect(c.units).toEqual([
      { id: 'fire-rescue', name: { zh: '消防支队', en: 'Fire' }, score: { a: total, b: null, delta: null }, rating: { a: seat!.units['fire-rescue']!.rating, b: null }, bots: { a: null, b: total, delta: null, decisions: { a: 0, b: 1 } } },
    ]);
  });

  it('leave capabilities as they are: they count every answer, with no bots beside', () => {
    expect(c.capabilities[0]).toMatchObject({ id: 'search-and-rescue', score: { a: total, b: total, delta: 0 }, bots: null });
  });

  it('show the bots beside in Markdown, in both languages', () => {
    const r = seat!.units['fire-rescue']!.rating!;
    expect(comparisonMarkdown(c, 'zh')).toContain(`| 消防支队 | ${total.toFixed(1)} ${RATING_ZH[r]} | — | — | — | ${total.toFixed(1)}（1） | — |`);
    expect(comparisonMarkdown(c, 'en')).toContain(`| Fire | ${total.toFixed(1)} ${r} ${RATING_ZH[r]} | — | — | — | ${total.toFixed(1)} (1) | — |`);
  });
});

describe('alignSeries', () => {
  const point = (scenarioMs: number, rescuedAlive: number): SeriesPoint => ({ scenarioMs, t: 0, trapped: 12, rescuedAlive, deadTrapped: 0, hoursWithout: [0], shelterOpened: 0, overall: null });
  it('holds a drill at its last sample until its record ends, and leaves it out after', () => {
    const a = [point(0, 0), point(30 * MIN, 1), point(60 * MIN, 5)];
    const b = [point(0, 0), point(45 * MIN, 2)];
    expect(alignSeries(a, b).map((p) => [p.scenarioMs, p.a?.rescuedAlive ?? null, p.b?.rescuedAlive ?? null])).toEqual([
      [0, 0, 0],
      [30 * MIN, 1, 0],
      [45 * MIN, 1, 2],
      [60 * MIN, 5, null],
    ]);
  });
});

describe('comparisonMarkdown', () => {
  it('keeps labels as text: no markup, no broken table', () => {
    const c = compareDrills(scenario, drill('<b>a|x</b>', 'drill-a', [start, answer('send')]), drill('b', 'drill-b', [start, answer('scout')]));
    const text = comparisonMarkdown(c, 'en');
    expect(text).not.toContain('<b>');
    expect(text).toContain('| &lt;b&gt;a\\|x&lt;/b&gt; | drill-a |');
  });
});
