// Importing a drill log: a broken file lists its problem at its line and nothing is imported; a
// good one finds its scenario among the shipped ones (by path, else by id) or asks for the file.
import { describe, expect, it } from 'vitest';
import { exportDrill, importLog, importWithScenario, SHIPPED } from '../../../src/app/persist/index.ts';
import { importedOptions } from '../../../src/app/persist/connect.ts';
import { formatProblem, loadScenario } from '../../../src/scenario/index.ts';
import { createSession } from '../../../src/app/drill/session.ts';
import { canonicalJson, FACILITATOR } from '../../../src/core/index.ts';
import { replay } from '../../../src/review/index.ts';
import { FILE, manualClock, minimalText, newSession, play, scenario } from './helpers.ts';

function exported() {
  const clock = manualClock();
  const session = newSession(clock);
  play(session, clock);
  return { session, text: exportDrill(session).text };
}
/** A drill played on this scenario text and exported, as if by a page that loaded it from `file`. */
function exportedOn(text: string, file: string) {
  const loaded = loadScenario(text, file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const clock = manualClock();
  const session = createSession({ scenario: loaded.scenario, file, seed: 3, clock });
  play(session, clock);
  return { session, text: exportDrill(session).text };
}
const lines = (text: string) => text.split('\n');
const withLine = (text: string, n: number, line: string) => lines(text).map((l, i) => (i === n - 1 ? line : l)).join('\n');

describe('importing a drill log', () => {
  it('finds the shipped scenario by its path and gives a drill that continues, paused', async () => {
    const { session, text } = exported();
    const result = await importLog(text, 'drill.jsonl', SHIPPED);
    if (result.kind !== 'ready') throw new Error(JSON.stringify(result));
    const { drill } = result;
    expect(drill).toMatchObject({ file: FILE, seed: 3, scenarioText: minimalText() });
    expect(drill.log).toEqual(session.exercise.log);
    // A log carries no heartbeat: the drill comes back paused at its last entry.
    const again = createSession({ ...importedOptions(drill), clock: manualClock() });
    expect(again).toMatchObject({ drill: session.drill, created: session.created, trust: 'verified' });
    expect(again.exercise.statePath()).toBe('paused');
    // The header's until: the clock ran on after the last entry.
    const last = session.exercise.world.t;
    expect(drill.until).toBe(last);
    expect(again.exercise.log.at(-1)).toMatchObject({ t: last, event: { type: 'pause' } });
    const live = replay(scenario(), 3, [...session.exercise.log, { seq: session.exercise.log.length + 1, t: last, actor: FACILITATOR, event: { type: 'pause' } }]);
    expect(canonicalJson(again.exercise.world)).toBe(canonicalJson(live.world));
  });

  it('finds it by scenario id when the path is another machine’s', async () => {
    const { text } = exported();
    const moved = text.replace(`"scenario":"${FILE}"`, '"scenario":"C:\\\\drills\\\\我的情景.yaml"');
    expect(moved).not.toBe(text);
    expect(await importLog(moved, 'drill.jsonl', SHIPPED)).toMatchObject({ kind: 'ready', drill: { file: FILE } });
  });

  it('asks for the scenario file when it is not shipped, then checks it is the right one', async () => {
    const own = minimalText().replace('id: minimal-example', 'id: my-own');
    const { text } = exportedOn(own, 'my-own.yaml');
    const result = await importLog(text, 'drill.jsonl', SHIPPED);
    if (result.kind !== 'need-scenario') throw new Error(result.kind);
    expect(result.pending.header).toMatchObject({ scenario: 'my-own.yaml', scenarioId: 'my-own' });

    const wrong = await importWithScenario(result.pending, minimalText(), 'minimal.yaml');
    expect(wrong).toMatchObject({ kind: 'problems', source: 'log' });
    if (wrong.kind === 'problems') expect(formatProblem(wrong.problems[0]!)).toMatch(/^drill\.jsonl:1:1: this log was recorded with scenario 'my-own', but minimal\.yaml is 'minimal-example'/);

    expect(await importWithScenario(result.pending, own, 'my-own.yaml')).toMatchObject({ kind: 'ready', drill: { file: 'my-own.yaml', seed: 3, trust: { kind: 'verified' } } });

    const broken = await importWithScenario(result.pending, 'format: [', 'my-own.yaml');
    expect(broken).toMatchObject({ kind: 'problems', source: 'scenario', file: 'my-own.yaml' });
  });

  it('a scenario that changed since the drill (another digest) is refused unless opened as untrusted, and then warns of its version', async () => {
    const { text } = exportedOn(minimalText().replace('version: 1.0.0', 'version: 0.9.0'), FILE);
    const refused = await importLog(text, 'drill.jsonl', SHIPPED);
    expect(refused).toMatchObject({ kind: 'broken', file: 'drill.jsonl', broken: { line: 1, seq: null, part: 'scenario' } });
    const opened = await importLog(text, 'drill.jsonl', SHIPPED, { untrusted: true });
    expect(opened).toMatchObject({ kind: 'ready', drill: { versionWarning: { recorded: '0.9.0', now: '1.0.0' }, trust: { kind: 'broken', part: 'scenario' } } });
  });

  it('one changed byte in an entry in the middle: refused, naming the line and entry; opened as untrusted it is marked so', async () => {
    const { session, text } = exported();
    // Line 4 is entry 3 (the header is line 1); its time moves by a millisecond.
    const entry3 = lines(text)[3]!;
    const t3 = session.exercise.log[2]!.t;
    const changed = withLine(text, 4, entry3.replace(`"t":${t3}`, `"t":${t3 + 1}`));
    expect(changed).not.toBe(text);
    const refused = await importLog(changed, 'drill.jsonl', SHIPPED);
    expect(refused).toMatchObject({ kind: 'broken', file: 'drill.jsonl', broken: { line: 4, seq: 3, part: 'entry' } });
    const opened = await importLog(changed, 'drill.jsonl', SHIPPED, { untrusted: true });
    if (opened.kind !== 'ready') throw new Error(opened.kind);
    expect(opened.drill.trust).toMatchObject({ kind: 'broken', line: 4, seq: 3 });
    expect(createSession({ ...importedOptions(opened.drill), clock: manualClock() }).trust).toBe('broken');
  });

  it('a log of format 1 (no chain) imports, unchained', async () => {
    const { session } = exported();
    const v1 = [JSON.stringify({ format: 'quake-drill/log@1', scenario: FILE, scenarioId: 'minimal-example', scenarioVersion: '1.0.0', seed: 3 }), ...session.exercise.log.map((e) => JSON.stringify(e))].join('\n');
    const result = await importLog(v1, 'old.jsonl', SHIPPED);
    if (result.kind !== 'ready') throw new Error(result.kind);
    expect(result.drill.trust).toEqual({ kind: 'unchained' });
    expect(createSession({ ...importedOptions(result.drill), clock: manualClock() }).trust).toBe('unchained');
  });

  const broken: [string, (text: string) => string, RegExp][] = [
    ['a line that is not JSON', (t) => withLine(t, 3, '{"seq":2,"t":0,'), /^drill\.jsonl:3:1: not JSON: /],
    ['no header', (t) => lines(t).slice(1).join('\n'), /^drill\.jsonl:1:1: missing header: the first line has no "format"\n {2}hint: /],
    ['a log of another format version', (t) => t.replace('quake-drill/log@2', 'quake-drill/log@3'), /^drill\.jsonl:1:1: this log is format version 3; this Quake Drill reads versions 1 and 2/],
    ['entries out of order', (t) => withLine(t, 4, lines(t)[1]!), /^drill\.jsonl:4:1: entry 1 comes after entry 2: entries out of order/],
    ['an answer without its decision', (t) => t.replace('"decision":"no-such-decision",', ''), /^drill\.jsonl:\d+:1: a 'answer' event needs "decision" \(string\)/],
    ['an empty file', () => '', /^drill\.jsonl:1:1: the log is empty: missing header/],
  ];
  it.each(broken)('a broken file (%s) lists its problem at its line, imports nothing', async (_, breakIt, expected) => {
    const result = await importLog(breakIt(exported().text), 'drill.jsonl', SHIPPED);
    if (result.kind !== 'problems') throw new Error(result.kind);
    expect(result.source).toBe('log');
    expect(result.problems).toHaveLength(1);
    expect(formatProblem(result.problems[0]!)).toMatch(expected);
  });

  it('the shipped list is the scenarios/ folder, the default first', async () => {
    expect(SHIPPED.map((s) => s.file)).toEqual(['scenarios/haicheng-m5.8.yaml', 'scenarios/ludian-m6.0.yaml', 'scenarios/minimal.yaml']);
    expect(await SHIPPED[2]!.text()).toBe(minimalText());
  });
});
