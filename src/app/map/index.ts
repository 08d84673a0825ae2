// src/app/map — owns the situation map: a plain view model (view-model.ts, tested in Node) and the
// Pixi.js layer that draws it (map-view.ts, loaded on demand by mountMap). Only map-view.ts and
// textures.ts import pixi.js; nothing here does, so this index is safe to import anywhere in the app.
export { mountMap, mountedIn, type LatLon, type MapInput, type MountedMap, type MountOptions } from './mount.ts';
export type { DraftMark, MarkItem } from './view-model.ts';
export {
  buildMapViewModel, hitTest, nodeOfScenarioMs, timeNodeStrip, NEW_WITHIN_MS,
  type Hit, type MapViewModel, type MapViewModelInput, type StripNode,
} from './view-model.ts';
export { describeHit, type Description } from './describe.ts';
export { parseBasemap, type Basemap, type BasemapInfo } from './basemap.ts';
export { basemapFor } from './preload.ts';
export { timeNodeStripView, type StripProps } from './strip.ts';
export type { MapSelection, MapView, MapViewOptions, MapViewStats } from './map-view.ts';
