// The map's two downloads — the Pixi layer (map-view.ts and its chunks) and the scenario's basemap —
// started once and shared: main.ts starts both at boot, so the briefing's map does not wait for them
// after the rest of the app has loaded (issue 8); mountMap uses the same promises.
import { BASEMAPS } from '../shipped.ts';
import { parseBasemap, type Basemap, type BasemapInfo } from './basemap.ts';

let view: Promise<typeof import('./map-view.ts')> | undefined;
const basemaps = new WeakMap<BasemapInfo, Promise<Basemap | undefined>>();

/** The Pixi layer's module (imports pixi.js). */
export const mapViewModule = () => (view ??= import('./map-view.ts'));

/**
 * The basemap a scenario names (`region.basemap`), from those the app was built with (the files beside
 * the shipped scenarios, src/cli/shipped-scenarios.ts), loaded once per scenario. Undefined when it
 * names none, or one the app does not have (an uploaded scenario's own file): the map then draws a
 * grid and says why. A download that fails is tried again next time.
 */
export function basemapFor(info: BasemapInfo | undefined): Promise<Basemap | undefined> {
  if (!info) return Promise.resolve(undefined);
  let loading = basemaps.get(info);
  if (!loading) {
    const load = BASEMAPS[info.file.replace(/^(\.\/)+/, '')];
    loading = load
      ? load().then(
          (json) => parseBasemap(json, info),
          () => {
            basemaps.delete(info);
            return undefined;
          },
        )
      : Promise.resolve(undefined);
    basemaps.set(info, loading);
  }
  return loading;
}

/** Starts both downloads now: the Pixi layer and the basemap of the scenario on the first screen. */
export function preloadMap(info?: BasemapInfo): void {
  void mapViewModule().catch(() => undefined); // mountMap reports a failure when it mounts
  void basemapFor(info);
}
