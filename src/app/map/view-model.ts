// The map as plain data: everything the Pixi layer draws, worked out from the scenario's model and
// the drill's world at one moment, in the chosen language. No Pixi here (it is tested in Node); the
// Pixi layer (map-view.ts) draws only from this.
//
// Parts that do not change during a drill (projection, basemap, intensity zones, settlements,
// facilities, unit bases, legend) are built once per model, language and basemap and come back as
// the same object; routes, incidents and cascade links come back as the same array until what they
// show changes. The Pixi layer compares by identity and redraws only what changed. Teams are rebuilt
// every time (their positions move with scenario time); `teamsKey` says when the set of markers
// changed rather than just their positions.
import type { Model } from '../../core/index.ts';
import type { IncidentState, TeamState, World } from '../../core/world.ts';
import { intensityAt, intensityRoman } from '../../hazard/index.ts';
import { kindsThat } from '../../scenario/kinds.ts';
import type { Incident, TEAM_CAPABILITIES } from '../../scenario/schema.ts';
import { pick, t, type Lang, type MessageKey } from '../i18n.ts';
import { OBSERVER } from '../store.ts';
import { areaName, basemapCovers, type Basemap, type BasemapInfo } from './basemap.ts';
import { graticule, type GridLine } from './graticule.ts';
import { spreadOverlapping } from './layout.ts';
import { markItems, type DraftMark, type MarkItem } from './marks.ts';
import { fitProjection, project, type Projection, type XY } from './projection.ts';
import {
  BASE_SIZE, CLUSTER_SPACING, FACILITY_FAMILY, FACILITY_SIZE, FAMILIES, LAYOUT_SCALE, TEAM_SIZE, incidentSize, routeStyle, settlementRadius,
  type FacilityKind, type Family, type Frame, type LineStyle, type RouteKind, type RouteState,
} from './symbols.ts';
import { nodeOfScenarioMs } from './strip-model.ts';
import { intensityZones, type ZoneItem } from './zones.ts';

export type { ZoneItem } from './zones.ts';
export type { DraftMark, MarkItem } from './marks.ts';
export type { Projection, XY } from './projection.ts';

export type ItemKind = 'incident' | 'team' | 'facility' | 'base' | 'epicentre' | 'settlement' | 'route' | 'county';
type IncidentKind = Incident['kind'];
type Capability = (typeof TEAM_CAPABILITIES)[number];

/** A point symbol: drawn at (x + dx / zoom, y + dy / zoom); x, y in map units, dx, dy, r in screen px. */
export interface PointItem {
  id: string;
  x: number;
  y: number;
  dx: number;
  dy: number;
  /** Half the symbol's side (or its radius), screen pixels. */
  r: number;
  name: string;
}

export interface SettlementItem extends PointItem {
  kind: 'settlement';
  settlementKind: string;
  population: number;
  approximate: boolean;
  /** Median-field intensity at the settlement (hazard model). */
  intensity: number;
}

export interface FacilityItem extends PointItem {
  kind: 'facility';
  facilityKind: FacilityKind;
  family: Family;
  color: number;
  frame: Frame;
  glyph: string;
  approximate: boolean;
  /** Names of the units and HQs based here. */
  units: string[];
}

/** A unit base that is not a facility (a settlement or a point): a green D-family symbol. */
export interface BaseItem extends PointItem {
  kind: 'base';
  family: 'resource';
  color: number;
  frame: Frame;
  glyph: string;
  units: string[];
}

export interface IncidentItem extends PointItem {
  kind: 'incident';
  incidentKind: IncidentKind;
  family: 'incident';
  color: number;
  frame: Frame;
  glyph: string;
  severity: number;
  /** Frame side, px: grows with severity. */
  size: number;
  status: IncidentState['status'];
  /** Contained or resolved: drawn greyed. */
  dimmed: boolean;
  /** Appeared within the last `newWithinMs` of scenario time and still active: drawn pulsing. */
  pulse: boolean;
  appearedMs: number;
  /** The time node (index) whose span of scenario time it appeared in. */
  node: number;
  place: string;
  trapped: number;
  displaced: number;
}

export interface TeamItem extends PointItem {
  kind: 'team';
  /** Team instance ids in this marker (a convoy, or everyone on one scene). */
  teams: string[];
  status: 'tasked' | 'en-route' | 'on-scene';
  color: number;
  frame: Frame;
  glyph: string;
  /** e.g. "重型救援队 ×2", per team type in the marker. */
  typeNames: string[];
  unitNames: string[];
  target: string;
  targetName: string;
  /** Unit base → target, map units: the move line. */
  from: XY;
  to: XY;
  departMs?: number;
  arriveMs?: number;
  /** 0 at the base, 1 at the target. */
  progress: number;
  /** Planned move (tasked, not departed): dashed; actual deployment: solid. */
  dashed: boolean;
}

export interface EpicentreItem extends PointItem {
  kind: 'epicentre';
  magnitude: number;
  depthKm: number;
}

export interface RouteItem {
  kind: 'route';
  id: string;
  name: string;
  routeKind: RouteKind;
  /** Flat [x0, y0, x1, y1, …], map units. */
  points: number[];
  state: RouteState;
  style: LineStyle;
  approximate: boolean;
}

export interface CountyItem {
  kind: 'county';
  id: string;
  name: string;
  /** Flat rings, map units. */
  rings: number[][];
  labelAt: XY;
  /** False when a city, district or county seat of the scenario labels the same place already. */
  showLabel: boolean;
}

/** A cascade between two incidents that both appeared: an arrow cause → effect. */
export interface LinkItem {
  id: string;
  from: string;
  to: string;
  mode: 'spawn' | 'worsen';
  a: { x: number; y: number; dx: number; dy: number; r: number };
  b: { x: number; y: number; dx: number; dy: number; r: number };
}

export interface LegendEntry {
  label: string;
  color: number;
}

export interface Legend {
  title: string;
  intensityTitle: string;
  intensity: (LegendEntry & { roman: string })[];
  epicentre: string;
  symbolsTitle: string;
  families: (LegendEntry & { family: Family; frame: Frame; code: string })[];
  linesTitle: string;
  lines: (LegendEntry & { width: number; dashed: boolean; arrow: boolean })[];
  newIncident: string;
  contained: string;
  /** What is drawn under the map: the scenario's basemap and its coordinate system, or why only a grid is. */
  basemap: string;
  /** The basemap data's licence (the scenario's `region.basemap.licence`), when one is drawn. */
  attribution?: string;
  hint: string;
  controls: { zoomIn: string; zoomOut: string; focus: string; whole: string };
}

/** What does not change while a drill runs: built once per model, language and basemap. */
export interface MapStatic {
  key: string;
  projection: Projection;
  /** Where the drill happens (zones of VI and up, facilities), map units: the first view. */
  focus: { x0: number; y0: number; x1: number; y1: number };
  counties: CountyItem[];
  /** Meridians and parallels, drawn when no basemap is (none given, not available, or another region's). */
  grid: GridLine[];
  zones: ZoneItem[];
  epicentre: EpicentreItem;
  settlements: SettlementItem[];
  facilities: FacilityItem[];
  bases: BaseItem[];
  legend: Legend;
}

export interface MapViewModel {
  lang: Lang;
  static: MapStatic;
  routes: RouteItem[];
  incidents: IncidentItem[];
  /** Ids of the incidents drawn pulsing (new). */
  pulsing: string[];
  links: LinkItem[];
  teams: TeamItem[];
  /** Changes when team markers come or go (not when they only move). */
  teamsKey: string;
  /** The plotted marks the viewer sees, then the plot tool's draft: the same array until they change. */
  marks: MarkItem[];
  scenarioMs: number;
  /** The node being played (world.node). */
  node: number;
  nodeFilter?: number;
}

export interface MapViewModelInput {
  model: Model;
  world: Readonly<World>;
  lang: Lang;
  /** Show only incidents that appeared in this time node's span (index into scenario.nodes). */
  nodeFilter?: number;
  /** The scenario's basemap (region.basemap), once loaded; without it the map draws a grid. */
  basemap?: Basemap;
  /** Incidents that appeared this recently (scenario time) are new and pulse. Default 30 min. */
  newWithinMs?: number;
  /** Who is looking (a seat id, 'facilitator', EVALUATOR or OBSERVER): which plotted marks show. Default the observer. */
  viewer?: string;
  /** A mark being drawn with the plot tool. */
  draft?: DraftMark;
}

export const NEW_WITHIN_MS = 30 * 60_000;
const ACTIVE = new Set<IncidentState['status']>(['reported', 'escalating']);
/** Incident kinds that damage or block the road they sit on (the kind table's `blocks-roads`, as src/core/teams.ts). */
const BLOCKING = kindsThat('blocks-roads');

// ── caches ──────────────────────────────────────────────────────────────────

interface Memo<T> {
  key: string;
  value: T;
}
interface ModelCache {
  statics: Map<string, MapStatic>;
  basemapIds: WeakMap<Basemap, number>;
  routes?: Memo<RouteItem[]>;
  layout?: Memo<IncidentItem[]>;
  incidents?: Memo<IncidentItem[]>;
  /** The layout the cached incidents were built on. */
  laidOutFor?: IncidentItem[];
  teams?: Map<string, TeamTemplate>;
  links?: { of: IncidentItem[]; value: LinkItem[] };
  marks?: Memo<MarkItem[]>;
}
const caches = new WeakMap<Model, ModelCache>();
let basemapCounter = 0;

function cacheOf(model: Model): ModelCache {
  let c = caches.get(model);
  if (!c) caches.set(model, (c = { statics: new Map(), basemapIds: new WeakMap() }));
  return c;
}

// ── the build ───────────────────────────────────────────────────────────────

export function buildMapViewModel(input: MapViewModelInput): MapViewModel {
  const { model, world, lang } = input;
  const cache = cacheOf(model);
  const stat = staticPart(model, lang, input.basemap, cache);
  const routes = routeItems(model, world, lang, stat.projection, cache);
  const { incidents, pulsing, layout } = incidentItems(model, world, lang, stat.projection, input.nodeFilter, input.newWithinMs ?? NEW_WITHIN_MS, cache);
  const links = linkItems(model, layout, cache);
  const { teams, teamsKey } = teamItems(model, world, lang, stat.projection, cache);
  cache.marks = markItems(model, world, lang, stat.projection, input.viewer ?? OBSERVER, input.draft, cache.marks);
  return {
    lang,
    static: stat,
    routes,
    incidents,
    pulsing,
    links,
    teams,
    teamsKey,
    marks: cache.marks.value,
    scenarioMs: world.scenarioMs,
    node: world.node,
    ...(input.nodeFilter !== undefined ? { nodeFilter: input.nodeFilter } : {}),
  };
}

const msg = (lang: Lang, key: string) => t(lang, key as MessageKey);

function staticPart(model: Model, lang: Lang, basemap: Basemap | undefined, cache: ModelCache): MapStatic {
  let basemapId = 0;
  if (basemap) {
    basemapId = cache.basemapIds.get(basemap) ?? ++basemapCounter;
    cache.basemapIds.set(basemap, basemapId);
  }
  const key = `${model.scenario.meta.id}@${model.scenario.meta.version}:${lang}:${basemapId}`;
  const hit = cache.statics.get(key);
  if (hit) return hit;

  const s = model.scenario;
  const p = fitProjection(s.region.bounds);
  const eq = s.earthquake;
  const quake = { lat: eq.epicentre.lat, lon: eq.epicentre.lon, magnitude: eq.magnitude, strikeDeg: eq.strikeDeg, offset: eq.attenuation.offset };

  // A basemap that does not reach into the region's bounds is another region's: never drawn.
  const drawn = basemap && basemapCovers(basemap, s.region.bounds) ? basemap : undefined;
  const counties: CountyItem[] = (drawn?.features ?? []).map((f) => {
    const rings = f.rings.map((ring) => ring.flatMap(([lon, lat]) => {
      const xy = project(p, lat, lon);
      return [xy.x, xy.y];
    }));
    const centre = f.centre ? project(p, f.centre[1], f.centre[0]) : centroid(rings[0] ?? []);
    return { kind: 'county', id: f.name, name: areaName(drawn!, f.name, lang), rings, labelAt: centre, showLabel: true };
  });

  const settlements: SettlementItem[] = s.region.settlements.map((x) => ({
    kind: 'settlement',
    id: x.id,
    ...project(p, x.lat, x.lon),
    dx: 0,
    dy: 0,
    r: settlementRadius(x.kind),
    name: pick(lang, x.name),
    settlementKind: x.kind,
    population: x.population,
    approximate: x.approximate ?? false,
    intensity: intensityAt(eq.attenuation.relation, quake, x.lat, x.lon),
  }));

  // A county whose seat the scenario names (a city, district or county seat near its label point, or
  // a settlement of the same name) is labelled once, by the settlement.
  const seats = settlements.filter((x) => x.settlementKind === 'city' || x.settlementKind === 'district' || x.settlementKind === 'county-seat');
  const near = 15 * p.unitsPerKm;
  for (const c of counties) {
    c.showLabel = !settlements.some((x) => x.name.toLowerCase() === c.name.toLowerCase()) && !seats.some((x) => Math.hypot(x.x - c.labelAt.x, x.y - c.labelAt.y) < near);
  }

  // Who is based where: units, the HQ and the county HQs.
  const basedAt = new Map<string, { at: { lat: number; lon: number }; names: string[] }>();
  const addBase = (base: string | { lat: number; lon: number }, name: string) => {
    const at = typeof base === 'string' ? model.places.get(base) : base;
    if (!at) return;
    const key = typeof base === 'string' ? base : `${base.lat},${base.lon}`;
    const entry = basedAt.get(key) ?? { at, names: [] };
    entry.names.push(name);
    basedAt.set(key, entry);
  };
  addBase(s.organisation.hq.base, pick(lang, s.organisation.hq.name));
  for (const c of s.organisation.counties) addBase(c.base, pick(lang, c.name));
  for (const u of s.organisation.units) addBase(u.base, pick(lang, u.short ?? u.name));

  const facilities: FacilityItem[] = s.region.facilities.map((f) => {
    const family = FACILITY_FAMILY[f.kind];
    return {
      kind: 'facility',
      id: f.id,
      ...project(p, f.lat, f.lon),
      dx: 0,
      dy: 0,
      r: FACILITY_SIZE / 2,
      name: pick(lang, f.name),
      facilityKind: f.kind,
      family,
      color: FAMILIES[family].color,
      frame: FAMILIES[family].frame,
      glyph: msg(lang, `map.glyph.facility.${f.kind}`),
      approximate: f.approximate ?? false,
      units: basedAt.get(f.id)?.names ?? [],
    };
  });
  const facilityIds = new Set(s.region.facilities.map((f) => f.id));
  const bases: BaseItem[] = [...basedAt].filter(([key]) => !facilityIds.has(key)).map(([key, { at, names }]) => ({
    kind: 'base',
    id: `base:${key}`,
    ...project(p, at.lat, at.lon),
    dx: 0,
    dy: 0,
    r: BASE_SIZE / 2,
    name: names.join(msg(lang, 'map.tip.separator')),
    family: 'resource',
    color: FAMILIES.resource.color,
    frame: FAMILIES.resource.frame,
    glyph: msg(lang, 'map.glyph.base'),
    units: names,
  }));
  spreadOverlapping([...facilities, ...bases], LAYOUT_SCALE, CLUSTER_SPACING);

  const zones = intensityZones(eq, p);
  const epicentre: EpicentreItem = {
    kind: 'epicentre',
    id: 'epicentre',
    ...project(p, eq.epicentre.lat, eq.epicentre.lon),
    dx: 0,
    dy: 0,
    r: 10,
    name: eq.name ? pick(lang, eq.name) : msg(lang, 'map.legend.epicentre'),
    magnitude: eq.magnitude,
    depthKm: eq.depthKm,
  };

  const focus = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const grow = (x: number, y: number) => {
    focus.x0 = Math.min(focus.x0, x);
    focus.y0 = Math.min(focus.y0, y);
    focus.x1 = Math.max(focus.x1, x);
    focus.y1 = Math.max(focus.y1, y);
  };
  const felt = zones.filter((z) => z.degree >= 6); // VI: where damage begins (GB/T 17742-2020)
  for (const z of felt.length > 0 ? felt : zones) for (let i = 0; i < z.ring.length; i += 2) grow(z.ring[i]!, z.ring[i + 1]!);
  for (const f of facilities) grow(f.x, f.y);
  grow(epicentre.x, epicentre.y);
  focus.x0 = Math.max(0, focus.x0);
  focus.y0 = Math.max(0, focus.y0);
  focus.x1 = Math.min(p.width, focus.x1);
  focus.y1 = Math.min(p.height, focus.y1);

  const grid = drawn ? [] : graticule(p, lang);
  const built: MapStatic = { key, projection: p, focus, counties, grid, zones, epicentre, settlements, facilities, bases, legend: legendOf(lang, zones, basemapLines(lang, s.region.basemap, basemap, drawn)) };
  cache.statics.set(key, built);
  return built;
}

/** The legend's basemap note and attribution: the scenario's source and licence, or why only a grid is drawn. */
function basemapLines(lang: Lang, named: BasemapInfo | undefined, loaded: Basemap | undefined, drawn: Basemap | undefined): Pick<Legend, 'basemap' | 'attribution'> {
  if (drawn) {
    const { source, licence, crs } = drawn.info;
    return {
      basemap: t(lang, 'map.legend.basemap', { source: pick(lang, source), crs: msg(lang, `map.legend.crs.${crs}`) }),
      attribution: t(lang, 'map.legend.attribution', { licence: typeof licence === 'string' ? licence : pick(lang, licence) }),
    };
  }
  if (!named) return { basemap: msg(lang, 'map.legend.noBasemap') };
  return { basemap: t(lang, loaded ? 'map.legend.basemapElsewhere' : 'map.legend.basemapMissing', { file: named.file }) };
}

function legendOf(lang: Lang, zones: ZoneItem[], basemap: Pick<Legend, 'basemap' | 'attribution'>): Legend {
  const families: Family[] = ['incident', 'hazard', 'protected', 'resource'];
  return {
    title: msg(lang, 'map.legend.title'),
    intensityTitle: msg(lang, 'map.legend.intensity'),
    intensity: [...zones].reverse().map((z) => ({ roman: z.roman, color: z.color, label: t(lang, 'map.legend.intensityValue', { roman: z.roman }) })),
    epicentre: msg(lang, 'map.legend.epicentre'),
    symbolsTitle: msg(lang, 'map.legend.symbols'),
    families: families.map((f) => ({ family: f, frame: FAMILIES[f].frame, code: FAMILIES[f].code, color: FAMILIES[f].color, label: msg(lang, `map.family.${f}`) })),
    linesTitle: msg(lang, 'map.legend.lines'),
    lines: [
      { label: msg(lang, 'map.legend.routeDamaged'), color: routeStyle('county', 'damaged').color, width: 3, dashed: false, arrow: false },
      { label: msg(lang, 'map.legend.routeClosed'), color: routeStyle('county', 'closed').color, width: 3, dashed: true, arrow: false },
      { label: msg(lang, 'map.legend.deployed'), color: FAMILIES.incident.color, width: 2, dashed: false, arrow: false },
      { label: msg(lang, 'map.legend.planned'), color: FAMILIES.incident.color, width: 2, dashed: true, arrow: false },
      { label: msg(lang, 'map.legend.cascade'), color: 0x7a0a0a, width: 1.5, dashed: false, arrow: true },
    ],
    newIncident: msg(lang, 'map.legend.new'),
    contained: msg(lang, 'map.legend.contained'),
    ...basemap,
    hint: msg(lang, 'map.zoomHint'),
    controls: { zoomIn: msg(lang, 'map.zoomIn'), zoomOut: msg(lang, 'map.zoomOut'), focus: msg(lang, 'map.focus'), whole: msg(lang, 'map.whole') },
  };
}

function centroid(ring: number[]): XY {
  let x = 0;
  let y = 0;
  const n = ring.length / 2;
  for (let i = 0; i < ring.length; i += 2) {
    x += ring[i]!;
    y += ring[i + 1]!;
  }
  return n > 0 ? { x: x / n, y: y / n } : { x: 0, y: 0 };
}

function routeItems(model: Model, world: Readonly<World>, lang: Lang, p: Projection, cache: ModelCache): RouteItem[] {
  const damaged = new Set<string>();
  for (const id in world.incidents) {
    const i = world.incidents[id]!;
    if (BLOCKING.has(i.kind) && ACTIVE.has(i.status)) damaged.add(i.place);
  }
  const stateOf = (id: string): RouteState => (world.routesClosed.includes(id) ? 'closed' : damaged.has(id) ? 'damaged' : 'open');
  const routes = model.scenario.region.routes;
  const key = `${lang}|${routes.map((r) => stateOf(r.id)).join(',')}`;
  if (cache.routes?.key === key) return cache.routes.value;
  const value: RouteItem[] = routes.map((r) => {
    const state = stateOf(r.id);
    return {
      kind: 'route',
      id: r.id,
      name: pick(lang, r.name),
      routeKind: r.kind,
      points: r.path.flatMap(([lat, lon]) => {
        const xy = project(p, lat, lon);
        return [xy.x, xy.y];
      }),
      state,
      style: routeStyle(r.kind, state),
      approximate: r.approximate ?? false,
    };
  });
  // Damaged and closed roads on top of the others.
  value.sort((a, b) => Number(a.state !== 'open') - Number(b.state !== 'open'));
  cache.routes = { key, value };
  return value;
}

const STATUS_CODE: Record<IncidentState['status'], number> = { latent: 0, reported: 1, escalating: 2, contained: 3, resolved: 4 };

/** Two FNV-style 32-bit hashes side by side: what is shown, checked every build without building it. */
function mix(h: number, v: number, prime: number): number {
  return Math.imul(h ^ (v | 0), prime) >>> 0;
}

function incidentItems(
  model: Model, world: Readonly<World>, lang: Lang, p: Projection, nodeFilter: number | undefined, newWithinMs: number, cache: ModelCache,
): { incidents: IncidentItem[]; pulsing: string[]; layout: IncidentItem[] } {
  // One pass over the world, hashing what decides the layout (which incidents, how big) and the
  // state (status, new); items are built only when a hash moved.
  const pulsing: string[] = [];
  let l1 = 2166136261;
  let l2 = 5381;
  let s1 = 2166136261;
  let s2 = 5381;
  let k = 0;
  let count = 0;
  const now = world.scenarioMs;
  for (const id in world.incidents) {
    k++;
    const i = world.incidents[id]!;
    if (i.status === 'latent') continue;
    const appeared = i.appearedMs ?? 0;
    if (nodeFilter !== undefined && nodeOfScenarioMs(model, appeared) !== nodeFilter) continue;
    count++;
    l1 = mix(mix(mix(l1, k, 16777619), i.severity, 16777619), appeared, 16777619);
    l2 = mix(mix(mix(l2, k, 33554467), i.severity, 33554467), appeared / 1000, 33554467);
    const isNew = (i.status === 'reported' || i.status === 'escalating') && now - appeared < newWithinMs && appeared <= now;
    if (isNew) pulsing.push(id);
    const code = STATUS_CODE[i.status] * 2 + (isNew ? 1 : 0);
    s1 = mix(s1, code, 16777619);
    s2 = mix(s2, code + k, 33554467);
  }
  const layoutKey = `${lang}|${nodeFilter ?? '*'}|${count}|${Object.keys(world.incidents).length}|${l1}|${l2}`;
  const stateKey = `${layoutKey}#${s1}|${s2}`;
  if (cache.incidents?.key === stateKey && cache.layout) return { incidents: cache.incidents.value, pulsing, layout: cache.layout.value };

  // Where each goes depends only on which incidents show and how big they are.
  let laidOut = cache.layout?.key === layoutKey ? cache.layout.value : undefined;
  if (!laidOut) {
    laidOut = [];
    for (const id in world.incidents) {
      const i = world.incidents[id]!;
      if (i.status === 'latent') continue;
      const node = nodeOfScenarioMs(model, i.appearedMs ?? 0);
      if (nodeFilter !== undefined && node !== nodeFilter) continue;
      const at = model.places.get(id) ?? model.places.get(i.place);
      const xy = at ? project(p, at.lat, at.lon) : { x: -1e6, y: -1e6 };
      const def = model.incidents.get(id);
      const size = incidentSize(i.severity);
      laidOut.push({
        kind: 'incident',
        id,
        ...xy,
        dx: 0,
        dy: 0,
        r: size / 2,
        name: def ? pick(lang, def.name) : id,
        incidentKind: i.kind as IncidentKind,
        family: 'incident',
        color: FAMILIES.incident.color,
        frame: FAMILIES.incident.frame,
        glyph: msg(lang, `map.glyph.incident.${i.kind}`),
        severity: i.severity,
        size,
        status: i.status,
        dimmed: false,
        pulse: false,
        appearedMs: i.appearedMs ?? 0,
        node,
        place: i.place,
        trapped: i.trapped,
        displaced: i.displaced,
      });
    }
    spreadOverlapping(laidOut, LAYOUT_SCALE, CLUSTER_SPACING);
    cache.layout = { key: layoutKey, value: laidOut };
  }
  // An item whose state did not change is handed back as the same object, so the Pixi layer
  // skips it; with the same layout, only the items that changed are copied (no full rebuild).
  const pulse = new Set(pulsing);
  const stateOf = (item: IncidentItem) => world.incidents[item.id]!.status;
  const prev = cache.incidents?.value;
  let incidents: IncidentItem[];
  let reorder = false;
  if (prev && cache.laidOutFor === laidOut) {
    let copy: IncidentItem[] | undefined;
    for (let k = 0; k < prev.length; k++) {
      const item = prev[k]!;
      const status = stateOf(item);
      const isNew = pulse.has(item.id);
      if (item.status === status && item.pulse === isNew) continue;
      const next = { ...item, status, dimmed: !ACTIVE.has(status), pulse: isNew };
      if (next.dimmed !== item.dimmed) reorder = true;
      (copy ??= prev.slice())[k] = next;
    }
    incidents = copy ?? prev;
  } else {
    incidents = laidOut.map((item) => {
      const status = stateOf(item);
      return { ...item, status, dimmed: !ACTIVE.has(status), pulse: pulse.has(item.id) };
    });
    reorder = true;
  }
  // Greyed ones underneath, the most severe on top.
  if (reorder) incidents.sort((a, b) => Number(b.dimmed) - Number(a.dimmed) || a.severity - b.severity);
  cache.incidents = { key: stateKey, value: incidents };
  cache.laidOutFor = laidOut;
  return { incidents, pulsing, layout: laidOut };
}

function linkItems(model: Model, incidents: IncidentItem[], cache: ModelCache): LinkItem[] {
  if (cache.links?.of === incidents) return cache.links.value;
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const links: LinkItem[] = [];
  for (const [from, list] of model.cascadesFrom) {
    const a = byId.get(from);
    if (!a) continue;
    for (const c of list) {
      const to = 'spawn' in c.then ? c.then.spawn.id : c.then.worsen.incident;
      const b = byId.get(to);
      if (!b || b === a) continue;
      const end = (i: IncidentItem) => ({ x: i.x, y: i.y, dx: i.dx, dy: i.dy, r: i.r });
      links.push({ id: c.id, from, to, mode: 'spawn' in c.then ? 'spawn' : 'worsen', a: end(a), b: end(b) });
    }
  }
  cache.links = { of: incidents, value: links };
  return links;
}

// ── teams ───────────────────────────────────────────────────────────────────

/** A team marker without its position: names and line, worked out once per marker. */
type TeamTemplate = Omit<TeamItem, 'x' | 'y' | 'progress'>;

function teamItems(model: Model, world: Readonly<World>, lang: Lang, p: Projection, cache: ModelCache): { teams: TeamItem[]; teamsKey: string } {
  const groups = new Map<string, { status: TeamItem['status']; ids: string[]; states: TeamState[]; depart?: number }>();
  for (const id in world.teams) {
    const team = world.teams[id]!;
    if (team.status !== 'tasked' && team.status !== 'en-route' && team.status !== 'on-scene') continue;
    if (!team.target) continue;
    let depart: number | undefined;
    if (team.status === 'en-route') depart = team.departMs;
    const key = team.status === 'on-scene' ? `s|${team.target}` : `${team.status[0]}|${team.type}|${team.target}|${depart ?? ''}|${team.arriveMs ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { status: team.status, ids: [], states: [], ...(depart !== undefined ? { depart } : {}) }));
    g.ids.push(id);
    g.states.push(team);
  }
  const templates = (cache.teams ??= new Map());
  if (templates.size > 4 * groups.size + 64) templates.clear();
  const now = world.scenarioMs;
  const teams: TeamItem[] = [];
  let teamsKey = lang;
  for (const [key, g] of groups) {
    const templateKey = `${lang}|${key}|${g.ids.join(',')}`;
    let template = templates.get(templateKey);
    if (!template) {
      template = teamTemplate(model, lang, p, key, g);
      if (!template) continue;
      templates.set(templateKey, template);
    }
    const first = g.states[0]!;
    let progress = 0;
    if (g.status === 'on-scene') progress = 1;
    else if (g.status === 'en-route' && first.arriveMs !== undefined) {
      const depart = g.depart ?? now;
      progress = first.arriveMs > depart ? Math.min(1, Math.max(0, (now - depart) / (first.arriveMs - depart))) : 1;
    }
    const { from, to } = template;
    teams.push({ ...template, x: from.x + (to.x - from.x) * progress, y: from.y + (to.y - from.y) * progress, progress });
    teamsKey += `|${key}:${g.ids.length}`;
  }
  return { teams, teamsKey };
}

function teamTemplate(model: Model, lang: Lang, p: Projection, key: string, g: { status: TeamItem['status']; ids: string[]; states: TeamState[]; depart?: number }): TeamTemplate | undefined {
  const first = g.states[0]!;
  const fromPlace = model.teamTypes.get(first.type)?.from ?? model.places.get(first.unit);
  const toPlace = model.places.get(first.target!);
  if (!fromPlace || !toPlace) return undefined;
  const perType = new Map<string, number>();
  for (const s of g.states) perType.set(s.type, (perType.get(s.type) ?? 0) + 1);
  const unitNames = [...new Set(g.states.map((s) => model.units.get(s.unit)))].map((u) => (u ? pick(lang, u.short ?? u.name) : ''));
  const typeNames = [...perType].map(([type, n]) => {
    const def = model.teamTypes.get(type);
    const name = def ? pick(lang, def.team.name) : type;
    return n > 1 ? `${name} ×${n}` : name;
  });
  const capability = (model.teamTypes.get(first.type)?.team.capabilities[0] ?? 'usar') as Capability;
  const onScene = g.status === 'on-scene';
  return {
    kind: 'team',
    id: `team:${key}`,
    // On scene, the marker sits at the lower right of the target's symbol.
    dx: onScene ? 14 : 0,
    dy: onScene ? 14 : 0,
    r: TEAM_SIZE / 2,
    name: typeNames.join(msg(lang, 'map.tip.separator')),
    teams: g.ids,
    status: g.status,
    color: FAMILIES.resource.color,
    frame: FAMILIES.resource.frame,
    glyph: onScene && perType.size > 1 ? String(g.ids.length) : msg(lang, `map.glyph.team.${capability}`),
    typeNames,
    unitNames,
    target: first.target!,
    targetName: placeName(model, lang, first.target!),
    from: project(p, fromPlace.lat, fromPlace.lon),
    to: project(p, toPlace.lat, toPlace.lon),
    ...(g.depart !== undefined ? { departMs: g.depart } : {}),
    ...(first.arriveMs !== undefined ? { arriveMs: first.arriveMs } : {}),
    dashed: g.status === 'tasked',
  };
}

/** The name of whatever a place id points at: an incident, a facility, a settlement, a route. */
export function placeName(model: Model, lang: Lang, id: string): string {
  const s = model.scenario;
  const named = model.incidents.get(id) ?? s.region.facilities.find((f) => f.id === id) ?? s.region.settlements.find((x) => x.id === id) ?? s.region.routes.find((r) => r.id === id);
  return named ? pick(lang, named.name) : id;
}

/** Intensity of the median field at a point, with its degree as a Roman numeral. */
export function intensityHere(model: Model, lat: number, lon: number): { value: number; roman: string } {
  const eq = model.scenario.earthquake;
  const value = intensityAt(eq.attenuation.relation, { lat: eq.epicentre.lat, lon: eq.epicentre.lon, magnitude: eq.magnitude, strikeDeg: eq.strikeDeg, offset: eq.attenuation.offset }, lat, lon);
  return { value, roman: intensityRoman(value) };
}

export { hitTest, type Hit } from './hit-test.ts';
export { nodeOfScenarioMs, timeNodeStrip, type StripNode } from './strip-model.ts';
