// The Pixi.js map: draws a MapViewModel and nothing else (never the drill's state). The only module
// of the app, with textures.ts, that imports pixi.js — load it with a dynamic import so Pixi stays
// out of the first bundle and out of Node.
//
// Layers, bottom to top: counties (or the grid, without a basemap) and intensity zones (static), routes, move lines and cascade
// arrows (redrawn when they change or the zoom moves a step), settlements and labels, epicentre,
// facilities and unit bases (static), incidents, pulses, plotted marks (态势标绘: one Graphics for
// their lines, sprites for their symbols and words), teams. Symbols are sprites cut from one
// atlas, kept the same size on screen at every zoom; pan and zoom move one render group, so a drag
// costs no per-item work. Per frame the ticker only moves teams towards their latest position and
// animates the pulses.
import { Application, Container, Graphics, Sprite, UPDATE_PRIORITY, type Texture, type WebGLRenderer } from 'pixi.js';
import { arrow, dashes } from './geometry.ts';
import { hitTest, type Hit } from './hit-test.ts';
import { createOverlay, type Overlay } from './overlay.ts';
import { describeHit, describeMap } from './describe.ts';
import {
  BACKGROUND_COLOR, CASCADE_COLOR, COUNTY_BORDER_COLOR, EPICENTRE_COLOR, LAND_COLOR, TEAM_LINE_COLOR, ZONE_ALPHA, hex,
} from './symbols.ts';
import {
  LABEL_COUNTY, LABEL_GRID, LABEL_MARK, LABEL_NOTE, LABEL_SETTLEMENT, LABEL_TOWN, LABEL_ZONE, SYMBOL_MARGIN, SymbolAtlas, drawFrameSymbol, drawLabel, drawPulseRing, frameSymbolKey,
  measureLabel, type FrameSymbol, type LabelStyle,
} from './textures.ts';
import type { IncidentItem, ItemKind, MapStatic, MapViewModel, MarkItem, TeamItem } from './view-model.ts';

export interface MapSelection {
  kind: ItemKind;
  id: string;
}

export interface MapViewOptions {
  /** A click on an item (or on empty ground: null). */
  onSelect?: (selection: MapSelection | null) => void;
  /** The pointer moved onto another item (or off every item: null). */
  onHover?: (selection: MapSelection | null) => void;
  /** Keep the drawing buffer so tests can read pixels back (slower; off in the app). */
  preserveDrawingBuffer?: boolean;
  /** Show the legend and zoom buttons (default true). */
  legend?: boolean;
  /** Multisampled edges (default true); off is cheaper on software renderers. */
  antialias?: boolean;
}

export interface MapViewStats {
  renderer: string;
  frames: number;
  /** Draw calls of the last frame (WebGL only). */
  drawCalls: number;
  /** JS of the last update(viewModel), ms. */
  updateMs: number;
  /** Our ticker callback (teams, pulses, zoom work) in the last frame, ms. */
  tickMs: number;
  /** The whole frame's JS, Pixi's render included, ms. */
  frameMs: number;
  sprites: { incidents: number; teams: number; pulses: number; facilities: number };
  /** Plotted marks drawn: point symbols, lines (arrows and cordons), notes and labels. */
  marks: { symbols: number; lines: number; labels: number };
  atlas: { textures: number; pages: number };
  scale: number;
}

export interface MapView {
  readonly canvas: HTMLCanvasElement;
  update(vm: MapViewModel): void;
  /** Labels this many times their normal size (the big screen is read from across the room). */
  setLabelScale(scale: number): void;
  resize(): void;
  destroy(): void;
  stats(): MapViewStats;
  /** Shows where the drill happens (zones of VI and up, facilities); `whole`: the whole region. */
  fit(whole?: boolean): void;
  /** Centres the view on map point (x, y), at `scale` screen px per map unit if given. */
  centreOn(x: number, y: number, scale?: number): void;
  /** Screen (CSS px, relative to the canvas) of a map point. */
  toScreen(x: number, y: number): { x: number; y: number };
  /**
   * While a listener is set, a click on the map gives it the map point clicked (map units) instead
   * of selecting what is there: the plot tool collects its points so. Null ends it.
   */
  pointMode(listener: ((x: number, y: number) => void) | null): void;
  /**
   * For benchmarks: `before` runs at the start of every frame (inside the measured frame time),
   * `after` once the frame is drawn, with the frame's figures. Null removes them.
   */
  onFrame(after: ((stats: MapViewStats) => void) | null, before?: () => void): void;
}

interface Placed {
  sprite: Sprite;
  x: number;
  y: number;
  dx: number;
  dy: number;
}

interface TeamSprite extends Placed {
  fromX: number;
  fromY: number;
  toX: number;
  toY: number;
  t0: number;
  duration: number;
}

/** Line widths are redrawn when the zoom has moved this far (ratio) since they were drawn. */
const ZOOM_STEP = 1.2;
const PULSE_PERIOD_MS = 1600;
const MAX_ZOOM = 60;

export async function createMapView(container: HTMLElement, options: MapViewOptions = {}): Promise<MapView> {
  if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
  container.style.overflow = 'hidden';
  const app = new Application();
  await app.init({
    preference: 'webgl',
    width: Math.max(1, container.clientWidth),
    height: Math.max(1, container.clientHeight),
    background: BACKGROUND_COLOR,
    antialias: options.antialias ?? true,
    autoDensity: true,
    resolution: Math.min(2, window.devicePixelRatio || 1),
    preserveDrawingBuffer: options.preserveDrawingBuffer ?? false,
    eventFeatures: { move: false, globalMove: false, click: false, wheel: false },
  });
  const canvas = app.canvas;
  canvas.style.display = 'block';
  canvas.style.width = '100%';
  canvas.style.height = '100%';
  canvas.style.touchAction = 'none';
  canvas.setAttribute('role', 'img');
  container.append(canvas);
  app.stage.eventMode = 'none';
  app.stage.interactiveChildren = false;

  const atlas = new SymbolAtlas(2);
  const world = new Container({ isRenderGroup: true });
  app.stage.addChild(world);
  const ground = new Graphics();
  const routes = new Graphics();
  const moves = new Graphics();
  const links = new Graphics();
  const labelLayer = new Container();
  const facilityLayer = new Container();
  const incidentLayer = new Container();
  const pulseLayer = new Container();
  const teamLayer = new Container();
  const markLines = new Graphics();
  const markLayer = new Container();
  world.addChild(ground, routes, moves, labelLayer, facilityLayer, links, incidentLayer, pulseLayer, markLines, markLayer, teamLayer);

  const overlay: Overlay = createOverlay(container, {
    legend: options.legend ?? true,
    onZoom: (factor) => zoomAt(app.screen.width / 2, app.screen.height / 2, factor),
    onFit: () => fit(),
    onWhole: () => fit(true),
  });

  // ── view state ────────────────────────────────────────────────────────────
  let vm: MapViewModel | null = null;
  let builtStatic: MapStatic | null = null;
  let labelScale = 1;
  let scale = 1;
  let tx = 0;
  let ty = 0;
  let userMoved = false;
  let zoomDirty = true;
  let linesScale = 0;
  const dirty = { routes: true, moves: true, links: true, marks: true };
  const staticPlaced: Placed[] = [];
  const incidentPlaced: Placed[] = [];
  const incidentById = new Map<string, Placed & { item: IncidentItem }>();
  const pulses: Placed[] = [];
  let pulseKey = '';
  const markPlaced: Placed[] = [];
  const markCount = { symbols: 0, lines: 0, labels: 0 };
  let pointListener: ((x: number, y: number) => void) | null = null;
  let teamSprites = new Map<string, TeamSprite>();
  let lastUpdateAt = 0;
  let updateGap = 250;

  // ── measurement ───────────────────────────────────────────────────────────
  const counters = { frames: 0, drawCalls: 0, callsThisFrame: 0, updateMs: 0, tickMs: 0, frameMs: 0, frameStart: 0 };
  const renderer = app.renderer as unknown as Partial<WebGLRenderer>;
  const gl = renderer.gl;
  if (gl) {
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced'] as const) {
      const original = (gl as unknown as Record<string, ((...args: unknown[]) => void) | undefined>)[name];
      if (typeof original !== 'function') continue;
      (gl as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        counters.callsThisFrame++;
        return original.apply(gl, args);
      };
    }
  }
  let frameListener: ((s: MapViewStats) => void) | null = null;
  let beforeFrame: (() => void) | undefined;
  const frameStart = () => {
    counters.frameStart = performance.now();
    counters.callsThisFrame = 0;
    beforeFrame?.();
  };
  const frameEnd = () => {
    if (counters.callsThisFrame === 0 && gl) return; // nothing was drawn
    counters.frames++;
    counters.drawCalls = counters.callsThisFrame;
    counters.frameMs = performance.now() - counters.frameStart;
    frameListener?.(stats());
  };
  // Render only when something changed or moves: an idle map costs nothing per frame.
  let needsRender = true;
  let drawnOnce = false;
  let updatedOnce = false;
  app.ticker.remove(app.render, app);
  const render = () => {
    if (!needsRender) return;
    needsRender = false;
    app.render();
    // The page-load bench waits for this: the first frame that shows the drill, not an empty canvas.
    if (updatedOnce && !drawnOnce) {
      drawnOnce = true;
      performance.mark('quake-drill:map-first-paint');
    }
  };
  app.ticker.add(frameStart, undefined, UPDATE_PRIORITY.INTERACTION);
  app.ticker.add(tick, undefined, UPDATE_PRIORITY.NORMAL);
  app.ticker.add(render, undefined, UPDATE_PRIORITY.LOW);
  app.ticker.add(frameEnd, undefined, UPDATE_PRIORITY.UTILITY);

  // ── textures ──────────────────────────────────────────────────────────────
  const symbol = (s: FrameSymbol): Texture => {
    const side = s.size + 2 * SYMBOL_MARGIN;
    return atlas.get(frameSymbolKey(s), side, side, (ctx) => drawFrameSymbol(ctx, s));
  };
  const label = (text: string, base: LabelStyle): Texture => {
    const style = labelScale === 1 ? base : { ...base, size: Math.round(base.size * labelScale) };
    const { w, h } = measureLabel(text, style);
    return atlas.get(`l:${style.size}:${style.weight}:${style.color}:${text}`, w, h, (ctx) => drawLabel(ctx, text, style));
  };
  const dot = (r: number, approximate: boolean): Texture =>
    atlas.get(`d:${r}:${approximate}`, 2 * r + 4, 2 * r + 4, (ctx) => {
      ctx.beginPath();
      ctx.arc(r + 2, r + 2, r, 0, Math.PI * 2);
      ctx.fillStyle = approximate ? '#ffffff' : '#3a3a3a';
      ctx.fill();
      ctx.lineWidth = 1.6;
      ctx.strokeStyle = approximate ? '#555555' : '#ffffff';
      ctx.stroke();
    });
  const epicentreTexture = (): Texture =>
    atlas.get('epicentre', 28, 28, (ctx) => {
      ctx.beginPath();
      for (let k = 0; k < 10; k++) {
        const a = -Math.PI / 2 + (k * Math.PI) / 5;
        const rr = k % 2 === 0 ? 12 : 5.2;
        ctx.lineTo(14 + rr * Math.cos(a), 14 + rr * Math.sin(a));
      }
      ctx.closePath();
      ctx.lineJoin = 'round';
      ctx.lineWidth = 4;
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.stroke();
      ctx.lineWidth = 2.2;
      ctx.strokeStyle = hex(EPICENTRE_COLOR);
      ctx.stroke();
    });
  const pulseTexture = () => atlas.get('pulse', 36, 36, (ctx) => drawPulseRing(ctx, 16));

  const place = (layer: Container, list: Placed[], texture: Texture, x: number, y: number, dx = 0, dy = 0, anchorX = 0.5, anchorY = 0.5): Placed => {
    const sprite = new Sprite(texture);
    sprite.anchor.set(anchorX, anchorY);
    layer.addChild(sprite);
    const p = { sprite, x, y, dx, dy };
    list.push(p);
    setPlaced(p);
    return p;
  };
  const setPlaced = (p: Placed) => {
    p.sprite.position.set(p.x + p.dx / scale, p.y + p.dy / scale);
    p.sprite.scale.set(1 / scale);
  };

  // ── static layers ─────────────────────────────────────────────────────────
  function buildStatic(s: MapStatic): void {
    ground.clear();
    for (const layer of [labelLayer, facilityLayer]) for (const child of layer.removeChildren()) child.destroy();
    staticPlaced.length = 0;

    for (const c of s.counties) for (const ring of c.rings) ground.poly(ring, true).fill({ color: LAND_COLOR });
    // Intensity zones as rings, so each colour is laid once over the land: V minus VI, VI minus VII …
    s.zones.forEach((z, i) => {
      ground.poly(z.ring, true).fill({ color: z.color, alpha: ZONE_ALPHA });
      const inner = s.zones[i + 1];
      if (inner) ground.poly(inner.ring, true).cut();
    });
    for (const z of s.zones) ground.poly(z.ring, true).stroke({ color: 0xb0561a, alpha: 0.55, width: 1, pixelLine: true });
    for (const c of s.counties) for (const ring of c.rings) ground.poly(ring, true).stroke({ color: COUNTY_BORDER_COLOR, width: 1, pixelLine: true });
    // No basemap: meridians and parallels, faint, labelled at the top and left edges.
    for (const g of s.grid) ground.moveTo(g.points[0]!, g.points[1]!).lineTo(g.points[2]!, g.points[3]!);
    if (s.grid.length > 0) ground.stroke({ color: COUNTY_BORDER_COLOR, alpha: 0.45, width: 1, pixelLine: true });
    for (const g of s.grid) place(labelLayer, staticPlaced, label(g.label, LABEL_GRID), g.labelAt.x, g.labelAt.y, 3, 3, 0, 0);

    for (const c of s.counties) if (c.showLabel) place(labelLayer, staticPlaced, label(c.name, LABEL_COUNTY), c.labelAt.x, c.labelAt.y);
    for (const z of s.zones) place(labelLayer, staticPlaced, label(z.roman, LABEL_ZONE), z.labelAt.x, z.labelAt.y);
    for (const x of s.settlements) {
      place(labelLayer, staticPlaced, dot(x.r, x.approximate), x.x, x.y);
      const style = x.settlementKind === 'town' || x.settlementKind === 'township' || x.settlementKind === 'village' ? LABEL_TOWN : LABEL_SETTLEMENT;
      place(labelLayer, staticPlaced, label(x.name, style), x.x, x.y, x.r + 1, 0, 0, 0.5);
    }
    place(labelLayer, staticPlaced, epicentreTexture(), s.epicentre.x, s.epicentre.y);
    for (const f of [...s.facilities, ...s.bases]) {
      place(facilityLayer, staticPlaced, symbol({ family: f.family, frame: f.frame, color: f.color, size: 2 * f.r, glyph: f.glyph }), f.x, f.y, f.dx, f.dy);
    }
    builtStatic = s;
    overlay.legend(s.legend);
  }

  // ── dynamic layers ────────────────────────────────────────────────────────
  function syncIncidents(items: IncidentItem[]): void {
    // Reuse sprites, and skip items handed back unchanged: most updates change a few of thousands.
    const keep = new Set<string>();
    for (const i of items) keep.add(i.id);
    for (const [id, p] of incidentById) {
      if (keep.has(id)) continue;
      p.sprite.destroy();
      incidentById.delete(id);
    }
    incidentPlaced.length = 0;
    let inOrder = incidentLayer.children.length === items.length;
    items.forEach((item, k) => {
      let p = incidentById.get(item.id);
      if (p && p.item === item) {
        incidentPlaced.push(p);
        if (inOrder && incidentLayer.children[k] !== p.sprite) inOrder = false;
        return;
      }
      const texture = symbol({ family: 'incident', frame: item.frame, color: item.color, size: item.size, glyph: item.glyph, dimmed: item.dimmed, badge: String(item.severity) });
      if (!p) {
        const sprite = new Sprite(texture);
        sprite.anchor.set(0.5);
        p = { sprite, x: item.x, y: item.y, dx: item.dx, dy: item.dy, item };
        incidentById.set(item.id, p);
        inOrder = false;
      }
      p.sprite.texture = texture;
      p.sprite.alpha = item.dimmed ? 0.72 : 1;
      p.x = item.x;
      p.y = item.y;
      p.dx = item.dx;
      p.dy = item.dy;
      p.item = item;
      setPlaced(p);
      incidentPlaced.push(p);
      if (inOrder && incidentLayer.children[k] !== p.sprite) inOrder = false;
    });
    // Drawn in the view model's order: greyed ones underneath, the most severe on top.
    if (!inOrder) {
      incidentLayer.removeChildren();
      if (incidentPlaced.length > 0) incidentLayer.addChild(...incidentPlaced.map((p) => p.sprite));
    }
  }

  function syncPulses(ids: string[]): void {
    const key = ids.join('|');
    if (key === pulseKey) return;
    pulseKey = key;
    for (const child of pulseLayer.removeChildren()) child.destroy();
    pulses.length = 0;
    const texture = pulseTexture();
    for (const id of ids) {
      const p = incidentById.get(id);
      if (p) place(pulseLayer, pulses, texture, p.x, p.y, p.dx, p.dy);
    }
  }

  function syncTeams(items: TeamItem[], rebuild: boolean): void {
    const now = performance.now();
    if (rebuild) {
      const next = new Map<string, TeamSprite>();
      for (const item of items) {
        const old = teamSprites.get(item.id);
        const texture = symbol({ family: 'resource', frame: item.frame, color: item.color, size: 2 * item.r, glyph: item.glyph, solid: true, ...(item.teams.length > 1 && !/^\d+$/.test(item.glyph) ? { badge: String(item.teams.length) } : {}) });
        if (old) {
          old.sprite.texture = texture;
          next.set(item.id, old);
          teamSprites.delete(item.id);
          continue;
        }
        const sprite = new Sprite(texture);
        sprite.anchor.set(0.5);
        teamLayer.addChild(sprite);
        const t: TeamSprite = { sprite, x: item.x, y: item.y, dx: item.dx, dy: item.dy, fromX: item.x, fromY: item.y, toX: item.x, toY: item.y, t0: now, duration: 0 };
        setPlaced(t);
        next.set(item.id, t);
      }
      for (const gone of teamSprites.values()) gone.sprite.destroy();
      teamSprites = next;
      dirty.moves = true;
    }
    // Glide from where each marker is drawn now to its new place over about one update interval.
    for (const item of items) {
      const t = teamSprites.get(item.id);
      if (!t) continue;
      t.dx = item.dx;
      t.dy = item.dy;
      if (t.toX === item.x && t.toY === item.y) continue;
      t.fromX = t.x;
      t.fromY = t.y;
      t.toX = item.x;
      t.toY = item.y;
      t.t0 = now;
      t.duration = rebuild && t.duration === 0 ? 0 : updateGap;
    }
  }

  /** Marks are few (a seat plots tens, not thousands): their sprites are laid anew when they change. */
  function syncMarks(items: MarkItem[]): void {
    for (const child of markLayer.removeChildren()) child.destroy();
    markPlaced.length = 0;
    markCount.symbols = markCount.lines = markCount.labels = 0;
    for (const m of items) {
      const alpha = m.draft ? 0.65 : 1;
      if (m.kind === 'symbol') {
        place(markLayer, markPlaced, symbol({ family: m.family, frame: m.frame, color: m.color, size: 2 * m.r, glyph: m.glyph }), m.x, m.y).sprite.alpha = alpha;
        markCount.symbols++;
      } else if (m.kind !== 'note' && m.points.length >= 4) markCount.lines++;
      if (m.label) {
        const l = m.label;
        place(markLayer, markPlaced, label(l.text, m.kind === 'note' ? LABEL_NOTE : LABEL_MARK), l.x, l.y, 0, l.dy, 0.5, l.anchorY).sprite.alpha = alpha;
        markCount.labels++;
      }
    }
    dirty.marks = true;
  }

  function drawLines(): void {
    if (!vm) return;
    const px = 1 / scale;
    if (dirty.routes) drawRoutes(px);
    if (dirty.moves) drawMoves(px);
    if (dirty.links) drawLinks(px);
    if (dirty.marks) drawMarks(px);
    dirty.routes = dirty.moves = dirty.links = dirty.marks = false;
    linesScale = scale;
  }

  function drawRoutes(px: number): void {
    if (!vm) return;
    routes.clear();
    for (const r of vm.routes) {
      const { color, width, dashed } = r.style;
      if (r.state !== 'open') routes.poly(r.points, false).stroke({ color: 0xffffff, width: (width + 2.5) * px, alpha: 0.9, cap: 'round', join: 'round' });
      if (dashed) {
        for (const d of dashes(r.points, 9 * px, 6 * px)) routes.poly(d, false).stroke({ color, width: width * px, cap: 'butt', join: 'round' });
      } else routes.poly(r.points, false).stroke({ color, width: width * px, cap: 'round', join: 'round' });
    }
  }

  function drawMoves(px: number): void {
    if (!vm) return;
    moves.clear();
    let solid = false;
    for (const t of vm.teams) {
      if (t.status === 'on-scene') continue;
      const line = [t.from.x, t.from.y, t.to.x, t.to.y];
      if (t.dashed) for (const d of dashes(line, 7 * px, 5 * px)) moves.moveTo(d[0]!, d[1]!).lineTo(d[2]!, d[3]!);
      else {
        moves.moveTo(line[0]!, line[1]!).lineTo(line[2]!, line[3]!);
        solid = true;
      }
    }
    if (solid || vm.teams.some((t) => t.dashed)) moves.stroke({ color: TEAM_LINE_COLOR, width: 1.6 * px, alpha: 0.75, cap: 'round' });
  }

  function drawLinks(px: number): void {
    if (!vm) return;
    links.clear();
    for (const l of vm.links) {
      const a = arrow(l.a.x + l.a.dx * px, l.a.y + l.a.dy * px, l.b.x + l.b.dx * px, l.b.y + l.b.dy * px, (l.a.r + 3) * px, (l.b.r + 4) * px, 8 * px);
      if (!a) continue;
      links.moveTo(a.line[0], a.line[1]).lineTo(a.line[2], a.line[3]).stroke({ color: CASCADE_COLOR, width: 1.6 * px, alpha: 0.85 });
      links.poly(a.head, true).fill({ color: CASCADE_COLOR, alpha: 0.85 });
    }
  }

  /** Arrows and cordons in one Graphics, each over a white halo; the draft's corners as dots. */
  function drawMarks(px: number): void {
    if (!vm) return;
    markLines.clear();
    for (const m of vm.marks) {
      if (m.kind !== 'arrow' && m.kind !== 'cordon') continue;
      const alpha = m.draft ? 0.65 : 1;
      const { color, width, dashed, dash, gap } = m.style;
      // The shaft stops where the head begins, so its width does not blunt the point.
      const h = m.head;
      const line = h ? [...m.points.slice(0, -2), h.x + h.base[0] * px, h.y + h.base[1] * px] : m.points;
      if (line.length >= 4) {
        markLines.poly(line, false).stroke({ color: 0xffffff, width: (width + 2.5) * px, alpha: 0.85 * alpha, cap: 'round', join: 'round' });
        if (dashed) for (const d of dashes(line, dash * px, gap * px)) markLines.poly(d, false).stroke({ color, width: width * px, alpha, cap: 'butt', join: 'round' });
        else markLines.poly(line, false).stroke({ color, width: width * px, alpha, cap: 'round', join: 'round' });
      }
      if (h) markLines.poly([h.x, h.y, h.x + h.left[0] * px, h.y + h.left[1] * px, h.x + h.right[0] * px, h.y + h.right[1] * px], true).fill({ color, alpha });
      if (m.draft) for (let i = 0; i + 1 < m.points.length - (m.style.closed ? 2 : 0); i += 2) markLines.circle(m.points[i]!, m.points[i + 1]!, 3.5 * px).fill({ color });
    }
  }

  // ── the frame ─────────────────────────────────────────────────────────────
  function tick(): void {
    const start = performance.now();
    if (zoomDirty) {
      for (const p of staticPlaced) setPlaced(p);
      for (const p of incidentPlaced) setPlaced(p);
      for (const p of pulses) setPlaced(p);
      for (const t of teamSprites.values()) setPlaced(t);
      for (const p of markPlaced) setPlaced(p);
      zoomDirty = false;
      if (linesScale === 0 || Math.max(scale / linesScale, linesScale / scale) >= ZOOM_STEP) dirty.routes = dirty.moves = dirty.links = dirty.marks = true;
    }
    if (dirty.routes || dirty.moves || dirty.links || dirty.marks) drawLines();
    for (const t of teamSprites.values()) {
      if (t.x === t.toX && t.y === t.toY) continue;
      needsRender = true;
      const f = t.duration <= 0 ? 1 : Math.min(1, (start - t.t0) / t.duration);
      t.x = t.fromX + (t.toX - t.fromX) * f;
      t.y = t.fromY + (t.toY - t.fromY) * f;
      t.sprite.position.set(t.x + t.dx / scale, t.y + t.dy / scale);
    }
    if (pulses.length > 0) {
      needsRender = true;
      const phase = (start % PULSE_PERIOD_MS) / PULSE_PERIOD_MS;
      const s = (0.55 + 0.75 * phase) / scale;
      const alpha = 0.9 * (1 - phase);
      for (const p of pulses) {
        p.sprite.scale.set(s);
        p.sprite.alpha = alpha;
      }
    }
    atlas.flush();
    counters.tickMs = performance.now() - start;
  }

  // ── pan and zoom ──────────────────────────────────────────────────────────
  const applyView = () => {
    world.position.set(tx, ty);
    world.scale.set(scale);
    zoomDirty = true;
    needsRender = true;
  };
  /** The scale at which the whole region fits: zoom limits are relative to it. */
  const fitScale = () => {
    const p = builtStatic?.projection;
    if (!p) return 1;
    return Math.min(app.screen.width / p.width, app.screen.height / p.height) * 0.97;
  };
  /** Shows where the drill happens (the view model's focus box), or the whole region. */
  function fit(whole = false): void {
    const s = builtStatic;
    if (!s) return;
    const box = whole ? { x0: 0, y0: 0, x1: s.projection.width, y1: s.projection.height } : s.focus;
    const w = Math.max(1, box.x1 - box.x0);
    const h = Math.max(1, box.y1 - box.y0);
    scale = Math.min(app.screen.width / w, app.screen.height / h) * 0.95;
    tx = app.screen.width / 2 - ((box.x0 + box.x1) / 2) * scale;
    ty = app.screen.height / 2 - ((box.y0 + box.y1) / 2) * scale;
    userMoved = false;
    applyView();
  }
  function zoomAt(sx: number, sy: number, factor: number): void {
    const next = Math.min(fitScale() * MAX_ZOOM, Math.max(fitScale() * 0.5, scale * factor));
    const mx = (sx - tx) / scale;
    const my = (sy - ty) / scale;
    scale = next;
    tx = sx - mx * scale;
    ty = sy - my * scale;
    userMoved = true;
    applyView();
  }
  const local = (e: PointerEvent | WheelEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const pick = (sx: number, sy: number): Hit | undefined => (vm ? hitTest(vm, (sx - tx) / scale, (sy - ty) / scale, scale) : undefined);

  let drag: { id: number; x: number; y: number; tx: number; ty: number; moved: boolean } | null = null;
  let hovered = '';
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const at = local(e);
    drag = { id: e.pointerId, x: at.x, y: at.y, tx, ty, moved: false };
    canvas.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const at = local(e);
    if (drag && drag.id === e.pointerId) {
      if (!drag.moved && Math.hypot(at.x - drag.x, at.y - drag.y) > 4) drag.moved = true;
      if (drag.moved) {
        tx = drag.tx + at.x - drag.x;
        ty = drag.ty + at.y - drag.y;
        userMoved = true;
        world.position.set(tx, ty);
        needsRender = true;
        overlay.tooltip(null);
        return;
      }
    }
    const hit = pick(at.x, at.y);
    const key = hit ? `${hit.kind}:${hit.id}` : '';
    if (hit && vm) overlay.tooltip(describeHit(vm, hit), at.x, at.y);
    else overlay.tooltip(null);
    canvas.style.cursor = pointListener ? 'crosshair' : hit && hit.kind !== 'county' ? 'pointer' : 'grab';
    if (key !== hovered) {
      hovered = key;
      options.onHover?.(hit ? { kind: hit.kind, id: hit.id } : null);
    }
  };
  const onPointerUp = (e: PointerEvent) => {
    if (!drag || drag.id !== e.pointerId) return;
    const wasClick = !drag.moved;
    drag = null;
    canvas.releasePointerCapture?.(e.pointerId);
    if (!wasClick) return;
    const at = local(e);
    if (pointListener) {
      pointListener((at.x - tx) / scale, (at.y - ty) / scale);
      return;
    }
    const hit = pick(at.x, at.y);
    options.onSelect?.(hit ? { kind: hit.kind, id: hit.id } : null);
  };
  const onLeave = () => {
    overlay.tooltip(null);
    if (hovered) options.onHover?.(null);
    hovered = '';
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const at = local(e);
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    zoomAt(at.x, at.y, Math.exp(-delta * 0.0015));
  };
  canvas.addEventListener('pointerdown', onPointerDown);
  canvas.addEventListener('pointermove', onPointerMove);
  canvas.addEventListener('pointerup', onPointerUp);
  canvas.addEventListener('pointercancel', onPointerUp);
  canvas.addEventListener('pointerleave', onLeave);
  canvas.addEventListener('wheel', onWheel, { passive: false });

  function resize(): void {
    const w = Math.max(1, container.clientWidth);
    const h = Math.max(1, container.clientHeight);
    if (w === app.screen.width && h === app.screen.height) return;
    const cx = (app.screen.width / 2 - tx) / scale;
    const cy = (app.screen.height / 2 - ty) / scale;
    app.renderer.resize(w, h);
    needsRender = true;
    if (!userMoved) fit();
    else centreOn(cx, cy);
  }
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => resize()) : null;
  observer?.observe(container);

  function centreOn(x: number, y: number, next = scale): void {
    scale = next;
    tx = app.screen.width / 2 - x * scale;
    ty = app.screen.height / 2 - y * scale;
    userMoved = true;
    applyView();
  }

  function stats(): MapViewStats {
    return {
      renderer: gl ? 'webgl' : String((app.renderer as { name?: string }).name ?? 'other'),
      frames: counters.frames,
      drawCalls: counters.drawCalls,
      updateMs: counters.updateMs,
      tickMs: counters.tickMs,
      frameMs: counters.frameMs,
      sprites: { incidents: incidentPlaced.length, teams: teamSprites.size, pulses: pulses.length, facilities: facilityLayer.children.length },
      marks: { ...markCount },
      atlas: { textures: atlas.size, pages: atlas.pageCount },
      scale,
    };
  }

  return {
    canvas,
    setLabelScale(scale: number) {
      if (scale === labelScale) return;
      labelScale = scale;
      if (builtStatic) buildStatic(builtStatic);
    },
    update(next: MapViewModel) {
      updatedOnce = true;
      const start = performance.now();
      const prev = vm;
      vm = next;
      if (next.static !== builtStatic) {
        const first = builtStatic === null || builtStatic.projection.width !== next.static.projection.width || builtStatic.key.split(':')[0] !== next.static.key.split(':')[0];
        buildStatic(next.static);
        if (first || !userMoved) fit();
      }
      if (!prev || prev.incidents !== next.incidents) {
        syncIncidents(next.incidents);
        pulseKey = '';
      }
      syncPulses(next.pulsing);
      if (!prev || prev.routes !== next.routes) dirty.routes = true;
      if (!prev || prev.links !== next.links) dirty.links = true;
      const rebuildTeams = !prev || prev.teamsKey !== next.teamsKey;
      if (lastUpdateAt > 0) updateGap = Math.min(1000, Math.max(50, start - lastUpdateAt));
      lastUpdateAt = start;
      syncTeams(next.teams, rebuildTeams);
      if (!prev || prev.marks !== next.marks) syncMarks(next.marks);
      canvas.setAttribute('aria-label', describeMap(next));
      needsRender = true;
      counters.updateMs = performance.now() - start;
    },
    resize,
    destroy() {
      observer?.disconnect();
      canvas.removeEventListener('pointerdown', onPointerDown);
      canvas.removeEventListener('pointermove', onPointerMove);
      canvas.removeEventListener('pointerup', onPointerUp);
      canvas.removeEventListener('pointercancel', onPointerUp);
      canvas.removeEventListener('pointerleave', onLeave);
      canvas.removeEventListener('wheel', onWheel);
      overlay.destroy();
      app.destroy({ removeView: true }, { children: true });
      atlas.destroy();
    },
    stats,
    fit,
    centreOn,
    toScreen: (x, y) => ({ x: tx + x * scale, y: ty + y * scale }),
    pointMode(listener) {
      pointListener = listener;
      canvas.style.cursor = listener ? 'crosshair' : 'grab';
    },
    onFrame(after, before) {
      frameListener = after;
      beforeFrame = after ? before : undefined;
    },
  };
}
