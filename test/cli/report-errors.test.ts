import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLog, writeLog } from '../../src/review/index.ts';
import { MINIMAL, ROOT, quakeDrill, tempDir } from './helpers.ts';

const { dir, file } = tempDir();
let header: string;
let entries: string[];

/** The lines sealed again as Quake Drill would write them: an edit that is not a tampering, so the check after the chain's is reached. */
function sealed(lines: string[]): string[] {
  const parsed = parseLog(lines.join('\n'));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return writeLog(parsed.header, parsed.log).trimEnd().split('\n');
}

/** Reports on a log made of these lines, and expects a positioned error at `line`. */
async function expectError(name: string, lines: string[], line: number, message: RegExp) {
  const path = file(name, lines.join('\n') + '\n');
  const r = await quakeDrill(['report', path, '--format', 'json']);
  expect(r.code, r.stderr).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:1: `));
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toMatch(/\n {2}hint: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('quake-drill report on a bad log: file:line:1: message, a hint, exit 1 — never a stack trace', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    const out = join(dir, 'good.jsonl');
    const r = await quakeDrill(['run', join(ROOT, MINIMAL), '--seed', '2', '--out', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    header = lines[0]!;
    entries = lines.slice(1);
  }, 30_000);

  it.concurrent('a line that is not JSON', async () => {
    await expectError('garbage.jsonl', [header, entries[0]!, '{"seq": 2, oops'], 3, /not JSON/);
  });

  it.concurrent('no header', async () => {
    await Promise.all([
      expectError('headless.jsonl', entries, 1, /missing header/),
      expectError('empty.jsonl', [''], 1, /the log is empty: missing header/),
    ]);
  });

  it.concurrent('another format version', async () => {
    await Promise.all([
      expectError('v3.jsonl', [header.replace('quake-drill/log@2', 'quake-drill/log@3'), ...entries], 1, /this log is format version 3; this Quake Drill reads versions 1 and 2/),
      expectError('other.jsonl', [header.replace('quake-drill/log@2', 'something-else'), ...entries], 1, /'something-else' is not a Quake Drill log format/),
    ]);
  });

  it.concurrent('entries out of order: seq or time going backwards', async () => {
    const late = JSON.parse(entries[1]!);
    const early = { ...JSON.parse(entries[0]!), seq: late.seq + 1, t: late.t - 1 };
    await Promise.all([
      expectError('seq.jsonl', [header, entries[1]!, entries[0]!, ...entries.slice(2)], 3, /entry 1 comes after entry 2: entries out of order/),
      expectError('time.jsonl', [header, entries[0]!, entries[1]!, JSON.stringify(early)], 4, /before the previous entry's t=\d+: entries out of order/),
    ]);
  });

  it.concurrent('entries of the wrong shape', async () => {
    const start = JSON.parse(entries[0]!);
    await Promise.all([
      expectError('seq-type.jsonl', [header, JSON.stringify({ ...start, seq: 'one' })], 2, /seq must be a positive integer/),
      expectError('t-type.jsonl', [header, JSON.stringify({ ...start, t: '0' })], 2, /t must be a non-negative number/),
      expectError('actor.jsonl', [header, JSON.stringify({ ...start, actor: 7 })], 2, /actor must be a seat id/),
      expectError('event.jsonl', [header, JSON.stringify({ ...start, event: 'start' })], 2, /event must be an object with a string "type"/),
      expectError('answer.jsonl', [header, entries[0]!, JSON.stringify({ seq: 2, t: 1, actor: 'fire-rescue', event: { type: 'answer', decision: 'send-usar', options: 'send' } })], 3, /a 'answer' event "options": Invalid input: expected array, received string/),
    ]);
  });

  it.concurrent('an entry of the right shape that the authority refuses is reported, not fatal', async () => {
    // A well-formed order the HQ has no right to give: refused with a reason, recorded, and listed in the report.
    const order = { seq: 2, t: 1000, actor: 'hq', event: { type: 'order', to: 'rescue-group', effect: { do: 'contain', incident: 'chagou-collapse' } } };
    const r = await quakeDrill(['report', file('refused.jsonl', sealed([header, entries[0]!, JSON.stringify(order)]).join('\n') + '\n'), '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("'contain' is an outcome, not an order");
  });

  it.concurrent('a scenario that cannot be found, or is not the one recorded', async () => {
    await Promise.all([
      expectError('unknown.jsonl', [header.replace(/"scenario":"[^"]*"/, '"scenario":"scenarios/nowhere.yaml"'), ...entries], 1, /cannot find the scenario 'scenarios\/nowhere\.yaml'/),
      expectError('other-id.jsonl', sealed([header.replace(/"scenarioId":"[^"]*"/, '"scenarioId":"some-other-drill"'), ...entries]), 1, /recorded with scenario 'some-other-drill'/),
    ]);
  });

  it.concurrent('a file that is not there', async () => {
    const r = await quakeDrill(['report', join(dir, 'nope.jsonl')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.jsonl:1:1: cannot read the log: ENOENT/);
  });

  it.concurrent('wrong usage exits 2', async () => {
    expect((await quakeDrill(['report'])).code).toBe(2);
    const r = await quakeDrill(['report', join(dir, 'x.jsonl'), '--format', 'docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown format 'docx': use html, md, json, csv, pdf/);
    const k = await quakeDrill(['report', join(dir, 'x.jsonl'), '--kind', 'memo']);
    expect(k.code).toBe(2);
    expect(k.stderr).toMatch(/unknown kind 'memo': use evaluation, summary, aar/);
  });
});
