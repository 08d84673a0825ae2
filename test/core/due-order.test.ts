// What falls due at one instant fires in a fixed order (DESIGN.md, timers): deadlines first (an
// inject's contingency may wait for them), then injects, decisions opening, scenario-timed items, and
// the node's end last; equal kinds by id. The engine finds what is due from indexes, not by scanning,
// so this pins the order it must keep.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/index.ts';
import { MIN, scenario, TestDrill } from './test-drill.ts';

/** minimal.yaml plus decisions that expire together, an inject waiting on one, and a deadline at the node's end. */
function sameInstant(): Scenario {
  const s = structuredClone(scenario());
  const base = s.decisions[0]!;
  const late = (id: string, offset: number): Scenario['decisions'][number] => ({
    ...structuredClone(base),
    id,
    opens: { node: 'n1', offset },
    deadline: 10 * MIN,
    expected: { options: ['send'], onExpiry: [{ do: 'activate-group', group: 'rescue-group' }] },
  });
  // Opened at 5 min, both expire at 15 min; 'z-late' listed first so file order is not id order.
  s.decisions.push(late('z-late', 5 * MIN), late('a-late', 5 * MIN), late('m-end', 10 * MIN));
  s.injects.push({ ...structuredClone(s.injects[0]!), id: 'c-check', at: { node: 'n1', offset: 15 * MIN }, incident: undefined, when: { expired: 'z-late' } });
  // Node 2 starts at T+1 h: an expiry after the node's end would be stamped then, not at T+30 min.
  s.nodes[1]!.span = { from: 60 * MIN, to: 6 * 60 * MIN };
  return s;
}

describe('what falls due at the same instant', () => {
  it('fires deadlines by id, then the inject that waits on one; a deadline at the end of a node before the node ends', () => {
    const drill = new TestDrill(sameInstant()).start();
    drill.wait(25 * MIN);
    const w = drill.world;
    // n1 maps 20 min of drill onto T+0–30 min: 15 min → T+22.5 min, 20 min → T+30 min.
    expect(w.effects.filter((e) => e.source.endsWith(':expired')).map((e) => [e.source, e.clock, e.scenarioMs])).toEqual([
      ['a-late:expired', 15 * MIN, 22.5 * MIN],
      ['z-late:expired', 15 * MIN, 22.5 * MIN],
      ['m-end:expired', 20 * MIN, 30 * MIN],
    ]);
    expect(w.injects['c-check']).toMatchObject({ status: 'delivered', clock: 15 * MIN });
    expect(w.node).toBe(1);
  });
});
