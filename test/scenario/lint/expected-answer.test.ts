// Every decision's expected answer is one the authority accepts: plan and late bots give it as it is,
// and `expected: {}` on a single choice used to validate and then hang `run` (issue 7 §1).
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/index.ts';
import { expectOneAt, replaced } from '../helpers.ts';

const single = 'expected: { options: [send] }';

describe('lint: the expected answer per decision kind', () => {
  it('a single-choice decision with expected: {} is refused at expected, naming an option', () => {
    const p = expectOneAt(replaced(single, 'expected: {}'), 'decision-kind', '{}');
    expect(p.message).toBe('a single-choice decision expects exactly one option, not 0');
    expect(p.hint).toBe('name the option the plan expects, e.g. expected: { options: [send] }');
  });

  it('a single-choice decision expecting two options is refused at the list', () => {
    const p = expectOneAt(replaced(single, 'expected: { options: [send, wait] }'), 'decision-kind', '[send, wait]');
    expect(p.message).toBe('a single-choice decision expects exactly one option, not 2');
  });

  it('a multiple-choice decision with options: [] is refused', () => {
    const p = expectOneAt(replaced(single, 'expected: { options: [] }', replaced('kind: single', 'kind: multiple')), 'decision-kind', '[] }');
    expect(p.message).toBe('a multiple-choice decision expects at least one option');
  });

  it('a multiple-choice decision expecting both options loads', () => {
    expect(loadScenario(replaced(single, 'expected: { options: [send, wait] }', replaced('kind: single', 'kind: multiple')), 'x.yaml').ok).toBe(true);
  });

  const allocation = (expected: string) =>
    replaced(single, expected, replaced('kind: single', 'kind: allocation\n    allocate: { teams: [usar-1], places: [chagou-collapse] }'));

  it('an allocation decision with no allocations is refused, with an example from allocate', () => {
    const p = expectOneAt(allocation('expected: { allocations: [] }'), 'decision-kind', '[] }');
    expect(p.message).toBe('an allocation decision expects at least one allocation');
    expect(p.hint).toBe('say where the plan sends which team, e.g. expected: { allocations: [{ team: usar-1, to: chagou-collapse }] }');
    expectOneAt(allocation('expected: {}'), 'decision-kind', '{}');
  });

  it('an expected allocation outside allocate is refused; one inside loads', () => {
    expectOneAt(allocation('expected: { allocations: [{ team: usar-1, to: chagou }] }'), 'decision-kind', 'chagou }');
    expect(loadScenario(allocation('expected: { allocations: [{ team: usar-1, to: chagou-collapse }] }'), 'x.yaml').ok).toBe(true);
  });

  it('an acknowledgement expects nothing', () => {
    const text = replaced(single, 'expected: {}', replaced('when: { chose: send }', 'when: { acknowledged: true }', replaced('kind: single', 'kind: acknowledge')));
    expect(loadScenario(text, 'x.yaml').ok).toBe(true);
  });
});
