// Hostile input to the command line (issue 7 §7): escape sequences in a scenario reach the terminal
// only as visible text; binary files give one clear problem; `run --out` never overwrites the
// scenario it plays, nor any other file that is not a drill log.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DrillEvent } from '../../src/core/index.ts';
import { headerFor, writeLog } from '../../src/review/index.ts';
import { scenario as loaded } from '../core/test-drill.ts';
import { minimal, replaced } from '../scenario/helpers.ts';
import { MINIMAL, ROOT, quakeDrill, tempDir } from './helpers.ts';

const ESC = '\u001b';
/** OSC 52 asks the terminal to put "hacked" (base64 aGFja2Vk) on the clipboard; BEL ends it. */
const CLIPBOARD = `${ESC}]52;c;aGFja2Vk\u0007`;
const tmp = tempDir();

/** The 8-byte PNG signature and the start of an IHDR chunk, as in every PNG (RFC 2083 §3.1, §4.1.1). */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);

// A CSV's rows end in CRLF (RFC 4180): a carriage return is harmless only right before a newline.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const noControls = (s: string) => expect(s).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/);

describe('text from files is printed with its control characters escaped', () => {
  it('a title carrying a clipboard write and a screen clear prints them as visible escapes', async () => {
    // YAML double quotes spell ESC as \e and BEL as \a (YAML 1.2 §5.7).
    const file = tmp.file('osc.yaml', replaced('title: { zh: 最小示例, en: Minimal example }', 'title: { zh: "最小\\e]52;c;aGFja2Vk\\a示例\\e[2J", en: "Minimal\\x9b31m" }'));
    const [r, estimate] = await Promise.all([quakeDrill(['run', file]), quakeDrill(['estimate', file, '--lang', 'zh'])]);
    expect(r.code).toBe(0);
    noControls(r.stdout);
    expect(r.stdout.split('\n')[0]).toBe(`震演 Quake Drill — 最小\\u001b]52;c;aGFja2Vk\\u0007示例\\u001b[2J Minimal\\u009b31m (minimal-example 1.0.0)`);
    expect(estimate.code).toBe(0);
    noControls(estimate.stdout);
    expect(estimate.stdout).toContain('最小\\u001b]52;c;aGFja2Vk\\u0007示例');
  });

  it('an unknown field named with an escape sequence is reported escaped', async () => {
    const file = tmp.file('key.yaml', replaced('  depthKm: 10\n', '  depthKm: 10\n  "x\\e]52;c;aGFja2Vk\\a": 1\n'));
    const r = await quakeDrill(['validate', file]);
    expect(r.code).toBe(1);
    noControls(r.stdout);
    expect(r.stdout).toContain("unknown field 'x\\u001b]52;c;aGFja2Vk\\u0007'");
  });

  it('--json output stays JSON: a C1 control and a bidi override come back as themselves', async () => {
    // JSON.stringify leaves U+009B (CSI) and U+202E (right-to-left override) raw; the guard writes
    // them as \u009b and \u202e, which JSON reads back as the same characters.
    const file = tmp.file('c1.yaml', replaced('  depthKm: 10\n', '  depthKm: 10\n  "x\\u202ey\\x9bz": 1\n'));
    const r = await quakeDrill(['validate', '--json', file]);
    expect(r.code).toBe(1);
    noControls(r.stdout);
    expect(r.stdout).not.toContain('\u202e');
    expect(r.stdout).toContain("unknown field 'x\\u202ey\\u009bz'");
    expect(JSON.parse(r.stdout).files[0].problems[0].message).toBe("unknown field 'x\u202ey\u009bz'");
  });

  it('the report of a drill whose scenario carries escapes prints none of them raw', async () => {
    const scenario = tmp.file('osc-report.yaml', replaced('label: { zh: 立即派出, en: Send now }', `label: { zh: "立即派出${'\\e'}]52;c;aGFja2Vk${'\\a'}", en: Send now }`));
    const log = join(tmp.dir, 'osc.jsonl');
    expect((await quakeDrill(['run', scenario, '--out', log])).code).toBe(0);
    for (const format of ['md', 'csv']) {
      const r = await quakeDrill(['report', log, '--format', format]);
      expect(r.code).toBe(0);
      noControls(r.stdout);
    }
    expect(CLIPBOARD).toContain(ESC); // the sequence the file spells is the real one
  });

  it("the report of a drill whose facilitator and seats typed escapes (live inject, edit, marks, a void's reason) prints none raw", async () => {
    const events: [number, string, DrillEvent][] = [
      [0, 'facilitator', { type: 'start' }],
      [60_000, 'facilitator', { type: 'live-inject', title: `余震${CLIPBOARD}`, text: `预警${CLIPBOARD}`, to: ['fire-rescue', 'hq'], question: `?${CLIPBOARD}`, expected: `撤离${CLIPBOARD}` }],
      [60_000, 'facilitator', { type: 'fire-inject', inject: 'collapse-report', edit: { title: `倒塌${CLIPBOARD}`, narrative: `被困${CLIPBOARD}`, to: ['fire-rescue'] } }],
      [60_000, 'hq', { type: 'plot', mark: { kind: 'note', points: [[40.7, 122.85]], text: `警戒${CLIPBOARD}` }, audience: 'command' }],
      [60_000, 'fire-rescue', { type: 'plot', mark: { kind: 'symbol', symbol: 'fire', points: [[40.7, 122.85]] }, audience: 'all' }],
      [90_000, 'fire-rescue', { type: 'answer', decision: 'send-usar', options: ['wait'] }],
      [120_000, 'facilitator', { type: 'reopen-decision', decision: 'send-usar', byMs: 120_000 }],
      [150_000, 'fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] }],
      [150_000, 'facilitator', { type: 'assign-seats', seats: ['fire-rescue', 'rescue-group'], policy: 'plan' }],
      [150_000, 'facilitator', { type: 'set-visibility', scores: true, answers: true }],
      [150_000, 'hq', { type: 'unplot', mark: 4 }],
      [180_000, 'facilitator', { type: 'void-decision', decision: 'send-usar', reason: `重复${CLIPBOARD}` }],
      [180_000, 'facilitator', { type: 'end' }],
    ];
    const log = join(tmp.dir, 'typed.jsonl');
    writeFileSync(log, writeLog(headerFor(join(ROOT, MINIMAL), loaded(), 1, { drill: 'typed' }), events.map(([t, actor, event], i) => ({ seq: i + 1, t, actor, event }))));
    for (const format of ['md', 'csv', 'json']) {
      const r = await quakeDrill(['report', log, '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      noControls(r.stdout);
    }
    const md = (await quakeDrill(['report', log])).stdout;
    // Entry 5 alone is refused (a member unit does not plot); the decision ends voided, with the reason shown escaped.
    expect(md).toContain("| 5 | 01:00 | fire-rescue | plot | fire-rescue is a member unit: it reports what it sees to its working group or the HQ, who mark the command's map |");
    // The HQ's number, ranking and report open in node 2, which the drill never reached.
    expect(md).toContain('已决策 0，超时 0，进行中 0，未触发 3，作废 1（共 4）');
    expect(md).toContain('voided by the facilitator at 03:00: 重复\\u001b]52;c;aGFja2Vk\\u0007 (作废)');
  });
});

describe('binary input gives one clear problem', () => {
  const png = join(tmp.dir, 'photo.png');
  writeFileSync(png, PNG);
  const expected = (file: string, hint: RegExp) => (out: string) => {
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`${file}:1:1: this is not a text file: it holds binary data (an image, a program or an archive?)`);
    expect(lines[1]).toMatch(hint);
  };

  it('validate, run and report each say so in one problem', async () => {
    const v = await quakeDrill(['validate', png]);
    expect(v.code).toBe(1);
    expected(png, /hint: a scenario is a YAML text file/)(v.stdout);
    const r = await quakeDrill(['run', png]);
    expect(r.code).toBe(1);
    expected(png, /hint: a scenario is a YAML text file/)(r.stderr);
    const rep = await quakeDrill(['report', png]);
    expect(rep.code).toBe(1);
    expected(png, /hint: a drill log is the \.jsonl text file/)(rep.stderr);
  });

  it('a program (the node binary itself) is refused the same way', async () => {
    const r = await quakeDrill(['validate', process.execPath]);
    expected(process.execPath, /hint:/)(r.stdout);
  });

  it('a scenario saved as GBK is told to be saved as UTF-8, at the first bad byte', async () => {
    // 最小 in GBK is D7 EE D0 A1 — not UTF-8; the title line is line 6, "  title: { zh: " 15 columns.
    const text = minimal();
    const at = text.indexOf('最小示例');
    const file = join(tmp.dir, 'gbk.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xd7, 0xee, 0xd0, 0xa1]), Buffer.from(text.slice(at + 2))]));
    const r = await quakeDrill(['validate', file]);
    expect(r.stdout.split('\n')[0]).toBe(`${file}:6:16: the file is not UTF-8 text`);
    expect(r.stdout).toMatch(/hint: save it as UTF-8/);
  });
});

describe('run --out does not overwrite what it must not', () => {
  it('refuses to overwrite its own scenario, by name or through a link, and leaves it intact', async () => {
    const file = tmp.file('self.yaml', minimal());
    const r = await quakeDrill(['run', file, '--out', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${file}:1:1: refusing to overwrite the scenario with its own drill log\n  hint: give the log another name, e.g. --out drill.jsonl\n`);
    const link = join(tmp.dir, 'link.yaml');
    symlinkSync(file, link);
    expect((await quakeDrill(['run', link, '--out', file])).code).toBe(1);
    expect((await quakeDrill(['run', file, '--out', join(tmp.dir, '.', 'self.yaml')])).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(minimal());
  });

  it('refuses to overwrite another scenario, but overwrites an earlier drill log', async () => {
    const scenario = tmp.file('play.yaml', minimal());
    const other = tmp.file('other.yaml', minimal());
    const r = await quakeDrill(['run', scenario, '--out', other]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to overwrite a file that is not a drill log/);
    expect(readFileSync(other, 'utf8')).toBe(minimal());
    const log = join(tmp.dir, 'again.jsonl');
    expect((await quakeDrill(['run', scenario, '--out', log])).code).toBe(0);
    const second = await quakeDrill(['run', scenario, '--seed', '2', '--out', log]);
    expect(second.code).toBe(0);
    expect(JSON.parse(readFileSync(log, 'utf8').split('\n')[0]!).seed).toBe(2);
  });
});
