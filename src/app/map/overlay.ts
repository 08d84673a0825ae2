// The map's DOM overlay: the hover tooltip, the legend (intensity degrees, the four GB/T 35649
// symbol families, line styles, the basemap's source), the zoom buttons and the basemap's attribution. Plain DOM with textContent, so scenario text
// is never parsed as HTML.
import { hex, type Frame } from './symbols.ts';
import type { Description } from './describe.ts';
import type { Legend } from './view-model.ts';

export interface Overlay {
  tooltip(d: Description | null, x?: number, y?: number): void;
  legend(legend: Legend): void;
  destroy(): void;
}

const STYLE_ID = 'quake-drill-map-style';
const CSS = `
.qd-map-tip{position:absolute;z-index:3;pointer-events:none;max-width:280px;padding:6px 9px;border-radius:6px;background:rgba(255,255,255,.97);box-shadow:0 2px 10px rgba(0,0,0,.25);font:13px/1.45 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#222}
.qd-map-tip b{display:block;font-size:14px;margin-bottom:2px}
.qd-map-legend{position:absolute;z-index:2;left:8px;bottom:8px;max-width:260px;max-height:calc(100% - 16px);overflow:auto;padding:6px 9px;border-radius:6px;background:rgba(255,255,255,.93);box-shadow:0 1px 6px rgba(0,0,0,.2);font:12px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#222}
.qd-map-legend summary{cursor:pointer;font-weight:700}
.qd-map-legend h4{margin:6px 0 2px;font-size:12px}
.qd-map-legend ul{list-style:none;margin:0;padding:0}
.qd-map-legend li{display:flex;align-items:center;gap:6px}
.qd-map-legend .sw{flex:none;display:inline-block;width:14px;height:14px;box-sizing:border-box}
.qd-map-legend .note{margin:6px 0 0;color:#555;font-size:11px}
.qd-map-attrib{position:absolute;z-index:2;right:0;bottom:0;max-width:60%;padding:1px 5px;background:rgba(255,255,255,.8);font:10px/1.4 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#444;pointer-events:none}
.qd-map-zoom{position:absolute;z-index:2;right:8px;top:8px;display:flex;flex-direction:column;gap:4px}
.qd-map-zoom button{width:30px;height:30px;border:1px solid #999;border-radius:4px;background:#fff;font:16px/1 system-ui,sans-serif;cursor:pointer}
`;

export function createOverlay(container: HTMLElement, options: { legend: boolean; onZoom: (factor: number) => void; onFit: () => void; onWhole: () => void }): Overlay {
  const doc = container.ownerDocument;
  if (!doc.getElementById(STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = CSS;
    doc.head.append(style);
  }
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string) => {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const tip = el('div', 'qd-map-tip');
  tip.hidden = true;
  tip.setAttribute('role', 'tooltip');
  const legendBox = el('details', 'qd-map-legend');
  legendBox.open = container.clientWidth >= 1100 && container.clientHeight >= 640;
  legendBox.hidden = !options.legend;
  const zoom = el('div', 'qd-map-zoom');
  zoom.hidden = !options.legend;
  // The basemap's licence stays in view, as a web map's attribution does, while the legend may be closed.
  const attribution = el('div', 'qd-map-attrib');
  attribution.hidden = true;
  const buttons: Record<keyof Legend['controls'], HTMLButtonElement> = {} as never;
  const button = (name: keyof Legend['controls'], text: string, action: () => void) => {
    const b = el('button', undefined, text);
    b.type = 'button';
    b.addEventListener('click', action);
    zoom.append(b);
    buttons[name] = b;
  };
  button('zoomIn', '+', () => options.onZoom(1.5));
  button('zoomOut', '−', () => options.onZoom(1 / 1.5));
  button('focus', '◎', () => options.onFit());
  button('whole', '⤢', () => options.onWhole());
  container.append(legendBox, zoom, attribution, tip);

  const swatch = (color: number, frame?: Frame | 'fill', alpha = 1) => {
    const s = el('span', 'sw');
    if (frame === 'fill' || frame === undefined) {
      s.style.background = hex(color);
      s.style.opacity = String(alpha);
      s.style.border = '1px solid rgba(0,0,0,.25)';
    } else {
      s.style.border = `3px solid ${hex(color)}`;
      s.style.background = '#fff';
      s.style.borderRadius = frame === 'rounded' ? '4px' : '1px';
      s.style.outline = '1px solid rgba(40,40,40,.6)';
    }
    return s;
  };
  const ring = () => {
    const s = el('span', 'sw');
    s.style.border = '2px solid #e0201c';
    s.style.borderRadius = '50%';
    return s;
  };
  const lineSwatch = (color: number, width: number, dashed: boolean, arrowHead: boolean) => {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = doc.createElementNS(ns, 'svg');
    svg.setAttribute('width', '22');
    svg.setAttribute('height', '10');
    svg.setAttribute('aria-hidden', 'true');
    const line = doc.createElementNS(ns, 'line');
    line.setAttribute('x1', '1');
    line.setAttribute('y1', '5');
    line.setAttribute('x2', arrowHead ? '15' : '21');
    line.setAttribute('y2', '5');
    line.setAttribute('stroke', hex(color));
    line.setAttribute('stroke-width', String(width));
    if (dashed) line.setAttribute('stroke-dasharray', '4 3');
    svg.append(line);
    if (arrowHead) {
      const head = doc.createElementNS(ns, 'polygon');
      head.setAttribute('points', '21,5 14,1.5 14,8.5');
      head.setAttribute('fill', hex(color));
      svg.append(head);
    }
    return svg;
  };

  return {
    tooltip(d, x = 0, y = 0) {
      if (!d) {
        tip.hidden = true;
        return;
      }
      const title = el('b', undefined, d.title);
      tip.replaceChildren(title, ...d.lines.filter(Boolean).map((line) => el('div', undefined, line)));
      tip.hidden = false;
      const w = container.clientWidth;
      const h = container.clientHeight;
      const left = x + 14 + tip.offsetWidth > w ? Math.max(0, x - 14 - tip.offsetWidth) : x + 14;
      const top = y + 14 + tip.offsetHeight > h ? Math.max(0, y - 14 - tip.offsetHeight) : y + 14;
      tip.style.left = `${left}px`;
      tip.style.top = `${top}px`;
    },
    legend(legend) {
      const list = (items: HTMLElement[]) => {
        const ul = el('ul');
        ul.append(...items);
        return ul;
      };
      const row = (sw: Element, text: string) => {
        const li = el('li');
        li.append(sw, el('span', undefined, text));
        return li;
      };
      const star = el('span', 'sw', '☆');
      star.style.color = '#c40000';
      star.style.fontWeight = '700';
      star.style.lineHeight = '14px';
      legendBox.replaceChildren(
        el('summary', undefined, legend.title),
        el('h4', undefined, legend.intensityTitle),
        list([...legend.intensity.map((i) => row(swatch(i.color, 'fill', 0.8), i.label)), row(star, legend.epicentre)]),
        el('h4', undefined, legend.symbolsTitle),
        list([
          ...legend.families.map((f) => row(swatch(f.color, f.frame), `${f.code} ${f.label}`)),
          row(ring(), legend.newIncident),
          row(swatch(0x9a9a9a, 'rounded'), legend.contained),
        ]),
        el('h4', undefined, legend.linesTitle),
        list(legend.lines.map((l) => row(lineSwatch(l.color, l.width, l.dashed, l.arrow), l.label))),
        el('p', 'note', legend.basemap),
        ...(legend.attribution ? [el('p', 'note', legend.attribution)] : []),
        el('p', 'note', legend.hint),
      );
      attribution.textContent = legend.attribution ?? '';
      attribution.hidden = !legend.attribution;
      for (const [name, b] of Object.entries(buttons) as [keyof Legend['controls'], HTMLButtonElement][]) {
        b.setAttribute('aria-label', legend.controls[name]);
        b.title = legend.controls[name];
      }
    },
    destroy() {
      tip.remove();
      legendBox.remove();
      zoom.remove();
      attribution.remove();
    },
  };
}
