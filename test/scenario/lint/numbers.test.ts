import { describe, expect, it } from 'vitest';
import { expectOneAt, problemsOf, replaced } from '../helpers.ts';

describe('lint: shares and thresholds add up', () => {
  it('building shares must add up to 1', () => {
    const p = expectOneAt(replaced('{ A1: 0.4, B: 0.4, C: 0.2 }', '{ A1: 0.4, B: 0.4, C: 0.1 }'), 'shares', '{ A1: 0.4');
    expect(p.message).toBe('the building shares add up to 0.90, not 1');
  });

  it('scoring weights must add up to 1', () => {
    expectOneAt(replaced('consequence: 0.3', 'consequence: 0.4'), 'shares', '{ correctness');
  });

  it('rating thresholds fall P > S > M', () => {
    expectOneAt(replaced('{ P: 85, S: 70, M: 50 }', '{ P: 70, S: 85, M: 50 }'), 'shares', '{ P: 70');
  });
});

describe('lint: decision kinds', () => {
  it('a single-choice decision needs two options', () => {
    const text = replaced(`      - id: wait
        label: { zh: 等待进一步核实, en: Wait for confirmation }
      - id: scout
        label: { zh: 先派侦察组, en: Send scouts first }
`, '');
    expect(expectOneAt(text, 'decision-kind', 'single').message).toBe('a single-choice decision needs at least two options');
  });

  it('an allocation decision needs its teams and places', () => {
    expectOneAt(replaced('kind: single', 'kind: allocation'), 'decision-kind', 'allocation');
  });

  it('a rubric must be able to give points', () => {
    // Every positive line of the example's rubric (10 for send, 3 for scout) set to 0.
    expectOneAt(replaced('points: 3', 'points: 0', replaced('points: 10', 'points: 0')), 'decision-kind', '- points: 0');
  });
});

describe('lint: allocations stay within what the decision offers', () => {
  const allocation = (expectedTo: string) =>
    replaced('kind: single', 'kind: allocation\n    allocate: { teams: [usar-1], places: [chagou-collapse] }', replaced('expected: { options: [send] }', `expected: { allocations: [{ team: usar-1, to: ${expectedTo} }] }`));

  it('an expected allocation to a place not offered is reported', () => {
    const p = expectOneAt(allocation('chagou'), 'decision-kind', 'chagou }');
    expect(p.hint).toBe('add it to allocate.places (chagou-collapse)');
  });

  it('one within the offer passes', () => {
    expect(() => problemsOf(allocation('chagou-collapse'))).toThrow(/loaded/);
  });
});

describe('lint: response level criteria', () => {
  it('a minimum above its maximum is reported', () => {
    expectOneAt(replaced('deathsMin: 10, deathsMax: 49', 'deathsMin: 60, deathsMax: 49'), 'shares', '60');
  });
});
