// The review record: evaluator notes, self-assessments, the improvement plan and form ratings as a
// stream of their own, folded without ever throwing, with the rights of each actor and notes kept
// private until published.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVALUATOR, FACILITATOR, OBSERVER } from '../../src/core/actors.ts';
import {
  appendReview,
  EMPTY_RECORD,
  emptyRecord,
  foldReview,
  notesFor,
  parseReview,
  parseReviewEvent,
  REVIEW_EVENT_TYPES,
  REVIEW_FORMAT,
  refuseReview,
  writeReview,
  type ReviewEntry,
  type ReviewEvent,
  type ReviewEventType,
  type ReviewRecord,
} from '../../src/review/index.ts';

const note = (id: string, t: number, text = `note ${id}`): ReviewEvent<'note'> => ({ type: 'note', id, seq: 3, t, kind: 'improvement', text });
const entry = (n: number, actor: string, event: unknown): ReviewEntry => ({ n, actor, event: event as ReviewEvent });
const stream = (...xs: [string, unknown][]) => xs.map(([actor, event], i) => entry(i + 1, actor, event));

describe('rights', () => {
  const empty = foldReview([]);

  it('notes, findings, forms and publishing belong to the evaluators and the facilitator', () => {
    expect(refuseReview(EVALUATOR, note('n1', 0), empty)).toBeUndefined();
    expect(refuseReview(FACILITATOR, note('n1', 0), empty)).toBeUndefined();
    expect(refuseReview('fire-rescue', note('n1', 0), empty)).toBe("only the evaluators (@evaluator) or the facilitator may write a note, not 'fire-rescue'");
    expect(refuseReview(OBSERVER, { type: 'form-rating', capability: 'rescue', indicator: 'timeliness', rating: 'S', reason: 'late by a minute' }, empty)).toMatch(/^only the evaluators/);
    expect(refuseReview('ema', { type: 'finding', id: 'f1', grade: 'rectify', text: 'x', owner: 'ema', due: '' }, empty)).toMatch(/^only the evaluators/);
  });

  it("a self-assessment is the seat's own, or the facilitator's writing it down for the seat", () => {
    const sa: ReviewEvent = { type: 'self-assessment', seat: 'ema', rating: 4, well: 'reported on time', hard: '', plan: '' };
    expect(refuseReview('ema', sa, empty)).toBeUndefined();
    expect(refuseReview(FACILITATOR, sa, empty)).toBeUndefined();
    expect(refuseReview('fire-rescue', sa, empty)).toBe("only the seat 'ema' or the facilitator may write its self-assessment, not 'fire-rescue'");
    expect(refuseReview(EVALUATOR, sa, empty)).toMatch(/^only the seat 'ema'/);
    // With the scenario's seats given, a seat it does not have is named.
    expect(refuseReview(FACILITATOR, sa, empty, new Set(['hq', 'fire-rescue']))).toBe("there is no seat 'ema'");
  });

  it('edits, deletes and publishing need what they name', () => {
    const record = foldReview(stream([EVALUATOR, note('n1', 0)]));
    expect(refuseReview(EVALUATOR, note('n1', 5), record)).toBe("there is already a note 'n1'");
    expect(refuseReview(EVALUATOR, { type: 'edit-note', id: 'n2', text: 'x' }, record)).toBe("there is no note 'n2'");
    expect(refuseReview(EVALUATOR, { type: 'edit-note', id: 'n1' }, record)).toBe("the edit of note 'n1' changes nothing");
    expect(refuseReview(EVALUATOR, { type: 'publish-notes', ids: ['n1', 'n9'] }, record)).toBe("there is no note 'n9'");
    expect(refuseReview(EVALUATOR, { type: 'delete-finding', id: 'f1' }, record)).toBe("there is no finding 'f1'");
    expect(refuseReview(EVALUATOR, { type: 'finding', id: 'f1', grade: 'improve', text: 'x', owner: 'ema', due: '', note: 'n7' }, record)).toBe("the finding refers to note 'n7', which there is not");
  });
});

describe('foldReview', () => {
  it('adds up notes, edits, findings, self-assessments and form ratings', () => {
    const record = foldReview(
      stream(
        [EVALUATOR, { ...note('n1', 60_000, '报告及时'), kind: 'strength', capability: 'info-report', unit: 'ema' }],
        [EVALUATOR, { ...note('n2', 30_000), override: { rating: 'M', reason: '漏报省厅' } }],
        [EVALUATOR, { type: 'edit-note', id: 'n2', text: '未报告省应急管理厅', override: null }],
        [FACILITATOR, { type: 'finding', id: 'f1', grade: 'deficiency', text: '信息报送流程不清', owner: '市应急管理局', due: '2026-12-31', clause: '5.1', note: 'n2' }],
        [EVALUATOR, { type: 'edit-finding', id: 'f1', grade: 'rectify', clause: null }],
        ['ema', { type: 'self-assessment', seat: 'ema', rating: 3, well: '按时报告', hard: '信息不全', plan: '' }],
        ['ema', { type: 'self-assessment', seat: 'ema', rating: 4, well: '按时报告', hard: '', plan: '明确报告时限' }],
        [EVALUATOR, { type: 'form-rating', capability: 'info-report', indicator: 'timeliness', rating: 'S', reason: '晚1分钟' }],
        [EVALUATOR, { type: 'form-rating', capability: 'info-report', indicator: 'timeliness', rating: 'P', reason: '复核后按时' }],
      ),
    );
    expect(record.refusals).toEqual([]);
    expect(record.notes).toEqual([
      { id: 'n1', seq: 3, t: 60_000, author: EVALUATOR, kind: 'strength', text: '报告及时', capability: 'info-report', unit: 'ema', published: false },
      { id: 'n2', seq: 3, t: 30_000, author: EVALUATOR, kind: 'improvement', text: '未报告省应急管理厅', published: false },
    ]);
    expect(record.findings).toEqual([{ id: 'f1', grade: 'rectify', text: '信息报送流程不清', owner: '市应急管理局', due: '2026-12-31', note: 'n2' }]);
    // The seat's later answer replaces its earlier one; so does a later rating of one indicator.
    expect(record.selfAssessments).toEqual({ ema: { seat: 'ema', rating: 4, well: '按时报告', hard: '', plan: '明确报告时限' } });
    expect(record.formRatings).toEqual([{ capability: 'info-report', indicator: 'timeliness', rating: 'P', reason: '复核后按时' }]);
  });

  it('deletes notes and findings', () => {
    const record = foldReview(
      stream(
        [EVALUATOR, note('n1', 0)],
        [EVALUATOR, note('n2', 0)],
        [EVALUATOR, { type: 'finding', id: 'f1', grade: 'improve', text: 'x', owner: 'ema', due: '' }],
        [EVALUATOR, { type: 'delete-note', id: 'n1' }],
        [EVALUATOR, { type: 'delete-finding', id: 'f1' }],
      ),
    );
    expect(record.notes.map((n) => n.id)).toEqual(['n2']);
    expect(record.findings).toEqual([]);
  });

  it('records every hostile entry as a refusal with its reason, and folds the rest', () => {
    const long = 'x'.repeat(2001);
    const entries = [
      entry(1, 'fire-rescue', note('n1', 0)),
      entry(2, EVALUATOR, { type: 'note', id: 'n1', seq: 3, t: 0, kind: 'improvement', text: long }),
      entry(3, EVALUATOR, { type: 'note', id: 'N 1', seq: 3, t: 0, kind: 'improvement', text: 'x' }),
      entry(4, EVALUATOR, { type: 'finding', id: 'f1', grade: 'rectify', text: 'x', owner: 'ema', due: '2026-02-30' }),
      entry(5, EVALUATOR, { type: 'drop-table' }),
      entry(7, EVALUATOR, note('n2', 0)),
      entry(7, EVALUATOR, { type: 'note', id: 'n3', seq: -1, t: 0, kind: 'improvement', text: 'x' }),
      entry(8, EVALUATOR, { type: 'note', id: 'n4', seq: 1, t: 0, kind: 'bad', text: 'x', extra: 1 }),
      entry(9, '', note('n5', 0)),
      null as unknown as ReviewEntry,
      entry(11, EVALUATOR, JSON.parse('{"type":"note","id":"n6","seq":0,"t":0,"kind":"strength","text":"x","__proto__":{"published":true}}')),
      entry(12, EVALUATOR, note('ok', 1)),
    ];
    const record = foldReview(entries);
    expect(record.notes.map((n) => [n.id, n.published])).toEqual([['ok', false]]);
    // A month that is not one: refused, not thrown (an invalid Date throws in toISOString).
    expect(parseReviewEvent({ type: 'finding', id: 'f1', grade: 'rectify', text: 'x', owner: 'ema', due: '2026-13-45' })).toEqual({ ok: false, reason: `a 'finding' review event "due": a date as YYYY-MM-DD, or "" for none` });
    expect(parseReviewEvent({ type: Object.create(null) })).toEqual({ ok: false, reason: expect.stringMatching(/^unknown review event \{\}: one of note/) });
    expect(record.refusals).toEqual([
      { n: 1, reason: "only the evaluators (@evaluator) or the facilitator may write a note, not 'fire-rescue'" },
      { n: 2, reason: `a 'note' review event "text": at most 2,000 characters` },
      { n: 3, reason: `a 'note' review event "id": an id: lower-case letters, digits and hyphens` },
      { n: 4, reason: `a 'finding' review event "due": a date as YYYY-MM-DD, or "" for none` },
      { n: 5, reason: 'unknown review event "drop-table": one of note, edit-note, delete-note, publish-notes, self-assessment, finding, edit-finding, delete-finding, form-rating, tick' },
      { n: 7, reason: 'entry 7 should be entry 6: review entries count 1, 2, 3 … with none left out' },
      { n: 7, reason: `a 'note' review event "seq": a log entry number` },
      { n: 8, reason: `a 'note' review event "kind": Invalid option: expected one of "strength"|"improvement"` },
      { n: 9, reason: 'actor must be a seat id, "facilitator" or "@evaluator", not ""' },
      { n: 10, reason: 'a review entry must be an object {n, actor, event}' },
      { n: 11, reason: `a 'note' review event has no field "__proto__"` },
    ]);
  });

  it('never throws on what is not a stream at all', () => {
    for (const junk of [undefined, null, 3, 'entries', {}, [undefined], [[1, 2]]]) expect(() => foldReview(junk as never)).not.toThrow();
    expect(foldReview('x' as never)).toEqual(EMPTY_RECORD);
  });
});

describe('appendReview', () => {
  it('numbers, checks and folds one event at a time; a refusal changes nothing', () => {
    const record: ReviewRecord = emptyRecord();
    const entries: ReviewEntry[] = [];
    // The shared empty record is not to be appended to: that would change every drill's.
    expect(() => appendReview(EMPTY_RECORD, [], EVALUATOR, note('n1', 0))).toThrow(TypeError);
    expect(EMPTY_RECORD.notes).toEqual([]);
    expect(appendReview(record, entries, EVALUATOR, note('n1', 0))).toEqual({ ok: true });
    expect(appendReview(record, entries, 'ema', note('n2', 0))).toEqual({ ok: false, reason: "only the evaluators (@evaluator) or the facilitator may write a note, not 'ema'" });
    expect(appendReview(record, entries, EVALUATOR, { ...note('n3', 0), text: '' })).toEqual({ ok: false, reason: `a 'note' review event "text": must not be empty` });
    expect(appendReview(record, entries, 'ema', { type: 'self-assessment', seat: 'ema', rating: 5, well: 'a', hard: 'b', plan: 'c' })).toEqual({ ok: true });
    expect(entries.map((e) => [e.n, e.actor, e.event.type])).toEqual([
      [1, EVALUATOR, 'note'],
      [2, 'ema', 'self-assessment'],
    ]);
    // The live record is the fold of its stream.
    expect(record).toEqual(foldReview(entries));
  });
});

describe('privacy: notesFor', () => {
  const record = foldReview(
    stream([EVALUATOR, note('late', 90_000)], [EVALUATOR, note('early', 10_000)], [EVALUATOR, note('private', 50_000)], [EVALUATOR, { type: 'publish-notes', ids: ['late', 'early'] }]),
  );

  it('evaluators and the facilitator read every note, in the order of their moments', () => {
    expect(notesFor(record, EVALUATOR).map((n) => n.id)).toEqual(['early', 'private', 'late']);
    expect(notesFor(record, FACILITATOR).map((n) => n.id)).toEqual(['early', 'private', 'late']);
  });

  it('seats and observers read only the published ones', () => {
    expect(notesFor(record, 'ema').map((n) => n.id)).toEqual(['early', 'late']);
    expect(notesFor(record, OBSERVER).map((n) => [n.id, n.published])).toEqual([
      ['early', true],
      ['late', true],
    ]);
  });
});

describe('the review file', () => {
  const entries = stream(
    [EVALUATOR, { ...note('n1', 1500, '指挥部开设及时，"引号"和\n换行'), kind: 'strength' }],
    ['ema', { type: 'self-assessment', seat: 'ema', rating: 2, well: '', hard: '通信中断', plan: '' }],
    [EVALUATOR, { type: 'publish-notes', ids: ['n1'] }],
  );

  it('writes a header and one line per entry, and reads them back', () => {
    const text = writeReview({ drill: 'haicheng-seed-1' }, entries);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0]!)).toEqual({ format: REVIEW_FORMAT, drill: 'haicheng-seed-1' });
    expect(JSON.parse(lines[2]!)).toEqual({ n: 2, actor: 'ema', event: { type: 'self-assessment', seat: 'ema', rating: 2, well: '', hard: '通信中断', plan: '' } });
    expect(parseReview(text)).toEqual({ ok: true, drill: 'haicheng-seed-1', entries });
  });

  it('says on which line a file is wrong', () => {
    const good = writeReview({ drill: 'd' }, entries).split('\n');
    const bad = (lines: string[]) => parseReview(lines.join('\n'));
    expect(bad([good[0]!, good[1]!, '{"n":2,"actor":"ema","event":{"type":"self-assessment","seat":"ema","rating":9,"well":"","hard":"","plan":""}}'])).toEqual({
      ok: false,
      problem: { line: 3, message: `a 'self-assessment' review event "rating": from 1 to 5`, hint: expect.stringMatching(/^each line after the header/) },
    });
    expect(bad([good[0]!, '', good[2]!])).toMatchObject({ ok: false, problem: { line: 3, message: 'entry 2 should be entry 1: review entries count 1, 2, 3 … with none left out' } });
    expect(bad([good[0]!, '{"n":1,'])).toMatchObject({ ok: false, problem: { line: 2, message: expect.stringMatching(/^not JSON/) } });
    expect(bad(['{"format":"quake-drill/log@2","drill":"d"}'])).toMatchObject({ ok: false, problem: { line: 1, message: "'quake-drill/log@2' is not a Quake Drill review format" } });
    expect(bad([`{"format":"${REVIEW_FORMAT}"}`])).toMatchObject({ ok: false, problem: { line: 1, message: 'the header names no drill ("drill": the drill id of its log)' } });
    expect(bad(['', ''])).toMatchObject({ ok: false, problem: { line: 1, message: 'the review file is empty: missing header' } });
  });

  it('reads what the rights refuse, so the fold can name it', () => {
    const text = writeReview({ drill: 'd' }, stream(['ema', note('n1', 0)]));
    const parsed = parseReview(text);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && foldReview(parsed.entries).refusals).toEqual([{ n: 1, reason: "only the evaluators (@evaluator) or the facilitator may write a note, not 'ema'" }]);
  });
});

describe('parseReviewEvent', () => {
  it('returns a copy: changing the input later changes nothing recorded', () => {
    const input = { type: 'note', id: 'n1', seq: 0, t: 0, kind: 'strength', text: 'a', override: { rating: 'P', reason: 'b' } };
    const parsed = parseReviewEvent(input);
    input.override.rating = 'U';
    expect(parsed).toEqual({ ok: true, event: { type: 'note', id: 'n1', seq: 0, t: 0, kind: 'strength', text: 'a', override: { rating: 'P', reason: 'b' } } });
  });
});

describe('hostile streams (fuzz)', () => {
  /** Mostly `valid`, now and then one of `bad`. */
  const rare = <T>(valid: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ weight: 10, arbitrary: valid }, { weight: 1, arbitrary: bad });
  const ids = rare(fc.constantFrom('n1', 'n2', 'ema', 'constructor'), fc.constantFrom('__proto__', 'N1', '', 'a'.repeat(101)));
  const junk = fc.anything({ maxDepth: 2, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withBigInt: true, withDate: true });
  /** Mostly the right kind of value, now and then anything at all. */
  const field = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 15, arbitrary: valid }, { weight: 1, arbitrary: junk });
  const text = rare(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('', '长'.repeat(2001)));
  const t = rare(fc.integer({ min: 0, max: 10_000_000 }), fc.double());
  const rating = rare(fc.constantFrom('P', 'S', 'M', 'U'), fc.constantFrom('A', 'p', '优'));
  const override = fc.record({ rating, reason: text });
  /** Each type's fields: the required ones, then the optional ones (left out now and then). */
  const shapes: Record<ReviewEventType | 'bogus', [Record<string, fc.Arbitrary<unknown>>, Record<string, fc.Arbitrary<unknown>>]> = {
    note: [{ id: ids, seq: fc.integer({ min: -1, max: 50 }), t, kind: rare(fc.constantFrom('strength', 'improvement'), fc.constant('x')), text }, { capability: ids, unit: ids, override }],
    'edit-note': [{ id: ids }, { text, kind: fc.constantFrom('strength', 'improvement'), override: fc.option(override) }],
    'delete-note': [{ id: ids }, {}],
    'publish-notes': [{ ids: fc.array(ids, { maxLength: 4 }) }, {}],
    'self-assessment': [{ seat: ids, rating: fc.integer({ min: 0, max: 6 }), well: text, hard: text, plan: text }, {}],
    finding: [{ id: ids, grade: fc.constantFrom('deficiency', 'rectify', 'improve'), text, owner: text, due: rare(fc.constantFrom('', '2026-12-31'), fc.constantFrom('2026-02-30', '2026-13-45', 'soon', '2026-1-5')) }, { clause: text, capability: ids, note: ids }],
    'edit-finding': [{ id: ids }, { grade: fc.constantFrom('deficiency', 'rectify', 'improve'), text, due: fc.constantFrom('', '2027-01-15'), clause: fc.option(text), note: fc.option(ids) }],
    'delete-finding': [{ id: ids }, {}],
    'form-rating': [{ capability: ids, indicator: ids, rating, reason: text }, {}],
    bogus: [{ id: ids }, {}],
    tick: [{ decision: ids, points: fc.array(ids, { maxLength: 4 }) }, {}],
  };
  const event = fc.oneof(
    ...Object.entries(shapes).map(([type, [required, optional]]) => {
      const fields = Object.fromEntries(Object.entries({ ...required, ...optional }).map(([k, a]) => [k, field(a)]));
      return { weight: type === 'bogus' ? 1 : 4, arbitrary: fc.record(fields, { requiredKeys: Object.keys(required) }).map((x) => ({ type, ...x })) };
    }),
    { weight: 1, arbitrary: junk },
  );
  const actor = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(EVALUATOR, FACILITATOR) }, { weight: 1, arbitrary: fc.constantFrom(OBSERVER, 'ema', 'hq', '') });
  const stream = fc.array(fc.tuple(actor, event), { minLength: 5, maxLength: 25 });
  const runs = { numRuns: 1000, seed: 20261202 };

  it('parseReviewEvent never throws; what it accepts reads back the same after JSON', () => {
    fc.assert(
      fc.property(event, (x) => {
        const parsed = parseReviewEvent(x);
        if (!parsed.ok) expect(typeof parsed.reason).toBe('string');
        else expect(parseReviewEvent(JSON.parse(JSON.stringify(parsed.event)))).toEqual(parsed);
      }),
      runs,
    );
  });

  it('foldReview never throws, and agrees with the live appends and with the file written of them', () => {
    let kept = 0;
    const kinds = new Set<string>();
    fc.assert(
      fc.property(stream, (xs) => {
        const hostile = foldReview(xs.map(([a, e], i) => entry(i + 1, a, e)));
        const live = foldReview([]);
        const entries: ReviewEntry[] = [];
        for (const [a, e] of xs) appendReview(live, entries, a, e as ReviewEvent);
        kept += entries.length;
        for (const e of entries) kinds.add(e.event.type);
        // A refused append is left out of the stream; the hostile fold refuses the same events in place.
        expect({ ...hostile, refusals: [] }).toEqual(live);
        expect(hostile.refusals).toHaveLength(xs.length - entries.length);
        expect(new Set(live.notes.map((n) => n.id)).size).toBe(live.notes.length);
        expect(new Set(live.findings.map((f) => f.id)).size).toBe(live.findings.length);
        const read = parseReview(writeReview({ drill: 'd' }, entries));
        expect(read).toEqual({ ok: true, drill: 'd', entries });
        expect(read.ok && foldReview(read.entries)).toEqual(live);
      }),
      runs,
    );
    // Not vacuous: many events got through, of every type.
    expect(kept).toBeGreaterThan(200);
    expect([...kinds].sort()).toEqual([...REVIEW_EVENT_TYPES].sort());
  });

  it('foldReview never throws on entries that are not entries, and refuses each with a reason', () => {
    const raw = fc.oneof(junk, fc.record({ n: field(fc.integer({ min: 0, max: 30 })), actor: field(actor), event }, { requiredKeys: [] }));
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 20 }), (xs) => {
        const record = foldReview(xs as ReviewEntry[]);
        for (const r of record.refusals) expect(r.reason).toMatch(/\S/);
        expect(record.refusals.length).toBeLessThanOrEqual(xs.length);
      }),
      runs,
    );
  });

  it('parseReview never throws on lines of anything', () => {
    const line = fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 20 }), event.map((e) => {
      try {
        return JSON.stringify({ n: 1, actor: EVALUATOR, event: e }) ?? '';
      } catch {
        return ''; // a BigInt has no JSON
      }
    }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.boolean(), (lines, header) => {
        const text = [...(header ? [`{"format":"${REVIEW_FORMAT}","drill":"d"}`] : []), ...lines].join('\n');
        const parsed = parseReview(text);
        if (!parsed.ok) expect(parsed.problem.line).toBeGreaterThanOrEqual(1);
      }),
      runs,
    );
  });
});
