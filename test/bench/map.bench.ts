// The map's speed at the stress drill (2,000 incidents, 300 moving teams; map-stress.ts): in Node,
// the view model rebuilt as time passes; in headless Chromium (map-page.ts), our JavaScript per
// frame — the view model, update(), the map's ticker work — and the frame's whole JS with Pixi's
// render, and draw calls per frame. Figures only, never assertions. Headless Chromium rasterises in
// software (SwiftShader), so frame *rate* there says nothing about a real GPU; JS time does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseBasemap } from '../../src/app/map/basemap.ts';
import { buildMapViewModel } from '../../src/app/map/view-model.ts';
import { defaultScenario } from './engine.bench.ts';
import { CHROMIUM, hasChromium, launchChromium, ROOT, startVite } from '../browser/launch.ts';
import type { MapBenchResult } from './map-page.ts';
import { stressDrill } from './map-stress.ts';
import { stats } from './stats.ts';

const PAGE_HTML = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>map bench</title><body><script type="module" src="/test/bench/map-page.ts"></script></body></html>';
const FRAMES = 300;

function nodeViewModel() {
  const scenario = defaultScenario();
  const basemap = parseBasemap(JSON.parse(readFileSync(resolve(ROOT, 'scenarios', scenario.region.basemap!.file), 'utf8')), scenario.region.basemap!);
  const drill = stressDrill(scenario);
  const build = () => buildMapViewModel({ model: drill.model, world: drill.world, lang: 'zh', basemap });
  let start = performance.now();
  const first = build();
  const firstMs = performance.now() - start;
  const samples: number[] = [];
  for (let k = 0; k < FRAMES; k++) {
    drill.world.scenarioMs += 10_000;
    start = performance.now();
    build();
    samples.push(performance.now() - start);
  }
  return { incidents: first.incidents.length, teams: first.teams.length, links: first.links.length, firstBuildMs: Math.round(firstMs * 10) / 10, rebuild: stats(samples.slice(20)) };
}

async function browserFrames() {
  if (!hasChromium()) return { skipped: `no Chromium at ${CHROMIUM}` };
  const vite = await startVite();
  const browser = await launchChromium({ viewport: { width: 800, height: 500 } });
  try {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/__map-bench*', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE_HTML }));
    await page.goto(`${vite.url}__map-bench?frames=${FRAMES}&w=800&h=500&aa=0`);
    const started = Date.now();
    await page.waitForFunction(() => (window as unknown as { __bench?: { done: boolean } }).__bench?.done === true, undefined, { timeout: 600_000, polling: 1000 }).catch((e: Error) => {
      throw new Error(`the map bench page did not finish: ${errors.join('; ') || e.message}`);
    });
    const r = (await page.evaluate(() => (window as unknown as { __bench: unknown }).__bench)) as MapBenchResult;
    const col = (key: keyof MapBenchResult['frames'][number]) => r.frames.map((f) => f[key]);
    const ours = r.frames.map((f) => f.buildMs + f.updateMs + f.tickMs);
    const draws = col('drawCalls').sort((a, b) => a - b);
    return {
      renderer: r.renderer,
      viewport: r.viewport,
      antialias: false,
      frames: r.frames.length,
      wallSeconds: Math.round((Date.now() - started) / 100) / 10,
      shown: { incidents: r.incidents, teams: r.teams, cascadeLinks: r.links, sprites: r.sprites, atlas: r.atlas },
      firstBuildMs: Math.round(r.firstBuildMs * 10) / 10,
      firstUpdateMs: Math.round(r.firstUpdateMs * 10) / 10,
      /** View model + update() + the map's ticker callback: the JS we own, per frame. */
      ourJsPerFrame: stats(ours),
      viewModelPerFrame: stats(col('buildMs')),
      updatePerFrame: stats(col('updateMs')),
      tickPerFrame: stats(col('tickMs')),
      /** The whole frame's JS: ours plus Pixi's render (the GPU work is not in it). */
      frameJs: stats(col('frameMs')),
      drawCallsPerFrame: { p50: draws[Math.floor(draws.length / 2)], max: draws.at(-1) },
      targetOurJsMs: 4,
    };
  } finally {
    await browser.close();
    await vite.close();
  }
}

export async function mapBench() {
  return { stress: '2,000 incidents (30 % contained), 300 teams en route, 300 cascade links; scenario time +10 s per frame', node: nodeViewModel(), chromium: await browserFrames() };
}
