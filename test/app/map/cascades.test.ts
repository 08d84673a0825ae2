// Cascade links (次生/衍生): an arrow from cause to effect, only when both incidents have appeared.
import { describe, expect, it } from 'vitest';
import { arrow } from '../../../src/app/map/geometry.ts';
import { copyOf, playedFor, viewOf } from './helpers.ts';

describe('cascade arrows', () => {
  const ex = playedFor(40);
  const cascades = ex.model.scenario.cascades;
  const effectOf = (c: (typeof cascades)[number]) => ('spawn' in c.then ? c.then.spawn.id : c.then.worsen.incident);

  it('are drawn only between incidents that both appeared, cause → effect', () => {
    const c = cascades.find((x) => 'spawn' in x.then)!;
    const [cause, effect] = [c.from, effectOf(c)];
    const world = copyOf(ex.world);
    for (const i of Object.values(world.incidents)) i.status = 'latent';
    world.incidents[cause]!.status = 'reported';
    world.incidents[cause]!.appearedMs = 0;
    expect(viewOf(ex, { world }).links).toEqual([]);

    world.incidents[effect]!.status = 'reported';
    world.incidents[effect]!.appearedMs = 60_000;
    const vm = viewOf(ex, { world });
    expect(vm.links.map((l) => [l.from, l.to])).toEqual([[cause, effect]]);
    const link = vm.links[0]!;
    const a = vm.incidents.find((i) => i.id === cause)!;
    const b = vm.incidents.find((i) => i.id === effect)!;
    expect(link.a).toEqual({ x: a.x, y: a.y, dx: a.dx, dy: a.dy, r: a.r });
    expect(link.b).toEqual({ x: b.x, y: b.y, dx: b.dx, dy: b.dy, r: b.r });
    expect(link.mode).toBe('spawn');
  });

  it('in a played drill, every link joins two shown incidents along a cascade of the scenario', () => {
    const vm = viewOf(ex);
    const shown = new Set(vm.incidents.map((i) => i.id));
    const known = new Set(cascades.map((c) => `${c.id}:${c.from}->${effectOf(c)}`));
    for (const l of vm.links) {
      expect(shown.has(l.from) && shown.has(l.to)).toBe(true);
      expect(known.has(`${l.id}:${l.from}->${l.to}`)).toBe(true);
    }
    const expected = cascades.filter((c) => shown.has(c.from) && shown.has(effectOf(c)) && c.from !== effectOf(c));
    expect(vm.links).toHaveLength(expected.length);
  });

  it('puts the arrowhead at the effect', () => {
    const a = arrow(0, 0, 100, 0, 10, 12, 8)!;
    expect(a.line).toEqual([10, 0, 80, 0]);
    expect(a.head.slice(0, 2)).toEqual([88, 0]);
    expect(arrow(0, 0, 20, 0, 10, 12, 8)).toBeUndefined();
  });
});
