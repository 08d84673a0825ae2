// `quake-drill verify` and `report` on a tampered record (issue 10 §5): an edited answer used to move
// a report's score with exit 0, a changed seed passed silently, and a log pointed at another scenario
// scored 0.0. Each is now caught and named — file:line:1 and the entry — and exits 1.
import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDrill } from '../../src/app/persist/index.ts';
import { FACILITATOR } from '../../src/core/index.ts';
import { manualClock, newSession, play } from '../app/persist/helpers.ts';
import { scenario } from '../core/test-drill.ts';
import { asFormat1, editLine, freshLog, linesOf, middleAnswer, oneByte, textOf } from '../review/tamper.ts';
import { HAICHENG, MINIMAL, ROOT, quakeDrill, tempDir } from './helpers.ts';

const tmp = tempDir();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let fresh: { path: string; text: string };
let final: string;

/** verify and report on `text`, both refusing it at `line` with `message`. */
async function bothRefuse(name: string, text: string, line: number, message: string | RegExp) {
  const path = tmp.file(name, text);
  const [v, r] = await Promise.all([quakeDrill(['verify', path, '--lang', 'en']), quakeDrill(['report', path, '--format', 'json', '--lang', 'en'])]);
  const at = new RegExp(`^${escape(path)}:${line}:1: ${typeof message === 'string' ? escape(message) : message.source}`);
  for (const [command, result] of [['verify', v], ['report', r]] as const) {
    expect(result.code, `${command}: ${result.stderr}`).toBe(1);
    expect(result.stdout, command).toBe('');
    expect(result.stderr, command).toMatch(at);
    expect(result.stderr, command).toMatch(/\n {2}hint: /);
  }
  return path;
}

describe('quake-drill verify and report on a tampered drill record', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    fresh = await freshLog();
    final = JSON.parse(linesOf(fresh.text)[0]!).final;
  }, 60_000);

  it('a fresh run --out passes: OK, the number of entries, the final hash; the scenario matches', async () => {
    const r = await quakeDrill(['verify', fresh.path, '--lang', 'en']);
    expect(r).toEqual({
      code: 0,
      stdout: `OK: ${linesOf(fresh.text).length - 1} entries, chain intact, final ${final}\nscenario: ${HAICHENG} matches the digest the drill was played on\n`,
      stderr: '',
    });
    const zh = await quakeDrill(['verify', fresh.path, '--lang', 'zh']);
    expect(zh.stdout.split('\n')[0]).toBe(`通过：${linesOf(fresh.text).length - 1} 条记录，哈希链完整，最终哈希 ${final}`);
    const json = await quakeDrill(['verify', fresh.path, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, format: 'quake-drill/log@2', drill: 'haicheng-m5-8-seed-7', entries: linesOf(fresh.text).length - 1, final, trust: { kind: 'verified', final }, scenario: { checked: true } });
  });

  it("a drill exported from the app passes", async () => {
    const clock = manualClock();
    const session = newSession(clock, 11);
    play(session, clock);
    session.facilitator({ type: 'end' });
    const r = await quakeDrill(['verify', tmp.file('exported.jsonl', exportDrill(session).text), '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^OK: ${session.exercise.log.length} entries, chain intact, final [0-9a-f]{64}\\n`));
    expect(session.exercise.log.at(-1)).toMatchObject({ actor: FACILITATOR, event: { type: 'end' } });
  });

  it('an edited answer (another option of the same decision) is refused at its line, naming the entry; --untrusted reads it, marked', async () => {
    const { line, entry } = middleAnswer(fresh.text);
    const decision = scenario('haicheng-m5.8.yaml').decisions.find((d) => d.id === entry.event.decision)!;
    const other = decision.options.map((o) => o.id).find((id) => !entry.event.options.includes(id))!;
    expect(other).toBeDefined();
    const edited = editLine(fresh.text, line, (e) => void ((e.event as { options: string[] }).options = [other]));
    const path = await bothRefuse('answer.jsonl', edited, line, `entry ${entry.seq}: its hash does not match — the entry was changed after it was recorded`);

    const untrusted = await quakeDrill(['report', path, '--untrusted', '--format', 'md', '--lang', 'en']);
    expect(untrusted.code).toBe(0);
    expect(untrusted.stderr).toMatch(new RegExp(`^${escape(path)}:${line}:1: warning: entry ${entry.seq}: its hash does not match .*; opened as untrusted`));
    // The report's seal (src/review/report) carries the mark and where the record breaks.
    expect(untrusted.stdout).toMatch(new RegExp(`(UNTRUSTED|不可信)[^\\n]*\\b${line}\\b`));
  });

  it('one byte changed in a middle entry: verify names exactly that line and entry', async () => {
    const changed = oneByte(fresh.text);
    await bothRefuse('byte.jsonl', changed.text, changed.line, `entry ${changed.seq}: its hash does not match`);
    const zh = await quakeDrill(['verify', join(tmp.dir, 'byte.jsonl'), '--lang', 'zh']);
    expect(zh.stderr).toMatch(new RegExp(`:${changed.line}:1: 第 ${changed.seq} 条：哈希不符 — 该条目在记录后被修改\\n`));
  });

  it('a changed seed is a changed header, at line 1', async () => {
    await bothRefuse('seed.jsonl', editLine(fresh.text, 1, (h) => void (h.seed = 8)), 1, 'the header was changed after it was recorded');
  });

  it('a log pointed at another scenario: by path, refused with both ids; an edited copy of its own scenario, refused as changed', async () => {
    const minimal = editLine(fresh.text, 1, (h) => void (h.scenario = MINIMAL));
    const path = tmp.file('other.jsonl', minimal);
    const [v, r] = await Promise.all([quakeDrill(['verify', path, '--lang', 'en']), quakeDrill(['report', path, '--lang', 'en'])]);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(new RegExp(`^${escape(path)}:1:1: the scenario file has changed since this drill was recorded: ${escape(join(ROOT, MINIMAL))} has digest [0-9a-f]{12}…, the drill was played on [0-9a-f]{12}…`));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${escape(path)}:1:1: this log was recorded with scenario 'haicheng-m5-8', but ${escape(MINIMAL)} is 'minimal-example'`));
    // Renaming the scenario in the header as well changes the sealed header.
    await bothRefuse('renamed.jsonl', editLine(minimal, 1, (h) => void (h.scenarioId = 'minimal-example')), 1, 'the header was changed after it was recorded');

    const copy = join(tmp.dir, 'haicheng-edited.yaml');
    copyFileSync(join(ROOT, HAICHENG), copy);
    cpSync(join(ROOT, 'scenarios/geo'), join(tmp.dir, 'geo'), { recursive: true }); // its basemap, beside it
    writeFileSync(copy, readFileSync(copy, 'utf8').replace(/^(\s*zh: )(.+)$/m, '$1$2（改）'));
    const edited = await bothRefuse('copy.jsonl', editLine(fresh.text, 1, (h) => void (h.scenario = copy)), 1, 'the scenario file has changed since this drill was recorded');
    const untrusted = await quakeDrill(['report', edited, '--untrusted', '--format', 'md', '--lang', 'en']);
    expect(untrusted.code, untrusted.stderr).toBe(0);
    expect(untrusted.stderr).toMatch(/:1:1: warning: the scenario file has changed since this drill was recorded.*; opened as untrusted/);
    expect(untrusted.stdout).toMatch(/UNTRUSTED|不可信/);
  });

  it('a cut-off tail or a changed until is caught by the final hash', async () => {
    const kept = linesOf(fresh.text).slice(0, -5);
    const lastSeq = JSON.parse(kept.at(-1)!).seq;
    await bothRefuse('tail.jsonl', textOf(kept), 1, `the record ends at entry ${lastSeq} (line ${kept.length}), but its final hash does not match`);
    await bothRefuse('until.jsonl', editLine(fresh.text, 1, (h) => void (h.until = (h.until as number) + 60_000)), 1, 'the record ends at entry');
  });

  it('a format 1 log cannot be verified; report reads it with a warning', async () => {
    const path = tmp.file('v1.jsonl', asFormat1(fresh.text));
    const v = await quakeDrill(['verify', path, '--lang', 'en']);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(new RegExp(`^${escape(path)}:1:1: cannot be verified: a format 1 log \\(quake-drill/log@1\\) has no hash chain\\n`));
    const r = await quakeDrill(['report', path, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^${escape(path)}:1:1: warning: unverified \\(no hash chain\\)`));
  });

  it('the chain needs no scenario: one that cannot be found is a warning, not a failure', async () => {
    const path = tmp.file('away.jsonl', editLine(fresh.text, 1, (h) => void (h.scenario = 'scenarios/nowhere.yaml')));
    const r = await quakeDrill(['verify', path, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`OK: ${linesOf(fresh.text).length - 1} entries, chain intact, final ${final}\n`);
    expect(r.stderr).toBe(`${path}:1:1: warning: scenario not checked: cannot find scenarios/nowhere.yaml (the chain needs none)\n`);
  });

  it('wrong usage exits 2; a file that is not a log is a positioned problem', async () => {
    expect((await quakeDrill(['verify'])).code).toBe(2);
    expect((await quakeDrill(['verify', fresh.path, '--frobnicate'])).code).toBe(2);
    const r = await quakeDrill(['verify', join(ROOT, HAICHENG), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${escape(join(ROOT, HAICHENG))}:1:1: not JSON`));
  });
});
