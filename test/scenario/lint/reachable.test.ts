import { describe, expect, it } from 'vitest';
import { contingency, expectOneAt, problemsOf, replaced } from '../helpers.ts';


describe('lint: every decision can open and every contingency can fire', () => {
  it('a contingency on an expired decision fires only after the deadline', () => {
    // send-usar opens at 2m with a 5m deadline: expired from drill 7m on.
    expect(() => problemsOf(replaced('decisions:', contingency('{ expired: send-usar }', '10m')))).toThrow(/loaded/);
    const p = expectOneAt(replaced('decisions:', contingency('{ expired: send-usar }', '5m')), 'reachable', '{ expired: send-usar }');
    expect(p.message).toBe("the condition of inject 'follow-up' can never hold, so it never fires");
  });

  it('a contingency on an incident that never appears never fires', () => {
    expect(() => problemsOf(replaced('decisions:', contingency('{ uncontained: chagou-collapse }')))).toThrow(/loaded/);
    const text = replaced('decisions:', contingency('{ all: [{ uncontained: chagou-collapse }, { occurred: follow-up }] }'));
    expectOneAt(text, 'reachable', '{ all:');
  });

  it('a decision waiting on an inject that never fires can never open', () => {
    const text = replaced('opens: { after: collapse-report }', 'opens: { after: follow-up }', replaced('decisions:', contingency('{ occurred: follow-up }')));
    const decision = problemsOf(text).find((p) => p.path.join('.') === 'decisions.0.opens');
    expect(decision?.message).toBe("decision 'send-usar' can never open: the inject it waits for never fires");
  });

  it('an inject fired by a choice counts as able to fire', () => {
    const text = replaced('effects: [{ do: dispatch, team: usar-1, to: chagou-collapse }]', 'effects: [{ do: dispatch, team: usar-1, to: chagou-collapse }, { do: fire-inject, inject: follow-up }]',
      replaced('decisions:', contingency('{ not: { occurred: collapse-report } }').replace('    when: { not: { occurred: collapse-report } }\n', '    when: { occurred: follow-up }\n')));
    expect(() => problemsOf(text)).toThrow(/loaded/);
  });
});
