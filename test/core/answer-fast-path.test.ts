// parseCommand checks most answers by hand (plainAnswer, src/core/events.ts) before the schema, for
// speed. Differential test: on answers valid and subtly not, parseCommand must agree with the answer
// schema itself — the same verdict, and the same data when it accepts — so the fast path can never
// let through what the schema refuses, nor hand the fold other data.
// This file loads the commands alone (zod/mini, no classic zod), as the app's first screen does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_SCHEMAS, parseCommand } from '../../src/core/events.ts';
import { POLICIES } from '../../src/core/world.ts';

/** MAX_CHOICES in events.ts: the longest list of options or allocations an answer may carry. */
const MAX = 200;

const validId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/);
/** Wrong ids, one rule broken each: empty, capitals, leading hyphen, other characters, 101 long, not a string. */
const badId = fc.oneof(
  fc.constantFrom('', 'A', 'Plan', '-lead', 'a_b', 'toString', '__proto__', 'a'.repeat(101), 'é', 'a b', 'ok\n'),
  fc.string({ maxLength: 6 }),
  fc.constantFrom(0, 7, null, true, ['a'], { id: 'a' }),
);
/** Mostly valid; at the 100-character limit and one over it often enough to meet every slot. */
const id = fc.oneof(
  { weight: 8, arbitrary: validId },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(100), 'a'.repeat(101)) },
  { weight: 2, arbitrary: badId },
);

/** Another prototype, the same own fields. */
class Payload {}
const reshaped = (o: object, how: 'null' | 'class' | 'inherit'): object =>
  how === 'null' ? Object.assign(Object.create(null) as object, o) : how === 'class' ? Object.assign(new Payload(), o) : (Object.create(o) as object);

/** An own, enumerable key — '__proto__' included (as JSON.parse makes it). */
const withKey = (o: object, key: string, value: unknown): object => Object.defineProperty({ ...o }, key, { value, enumerable: true, writable: true, configurable: true });

const EXTRA_KEYS = ['option', 'constructor', '__proto__', 'toString', 'Decision', 'bots', 'allocation', 'team', '0'];

const allocation = fc.oneof(
  { weight: 8, arbitrary: fc.record({ team: id, to: id }) },
  { weight: 1, arbitrary: fc.tuple(fc.record({ team: validId, to: validId }), fc.constantFrom(...EXTRA_KEYS), fc.jsonValue({ maxDepth: 1 })).map(([a, k, v]) => withKey(a, k, v)) },
  { weight: 1, arbitrary: fc.record({ team: validId, to: validId }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.tuple(fc.record({ team: validId, to: validId }), fc.constantFrom('null', 'class', 'inherit') as fc.Arbitrary<'null' | 'class' | 'inherit'>).map(([a, how]) => reshaped(a, how)) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 'usar-1', ['usar-1', 'chagou'], { team: 'usar-1', to: 'chagou', extra: undefined }) },
);

/** Lists short, at the limit and just over it, with holes, or not lists at all. */
const list = <T>(item: fc.Arbitrary<T>, filler: T) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.array(item, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom(MAX, MAX + 1).map((n) => Array.from({ length: n }, () => filler)) },
    { weight: 2, arbitrary: fc.sparseArray(item, { maxLength: 4, noTrailingHole: false }) },
    { weight: 1, arbitrary: fc.constantFrom(null, 'a', { length: 1, 0: 'a' }, {}) },
  );

const bot = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...POLICIES) }, { weight: 1, arbitrary: fc.constantFrom('Plan', 'smart', '', 'toString', null, 0, ['plan']) });

const wellFormed = fc.record(
  {
    type: fc.constant('answer'),
    decision: id,
    options: list(id, 'open-shelters'),
    allocations: list(allocation, { team: 'usar-1', to: 'chagou' }),
    bot,
  },
  { requiredKeys: ['type'] },
);

/** Answers with one more flaw on top: an extra key, a key present but undefined, another prototype. */
const answerLike = fc.oneof(
  { weight: 6, arbitrary: wellFormed },
  { weight: 1, arbitrary: fc.tuple(wellFormed, fc.constantFrom(...EXTRA_KEYS), fc.jsonValue({ maxDepth: 1 })).map(([a, k, v]) => withKey(a, k, v)) },
  { weight: 1, arbitrary: fc.tuple(wellFormed, fc.constantFrom('decision', 'options', 'allocations', 'bot')).map(([a, k]) => ({ ...a, [k]: undefined })) },
  { weight: 1, arbitrary: fc.tuple(wellFormed, fc.constantFrom('null', 'class', 'inherit') as fc.Arbitrary<'null' | 'class' | 'inherit'>).map(([a, how]) => reshaped(a, how)) },
);

describe('the hand-checked answer path agrees with the answer schema', () => {
  it('same verdict, and the same data when accepted, on valid and subtly invalid answers', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(answerLike, (x) => {
        const schema = COMMAND_SCHEMAS.answer.safeParse(x);
        const ours = parseCommand(x);
        expect(ours.ok, JSON.stringify(x)).toBe(schema.success);
        if (ours.ok && schema.success) {
          expect(ours.event).toStrictEqual(schema.data);
          accepted++;
        } else refused++;
      }),
      { numRuns: 4000, seed: 20261202 },
    );
    // Both sides exercised, so the agreement is not vacuous.
    expect(accepted).toBeGreaterThan(400);
    expect(refused).toBeGreaterThan(400);
  });

  it('refusals are worded in English with zod/mini alone (no classic zod loaded)', () => {
    // Worked out from zod's English locale: "Invalid input: expected <type>, received <type>".
    expect(parseCommand({ type: 'answer', decision: 'send-usar', options: 'a' })).toEqual({ ok: false, reason: `a 'answer' event "options": Invalid input: expected array, received string` });
    expect(parseCommand({ type: 'answer' })).toEqual({ ok: false, reason: `a 'answer' event needs "decision" (string)` });
    expect(parseCommand({ type: 'answer', decision: 'send-usar', option: 'a' })).toEqual({ ok: false, reason: `a 'answer' event has no field "option"` });
  });
});
