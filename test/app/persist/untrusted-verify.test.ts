// A drill continued from a record that did not verify exports a record that `quake-drill verify`
// refuses (issue 10 §5): its fresh chain holds, but its header names what it continued, sealed. The
// app's import and continue, run without a page, so the CLI reads the export from disk (happy-dom's
// URL is not node's: see untrusted.test.ts for the same path through the picker).
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../src/app/drill/session.ts';
import { importedOptions } from '../../../src/app/persist/connect.ts';
import { exportDrill, shippedByFile } from '../../../src/app/persist/index.ts';
import { importLog } from '../../../src/app/persist/log-io.ts';
import { quakeDrill, tempDir } from '../../cli/helpers.ts';
import { FILE, manualClock, minimalText, newSession, play, scenario } from './helpers.ts';

const shipped = [{ ...shippedByFile(FILE)!, load: async () => scenario(), text: async () => minimalText() }];

/** The genuine drill, and its export with entry 3 a millisecond later, opened as untrusted and continued. */
async function continuedFrom(): Promise<{ genuine: Session; continued: Session }> {
  const clock = manualClock();
  const genuine = newSession(clock);
  play(genuine, clock);
  const rows = exportDrill(genuine).text.split('\n');
  const t = genuine.exercise.log[2]!.t;
  rows[3] = rows[3]!.replace(`"t":${t}`, `"t":${t + 1}`);
  const opened = await importLog(rows.join('\n'), 'drill.jsonl', shipped, { untrusted: true });
  if (opened.kind !== 'ready') throw new Error(`not ready: ${opened.kind}`);
  return { genuine, continued: createSession({ ...importedOptions(opened.drill), clock }) };
}

describe('verify of a drill continued from an untrusted record', () => {
  it('fails (exit 1), naming the record it continued, in English and in Chinese', async () => {
    const { genuine, continued } = await continuedFrom();
    expect(continued.drill).not.toBe(genuine.drill);
    const file = tempDir().file('continued.jsonl', exportDrill(continued).text);

    const en = await quakeDrill(['verify', file]);
    expect(en.code).toBe(1);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain(`continued.jsonl:1:1: the drill continues the record of ${genuine.drill}, which did not verify: entry 3: its hash does not match`);

    const zh = await quakeDrill(['verify', file, '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('continued.jsonl:1:1: 本次推演接续自一份未通过验证的记录');
    expect(zh.stderr).not.toMatch(/did not verify|hash does not match/);
  });

  it('a log whose origin was removed fails as a changed header', async () => {
    const { continued } = await continuedFrom();
    const [head, ...rest] = exportDrill(continued).text.split('\n');
    const { origin: _dropped, ...laundered } = JSON.parse(head!) as Record<string, unknown>;
    const file = tempDir().file('laundered.jsonl', [JSON.stringify(laundered), ...rest].join('\n'));
    const result = await quakeDrill(['verify', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('laundered.jsonl:1:1: the header was changed after it was recorded');
  });
});
