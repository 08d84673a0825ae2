// Puts the map into an element of the app and keeps it fed: the app calls update(input) whenever it
// renders (input = the drill's model and world, the language and the node filter); the map builds
// its view model and draws. The plot tool (views/plot-tool.ts) finds the map mounted in a slot with
// `mountedIn(el)`, collects clicked points with `onPoint` and shows its draft with `setDraft`. Pixi is loaded on first mount with a dynamic import, so the rest of the
// app (and every Node test) never loads it.
import type { Model } from '../../core/index.ts';
import type { World } from '../../core/world.ts';
import { t, type Lang } from '../i18n.ts';
import type { Basemap, BasemapInfo } from './basemap.ts';
import type { MapView, MapViewOptions } from './map-view.ts';
import { basemapFor, mapViewModule } from './preload.ts';
import { unproject } from './projection.ts';
import { buildMapViewModel, type DraftMark, type MapViewModel } from './view-model.ts';

export interface MapInput {
  model: Model;
  world: Readonly<World>;
  lang: Lang;
  /** A time node picked on the strip (index), or null/undefined for everything so far. */
  nodeFilter?: number | null;
  size?: 'small' | 'large';
  /** Who is looking (a seat id, 'facilitator', EVALUATOR or OBSERVER): which plotted marks show. Default the observer. */
  viewer?: string;
}

export interface LatLon {
  lat: number;
  lon: number;
}

export interface MountedMap {
  update(input: MapInput): void;
  resize(): void;
  destroy(): void;
  /** The Pixi view once it is up (undefined before, or when WebGL is not available). */
  readonly view: MapView | undefined;
  /** The view model last drawn. */
  readonly viewModel: MapViewModel | undefined;
  /** Settles when the map is drawing (or has given up: then undefined). */
  readonly ready: Promise<MapView | undefined>;
  /** While a listener is set, clicks on the map give it the place clicked instead of selecting; null ends it. */
  onPoint(listener: ((at: LatLon) => void) | null): void;
  /** A mark being plotted, drawn on top of the others (null: none). */
  setDraft(draft: DraftMark | null): void;
}

const mounted = new WeakMap<Element, MountedMap>();
/** The map mounted into `el` (the element given to mountMap), if one is. */
export const mountedIn = (el: Element): MountedMap | undefined => mounted.get(el);

export interface MountOptions extends MapViewOptions {
  /** Finds the basemap a scenario names (`region.basemap`); by default among those the app was built with (preload.ts). */
  basemapFor?: (info: BasemapInfo | undefined) => Promise<Basemap | undefined>;
}

/** Label size on the big screen: 12 px names become 21 px, readable from the back of a command room [E]. */
const BIG_SCREEN_LABELS = 1.75;

export function mountMap(el: HTMLElement, options: MountOptions = {}): MountedMap {
  const box = el.ownerDocument.createElement('div');
  box.className = 'qd-map';
  box.style.cssText = 'position:relative;width:100%;height:100%;min-height:240px';
  el.append(box);
  let input: MapInput | undefined;
  let view: MapView | undefined;
  // The basemap of the scenario on show: looked up when the scenario changes; the map is drawn once it
  // has settled, so a scenario is never drawn over the grid first and its outlines after, nor the other way round.
  let shown: { of: BasemapInfo | undefined; settled: boolean; basemap?: Basemap; loaded: Promise<unknown> } | undefined;
  const basemapOf = (info: BasemapInfo | undefined) => {
    if (shown && shown.of === info) return shown;
    const entry: NonNullable<typeof shown> = { of: info, settled: false, loaded: Promise.resolve() };
    entry.loaded = (options.basemapFor ?? basemapFor)(info)
      .catch(() => undefined)
      .then((b) => {
        entry.settled = true;
        if (b) entry.basemap = b;
        if (shown === entry) draw();
      });
    return (shown = entry);
  };
  let viewModel: MapViewModel | undefined;
  let destroyed = false;
  let draft: DraftMark | null = null;
  let pointListener: ((at: LatLon) => void) | null = null;
  const pointMode = () =>
    view?.pointMode(pointListener ? (x, y) => viewModel && pointListener?.(unproject(viewModel.static.projection, x, y)) : null);

  const draw = () => {
    if (!view || !input) return;
    const { settled, basemap } = basemapOf(input.model.scenario.region.basemap);
    if (!settled) return;
    viewModel = buildMapViewModel({
      model: input.model,
      world: input.world,
      lang: input.lang,
      ...(input.nodeFilter !== null && input.nodeFilter !== undefined ? { nodeFilter: input.nodeFilter } : {}),
      ...(basemap ? { basemap } : {}),
      ...(input.viewer !== undefined ? { viewer: input.viewer } : {}),
      ...(draft ? { draft } : {}),
    });
    view.setLabelScale(input.size === 'large' ? BIG_SCREEN_LABELS : 1);
    view.update(viewModel);
  };

  const ready = mapViewModule()
    .then(async ({ createMapView }) => {
      if (destroyed) return undefined;
      const created = await createMapView(box, options);
      if (destroyed) {
        created.destroy();
        return undefined;
      }
      view = created;
      pointMode();
      if (input) await basemapOf(input.model.scenario.region.basemap).loaded;
      draw();
      return view;
    })
    .catch(() => {
      if (!destroyed) box.textContent = t(input?.lang ?? 'zh', 'map.noWebgl');
      return undefined;
    });

  const handle: MountedMap = {
    update(next) {
      input = next;
      draw();
    },
    resize: () => view?.resize(),
    destroy() {
      destroyed = true;
      mounted.delete(el);
      view?.destroy();
      view = undefined;
      box.remove();
    },
    get view() {
      return view;
    },
    get viewModel() {
      return viewModel;
    },
    ready,
    onPoint(listener) {
      pointListener = listener;
      pointMode();
    },
    setDraft(next) {
      draft = next;
      draw();
    },
  };
  mounted.set(el, handle);
  return handle;
}
