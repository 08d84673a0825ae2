// Evaluation forms (GB/T 46792 Annexes B–D): the five indicators read off one capability's decisions,
// the evaluators' form rating overriding an indicator or the verdict, the capability's score being
// scoring's roll-up and its verdict by the drill's own thresholds.
// The minimal scenario: one decision, send-usar (search-and-rescue), opens at 02:00 with the collapse
// report, target 2 min, deadline 5 min; the plan expects `send` (10 points), `scout` earns 3; `send`
// dispatches a team (a hand-off); nothing in it reports or notifies. Ratings P 85 / S 70 / M 50.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/core/index.ts';
import { evaluationForms } from '../../src/review/forms.ts';
import { EMPTY_RECORD, type ReviewRecord } from '../../src/review/record.ts';
import { replay } from '../../src/review/replay.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { scoreDrill } from '../../src/scoring/index.ts';
import { minimal } from '../scenario/helpers.ts';

const loaded = loadScenario(minimal(), 'minimal.yaml');
if (!loaded.ok) throw new Error('the minimal scenario does not load');
const scenario = loaded.scenario;
const START: LogEntry = { seq: 1, t: 0, actor: 'facilitator', event: { type: 'start' } };

function formOf(log: LogEntry[], until: number, record: ReviewRecord = EMPTY_RECORD) {
  const ex = replay(scenario, 1, log, until);
  return evaluationForms(scenario, ex.world, log, scoreDrill(scenario, ex.world, ex.log), record)[0]!;
}
const rows = (f: ReturnType<typeof formOf>) => f.indicators.map((r) => [r.id, r.score, r.rating]);

describe('evaluationForms', () => {
  // `scout` 3 min after opening: correctness 3/10 = 0.3; timeliness 1 − (3 − 2)/(5 − 2) = 0.667;
  // none of the plan's expected options taken; scouts free no one, so consequence 0: total
  // 100 × (0.5·0.3 + 0.2·0.667·0.3 + 0.3·0) = 19.0.
  const scout: LogEntry[] = [START, { seq: 2, t: 300_000, actor: 'fire-rescue', event: { type: 'answer', decision: 'send-usar', options: ['scout'] } }];

  const PROMPT = { zh: '“是否立即派出重型救援队赶赴岔沟？”已决策，得分 19.0', en: '“Send the heavy USAR team to Chagou now?” answered, total 19.0' };

  it("a late, partly right answer: each indicator from the decision, the capability's score the roll-up's", () => {
    const f = formOf(scout, 600_000);
    expect(f.capability).toBe('search-and-rescue');
    expect(rows(f)).toEqual([
      ['timeliness', 66.7, 'M'],
      ['completeness', 0, 'U'],
      ['coordination', 30, 'U'],
      ['conformity', 30, 'U'],
      ['reporting', null, null],
    ]);
    // The capability's one decision totals 19.0, so its roll-up is 19.0 (not the indicators' mean,
    // (66.7 + 0 + 30 + 30) / 4 = 31.7): 差 below M 50.
    expect([f.score, f.verdict, f.verdictOverride]).toEqual([19, 'U', undefined]);
    // Evidence names the decision by its prompt, never its id.
    expect(f.indicators[0]!.evidence).toEqual([{ seq: 2, t: 300_000, label: PROMPT }]);
  });

  it('an expired decision counts 0 and has no entry to point at', () => {
    const f = formOf([START], 480_000);
    expect(rows(f)).toEqual([['timeliness', 0, 'U'], ['completeness', 0, 'U'], ['coordination', 0, 'U'], ['conformity', 0, 'U'], ['reporting', null, null]]);
    expect(f.indicators.every((r) => r.evidence.length === 0)).toBe(true);
  });

  it("the evaluators' form rating overrides an indicator's rating with its reason, not its score; notes of the capability are evidence", () => {
    const record: ReviewRecord = {
      ...EMPTY_RECORD,
      notes: [{ id: 'n1', seq: 2, t: 300_000, author: '@evaluator', kind: 'improvement', text: '先侦察后派队，延误救援', capability: 'search-and-rescue', published: false }],
      formRatings: [
        { capability: 'search-and-rescue', indicator: 'coordination', rating: 'S', reason: 'first' },
        { capability: 'search-and-rescue', indicator: 'coordination', rating: 'M', reason: '与消防协同尚可' },
      ],
    };
    const f = formOf(scout, 600_000, record);
    const coordination = f.indicators[2]!;
    expect([coordination.score, coordination.rating, coordination.override?.reason]).toEqual([30, 'M', '与消防协同尚可']);
    expect(coordination.evidence.map((e) => e.label.zh)).toEqual([PROMPT.zh, '评估人员记录：先侦察后派队，延误救援']);
    // An indicator's override leaves the other rows, the score and the verdict alone.
    expect(f.indicators[3]!.rating).toBe('U');
    expect([f.score, f.verdict, f.verdictOverride]).toEqual([19, 'U', undefined]);
  });

  it("the evaluators' verdict (indicator `verdict`) replaces the capability's verdict, not its score nor any indicator", () => {
    const record: ReviewRecord = {
      ...EMPTY_RECORD,
      formRatings: [{ capability: 'search-and-rescue', indicator: 'verdict', rating: 'M', reason: '侦察属合理谨慎' }],
    };
    const f = formOf(scout, 600_000, record);
    expect([f.score, f.verdict, f.verdictOverride?.reason]).toEqual([19, 'M', '侦察属合理谨慎']);
    expect(rows(f)).toEqual(rows(formOf(scout, 600_000)));
    expect(f.indicators.every((r) => !r.override)).toBe(true);
  });
});
