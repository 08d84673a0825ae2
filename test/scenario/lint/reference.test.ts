import { describe, expect, it } from 'vitest';
import { expectOneAt, problemsOf, replaced } from '../helpers.ts';

describe('lint: every reference resolves', () => {
  it("an unknown unit suggests the one meant: 'fire-brigade' → 'fire-rescue'", () => {
    const p = expectOneAt(replaced('owner: fire-rescue', 'owner: fire-brigade'), 'reference', 'fire-brigade');
    expect(p.message).toBe("unknown unit or working group or county HQ or HQ 'fire-brigade'");
    expect(p.hint).toBe("did you mean 'fire-rescue'?");
  });

  it('an id of the wrong kind says what it is', () => {
    const p = expectOneAt(replaced('team: usar-1, to:', 'team: chagou, to:'), 'reference', 'chagou, to');
    expect(p.message).toBe("'chagou' is a settlement, but a team is expected here");
  });

  it('checks references inside effects, rubric lines and expected answers', () => {
    expectOneAt(replaced('to: chagou-collapse }', 'to: chagou-colapse }'), 'reference', 'chagou-colapse');
    const p = expectOneAt(replaced('when: { chose: send }', 'when: { chose: sent }'), 'reference', 'sent }');
    expect(p.hint).toBe("did you mean 'send'?");
    expectOneAt(replaced('expected: { options: [send] }', 'expected: { options: [later] }'), 'reference', 'later');
  });

  it('checks the inject a decision waits for and the node an inject is in', () => {
    expectOneAt(replaced('opens: { after: collapse-report }', 'opens: { after: collapse }'), 'reference', 'collapse }\n    deadline');
    expectOneAt(replaced('at: { node: n1, offset: 2m }', 'at: { node: n3, offset: 2m }'), 'reference', 'n3');
  });

  it('checks the sources numbers cite', () => {
    const p = expectOneAt(replaced('source: wang2000 }', 'source: wang-2000 }'), 'reference', 'wang-2000');
    expect(p.hint).toBe("did you mean 'wang2000'?");
  });

  it('a response level may be led from above the city', () => {
    expect(() => problemsOf(replaced('    lead: hq\n', '    lead: province\n'))).toThrow(/loaded/);
    expectOneAt(replaced('    lead: hq\n', '    lead: hq-office\n'), 'reference', 'hq-office');
  });
});
