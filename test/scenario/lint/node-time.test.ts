import { describe, expect, it } from 'vitest';
import { expectOneAt, problemsOf, replaced } from '../helpers.ts';

const secondNode = `  - id: n2
    name: { zh: 救援, en: Rescue }
    phase: rescue
    length: 20m
    span: { from: 30m, to: 2h }
    briefing: { zh: 救援阶段。, en: Rescue phase. }
injects:`;

describe('lint: time nodes are ordered and cover contiguous scenario time', () => {
  it('the first node starts at the earthquake', () => {
    const p = expectOneAt(replaced('span: { from: 0m, to: 30m }', 'span: { from: 5m, to: 30m }'), 'node-time', '5m, to');
    expect(p.hint).toBe('set from: 0m');
  });

  it('a gap between nodes is reported at the later node', () => {
    const text = replaced('injects:', secondNode.replace('from: 30m', 'from: 45m'));
    const p = expectOneAt(text, 'node-time', '45m');
    expect(p.message).toMatch(/this one starts at T\+45m, the one before ends at T\+30m/);
  });

  it('contiguous nodes pass', () => {
    expect(() => problemsOf(replaced('injects:', secondNode))).toThrow(/loaded/);
  });

  it('a node that ends before it begins', () => {
    expectOneAt(replaced('span: { from: 0m, to: 30m }', 'span: { from: 0m, to: 0m }'), 'node-time', '0m }');
  });
});
