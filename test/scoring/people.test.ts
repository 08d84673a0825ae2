// No fractional people: a count shown as a whole number, an expected one marked ≈, and a small
// expected number above 0 that rounds to nothing shown as <1.
import { describe, expect, it } from 'vitest';
import { expectedPeople, wholePeople } from '../../src/scoring/people.ts';

describe('people', () => {
  it('rounds expected counts to whole people and marks them', () => {
    expect(expectedPeople(51.4)).toBe('≈51');
    expect(expectedPeople(51.5)).toBe('≈52');
    expect(expectedPeople(12)).toBe('12');
    expect(expectedPeople(0.3)).toBe('<1');
    expect(expectedPeople(0)).toBe('0');
  });

  it('writes whole people without a mark where the sentence already says about', () => {
    expect(wholePeople(14.8)).toBe('15');
    expect(wholePeople(0.49)).toBe('<1');
    expect(wholePeople(0.5)).toBe('1');
    expect(wholePeople(0)).toBe('0');
  });
});
