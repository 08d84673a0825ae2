// The map drawn by Pixi in real Chromium (Debian's, driven by playwright-core): the default scenario
// 40 drill minutes in. Checks pixels — not blank, the VII colour at the epicentre, Chinese glyphs
// that are not boxes — and hover, click and wheel; saves test-results/map.png to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium, resultPath, startVite, type Browser, type DevServer } from './launch.ts';
import type { MapLab } from './map-lab.ts';
import type { MountedMap } from '../../src/app/map/index.ts';
import { BACKGROUND_COLOR, LAND_COLOR, ZONE_ALPHA, intensityColor } from '../../src/app/map/symbols.ts';

const LAB_HTML = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>map lab</title><body><script type="module" src="/test/browser/map-lab.ts"></script></body></html>';
type LabWindow = Window & { __lab: MapLab; __map: MountedMap };

/** What a zone colour looks like laid at ZONE_ALPHA over a ground colour. */
function over(color: number, ground: number): [number, number, number] {
  const c = (v: number, shift: number) => (v >> shift) & 0xff;
  return [16, 8, 0].map((s) => Math.round(c(color, s) * ZONE_ALPHA + c(ground, s) * (1 - ZONE_ALPHA))) as [number, number, number];
}

const frames = (page: Page, n = 3) => page.evaluate((k) => new Promise<void>((done) => {
  const step = (left: number) => (left === 0 ? done() : requestAnimationFrame(() => step(left - 1)));
  step(k);
}), n);

/** Headless Chromium rasterises WebGL in software (SwiftShader): a frame takes 100–300 ms there. */
const SLOW = { timeout: 20_000 };

describe.skipIf(!hasChromium())(`the map in Chromium${hasChromium() ? '' : ` — SKIPPED: no Chromium at ${CHROMIUM} (apt install chromium, or set CHROMIUM)`}`, () => {
  let vite: DevServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    vite = await startVite();
    browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
    page = await browser.context.newPage();
    await page.route('**/__map-lab*', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: LAB_HTML }));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${vite.url}__map-lab?t=40&w=1280&h=800`);
    await page.waitForFunction(() => (window as unknown as LabWindow).__lab?.ready === true, undefined, { timeout: 45_000 }).catch((e: Error) => {
      throw new Error(`the map lab did not start: ${errors.join('; ') || e.message}`);
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await vite?.close();
  });

  it('draws with WebGL, and the canvas is not blank', SLOW, async () => {
    const stats = await page.evaluate(() => (window as unknown as LabWindow).__map.view!.stats());
    expect(stats.renderer).toBe('webgl');
    expect(stats.sprites.incidents).toBeGreaterThan(5);
    expect(stats.sprites.teams).toBeGreaterThan(5);
    expect(stats.sprites.facilities).toBeGreaterThan(20);
    expect(stats.drawCalls).toBeGreaterThan(0);
    const colours = await page.evaluate(() => (window as unknown as LabWindow).__lab.distinctColours(7));
    expect(colours).toBeGreaterThan(300);
    await page.screenshot({ path: resultPath('map.png') });
  });

  it('paints the epicentre in the VII zone’s colour', SLOW, async () => {
    const at = await page.evaluate(() => {
      const w = window as unknown as LabWindow;
      const e = w.__map.viewModel!.static.epicentre;
      w.__map.view!.centreOn(e.x, e.y, 5);
      return w.__map.view!.toScreen(e.x, e.y);
    });
    await frames(page);
    const [r, g, b] = await page.evaluate(({ x, y }) => (window as unknown as LabWindow).__lab.pixel(x, y), at);
    await page.screenshot({ path: resultPath('map-epicentre.png') });
    const candidates = [5, 6, 7].flatMap((degree) => [LAND_COLOR, BACKGROUND_COLOR].map((ground) => ({ degree, rgb: over(intensityColor(degree), ground) })));
    const distance = (c: [number, number, number]) => Math.hypot(c[0] - r, c[1] - g, c[2] - b);
    const nearest = candidates.reduce((best, c) => (distance(c.rgb) < distance(best.rgb) ? c : best));
    expect(nearest.degree, `pixel ${[r, g, b]} at the epicentre`).toBe(7);
    expect(distance(nearest.rgb)).toBeLessThan(12);
    await page.evaluate(() => (window as unknown as LabWindow).__map.view!.fit());
    await frames(page);
  });

  it('has CJK glyphs in the system fonts (not boxes) for the Chinese labels', SLOW, async () => {
    const distinct = await page.evaluate(() => {
      const bitmap = (ch: string) => {
        const c = document.createElement('canvas');
        c.width = 24;
        c.height = 24;
        const ctx = c.getContext('2d')!;
        ctx.font = '20px "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
        ctx.fillText(ch, 2, 20);
        return Array.from(ctx.getImageData(0, 0, 24, 24).data).join(',');
      };
      const [a, b, none] = [bitmap('岔'), bitmap('沟'), bitmap('\uE000')];
      return { differ: a !== b, notTofu: a !== none && b !== none };
    });
    expect(distinct, 'install fonts-noto-cjk: Chinese glyphs draw as boxes').toEqual({ differ: true, notTofu: true });
  });

  it('shows a tooltip on hover, reports a click, and zooms with the wheel around the pointer', SLOW, async () => {
    const target = await page.evaluate(() => {
      const w = window as unknown as LabWindow;
      const vm = w.__map.viewModel!;
      const onScene = new Set(vm.teams.filter((t) => t.status === 'on-scene').map((t) => t.target));
      const i = vm.incidents.find((x) => !x.dimmed && x.dx === 0 && !onScene.has(x.id))!;
      const p = w.__map.view!.toScreen(i.x, i.y);
      return { x: p.x + i.dx, y: p.y + i.dy, id: i.id, name: i.name };
    });
    await page.mouse.move(target.x, target.y);
    const tip = page.locator('.qd-map-tip');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.textContent()).toContain(target.name);
    await page.screenshot({ path: resultPath('map-hover.png') });
    await page.mouse.click(target.x, target.y);
    expect(await page.evaluate(() => (window as unknown as LabWindow).__lab.selections.at(-1))).toEqual({ kind: 'incident', id: target.id });

    const before = await page.evaluate(() => (window as unknown as LabWindow).__map.view!.stats().scale);
    await page.mouse.wheel(0, -400);
    await frames(page);
    const after = await page.evaluate(({ x, y }) => {
      const v = (window as unknown as LabWindow).__map.view!;
      return { scale: v.stats().scale, hit: v.toScreen(0, 0), x, y };
    }, target);
    expect(after.scale).toBeGreaterThan(before * 1.5);
    // Zooming about the pointer keeps the incident under it.
    const still = await page.evaluate(({ id }) => {
      const w = window as unknown as LabWindow;
      const i = w.__map.viewModel!.incidents.find((x) => x.id === id)!;
      return w.__map.view!.toScreen(i.x, i.y);
    }, target);
    expect(Math.hypot(still.x - target.x, still.y - target.y)).toBeLessThan(3);
  });

  it('a scenario without a basemap: a grid is drawn, no county outlines, and the legend says why', SLOW, async () => {
    const plain = await browser.context.newPage();
    await plain.route('**/__map-lab*', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: LAB_HTML }));
    await plain.goto(`${vite.url}__map-lab?scenario=minimal&t=5&w=1000&h=760`);
    await plain.waitForFunction(() => (window as unknown as LabWindow).__lab?.ready === true, undefined, { timeout: 45_000 });
    const seen = await plain.evaluate(() => {
      const w = window as unknown as LabWindow;
      const s = w.__map.viewModel!.static;
      const view = w.__map.view!;
      // Each grid line at its middle, and 5 px to one side of it: the line's pixel is not the ground's.
      const lines = s.grid.map((g) => {
        const a = view.toScreen(g.points[0]!, g.points[1]!);
        const b = view.toScreen(g.points[2]!, g.points[3]!);
        const at = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        const off = g.axis === 'meridian' ? { x: at.x + 5, y: at.y } : { x: at.x, y: at.y + 5 };
        const on = w.__lab.pixel(at.x, at.y);
        const beside = w.__lab.pixel(off.x, off.y);
        return Math.max(...[0, 1, 2].map((i) => Math.abs(on[i]! - beside[i]!)));
      });
      return { counties: s.counties.length, lines, legend: JSON.stringify(s.legend) };
    });
    await plain.screenshot({ path: resultPath('map-grid.png') });
    await plain.close();
    expect(seen.counties).toBe(0);
    expect(seen.lines.length).toBeGreaterThanOrEqual(4);
    expect(seen.lines.filter((d) => d > 8).length, `colour steps across the grid lines: ${seen.lines.join(', ')}`).toBeGreaterThanOrEqual(Math.ceil(seen.lines.length / 2));
    expect(seen.legend).toContain('未提供底图');
  });
});
