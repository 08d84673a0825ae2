// The map's two downloads — the Pixi layer (map-view.ts and its chunks) and the basemap — started
// once and shared: main.ts starts both at boot, so the briefing's map does not wait for them after
// the rest of the app has loaded (issue 8); mountMap uses the same promises.
import { loadBasemap, type Basemap } from './basemap.ts';

let view: Promise<typeof import('./map-view.ts')> | undefined;
let basemap: Promise<Basemap | undefined> | undefined;

/** The Pixi layer's module (imports pixi.js). */
export const mapViewModule = () => (view ??= import('./map-view.ts'));

/** The shipped basemap, fetched once; undefined when it cannot be had. */
export const defaultBasemap = () => (basemap ??= loadBasemap());

/** Starts both downloads now. */
export function preloadMap(): void {
  void mapViewModule().catch(() => undefined); // mountMap reports a failure when it mounts
  void defaultBasemap();
}
