// Symbol and label textures, drawn once with the canvas 2D API (system fonts, so Chinese glyphs need
// no web font) into a shared atlas: thousands of map symbols become sprites cut from a few pages,
// which Pixi batches into a handful of draw calls.
import { CanvasSource, Rectangle, Texture } from 'pixi.js';
import { hex, type Family, type Frame } from './symbols.ts';

/** System fonts that carry CJK glyphs on Windows, macOS, Linux (Noto CJK) and Android. */
export const MAP_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

const PAGE = 1024;
const PAD = 2;

interface Page {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  source: CanvasSource;
  x: number;
  y: number;
  rowH: number;
  dirty: boolean;
}

export class SymbolAtlas {
  private readonly pages: Page[] = [];
  private readonly textures = new Map<string, Texture>();

  constructor(private readonly resolution = 2) {}

  get size(): number {
    return this.textures.size;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  /** The texture for `key`, drawing it with `draw` (in logical pixels, w × h) the first time. */
  get(key: string, w: number, h: number, draw: (ctx: CanvasRenderingContext2D) => void): Texture {
    const hit = this.textures.get(key);
    if (hit) return hit;
    const cw = Math.ceil(w);
    const ch = Math.ceil(h);
    let page = this.pages.at(-1);
    if (!page || !this.fits(page, cw, ch)) page = this.newPage();
    if (page.x + cw + PAD > PAGE) {
      page.x = PAD;
      page.y += page.rowH + PAD;
      page.rowH = 0;
    }
    const r = this.resolution;
    page.ctx.save();
    page.ctx.translate(page.x * r, page.y * r);
    page.ctx.scale(r, r);
    page.ctx.beginPath();
    page.ctx.rect(0, 0, cw, ch);
    page.ctx.clip();
    draw(page.ctx);
    page.ctx.restore();
    const texture = new Texture({ source: page.source, frame: new Rectangle(page.x, page.y, cw, ch) });
    page.x += cw + PAD;
    page.rowH = Math.max(page.rowH, ch);
    page.dirty = true;
    this.textures.set(key, texture);
    return texture;
  }

  /** Uploads pages drawn on since the last call; call once before rendering. */
  flush(): void {
    for (const p of this.pages) {
      if (!p.dirty) continue;
      p.source.update();
      p.dirty = false;
    }
  }

  destroy(): void {
    for (const t of this.textures.values()) t.destroy(false);
    for (const p of this.pages) p.source.destroy();
    this.textures.clear();
    this.pages.length = 0;
  }

  private fits(page: Page, w: number, h: number): boolean {
    const x = page.x + w + PAD > PAGE ? PAD : page.x;
    const y = page.x + w + PAD > PAGE ? page.y + page.rowH + PAD : page.y;
    return x + w + PAD <= PAGE && y + h + PAD <= PAGE;
  }

  private newPage(): Page {
    const canvas = document.createElement('canvas');
    canvas.width = PAGE * this.resolution;
    canvas.height = PAGE * this.resolution;
    const ctx = canvas.getContext('2d')!;
    const source = new CanvasSource({ resource: canvas, resolution: this.resolution });
    const page: Page = { canvas, ctx, source, x: PAD, y: PAD, rowH: 0, dirty: true };
    this.pages.push(page);
    return page;
  }
}

/** Darker shades for glyphs inside the frames, readable on white. */
const GLYPH_COLOR: Readonly<Record<Family, string>> = {
  incident: '#a30000',
  hazard: '#5a4500',
  protected: '#123f86',
  resource: '#0c5424',
};

export interface FrameSymbol {
  family: Family;
  frame: Frame;
  color: number;
  /** Side of the frame, logical px. */
  size: number;
  glyph: string;
  /** Filled with the frame colour and a white glyph (moving forces), instead of white with a coloured glyph. */
  solid?: boolean;
  /** Greyed (a contained incident). */
  dimmed?: boolean;
  /** A small disc at the top right with this text (severity, team count). */
  badge?: string;
}

/** Margin around the frame in a symbol texture, room for the badge; the texture's centre is the frame's. */
export const SYMBOL_MARGIN = 6;

export function frameSymbolKey(s: FrameSymbol): string {
  return `f:${s.family}:${s.frame}:${s.color}:${s.size}:${s.glyph}:${s.solid ? 1 : 0}:${s.dimmed ? 1 : 0}:${s.badge ?? ''}`;
}

export function drawFrameSymbol(ctx: CanvasRenderingContext2D, s: FrameSymbol): void {
  const m = SYMBOL_MARGIN;
  const size = s.size;
  const color = s.dimmed ? '#9a9a9a' : hex(s.color);
  const line = Math.max(2, size * 0.13);
  const x = m + line / 2;
  const y = m + line / 2;
  const w = size - line;
  const radius = s.frame === 'rounded' ? size * 0.3 : 1;
  ctx.beginPath();
  ctx.roundRect(x, y, w, w, radius);
  ctx.fillStyle = s.solid ? color : s.dimmed ? '#eeeeee' : '#ffffff';
  ctx.fill();
  ctx.lineWidth = line + 1.4;
  ctx.strokeStyle = 'rgba(40,40,40,0.75)';
  ctx.stroke();
  ctx.lineWidth = line;
  ctx.strokeStyle = color;
  ctx.stroke();
  if (s.glyph) {
    const latin = /^[\x20-\x7e]+$/.test(s.glyph);
    const fontSize = latin ? (s.glyph.length > 1 ? size * 0.42 : size * 0.55) : size * 0.58;
    ctx.font = `700 ${fontSize.toFixed(1)}px ${MAP_FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = s.solid ? '#ffffff' : s.dimmed ? '#808080' : GLYPH_COLOR[s.family];
    ctx.fillText(s.glyph, m + size / 2, m + size / 2 + fontSize * 0.04, w - 1);
  }
  if (s.badge) {
    const r = 5.5;
    const cx = m + size - 1;
    const cy = m + 1;
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.fillStyle = s.dimmed ? '#8a8a8a' : s.family === 'incident' ? '#7a0000' : '#0c5424';
    ctx.fill();
    ctx.lineWidth = 1.2;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.font = `700 8px ${MAP_FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#ffffff';
    ctx.fillText(s.badge, cx, cy + 0.5, 2 * r);
  }
}

export interface LabelStyle {
  size: number;
  weight: number;
  color: string;
  halo: string;
}

export const LABEL_SETTLEMENT: LabelStyle = { size: 12, weight: 600, color: '#1d1d1d', halo: 'rgba(255,255,255,0.92)' };
export const LABEL_TOWN: LabelStyle = { size: 11, weight: 500, color: '#2b2b2b', halo: 'rgba(255,255,255,0.9)' };
export const LABEL_COUNTY: LabelStyle = { size: 14, weight: 600, color: 'rgba(70,76,86,0.85)', halo: 'rgba(255,255,255,0.7)' };
export const LABEL_ZONE: LabelStyle = { size: 15, weight: 800, color: '#8a3b00', halo: 'rgba(255,255,255,0.9)' };
/** The grid's degree labels (no basemap): small and grey, behind everything the drill shows [E]. */
export const LABEL_GRID: LabelStyle = { size: 11, weight: 400, color: 'rgba(70,76,86,0.75)', halo: 'rgba(255,255,255,0.7)' };
/** Words of plotted marks: red like the standard's plotted lines; a note a little larger. */
export const LABEL_MARK: LabelStyle = { size: 12, weight: 700, color: '#9e0f12', halo: 'rgba(255,255,255,0.95)' };
export const LABEL_NOTE: LabelStyle = { size: 13, weight: 700, color: '#7a0a0a', halo: 'rgba(255,255,255,0.95)' };

let measurer: CanvasRenderingContext2D | null = null;
export function measureLabel(text: string, style: LabelStyle): { w: number; h: number } {
  measurer ??= document.createElement('canvas').getContext('2d')!;
  measurer.font = `${style.weight} ${style.size}px ${MAP_FONT}`;
  return { w: Math.ceil(measurer.measureText(text).width) + 6, h: Math.ceil(style.size * 1.45) + 2 };
}

export function drawLabel(ctx: CanvasRenderingContext2D, text: string, style: LabelStyle): void {
  ctx.font = `${style.weight} ${style.size}px ${MAP_FONT}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const y = (style.size * 1.45 + 2) / 2;
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3.2;
  ctx.strokeStyle = style.halo;
  ctx.strokeText(text, 3, y);
  ctx.fillStyle = style.color;
  ctx.fillText(text, 3, y);
}

/** The ring drawn around a new incident, animated by scale and alpha. */
export function drawPulseRing(ctx: CanvasRenderingContext2D, radius: number): void {
  ctx.beginPath();
  ctx.arc(radius + 2, radius + 2, radius, 0, Math.PI * 2);
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#e0201c';
  ctx.stroke();
}
