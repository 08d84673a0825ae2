// A bot whose answer the authority refuses gives up on that decision: the refusal is logged once
// and the drill plays on to its end (it used to redraw the same answer at the same instant forever).
import { describe, expect, it } from 'vitest';
import { runDrill } from '../../src/core/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { scenario } from './test-drill.ts';

/** The minimal scenario with an expected answer the authority cannot accept (lint refuses such files; the engine must survive them anyway). */
function withExpected(expected: Scenario['decisions'][number]['expected']): Scenario {
  const s = structuredClone(scenario());
  s.decisions[0] = { ...s.decisions[0]!, expected };
  return s;
}

describe('a refused bot', () => {
  it.each(['plan', 'late'] as const)('%s: an empty expected answer is refused once, the decision expires, the drill ends', (policy) => {
    const ex = runDrill({ scenario: withExpected({ options: [], onExpiry: [] }), seed: 1, policy });
    expect(ex.world.mode).toBe('debrief');
    const tries = ex.log.filter((e) => e.event.type === 'answer' && e.event.decision === 'send-usar');
    expect(tries).toHaveLength(1);
    expect(ex.world.rejections).toEqual([expect.objectContaining({ seq: tries[0]!.seq, reason: 'choose exactly one option' })]);
    expect(ex.world.decisions['send-usar']!.outcome).toBe('expired');
  });
});
