// Export writes the drill log the CLI writes (header + JSON Lines): it parses back to the same log,
// names the shipped scenario by its path, and `quake-drill report` scores it like the live drill.
import { describe, expect, it } from 'vitest';
import { exportDrill } from '../../../src/app/persist/index.ts';
import { createSession } from '../../../src/app/drill/session.ts';
import { parseLog } from '../../../src/review/index.ts';
import { FACILITATOR } from '../../../src/core/index.ts';
import { replay } from '../../../src/review/index.ts';
import { scoreDrill } from '../../../src/scoring/index.ts';
import { quakeDrill, tempDir } from '../../cli/helpers.ts';
import { FILE, MIN, manualClock, newSession, play, scenario } from './helpers.ts';

function playedDrill() {
  const clock = manualClock();
  const session = newSession(clock, 11);
  play(session, clock);
  session.send('fire-rescue', { type: 'report', to: 'hq', text: '已到达现场，\n"引号" 与 emoji 🚒' });
  clock.advance(MIN);
  session.tick();
  session.facilitator({ type: 'end' });
  return session;
}

describe('exporting a drill', () => {
  it('round-trips: the exported file parses back to the same header and log', () => {
    const session = playedDrill();
    const { name, text } = exportDrill(session, new Date(2026, 10, 21, 9, 5));
    expect(name).toBe('minimal-example-seed-11-20261121-0905.jsonl');
    expect(text.split('\n').length).toBe(session.exercise.log.length + 2); // header, entries, final newline
    const parsed = parseLog(text);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const hex = expect.stringMatching(/^[0-9a-f]{64}$/);
    expect(parsed.header).toEqual({
      format: 'quake-drill/log@2',
      scenario: FILE,
      scenarioId: 'minimal-example',
      scenarioVersion: '1.0.0',
      scenarioHash: hex,
      seed: 11,
      drill: session.drill,
      created: session.created,
      until: session.exercise.world.t,
      hash: hex,
      final: hex,
    });
    expect(session.drill).toMatch(/^minimal-example-[0-9a-f]{12}$/);
    expect(parsed.trust).toEqual({ kind: 'verified', final: parsed.header.final });
    expect(parsed.log).toEqual(session.exercise.log);
    expect(parsed.log.at(-1)).toMatchObject({ actor: FACILITATOR, event: { type: 'end' } });
  });

  it('an ended drill exports to its end: the clock running on in the debrief moves neither until nor the final hash', () => {
    const clock = manualClock();
    const session = newSession(clock, 11);
    play(session, clock);
    session.facilitator({ type: 'end' });
    const end = session.exercise.log.at(-1)!.t;
    const first = parseLog(exportDrill(session).text);
    clock.advance(10 * MIN);
    session.tick();
    expect(session.exercise.world.t).toBeGreaterThan(end);
    const later = parseLog(exportDrill(session).text);
    if (!first.ok || !later.ok) throw new Error('the export does not read back');
    expect(first.header.until).toBe(end);
    expect(later.header).toEqual(first.header);
  });

  it('a branch names its parent; a drill continued from a record that did not verify says so in the file name', () => {
    const parent = { drill: 'minimal-example-0123456789ab', seq: 4, hash: 'a'.repeat(64) };
    const clock = manualClock();
    const branch = createSession({ scenario: scenario(), file: FILE, seed: 11, clock, drill: 'minimal-example-ba0000000001', parent, created: '2026-12-02T10:00:00.000Z', trust: 'broken' });
    const { name, text } = exportDrill(branch, new Date(2026, 10, 21, 9, 5));
    expect(name).toBe('minimal-example-seed-11-20261121-0905-untrusted.jsonl');
    const parsed = parseLog(text);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.header).toMatchObject({ drill: 'minimal-example-ba0000000001', parent, created: '2026-12-02T10:00:00.000Z' });
    expect(exportDrill(createSession({ scenario: scenario(), file: FILE, seed: 11, clock, trust: 'unchained' }), new Date(2026, 10, 21, 9, 5)).name).toBe('minimal-example-seed-11-20261121-0905-unverified.jsonl');
  });

  it('`npx quake-drill report` reads the export and gives the live drill its scores', async () => {
    const session = playedDrill();
    const { text } = exportDrill(session);
    const file = tempDir().file('exported.jsonl', text);
    const { code, stdout, stderr } = await quakeDrill(['report', file, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const live = scoreDrill(scenario(), session.exercise.world, session.exercise.log);
    const final = (JSON.parse(text.split('\n')[0]!) as { final: string }).final;
    expect(report.drill).toMatchObject({ id: session.drill, created: session.created, seed: 11 });
    expect(report.record).toMatchObject({ trust: { kind: 'verified', final }, final });
    expect(report.scores.scenario).toBe(FILE);
    expect(report.scores.stateHash).toBe(session.exercise.hash());
    expect(report.scores.overall).toBe(live.overall);
    expect(report.scores.decisions).toEqual(JSON.parse(JSON.stringify(live.decisions)));
    expect(replay(scenario(), 11, session.exercise.log).hash()).toBe(session.exercise.hash());
  }, 30_000);
});
