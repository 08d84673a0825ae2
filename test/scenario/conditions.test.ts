// The `conditions` block and `occupancy` shares of the format: optional (a file without them is
// unchanged), and a bad value is reported where it is, saying what to write.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.ts';
import { minimal, positionOf, problemsOf, replaced } from './helpers.ts';

const withBlock = (block: string) => replaced('scoring:\n', `${block}scoring:\n`);
const NIGHT = 'conditions:\n  season: winter\n  darkness: { dusk: "18:52", dawn: "07:31" }\n  weather: { kind: snow, temperatureC: -6 }\n  nightSpeedFactor: 0.6\n  coldSurvival: true\n';

describe('conditions in a scenario file', () => {
  it('are optional: the minimal file has none, and its coldSurvival is not made up', () => {
    const result = loadScenario(minimal(), 'minimal.yaml');
    expect(result.ok && result.scenario.conditions).toBeUndefined();
    expect(result.ok && result.scenario.occupancy).toBeUndefined();
  });

  it('load as written', () => {
    const result = loadScenario(withBlock(NIGHT), 'night.yaml');
    expect(result.ok && result.scenario.conditions).toEqual({ season: 'winter', darkness: { dusk: '18:52', dawn: '07:31' }, weather: { kind: 'snow', temperatureC: -6 }, nightSpeedFactor: 0.6, coldSurvival: true });
  });

  it('default coldSurvival to off', () => {
    const result = loadScenario(withBlock('conditions: { season: summer }\n'), 'summer.yaml');
    expect(result.ok && result.scenario.conditions).toEqual({ season: 'summer', coldSurvival: false });
  });

  it('refuse a dawn written without its leading zero, at its place, saying HH:MM', () => {
    const text = withBlock(NIGHT.replace('"07:31"', '"7:31"'));
    const [p] = problemsOf(text);
    expect(p!.message).toMatch(/HH:MM/);
    expect(p).toMatchObject(positionOf(text, '"7:31"'));
  });

  it('refuse a night speed factor above 1 and an unknown weather', () => {
    expect(problemsOf(withBlock(NIGHT.replace('0.6', '1.5')))[0]!.message).toMatch(/1/);
    const text = withBlock(NIGHT.replace('kind: snow', 'kind: hail'));
    const [p] = problemsOf(text);
    expect(p!.message).toMatch(/"hail" is not allowed here; expected 'clear' \| 'rain' \| 'snow' \| 'fog'/);
    expect(p).toMatchObject(positionOf(text, 'hail'));
  });

  it('take occupancy shares between 0 and 1, for the scenario and for a place', () => {
    expect(loadScenario(withBlock('occupancy: { night: 0.98, day: 0.7 }\n'), 'o.yaml').ok).toBe(true);
    const text = withBlock('occupancy: { night: 1.2 }\n');
    expect(problemsOf(text)[0]).toMatchObject(positionOf(text, '1.2'));
  });

  it('refuse the cold option without a temperature, and a dusk that is also the dawn', () => {
    const cold = withBlock('conditions:\n  season: winter\n  coldSurvival: true\n');
    const at = positionOf(cold, 'coldSurvival: true');
    // The problem points at the value, after "coldSurvival: " (14 characters).
    expect(problemsOf(cold)[0]).toMatchObject({ rule: 'conditions', message: 'coldSurvival needs the air temperature: without weather.temperatureC it changes nothing', line: at.line, column: at.column + 14 });
    const never = withBlock(NIGHT.replace('"07:31"', '"18:52"'));
    expect(problemsOf(never)[0]).toMatchObject({ rule: 'conditions', message: 'dusk and dawn are both 18:52: it would never be dark' });
  });
});
