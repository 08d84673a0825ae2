// Dashed lines (planned moves, closed roads): Pixi has no dash, so the map cuts lines itself.
import { describe, expect, it } from 'vitest';
import { dashes } from '../../../src/app/map/geometry.ts';

const length = (seg: number[]) => {
  let sum = 0;
  for (let i = 0; i + 3 < seg.length; i += 2) sum += Math.hypot(seg[i + 2]! - seg[i]!, seg[i + 3]! - seg[i + 1]!);
  return sum;
};

describe('dashes', () => {
  it('cuts a straight line into dashes and gaps', () => {
    const d = dashes([0, 0, 100, 0], 10, 5);
    expect(d).toHaveLength(7);
    expect(d[0]).toEqual([0, 0, 10, 0]);
    expect(d[1]).toEqual([15, 0, 25, 0]);
    expect(d.at(-1)).toEqual([90, 0, 100, 0]);
  });

  it('carries the pattern round corners, dashes keeping their length', () => {
    const d = dashes([0, 0, 7, 0, 7, 20], 10, 5);
    expect(d[0]).toEqual([0, 0, 7, 0, 7, 3]);
    for (const seg of d.slice(0, -1)) expect(length(seg)).toBeCloseTo(10, 9);
  });

  it('gives nothing for a degenerate line or dash', () => {
    expect(dashes([0, 0], 10, 5)).toEqual([]);
    expect(dashes([0, 0, 10, 0], 0, 5)).toEqual([]);
  });
});
