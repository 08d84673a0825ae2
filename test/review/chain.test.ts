// The whole-process record (issue 10 §5): SHA-256 chained entry by entry from a sealed header, and a
// final hash over the end. Expected hashes come from node:crypto over text written out by hand.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { FACILITATOR, type LogEntry } from '../../src/core/index.ts';
import { loadShipped, shippedModules } from '../../src/cli/shipped-scenarios.ts';
import { Chain, chainHashes, entryHash, finalHash, headerFor, parseLog, scenarioDigest, sha256Hex, writeLog, type ParsedLog, type Trust } from '../../src/review/index.ts';
import { ROOT } from '../cli/helpers.ts';
import { scenario } from '../core/test-drill.ts';
import { asFormat1, editLine, freshLog, linesOf, middleAnswer, oneByte, textOf } from './tamper.ts';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const A = 'a'.repeat(64);
const start: LogEntry = { seq: 1, t: 0, actor: FACILITATOR, event: { type: 'start' } };
const report: LogEntry = { seq: 2, t: 60_000, actor: 'fire-rescue', event: { type: 'report', to: 'hq', text: '已到达现场' } };

function trustOf(text: string): Trust {
  const parsed = parseLog(text);
  if (!parsed.ok) throw new Error(`line ${parsed.problem.line}: ${parsed.problem.message}`);
  return parsed.trust;
}

describe('the hash chain', () => {
  it('sha256Hex is SHA-256 of the UTF-8 text', () => {
    // FIPS 180-2, appendix B.1.
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('震演 — 全过程记录')).toBe(sha('震演 — 全过程记录'));
  });

  it("an entry's hash is of the previous hash, a newline and its content with the keys sorted", () => {
    expect(entryHash(A, start)).toBe(sha(`${A}\n{"actor":"facilitator","event":{"type":"start"},"seq":1,"t":0}`));
    expect(entryHash(A, report)).toBe(sha(`${A}\n{"actor":"fire-rescue","event":{"text":"已到达现场","to":"hq","type":"report"},"seq":2,"t":60000}`));
    // Key order does not count, and a hash field carried along is not content.
    const shuffled = { event: { text: '已到达现场', type: 'report', to: 'hq' }, t: 60_000, seq: 2, actor: 'fire-rescue', hash: A } as unknown as LogEntry;
    expect(entryHash(A, shuffled)).toBe(entryHash(A, report));
  });

  it('the final hash seals the last hash and the time the record runs to', () => {
    expect(finalHash(A, 7_200_000)).toBe(sha(`${A}\nuntil:7200000`));
    expect(finalHash(A, 7_200_001)).not.toBe(finalHash(A, 7_200_000));
  });

  it('chainHashes links each entry to the one before; a Chain grown entry by entry gives the same', () => {
    const first = sha(`${A}\n{"actor":"facilitator","event":{"type":"start"},"seq":1,"t":0}`);
    const hashes = chainHashes(A, [start, report]);
    expect(hashes).toEqual([first, entryHash(first, report)]);
    const chain = new Chain(A);
    expect(chain.last).toBe(A);
    expect([chain.push(start), chain.push(report)]).toEqual(hashes);
    expect(chain.last).toBe(hashes[1]);
    expect(chain.hashOf(1)).toBe(first);
    expect(chain.hashOf(3)).toBeUndefined();
  });

  it('scenarioDigest: the scenario the CLI loads from YAML and the JSON the page is shipped give the same digest', () => {
    const files = loadShipped(ROOT);
    const modules = shippedModules(files);
    const jsonIn = (code: string) => JSON.parse(JSON.parse(/JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(code)![1]!)) as Record<string, unknown>;
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const { file, scenario: loaded } of files) {
      // As the page builds it: the brief module, then the later parts spread over it.
      const brief = jsonIn(modules.get(`virtual:shipped-brief/${file}`)!);
      const later = jsonIn(modules.get(`virtual:shipped-scenario/${file}`)!);
      const page = { ...brief, ...later } as unknown as typeof loaded;
      expect(scenarioDigest(page), file).toBe(scenarioDigest(loaded));
      expect(scenarioDigest(page)).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(files.map((f) => scenarioDigest(f.scenario))).size).toBe(files.length);
  });

  it('scenarioDigest changes with any change to the scenario, and not with key order', () => {
    const s = scenario();
    const retitled = { ...s, meta: { ...s.meta, title: { ...s.meta.title, zh: `${s.meta.title.zh}（改）` } } };
    expect(scenarioDigest(retitled)).not.toBe(scenarioDigest(s));
    const reordered = Object.fromEntries(Object.entries(s).reverse()) as typeof s;
    expect(scenarioDigest(reordered)).toBe(scenarioDigest(s));
  });
});

describe('writing a drill log', () => {
  it("a what-if branch's header seals its parent and creation time, and reads back verified", () => {
    const parent = { drill: 'minimal-example-seed-3', seq: 1, hash: A };
    // A caller's reference may carry more than the three fields; only they are written and sealed.
    const input = headerFor('scenarios/minimal.yaml', scenario(), 3, { drill: 'branch-1', created: '2026-12-02T10:00:00.000Z', parent: { ...parent, extra: 1 } as typeof parent, until: 90_000 });
    const text = writeLog(input, [start, report]);
    const read = parseLog(text);
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.header).toMatchObject({ drill: 'branch-1', created: '2026-12-02T10:00:00.000Z', parent, until: 90_000, scenarioHash: scenarioDigest(scenario()) });
    expect(JSON.parse(linesOf(text)[0]!).parent).toEqual(parent);
    const h = read.header;
    expect(h.hash).toBe(sha(`{"created":"2026-12-02T10:00:00.000Z","drill":"branch-1","format":"quake-drill/log@2","parent":{"drill":"minimal-example-seed-3","hash":"${A}","seq":1},"scenarioHash":"${h.scenarioHash}","scenarioId":"minimal-example","scenarioVersion":"1.0.0","seed":3}`));
    expect(read.trust).toEqual({ kind: 'verified', final: finalHash(read.hashes![1]!, 90_000) });
  });

  describe('a drill continued from a record that did not verify', () => {
    const origin = { trust: 'broken' as const, drill: 'genuine-1', final: A, reason: 'entry 3: its hash does not match' };
    const continued = (o: typeof origin | { trust: 'unchained'; drill: string; reason: string } = origin) =>
      writeLog(headerFor('scenarios/minimal.yaml', scenario(), 3, { drill: 'continued-1', origin: o }), [start, report]);

    it('seals its origin in the header hash, and never reads as verified though its own chain holds', () => {
      const text = continued();
      const h = JSON.parse(linesOf(text)[0]!) as { hash: string; scenarioHash: string };
      expect(h.hash).toBe(
        sha(`{"drill":"continued-1","format":"quake-drill/log@2","origin":{"drill":"genuine-1","final":"${A}","reason":"entry 3: its hash does not match","trust":"broken"},"scenarioHash":"${h.scenarioHash}","scenarioId":"minimal-example","scenarioVersion":"1.0.0","seed":3}`),
      );
      expect(trustOf(text)).toEqual({ kind: 'broken', line: 1, seq: null, part: 'origin', reason: 'the drill continues the record of genuine-1, which did not verify: entry 3: its hash does not match' });
      expect(trustOf(continued({ trust: 'unchained', drill: 'old-1', reason: 'format 1' }))).toEqual({ kind: 'unchained' });
    });

    it('removing or softening the origin is caught as a header change', () => {
      const text = continued();
      expect(trustOf(editLine(text, 1, (h) => void delete h.origin))).toMatchObject({ kind: 'broken', line: 1, seq: null, part: 'header' });
      expect(trustOf(editLine(text, 1, (h) => void ((h.origin as { trust: string }).trust = 'unchained')))).toMatchObject({ kind: 'broken', part: 'header' });
    });

    it('an origin of the wrong shape is refused as a header problem', () => {
      const read = parseLog(editLine(continued(), 1, (h) => void ((h.origin as { trust: string }).trust = 'verified')));
      expect(read).toMatchObject({ ok: false, problem: { line: 1 } });
    });
  });
});

describe('a drill log (format 2) from a fresh run --out', () => {
  let text: string;
  let parsed: Extract<ParsedLog, { ok: true }>;
  beforeAll(async () => {
    text = (await freshLog()).text;
    const p = parseLog(text);
    if (!p.ok) throw new Error(p.problem.message);
    parsed = p;
  }, 60_000);
  const header = () => JSON.parse(linesOf(text)[0]!) as Record<string, unknown>;

  it('is verified: the header hash is of its fields, the first entry chains to it, and the final hash seals the end', () => {
    const h = header();
    expect(h).toMatchObject({ format: 'quake-drill/log@2', scenarioId: 'haicheng-m5-8', seed: 7, drill: 'haicheng-m5-8-seed-7', until: 7_200_000 });
    // run --out sets no wall time: the same seed writes the same record.
    expect(h).not.toHaveProperty('created');
    expect(h.hash).toBe(sha(`{"drill":"haicheng-m5-8-seed-7","format":"quake-drill/log@2","scenarioHash":"${h.scenarioHash}","scenarioId":"haicheng-m5-8","scenarioVersion":"${h.scenarioVersion}","seed":7}`));
    const lines = linesOf(text);
    const first = JSON.parse(lines[1]!);
    expect(first.hash).toBe(sha(`${h.hash}\n{"actor":"facilitator","event":{"type":"start"},"seq":1,"t":0}`));
    const last = JSON.parse(lines.at(-1)!);
    expect(h.final).toBe(sha(`${last.hash}\nuntil:7200000`));
    expect(parsed.trust).toEqual({ kind: 'verified', final: h.final });
    expect(parsed.hashes).toEqual(lines.slice(1).map((l) => JSON.parse(l).hash));
    expect(parsed.header.scenarioHash).toBe(scenarioDigest(loadShipped(ROOT).find((f) => f.file === 'scenarios/haicheng-m5.8.yaml')!.scenario));
  });

  it('an edited answer breaks the chain at its line, naming its seq', () => {
    const { line, entry } = middleAnswer(text);
    const edited = editLine(text, line, (e) => void ((e.event as { options: string[] }).options = ['something-else']));
    expect(trustOf(edited)).toEqual({ kind: 'broken', line, seq: entry.seq, part: 'entry', reason: `entry ${entry.seq}: its hash does not match — the entry was changed after it was recorded` });
  });

  it('one byte changed in a middle entry names exactly that entry', () => {
    const changed = oneByte(text);
    const diff = [...changed.text].filter((c, i) => c !== text[i]);
    expect(changed.text.length).toBe(text.length);
    expect(diff).toHaveLength(1);
    expect(trustOf(changed.text)).toMatchObject({ kind: 'broken', line: changed.line, seq: changed.seq, part: 'entry' });
  });

  it('an entry taken out of the middle breaks the chain at the entry after it', () => {
    const lines = linesOf(text);
    const next = JSON.parse(lines[11]!);
    expect(trustOf(textOf([...lines.slice(0, 10), ...lines.slice(11)]))).toMatchObject({ kind: 'broken', line: 11, seq: next.seq, part: 'entry' });
  });

  it.each([
    ['seed', (h: Record<string, unknown>) => void (h.seed = 8)],
    ['scenarioId', (h: Record<string, unknown>) => void (h.scenarioId = 'minimal-example')],
    ['scenarioHash', (h: Record<string, unknown>) => void (h.scenarioHash = 'b'.repeat(64))],
    ['drill', (h: Record<string, unknown>) => void (h.drill = 'another-drill')],
    ['parent', (h: Record<string, unknown>) => void (h.parent = { drill: 'x', seq: 3, hash: 'c'.repeat(64) })],
    ['created', (h: Record<string, unknown>) => void (h.created = '2026-12-01T09:00:00.000Z')],
  ])('a header edit (%s) is caught at line 1 as a changed header', (_, edit) => {
    expect(trustOf(editLine(text, 1, edit))).toEqual({ kind: 'broken', line: 1, seq: null, part: 'header', reason: 'the header was changed after it was recorded (its seed, scenario, drill, parent, origin or created no longer match its hash)' });
  });

  it("the scenario's path is not sealed: a scenario file that moved can be pointed at again", () => {
    expect(trustOf(editLine(text, 1, (h) => void (h.scenario = '../elsewhere/haicheng.yaml')))).toMatchObject({ kind: 'verified' });
  });

  it('a cut-off tail, or a changed until, is caught by the final hash', () => {
    const lines = linesOf(text);
    const kept = lines.slice(0, -3);
    const lastKept = JSON.parse(kept.at(-1)!);
    expect(trustOf(textOf(kept))).toEqual({
      kind: 'broken',
      line: 1,
      seq: null,
      part: 'end',
      reason: `the record ends at entry ${lastKept.seq} (line ${kept.length}), but its final hash does not match — entries were removed from the end, or the header's until was changed`,
    });
    expect(trustOf(editLine(text, 1, (h) => void (h.until = 7_300_000)))).toMatchObject({ kind: 'broken', line: 1, part: 'end' });
    expect(trustOf(editLine(text, 1, (h) => void delete h.until))).toMatchObject({ kind: 'broken', line: 1, part: 'end' });
  });

  it('a missing hash is a break, not a shape error: the header, an entry, or the final', () => {
    expect(trustOf(editLine(text, 1, (h) => void delete h.hash))).toMatchObject({ kind: 'broken', line: 1, part: 'header', reason: 'the header carries no hash: the record cannot be checked' });
    expect(trustOf(editLine(text, 5, (e) => void delete e.hash))).toMatchObject({ kind: 'broken', line: 5, seq: 4, part: 'entry', reason: 'entry 4 carries no hash: it was added or rewritten by hand' });
    expect(trustOf(editLine(text, 1, (h) => void delete h.final))).toMatchObject({ kind: 'broken', line: 1, part: 'end', reason: 'the header carries no final hash: a cut-off record would go unseen' });
  });

  it('the first break in file order is the one named', () => {
    const twice = editLine(editLine(text, 30, (e) => void (e.actor = 'hq')), 20, (e) => void (e.actor = 'hq'));
    expect(trustOf(twice)).toMatchObject({ line: 20, seq: JSON.parse(linesOf(text)[19]!).seq });
    expect(trustOf(editLine(twice, 1, (h) => void (h.seed = 8)))).toMatchObject({ line: 1, part: 'header' });
  });

  it('a format 1 log reads as unchained, with the drill id run gives and no hashes', () => {
    const read = parseLog(asFormat1(text));
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.trust).toEqual({ kind: 'unchained' });
    expect(read.hashes).toBeNull();
    expect(read.header).toMatchObject({ format: 'quake-drill/log@1', drill: 'haicheng-m5-8-seed-7', hash: '', scenarioHash: '' });
    expect(read.log).toEqual(parsed.log);
  });
});
