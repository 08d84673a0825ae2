// Export writes the drill log the CLI writes (header + JSON Lines): it parses back to the same log,
// names the shipped scenario by its path, and `quake-drill report` scores it like the live drill.
import { describe, expect, it } from 'vitest';
import { exportDrill } from '../../../src/app/persist/index.ts';
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
    expect(parsed.header).toEqual({ format: 'quake-drill/log@1', scenario: FILE, scenarioId: 'minimal-example', scenarioVersion: '1.0.0', seed: 11, until: session.exercise.world.t });
    expect(parsed.log).toEqual(session.exercise.log);
    expect(parsed.log.at(-1)).toMatchObject({ actor: FACILITATOR, event: { type: 'end' } });
  });

  it('`npx quake-drill report` reads the export and gives the live drill its scores', async () => {
    const session = playedDrill();
    const file = tempDir().file('exported.jsonl', exportDrill(session).text);
    const { code, stdout, stderr } = await quakeDrill(['report', file, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const live = scoreDrill(scenario(), session.exercise.world, session.exercise.log);
    expect(report.scenario).toBe(FILE);
    expect(report.stateHash).toBe(session.exercise.hash());
    expect(report.overall).toBe(live.overall);
    expect(report.decisions).toEqual(JSON.parse(JSON.stringify(live.decisions)));
    expect(replay(scenario(), 11, session.exercise.log).hash()).toBe(session.exercise.hash());
  }, 30_000);
});
