// The scaling bench (test/bench/scaling.ts) measures the engine on the default scenario grown k×:
// its figures mean something only if the grown scenario is a valid scenario file and k times the size.
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.ts';
import { scaledScenario, scaleScenarioData } from '../bench/scaled-scenario.ts';
import { readScenario } from '../scenario/helpers.ts';
import { scenario } from './test-drill.ts';

describe('the default scenario grown k×', () => {
  const text = readScenario('haicheng-m5.8.yaml');
  const base = scenario('haicheng-m5.8.yaml');

  it('validates as a scenario file (schema and lint), and equals the parsed scenario grown the same way', () => {
    const k = 3;
    const loaded = loadScenario(stringify(scaleScenarioData(parse(text), k)), 'haicheng-x3.yaml');
    expect(loaded.ok ? [] : loaded.problems.slice(0, 3)).toEqual([]);
    expect(JSON.parse(JSON.stringify(scaledScenario(base, k)))).toEqual(JSON.parse(JSON.stringify(loaded.ok && loaded.scenario)));
  });

  it('has k times the injects, decisions, units, settlements, facilities and cascades, on the same nodes, with suffixed ids', () => {
    const s = scaledScenario(base, 4);
    expect([s.injects.length, s.decisions.length, s.organisation.units.length, s.region.settlements.length, s.region.facilities.length, s.cascades.length]).toEqual(
      [base.injects.length, base.decisions.length, base.organisation.units.length, base.region.settlements.length, base.region.facilities.length, base.cascades.length].map((n) => 4 * n),
    );
    expect(s.nodes).toEqual(base.nodes);
    // d01-level opens after i02-intensity (the file): its third copy after that inject's third copy.
    expect(s.decisions.find((d) => d.id === 'd01-level-x3')?.opens).toEqual({ after: 'i02-intensity-x3', delay: 60_000 });
  });
});
