// What a client sends is checked before anything reads it: the shapes of the contract, a command's
// event by the core's schema, a review event by the review record's; hostile input is refused, never thrown on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGE_KINDS, parseClientMessage, parseHandshake, type ClientMessageKind } from '../../src/protocol/index.ts';

const ID = 'c1ient-id_0001';
const report = { type: 'report', to: 'anshan-hq', text: '海城震情报告' };
const note = { type: 'note', id: 'n1', seq: 3, t: 1000, kind: 'strength', text: '响应迅速' };

const refused = (kind: ClientMessageKind, raw: unknown) => {
  const parsed = parseClientMessage(kind, raw);
  expect(parsed.ok, JSON.stringify(raw)?.slice(0, 200)).toBe(false);
  return parsed.ok ? '' : parsed.reason;
};

describe('well-formed messages', () => {
  it('a command: its event checked by the core (defaults filled in)', () => {
    const order = { type: 'order', to: 'fire-rescue', effect: { do: 'dispatch', team: 'fire-usar', to: 'jiewen' } };
    expect(parseClientMessage('command', { clientId: ID, baseSeq: 0, event: order })).toEqual({
      ok: true,
      value: { clientId: ID, baseSeq: 0, event: { ...order, effect: { ...order.effect, count: 1 } } },
    });
  });

  it('resync, speed, review', () => {
    expect(parseClientMessage('resync', { lastSeq: 12 })).toEqual({ ok: true, value: { lastSeq: 12 } });
    for (const speed of [1, 2, 5, 10, 30, 60]) expect(parseClientMessage('speed', { speed })).toEqual({ ok: true, value: { speed } });
    expect(parseClientMessage('review', { clientId: ID, event: note })).toEqual({ ok: true, value: { clientId: ID, event: note } });
  });

  it('the handshake', () => {
    expect(parseHandshake({ token: 'abc.def', lastSeq: 0, lang: 'zh' })).toEqual({ ok: true, value: { token: 'abc.def', lastSeq: 0, lang: 'zh' } });
    expect(parseHandshake({ token: 'abc.def', lastSeq: 0, lang: 'fr' }).ok).toBe(false);
    expect(parseHandshake({ token: '', lastSeq: 0, lang: 'en' }).ok).toBe(false);
    expect(parseHandshake(undefined).ok).toBe(false);
  });
});

describe('hostile messages', () => {
  it('client ids: 8 to 64 of [A-Za-z0-9_-]', () => {
    for (const clientId of ['short', 'x'.repeat(65), 'has space 123', 'ünïcode-id', '../../etc', 12345678, null]) refused('command', { clientId, baseSeq: 0, event: report });
    expect(parseClientMessage('command', { clientId: 'x'.repeat(64), baseSeq: 0, event: report }).ok).toBe(true);
    expect(parseClientMessage('command', { clientId: 'x'.repeat(8), baseSeq: 0, event: report }).ok).toBe(true);
  });

  it('seqs are whole numbers from 0', () => {
    for (const baseSeq of [-1, 1.5, '3', NaN, Infinity, 2 ** 60]) refused('command', { clientId: ID, baseSeq, event: report });
    for (const lastSeq of [-1, 0.5, null]) refused('resync', { lastSeq });
  });

  it('speeds outside the list', () => {
    for (const speed of [0, 3, 100, -1, '10', 1.5]) refused('speed', { speed });
  });

  it('fields the contract does not have', () => {
    expect(refused('resync', { lastSeq: 0, extra: 1 })).toMatch(/has no field "extra"/);
    expect(refused('command', { clientId: ID, baseSeq: 0, event: report, as: 'facilitator' })).toMatch(/"as"/);
    refused('speed', JSON.parse('{"speed":1,"__proto__":{"polluted":true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a command's event is the core's to judge: unknown types, bad payloads, oversize text", () => {
    expect(refused('command', { clientId: ID, baseSeq: 0, event: { type: 'hack' } })).toBe("unknown command 'hack'");
    expect(refused('command', { clientId: ID, baseSeq: 0, event: { ...report, text: '震'.repeat(4001) } })).toMatch(/^a 'report' event "text"/);
    expect(refused('command', { clientId: ID, baseSeq: 0, event: { type: 'live-inject', title: 'x'.repeat(201), text: 'y', to: ['ema'] } })).toMatch(/"title"/);
    refused('command', { clientId: ID, baseSeq: 0 });
  });

  it("a review event is the review record's to judge", () => {
    expect(refused('review', { clientId: ID, event: { type: 'drop-table' } })).toMatch(/^unknown review event/);
    expect(refused('review', { clientId: ID, event: { ...note, text: 'x'.repeat(2001) } })).toMatch(/"text"/);
  });

  it('not an object at all, or an unknown kind', () => {
    for (const kind of CLIENT_MESSAGE_KINDS) for (const raw of [undefined, null, 0, 'x', [], [1, 2], true]) refused(kind, raw);
    expect(parseClientMessage('eval' as ClientMessageKind, {})).toEqual({ ok: false, reason: "unknown message 'eval'" });
  });

  it('random JSON never throws, and is accepted only in a shape the contract allows', () => {
    const kinds = fc.constantFrom(...CLIENT_MESSAGE_KINDS);
    // Messages near the right shape, with random values where the fields go, and anything at all.
    const near = fc.record({ clientId: fc.oneof(fc.string(), fc.constant(ID)), baseSeq: fc.oneof(fc.integer(), fc.double()), lastSeq: fc.integer(), speed: fc.integer(), event: fc.jsonValue() }, { requiredKeys: [] });
    fc.assert(
      fc.property(kinds, fc.oneof(fc.jsonValue(), near, fc.anything()), (kind, raw) => {
        const parsed = parseClientMessage(kind, raw);
        if (parsed.ok) expect(typeof parsed.value).toBe('object');
        else expect(parsed.reason.length).toBeLessThan(400);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('any string longer than its field allows is refused', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4001, maxLength: 6000 }), fc.string({ minLength: 65, maxLength: 200 }), (long, longId) => {
        expect(parseClientMessage('command', { clientId: ID, baseSeq: 0, event: { ...report, text: long } }).ok).toBe(false);
        expect(parseClientMessage('command', { clientId: longId, baseSeq: 0, event: report }).ok).toBe(false);
        expect(parseClientMessage('review', { clientId: ID, event: { ...note, text: long } }).ok).toBe(false);
      }),
      { numRuns: 50, seed: 11 },
    );
  });
});
