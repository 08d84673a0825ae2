import { describe, expect, it } from 'vitest';
import { expectOneAt, problemsOf, replaced } from '../helpers.ts';

describe('lint: time nodes are ordered and cover contiguous scenario time', () => {
  it('the first node starts at the earthquake', () => {
    const p = expectOneAt(replaced('span: { from: 0m, to: 30m }', 'span: { from: 5m, to: 30m }'), 'node-time', '5m, to');
    expect(p.hint).toBe('set from: 0m');
  });

  it('a gap between nodes is reported at the later node', () => {
    const text = replaced('span: { from: 30m, to: 6h }', 'span: { from: 45m, to: 6h }');
    const p = expectOneAt(text, 'node-time', '45m');
    expect(p.message).toMatch(/this one starts at T\+45m, the one before ends at T\+30m/);
  });

  it('contiguous nodes pass', () => {
    expect(() => problemsOf(replaced('span: { from: 30m, to: 6h }', 'span: { from: 30m, to: 2h }'))).toThrow(/loaded/);
  });

  it('a node that ends before it begins', () => {
    expectOneAt(replaced('span: { from: 30m, to: 6h }', 'span: { from: 30m, to: 20m }'), 'node-time', '20m }');
  });
});
