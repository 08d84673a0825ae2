// The map bench's page (opened by map.bench.ts in headless Chromium): the stress drill — 2,000
// incidents, 300 teams moving — drawn by the Pixi map; every frame, scenario time moves on ten
// seconds, the view model is rebuilt and handed to the map, as a live drill does. Measures our
// JavaScript per frame and the draw calls, and leaves the figures on window.__bench.
import { createMapView, type MapViewStats } from '../../src/app/map/map-view.ts';
import text from '../../scenarios/haicheng-m5.8.yaml?raw';
import { basemapFor } from '../../src/app/map/preload.ts';
import { buildMapViewModel } from '../../src/app/map/view-model.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { stressDrill } from './map-stress.ts';

export interface FrameSample {
  buildMs: number;
  updateMs: number;
  tickMs: number;
  frameMs: number;
  drawCalls: number;
}

export interface MapBenchResult {
  done: true;
  frames: FrameSample[];
  firstBuildMs: number;
  firstUpdateMs: number;
  renderer: string;
  sprites: MapViewStats['sprites'];
  atlas: MapViewStats['atlas'];
  incidents: number;
  teams: number;
  links: number;
  viewport: { width: number; height: number };
}

const params = new URLSearchParams(location.search);
const FRAMES = Number(params.get('frames') ?? '300');
const STEP_MS = 10_000;

const loaded = loadScenario(text, 'scenarios/haicheng-m5.8.yaml');
if (!loaded.ok) throw new Error('the default scenario does not load');
const drill = stressDrill(loaded.scenario);
const basemap = await basemapFor(loaded.scenario.region.basemap);

document.body.style.margin = '0';
const box = document.body.appendChild(document.createElement('div'));
box.style.cssText = `width:${params.get('w') ?? '1280'}px;height:${params.get('h') ?? '800'}px`;
const view = await createMapView(box, { legend: false, antialias: params.get('aa') !== '0' });

const build = () => buildMapViewModel({ model: drill.model, world: drill.world, lang: 'zh', ...(basemap ? { basemap } : {}) });
let start = performance.now();
const first = build();
const firstBuildMs = performance.now() - start;
start = performance.now();
view.update(first);
const firstUpdateMs = performance.now() - start;
view.fit(true);

const frames: FrameSample[] = [];
let buildMs = 0;
let warm = 10;
// At the start of each frame, inside the measured time: scenario time moves on, a new view model,
// update() — what a live drill does on every tick.
const drive = () => {
  drill.world.scenarioMs += STEP_MS;
  const t0 = performance.now();
  const vm = build();
  buildMs = performance.now() - t0;
  view.update(vm);
};
const record = (s: MapViewStats) => {
  if (warm > 0) {
    warm--;
    return;
  }
  frames.push({ buildMs, updateMs: s.updateMs, tickMs: s.tickMs, frameMs: s.frameMs, drawCalls: s.drawCalls });
  if (frames.length < FRAMES) return;
  view.onFrame(null);
  const last = view.stats();
  const result: MapBenchResult = {
    done: true,
    frames,
    firstBuildMs,
    firstUpdateMs,
    renderer: last.renderer,
    sprites: last.sprites,
    atlas: last.atlas,
    incidents: first.incidents.length,
    teams: first.teams.length,
    links: first.links.length,
    viewport: { width: box.clientWidth, height: box.clientHeight },
  };
  Object.assign(window, { __bench: result });
};
view.onFrame(record, drive);
