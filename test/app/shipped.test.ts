// The shipped scenarios are checked when the page is built and reach it as JSON (issue 8, part 3):
// a file with a problem stops the build at file:line:column, and the JSON the page trusts is the
// loader's scenario itself — same values, same key order, same drill when played.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadShipped } from '../../src/cli/shipped-scenarios.ts';
import { canonicalJson, runDrill } from '../../src/core/index.ts';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { DEFAULT_BRIEF, DEFAULT_SCENARIO, FACTS, LOADERS, TEXTS } from '../../src/app/shipped.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const loaded = (file: string): Scenario => {
  const r = loadScenario(read(file), file);
  if (!r.ok) throw new Error(`${file} does not load`);
  return r.scenario;
};

const temp: string[] = [];
afterEach(() => temp.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('shipped scenarios at build time', () => {
  it('a shipped file with a problem fails the build at its file:line:column, with the message', () => {
    const root = mkdtempSync(join(tmpdir(), 'quake-drill-shipped-'));
    temp.push(root);
    mkdirSync(join(root, 'scenarios'));
    writeFileSync(join(root, 'scenarios/ok.yaml'), read('scenarios/minimal.yaml'));
    // magnitude: big — the problem is at that value: its line, and its column found in the text
    const minimal = read('scenarios/minimal.yaml').split('\n');
    const at = minimal.findIndex((l) => /^\s*magnitude: /.test(l));
    minimal[at] = minimal[at]!.replace(/magnitude: .*/, 'magnitude: big');
    writeFileSync(join(root, 'scenarios/broken.yaml'), minimal.join('\n'));
    const column = minimal[at]!.indexOf('big') + 1;
    expect(() => loadShipped(root)).toThrow(new RegExp(`^a shipped scenario does not load[^\\n]*\\nscenarios/broken\\.yaml:${at + 1}:${column}: `));
  });

  it('lists every file of scenarios/, the default first, with what the picker shows', () => {
    expect(DEFAULT_SCENARIO).toBe('scenarios/haicheng-m5.8.yaml');
    expect(FACTS.map((f) => f.file)).toEqual(['scenarios/haicheng-m5.8.yaml', 'scenarios/ludian-m6.0.yaml', 'scenarios/minimal.yaml']);
    // ludian-m6.0.yaml: the night-time Yunnan drill, 4 time nodes (its `nodes:` list)
    expect(FACTS[1]).toMatchObject({ id: 'ludian-m6-0-night', nodes: 4 });
    // minimal.yaml: 2 time nodes, as the picker test reads them off the page
    expect(FACTS[2]).toMatchObject({ id: 'minimal-example', title: { zh: '最小示例', en: 'Minimal example' }, nodes: 2 });
  });

  it.each(['scenarios/haicheng-m5.8.yaml', 'scenarios/ludian-m6.0.yaml', 'scenarios/minimal.yaml'])('%s: the page gets the loader’s scenario, key for key, and the same drill', async (file) => {
    const shipped = await LOADERS[file]!();
    const fromYaml = loaded(file);
    expect(JSON.stringify(shipped)).toBe(JSON.stringify(fromYaml)); // same keys in the same order
    expect(shipped).toStrictEqual(fromYaml);
    expect(await TEXTS[file]!()).toBe(read(file));
    const played = (s: Scenario) => canonicalJson(runDrill({ scenario: s, seed: 7, policy: 'plan' }).world);
    expect(played(shipped)).toBe(played(fromYaml));
  });

  it('the first screen’s brief of the default is the scenario without its injects and decisions', async () => {
    const whole = await LOADERS[DEFAULT_SCENARIO]!();
    expect(DEFAULT_BRIEF.injects).toBeNull();
    expect(DEFAULT_BRIEF.decisions).toBeNull();
    expect({ ...DEFAULT_BRIEF, injects: whole.injects, decisions: whole.decisions }).toStrictEqual(whole);
    expect(FACTS[0]).toMatchObject({ injects: whole.injects.length, decisions: whole.decisions.length });
  });
});
