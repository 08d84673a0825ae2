// 态势标绘 in real Chromium: the HQ seat plots a cordon by clicking three corners on the map and a
// fire symbol at a clicked spot, then one at a named place from the keyboard; the authority takes
// each `plot`, the map draws them (its marks counters, and red pixels where they are), Esc drops a
// half-drawn arrow, and 删除 takes a mark off again. Saves test-results/plot.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium, resultPath, startVite, type Browser, type DevServer } from './launch.ts';
import type { PlotLab } from './plot-lab.ts';
import type { MountedMap } from '../../src/app/map/index.ts';
import { project } from '../../src/app/map/projection.ts';
import { FAMILIES, PLOT_COLOR } from '../../src/app/map/symbols.ts';

const LAB_HTML = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>plot lab</title><body><script type="module" src="/test/browser/plot-lab.ts"></script></body></html>';
type LabWindow = Window & { __lab: PlotLab; __map: MountedMap };
type Sent = PlotLab['sent'][number] & { event: { type: string; mark?: { kind: string; points: [number, number][]; symbol?: string; text?: string } | number } };

const frames = (page: Page, n = 3) => page.evaluate((k) => new Promise<void>((done) => {
  const step = (left: number) => (left === 0 ? done() : requestAnimationFrame(() => step(left - 1)));
  step(k);
}), n);
const rgb = (c: number): [number, number, number] => [(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff];

/** Headless Chromium rasterises WebGL in software (SwiftShader): a frame takes 100–300 ms there, and a click waits for frames; on a busy machine seconds. */
const SLOW = { timeout: 150_000 };

describe.skipIf(!hasChromium())(`plotting on the map in Chromium${hasChromium() ? '' : ` — SKIPPED: no Chromium at ${CHROMIUM}`}`, () => {
  let vite: DevServer;
  let browser: Browser;
  let page: Page;
  const sent = () => page.evaluate(() => (window as unknown as LabWindow).__lab.sent) as Promise<Sent[]>;
  const marksDrawn = () => page.evaluate(() => (window as unknown as LabWindow).__map.view!.stats().marks);
  const button = (name: string) => page.getByRole('button', { name, exact: true });

  beforeAll(async () => {
    vite = await startVite();
    browser = await launchChromium({ viewport: { width: 1000, height: 1100 } });
    page = await browser.context.newPage();
    await page.route('**/__plot-lab*', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: LAB_HTML }));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${vite.url}__plot-lab`);
    await page.waitForFunction(() => (window as unknown as LabWindow).__lab?.ready === true, undefined, { timeout: 45_000 }).catch((e: Error) => {
      throw new Error(`the plot lab did not start: ${errors.join('; ') || e.message}`);
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await vite?.close();
  });

  const corners = [{ x: 400, y: 240 }, { x: 600, y: 240 }, { x: 600, y: 400 }];
  const fireAt = { x: 300, y: 420 };

  it('the HQ clicks a cordon’s three corners, names it, and 完成 sends it where it was clicked', SLOW, async () => {
    await button('警戒区').click();
    for (const c of corners) await page.mouse.click(c.x, c.y);
    await expect.poll(() => page.getByText('已选 3 点').count()).toBe(1);
    await page.getByLabel('文字说明').fill('一号警戒区');
    await button('完成').click();
    const [cordon] = await sent();
    expect(cordon!.ok).toBe(true);
    const mark = cordon!.event.mark as { kind: string; points: [number, number][]; text: string };
    expect([mark.kind, mark.text, mark.points.length]).toEqual(['cordon', '一号警戒区', 3]);
    // Each corner sent is the place under the click: back on the screen within a pixel.
    const p = await page.evaluate(() => (window as unknown as LabWindow).__map.viewModel!.static.projection);
    for (const [k, [lat, lon]] of mark.points.entries()) {
      const xy = project(p, lat, lon);
      const screen = await page.evaluate(({ x, y }) => (window as unknown as LabWindow).__map.view!.toScreen(x, y), xy);
      expect(Math.hypot(screen.x - corners[k]!.x, screen.y - corners[k]!.y)).toBeLessThan(1);
    }
  });

  it('then a fire symbol at a clicked spot; the map draws both, in the standard’s red', SLOW, async () => {
    await button('符号').click();
    await page.getByLabel('标绘符号').selectOption('fire');
    await page.mouse.click(fireAt.x, fireAt.y);
    await button('完成').click();
    const list = await sent();
    expect(list).toHaveLength(2);
    expect(list[1]!.ok).toBe(true);
    expect(list[1]!.event.mark).toMatchObject({ kind: 'symbol', symbol: 'fire' });
    await frames(page);
    expect(await marksDrawn()).toEqual({ symbols: 1, lines: 1, labels: 1 });
    // The cordon's top edge, dashed: red along it between the first two corners.
    const edge = await page.evaluate(({ box, c }) => (window as unknown as LabWindow).__lab.near(box, c, 70), { box: { x: 420, y: 238, w: 160, h: 5 }, c: rgb(PLOT_COLOR) });
    expect(edge, 'red dashes along the cordon’s top edge').toBeGreaterThan(40);
    // The fire symbol: an A-family frame (red) around its glyph.
    const symbol = await page.evaluate(({ x, y, c }) => (window as unknown as LabWindow).__lab.near({ x: x - 12, y: y - 12, w: 24, h: 24 }, c, 70), { ...fireAt, c: rgb(FAMILIES.incident.color) });
    expect(symbol, 'red frame of the fire symbol').toBeGreaterThan(30);
    // An empty spot elsewhere has none of that red.
    const elsewhere = await page.evaluate((c) => (window as unknown as LabWindow).__lab.near({ x: 960, y: 20, w: 24, h: 24 }, c, 70), rgb(PLOT_COLOR));
    expect(elsewhere).toBe(0);
    await page.screenshot({ path: resultPath('plot.png') });
  });

  it('from the keyboard: a symbol put at a named place, no click on the map', SLOW, async () => {
    await button('符号').click();
    const facility = await page.evaluate(() => (window as unknown as LabWindow).__lab.facility);
    await page.getByLabel('地点', { exact: true }).selectOption(facility.id);
    await button('放在此地点').click();
    await button('完成').click();
    const list = await sent();
    expect(list).toHaveLength(3);
    expect(list[2]!.ok).toBe(true);
    expect((list[2]!.event.mark as { points: [number, number][] }).points).toEqual([[facility.lat, facility.lon]]);
    expect(await marksDrawn()).toMatchObject({ symbols: 2 });
  });

  it('Esc drops a half-drawn arrow: nothing is sent, nothing stays on the map', SLOW, async () => {
    await button('箭头').click();
    await page.mouse.click(500, 500);
    await page.keyboard.press('Escape');
    await expect.poll(() => button('完成').count()).toBe(0);
    expect(await sent()).toHaveLength(3);
    expect(await page.evaluate(() => (window as unknown as LabWindow).__map.viewModel!.marks.filter((m) => m.draft).length)).toBe(0);
  });

  it('删除 takes the cordon off: the authority takes the unplot and the map drops it', SLOW, async () => {
    await page.getByRole('button', { name: '删除标绘：警戒区 · 一号警戒区' }).click();
    const list = await sent();
    expect(list.at(-1)).toMatchObject({ ok: true, event: { type: 'unplot' } });
    await frames(page);
    expect(await marksDrawn()).toMatchObject({ lines: 0, symbols: 2 });
  });
});
