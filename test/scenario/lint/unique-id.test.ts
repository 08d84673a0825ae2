import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/index.ts';
import { expectOneAt, minimal, replaced } from '../helpers.ts';

describe('lint: ids are unique in the whole file', () => {
  it('a team named like a settlement is reported at the second one, naming the first', () => {
    const text = replaced('- id: usar-1', '- id: chagou');
    const p = expectOneAt(text, 'unique-id', 'chagou\n          name: { zh: 重型救援队');
    expect(p.message).toBe("id 'chagou' is already used by the settlement at region.settlements.0");
  });

  it('option ids only need to be unique within their decision', () => {
    expectOneAt(replaced('- id: wait', '- id: send'), 'unique-id', 'send\n        label: { zh: 等待');
  });

  it('the minimal example has none', () => {
    expect(loadScenario(minimal(), 'm.yaml').ok).toBe(true);
  });
});
