import { describe, expect, it } from 'vitest';
import { expectOneAt, positionOf, problemsOf, replaced } from '../helpers.ts';

describe('lint: injects and decisions fall inside their node', () => {
  it('an inject past the end of its node', () => {
    const text = replaced('offset: 2m', 'offset: 20m');
    const [inject, decision] = problemsOf(text);
    expect(inject).toMatchObject({ rule: 'inside-node', ...positionOf(text, '20m }'), message: "offset 20m is past the end of node 'n1' (20m long)" });
    // The decision that waits for it is then out of its node too.
    expect(decision).toMatchObject({ rule: 'inside-node', ...positionOf(text, '{ after: collapse-report }') });
  });

  it('a deadline past the end of the node, with the longest that fits', () => {
    const p = expectOneAt(replaced('deadline: 5m', 'deadline: 19m'), 'inside-node', '19m');
    expect(p.hint).toBe('shorten the deadline to at most 18m');
  });

  it('a target after the deadline', () => {
    expectOneAt(replaced('target: 2m', 'target: 6m'), 'inside-node', '6m');
  });

  it('a deadline that ends exactly with the node is fine', () => {
    expect(() => problemsOf(replaced('deadline: 5m', 'deadline: 18m'))).toThrow(/loaded/);
  });
});
