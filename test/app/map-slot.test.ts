// @vitest-environment happy-dom
// The map's place in the layout: app.ts mounts whatever `mountMap` returns into the element marked
// data-map-slot, updates it on every render, keeps what it draws across re-renders, and lets it go
// when the screen has no map.
import { describe, expect, it } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import type { MapInput } from '../../src/app/app.ts';
import { MIN, renderDrill } from './render.ts';

function fakeMap() {
  const mounts: HTMLElement[] = [];
  const updates: MapInput[] = [];
  let destroyed = 0;
  return {
    mounts,
    updates,
    destroyed: () => destroyed,
    mountMap(el: HTMLElement) {
      mounts.push(el);
      el.appendChild(document.createElement('canvas')); // what Pixi would add
      return { update: (input: MapInput) => void updates.push(input), destroy: () => void destroyed++ };
    },
  };
}

describe('the map slot', () => {
  it('mounts the map on the briefing, the console and the big screen, and updates it as the drill runs', () => {
    const map = fakeMap();
    const d = renderDrill({ options: { mountMap: (el) => map.mountMap(el) } });
    expect(map.mounts).toHaveLength(1);
    expect(map.mounts[0]!.hasAttribute('data-map-slot')).toBe(true);
    expect(map.updates.at(-1)!.world.mode).toBe('setup'); // before the drill: the region, nothing happened

    d.start();
    expect(map.destroyed()).toBe(1);
    expect(map.mounts).toHaveLength(2);
    const slot = map.mounts[1]!;
    expect(map.updates.at(-1)!.world).toBe(d.world());
    const before = map.updates.length;
    d.pass(MIN);
    expect(map.updates.length).toBeGreaterThan(before);
    expect(map.mounts).toHaveLength(2); // re-rendering keeps the same slot …
    expect(slot.isConnected).toBe(true);
    expect(slot.querySelector('canvas')).not.toBeNull(); // … and what the map drew in it
    expect(map.updates.at(-1)).toMatchObject({ nodeFilter: null, size: 'small', lang: 'zh' });

    // The strip under the map: picking node 3 shows only what happened in it.
    within(getByRole(d.container, 'navigation', { name: '时间节点' })).getAllByRole('button')[3]!.click();
    expect(map.updates.at(-1)!.nodeFilter).toBe(2);

    getByRole(d.container, 'button', { name: '记分板' }).click();
    expect(map.destroyed()).toBe(2);
    getByRole(d.container, 'button', { name: '指挥大屏' }).click();
    expect(map.mounts).toHaveLength(3);
    expect(map.updates.at(-1)!.size).toBe('large');
    d.app.destroy();
    expect(map.destroyed()).toBe(3);
  });

  it('without a map, the slot shows a placeholder', () => {
    const d = renderDrill();
    d.start();
    expect(d.container.querySelector('[data-map-slot]')!.childElementCount).toBe(0);
    expect(d.container.textContent).toContain('地图区域');
  });
});
