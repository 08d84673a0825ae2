// @vitest-environment happy-dom
// mountMap is what app.ts's `mountMap` option expects: it takes the slot element, is fed the
// drill on every render, and says so in the slot when the browser cannot draw WebGL.
import { describe, expect, it } from 'vitest';
import type { AppOptions, MapHandle } from '../../../src/app/app.ts';
import { mountMap } from '../../../src/app/map/mount.ts';
import { playedFor } from './helpers.ts';

describe('mountMap', () => {
  it('fits app.ts’s map hook', () => {
    const hook: NonNullable<AppOptions['mountMap']> = (el) => mountMap(el);
    const handle: MapHandle = mountMap(document.createElement('div'), { basemapFor: () => Promise.resolve(undefined) });
    handle.destroy();
    expect(typeof hook).toBe('function');
  });

  it('takes the drill on every update and, without WebGL, says so in the slot', async () => {
    const slot = document.body.appendChild(document.createElement('div'));
    const map = mountMap(slot, { basemapFor: () => Promise.resolve(undefined) });
    const ex = playedFor(5);
    map.update({ model: ex.model, world: ex.world, lang: 'zh', nodeFilter: null, size: 'small' });
    expect(await map.ready).toBeUndefined();
    expect(map.view).toBeUndefined();
    expect(slot.textContent).toContain('WebGL');
    map.destroy();
    expect(slot.children).toHaveLength(0);
    slot.remove();
  });
});
