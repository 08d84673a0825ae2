import { describe, expect, it } from 'vitest';
import { expectOneAt, problemsOf, replaced } from '../helpers.ts';

const cascades = (first: string, second: string) => `cascades:
  - id: collapse-fire
    from: chagou-collapse
    after: ${first}
    then:
      spawn: { id: chagou-fire, kind: fire, name: { zh: 岔沟火灾, en: Chagou fire }, place: chagou, severity: 2 }
  - id: fire-collapse
    from: chagou-fire
    after: ${second}
    then: { worsen: { incident: chagou-collapse, by: 1 } }
decisions:`;

describe('lint: no cascade loop without a delay', () => {
  it('a loop with no delay is reported once, naming its cascades', () => {
    const p = expectOneAt(replaced('decisions:', cascades('0m', '0m')), 'cascade-cycle', '0m\n    then: { worsen');
    expect(p.message).toBe('cascades collapse-fire → fire-collapse form a loop with no delay');
  });

  it('a loop with a delay somewhere is a legitimate spiral', () => {
    expect(() => problemsOf(replaced('decisions:', cascades('0m', '30m')))).toThrow(/loaded/);
  });
});
