import { describe, expect, it } from 'vitest';
import { expectOneAt, problemsOf, replaced } from '../helpers.ts';

describe('lint: coordinates inside the region', () => {
  it('swapped latitude and longitude are caught with a hint', () => {
    const p = expectOneAt(replaced('epicentre: { lat: 40.683, lon: 122.833 }', 'epicentre: { lat: 122.833, lon: 40.683 }'), 'schema', '122.833');
    expect(p.message).toMatch(/90/);
    const q = expectOneAt(replaced('      lat: 40.70\n', '      lat: 41.70\n'), 'bounds', '41.70');
    expect(q.hint).toMatch(/swapped/);
  });

  it('an empty box is reported once', () => {
    expectOneAt(replaced('south: 40.4', 'south: 41.4'), 'bounds', '{ south: 41.4');
  });

  it('a point on the edge is inside', () => {
    expect(() => problemsOf(replaced('      lat: 40.70\n', '      lat: 41.1\n'))).toThrow(/loaded/);
  });
});
