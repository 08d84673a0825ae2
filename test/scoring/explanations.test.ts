import { describe, expect, it } from 'vitest';
import { Drill, MIN, SEC, haicheng } from './helpers.ts';

describe('every score explains itself', () => {
  it('names the log entry that answered, the rubric lines with points and reasons, the times, and the total', () => {
    const d = new Drill().start().at(2 * MIN + 30 * SEC);
    d.answer('fire-rescue', 'send-usar', { options: ['send'] });
    const s = d.score().decisions['send-usar']!;
    expect(s.answeredSeq).toBe(2);
    expect(s.rubric.matched).toEqual([{ line: 0, points: 10, when: 'chose send', because: { zh: '预案要求第一时间开展搜救。', en: 'The plan requires search and rescue at once.' } }]);
    const text = s.explanation.join('\n');
    expect(text).toContain('answered by log entry #2 (fire-rescue): send');
    expect(text).toContain('opened 02:00, answered 02:30 (0:30 after opening), target 2:00 after opening, deadline 07:00');
    expect(text).toContain('rubric line 1: +10 chose send — 预案要求第一时间开展搜救。 / The plan requires search and rescue at once.');
    expect(text).toContain('correctness 1.00 = 10 of 10 points');
    expect(text).toContain('consequence: chagou-collapse (collapse at chagou, appeared T+0:03): 0 of 12 trapped freed → 0.00');
    expect(text).toContain('provisional (暂定): the consequence is judged at T+6:00, and may change until then');
    expect(text).toContain('total 70 = 100 × (0.5·1.00 + 0.2·1.00×1.00 + 0.3·0.00)');
    const later = d.at(40 * MIN).score().decisions['send-usar']!.explanation.join('\n');
    expect(later).toContain('consequence: chagou-collapse (collapse at chagou, appeared T+0:03): ≈12 of 12 trapped freed alive (expected), 2.5 h after they were trapped');
  });

  it('the consequence names its incidents and numbers, or the expected effects that hold', () => {
    const s = haicheng();
    const d = new Drill(s).start().at(3 * MIN + 20 * SEC);
    d.answer('anshan-hq', 'd01-level', { options: ['iii'] });
    const level = d.score().decisions['d01-level']!;
    expect(level.consequenceBasis.method).toBe('effects');
    expect(level.consequenceBasis.effects).toEqual([
      { effect: 'set-level III', holds: 1 },
      { effect: 'activate-group g-coord', holds: 1 },
      { effect: 'notify county-haicheng, g-coord', holds: 1 },
    ]);
    expect(level.explanation.join('\n')).toContain('set-level III ✓; activate-group g-coord ✓');
  });
});
