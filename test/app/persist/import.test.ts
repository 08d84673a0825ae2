// Importing a drill log: a broken file lists its problem at its line and nothing is imported; a
// good one finds its scenario among the shipped ones (by path, else by id) or asks for the file.
import { describe, expect, it } from 'vitest';
import { exportDrill, importLog, importWithScenario, SHIPPED } from '../../../src/app/persist/index.ts';
import { formatProblem } from '../../../src/scenario/index.ts';
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
    const again = createSession({ ...drill, clock: manualClock() });
    expect(again.exercise.statePath()).toBe('paused');
    const last = session.exercise.log.at(-1)!.t;
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
    const { text } = exported();
    const foreign = text.replace('"scenarioId":"minimal-example"', '"scenarioId":"my-own"').replace(`"scenario":"${FILE}"`, '"scenario":"my-own.yaml"');
    const result = await importLog(foreign, 'drill.jsonl', SHIPPED);
    if (result.kind !== 'need-scenario') throw new Error(result.kind);
    expect(result.pending.header).toMatchObject({ scenario: 'my-own.yaml', scenarioId: 'my-own' });

    const wrong = await importWithScenario(result.pending, minimalText(), 'minimal.yaml');
    expect(wrong).toMatchObject({ kind: 'problems', source: 'log' });
    if (wrong.kind === 'problems') expect(formatProblem(wrong.problems[0]!)).toMatch(/^drill\.jsonl:1:1: this log was recorded with scenario 'my-own', but minimal\.yaml is 'minimal-example'/);

    const own = minimalText().replace('id: minimal-example', 'id: my-own');
    expect(await importWithScenario(result.pending, own, 'my-own.yaml')).toMatchObject({ kind: 'ready', drill: { file: 'my-own.yaml', seed: 3 } });

    const broken = await importWithScenario(result.pending, 'format: [', 'my-own.yaml');
    expect(broken).toMatchObject({ kind: 'problems', source: 'scenario', file: 'my-own.yaml' });
  });

  it('warns when the scenario changed version since the drill was recorded', async () => {
    const { text } = exported();
    const old = text.replace('"scenarioVersion":"1.0.0"', '"scenarioVersion":"0.9.0"');
    expect(await importLog(old, 'drill.jsonl', SHIPPED)).toMatchObject({ kind: 'ready', drill: { versionWarning: { recorded: '0.9.0', now: '1.0.0' } } });
  });

  const broken: [string, (text: string) => string, RegExp][] = [
    ['a line that is not JSON', (t) => withLine(t, 3, '{"seq":2,"t":0,'), /^drill\.jsonl:3:1: not JSON: /],
    ['no header', (t) => lines(t).slice(1).join('\n'), /^drill\.jsonl:1:1: missing header: the first line has no "format"\n {2}hint: /],
    ['a log of another format version', (t) => t.replace('quake-drill/log@1', 'quake-drill/log@2'), /^drill\.jsonl:1:1: this log is format version 2; this Quake Drill reads version 1/],
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
    expect(SHIPPED.map((s) => s.file)).toEqual(['scenarios/haicheng-m5.8.yaml', 'scenarios/minimal.yaml']);
    expect(await SHIPPED[1]!.text()).toBe(minimalText());
  });
});
