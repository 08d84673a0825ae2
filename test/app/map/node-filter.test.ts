// A time node picked on the strip: only the incidents that appeared in its span of scenario time.
import { describe, expect, it } from 'vitest';
import { nodeOfScenarioMs, timeNodeStrip } from '../../../src/app/map/view-model.ts';
import { playedFor, viewOf } from './helpers.ts';

describe('the node filter', () => {
  // Forty drill minutes in: node 1 (T+0–30 min) is over, node 2 (T+30 min–2 h) under way.
  const ex = playedFor(40);
  const nodes = ex.model.scenario.nodes;
  const all = viewOf(ex);

  it('keeps only the incidents that appeared within that node’s span', () => {
    const byNode = nodes.map((_, i) => viewOf(ex, { nodeFilter: i }));
    for (const [i, vm] of byNode.entries()) {
      expect(vm.nodeFilter).toBe(i);
      for (const item of vm.incidents) {
        expect(item.node).toBe(i);
        expect(item.appearedMs).toBeGreaterThanOrEqual(nodes[i]!.span.from);
        if (i < nodes.length - 1) expect(item.appearedMs).toBeLessThan(nodes[i + 1]!.span.from);
      }
    }
    expect(byNode[0]!.incidents.length).toBeGreaterThan(0);
    expect(byNode[1]!.incidents.length).toBeGreaterThan(0);
    expect(byNode[4]!.incidents).toEqual([]);
    // Together the nodes show what the unfiltered map shows.
    expect(byNode.flatMap((vm) => vm.incidents.map((i) => i.id)).sort()).toEqual(all.incidents.map((i) => i.id).sort());
    expect(byNode.map((vm) => vm.incidents.length)).toEqual(timeNodeStrip(ex.model, ex.world).map((n) => n.incidents.appeared));
  });

  it('draws cascade arrows only between the incidents it keeps', () => {
    for (let i = 0; i < nodes.length; i++) {
      const vm = viewOf(ex, { nodeFilter: i });
      const shown = new Set(vm.incidents.map((x) => x.id));
      for (const l of vm.links) expect(shown.has(l.from) && shown.has(l.to)).toBe(true);
    }
  });

  it('places a moment in the last node whose span has started', () => {
    expect(nodeOfScenarioMs(ex.model, 0)).toBe(0);
    expect(nodeOfScenarioMs(ex.model, nodes[1]!.span.from - 1)).toBe(0);
    expect(nodeOfScenarioMs(ex.model, nodes[1]!.span.from)).toBe(1);
    expect(nodeOfScenarioMs(ex.model, 30 * 86_400_000)).toBe(nodes.length - 1);
  });
});
