// Fixtures for the map's view-model tests: the default scenario played by plan bots for a while,
// its basemap (region.basemap, beside it in scenarios/), and a world to change by hand.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createBots, createExercise, FACILITATOR, playUntil, type Exercise, type World } from '../../../src/core/index.ts';
import { parseBasemap, type Basemap } from '../../../src/app/map/basemap.ts';
import { buildMapViewModel, type MapViewModel } from '../../../src/app/map/view-model.ts';
import type { Lang } from '../../../src/app/i18n.ts';
import { loadScenario, type Scenario } from '../../../src/scenario/index.ts';

export const MIN = 60_000;
export const DEFAULT = 'haicheng-m5.8.yaml';
// Paths, not file URLs: under happy-dom, URL is the DOM's, which node:fs rejects.
export const ROOT = resolve(import.meta.dirname, '../../..');

let defaultScenario: Scenario | undefined;
export function scenario(): Scenario {
  if (!defaultScenario) {
    const result = loadScenario(readFileSync(resolve(ROOT, 'scenarios', DEFAULT), 'utf8'), DEFAULT);
    if (!result.ok) throw new Error(`${DEFAULT} does not load: ${result.problems[0]?.message}`);
    defaultScenario = result.scenario;
  }
  return defaultScenario;
}

let basemapCache: Basemap | undefined;
/** The default scenario's basemap file, as its region.basemap names it. */
export const basemapFile = () => resolve(ROOT, 'scenarios', scenario().region.basemap!.file);
export const basemap = (): Basemap => (basemapCache ??= parseBasemap(JSON.parse(readFileSync(basemapFile(), 'utf8')), scenario().region.basemap!));

const played = new Map<number, Exercise>();
/** The default scenario with every seat a plan bot, `minutes` of drill time after the start. */
export function playedFor(minutes: number): Exercise {
  let ex = played.get(minutes);
  if (!ex) {
    ex = createExercise({ scenario: scenario(), seed: 1 });
    ex.apply({ t: 0, actor: FACILITATOR, event: { type: 'start' } });
    playUntil(ex, minutes * MIN, createBots('map-tests', () => 'plan'));
    played.set(minutes, ex);
  }
  return ex;
}

/** A copy of a world to change by hand. */
export const copyOf = (world: Readonly<World>): World => structuredClone(world) as World;

export function viewOf(ex: Exercise, options: { world?: Readonly<World>; lang?: Lang; nodeFilter?: number; withBasemap?: boolean } = {}): MapViewModel {
  return buildMapViewModel({
    model: ex.model,
    world: options.world ?? ex.world,
    lang: options.lang ?? 'zh',
    ...(options.nodeFilter !== undefined ? { nodeFilter: options.nodeFilter } : {}),
    ...(options.withBasemap === false ? {} : { basemap: basemap() }),
  });
}

/** Where a point item is drawn at `scale`: its map position plus its pixel offset. */
export const drawnAt = (item: { x: number; y: number; dx: number; dy: number }, scale: number) => ({ x: item.x + item.dx / scale, y: item.y + item.dy / scale });
