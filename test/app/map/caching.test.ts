// The view model hands back the same objects while nothing they show changed, so the Pixi layer
// can compare by identity and redraw only what did.
import { describe, expect, it } from 'vitest';
import { copyOf, MIN, playedFor, viewOf } from './helpers.ts';

describe('view model identity', () => {
  const ex = playedFor(40);

  it('keeps static parts, routes, incidents and links while only time passes', () => {
    const world = copyOf(ex.world);
    const a = viewOf(ex, { world });
    world.scenarioMs += 1_000;
    const b = viewOf(ex, { world });
    expect(b.static).toBe(a.static);
    expect(b.routes).toBe(a.routes);
    expect(b.incidents).toBe(a.incidents);
    expect(b.links).toBe(a.links);
    expect(b.teamsKey).toBe(a.teamsKey);
    expect(b.scenarioMs).toBe(a.scenarioMs + 1_000);
  });

  it('builds new incidents when one changes, and new routes when a road is closed or damaged', () => {
    const world = copyOf(ex.world);
    const a = viewOf(ex, { world });
    const id = a.incidents.find((i) => i.status === 'reported')!.id;
    world.incidents[id]!.status = 'contained';
    const b = viewOf(ex, { world });
    expect(b.incidents).not.toBe(a.incidents);
    expect(b.incidents.find((i) => i.id === id)!.dimmed).toBe(true);
    expect(b.routes).toBe(a.routes);
    world.routesClosed.push('g202');
    const c = viewOf(ex, { world });
    expect(c.routes).not.toBe(b.routes);
    expect(c.routes.find((r) => r.id === 'g202')).toMatchObject({ state: 'closed', style: { color: 0xd7191c, dashed: true } });
    const road = Object.entries(world.incidents).find(([, i]) => i.kind === 'landslide')!;
    road[1].status = 'reported';
    const d = viewOf(ex, { world });
    expect(d.routes.find((r) => r.id === road[1].place)).toMatchObject({ state: 'damaged', style: { color: 0xd7191c, dashed: false } });
    // Damaged and closed roads are drawn last, over the others.
    expect(d.routes.at(-1)!.state).not.toBe('open');
  });

  it('hands back unchanged incidents as the same objects when another one changes, and keeps the links', () => {
    const world = copyOf(ex.world);
    const a = viewOf(ex, { world });
    const [changed, ...others] = a.incidents.filter((i) => i.status === 'reported');
    world.incidents[changed!.id]!.status = 'escalating';
    const b = viewOf(ex, { world });
    expect(b.incidents).not.toBe(a.incidents);
    expect(b.links).toBe(a.links);
    expect(b.incidents.find((i) => i.id === changed!.id)).not.toBe(changed);
    for (const o of others) expect(b.incidents.find((i) => i.id === o.id)).toBe(o);
  });

  it('builds the static part once per language and basemap', () => {
    expect(viewOf(ex, { lang: 'en' }).static).not.toBe(viewOf(ex).static);
    expect(viewOf(ex, { lang: 'en' }).static).toBe(viewOf(ex, { lang: 'en' }).static);
    expect(viewOf(ex, { withBasemap: false }).static.counties).toEqual([]);
    expect(viewOf(ex, { withBasemap: false }).static).toBe(viewOf(ex, { withBasemap: false }).static);
    expect(viewOf(ex, { withBasemap: false }).static.legend.attribution).toBeUndefined();
  });

  it('a moving clock rebuilds only the dynamic part: the static part is the same object every frame', () => {
    // The guard against an accidental full rebuild (~20 ms a frame) is structural, not a clock reading
    // (speed lives in npm run bench).
    const world = copyOf(ex.world);
    const first = viewOf(ex, { world }).static;
    for (let k = 0; k < 50; k++) {
      world.scenarioMs += MIN / 10;
      expect(viewOf(ex, { world }).static).toBe(first);
    }
  });
});
