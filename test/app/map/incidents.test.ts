// Incidents on the map: only those that appeared, bigger when worse, greyed when contained, pulsing when new.
import { describe, expect, it } from 'vitest';
import { incidentSize } from '../../../src/app/map/symbols.ts';
import { NEW_WITHIN_MS } from '../../../src/app/map/view-model.ts';
import { copyOf, MIN, playedFor, viewOf } from './helpers.ts';

describe('incidents on the map', () => {
  const ex = playedFor(40);

  it('shows the incidents that appeared, and none still latent', () => {
    const vm = viewOf(ex);
    const appeared = Object.entries(ex.world.incidents).filter(([, i]) => i.status !== 'latent').map(([id]) => id);
    expect(vm.incidents.map((i) => i.id).sort()).toEqual(appeared.sort());
    expect(appeared.length).toBeLessThan(Object.keys(ex.world.incidents).length);
  });

  it('makes the symbol bigger as severity rises, with the severity as its badge', () => {
    const sizes = [1, 2, 3, 4, 5].map(incidentSize);
    for (let k = 1; k < sizes.length; k++) expect(sizes[k]!).toBeGreaterThan(sizes[k - 1]!);
    const world = copyOf(ex.world);
    const [id] = Object.keys(world.incidents).filter((k) => world.incidents[k]!.status === 'reported');
    world.incidents[id!]!.severity = 1;
    const small = viewOf(ex, { world }).incidents.find((i) => i.id === id)!;
    world.incidents[id!]!.severity = 5;
    const big = viewOf(ex, { world }).incidents.find((i) => i.id === id)!;
    expect(big.size).toBeGreaterThan(small.size);
    expect(big.r).toBe(big.size / 2);
    expect([small.severity, big.severity]).toEqual([1, 5]);
  });

  it('greys contained and resolved incidents, and keeps active ones in colour', () => {
    const vm = viewOf(ex);
    const contained = vm.incidents.filter((i) => i.status === 'contained');
    expect(contained.length).toBeGreaterThan(0);
    for (const i of contained) expect(i.dimmed).toBe(true);
    for (const i of vm.incidents.filter((x) => x.status === 'reported' || x.status === 'escalating')) expect(i.dimmed).toBe(false);
    // Greyed ones are drawn first, underneath.
    const firstActive = vm.incidents.findIndex((i) => !i.dimmed);
    expect(vm.incidents.slice(firstActive).every((i) => !i.dimmed)).toBe(true);
  });

  it('pulses an incident that appeared in the last half hour of scenario time, then stops', () => {
    const world = copyOf(ex.world);
    const [id] = Object.keys(world.incidents).filter((k) => world.incidents[k]!.status === 'reported');
    world.incidents[id!]!.appearedMs = world.scenarioMs - 5 * MIN;
    const fresh = viewOf(ex, { world });
    expect(fresh.incidents.find((i) => i.id === id)!.pulse).toBe(true);
    expect(fresh.pulsing).toContain(id);
    world.incidents[id!]!.appearedMs = world.scenarioMs - NEW_WITHIN_MS - MIN;
    const old = viewOf(ex, { world });
    expect(old.incidents.find((i) => i.id === id)!.pulse).toBe(false);
    expect(old.pulsing).not.toContain(id);
    // A contained incident does not pulse, however new.
    world.incidents[id!]!.appearedMs = world.scenarioMs - MIN;
    world.incidents[id!]!.status = 'contained';
    expect(viewOf(ex, { world }).incidents.find((i) => i.id === id)!.pulse).toBe(false);
  });

  it('sets incidents that share a place side by side, never on top of each other', () => {
    const vm = viewOf(ex);
    const scale = 1;
    const drawn = vm.incidents.map((i) => ({ id: i.id, x: i.x + i.dx / scale, y: i.y + i.dy / scale, r: i.r }));
    for (const a of drawn) for (const b of drawn) {
      if (a.id >= b.id) continue;
      const overlapX = Math.abs(a.x - b.x) < (a.r + b.r) / scale - 1e-9;
      const overlapY = Math.abs(a.y - b.y) < (a.r + b.r) / scale - 1e-9;
      expect(overlapX && overlapY, `${a.id} over ${b.id}`).toBe(false);
    }
  });

  it('names incidents in the chosen language, with a glyph for their kind', () => {
    const zh = viewOf(ex).incidents.find((i) => i.incidentKind === 'collapse')!;
    const en = viewOf(ex, { lang: 'en' }).incidents.find((i) => i.id === zh.id)!;
    expect(zh.glyph).toBe('塌');
    expect(en.glyph).toBe('CO');
    expect(zh.name).not.toBe(en.name);
  });
});
