// The page plot.test.ts drives (served by Vite through a routed URL, as map-lab.ts): the default
// scenario 20 drill minutes in, its map mounted in a map slot as the app does, and the plot tool
// beside it for the HQ seat; what the tool sends goes to the authority, and both redraw.
import '../../src/app/map/map-view.ts'; // a static import, so Vite pre-bundles pixi.js before the page asks for it
import { render } from 'lit-html';
import text from '../../scenarios/haicheng-m5.8.yaml?raw';
import { createBots, createExercise, FACILITATOR, playUntil, type DrillEvent } from '../../src/core/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { mountMap } from '../../src/app/map/index.ts';
import { plotPanel } from '../../src/app/views/plot-tool.ts';

export interface PlotLab {
  ready: true;
  hq: string;
  /** A facility of the scenario, to put a symbol at by name. */
  facility: { id: string; lat: number; lon: number };
  /** What the authority said to each send. */
  sent: { event: DrillEvent; ok: boolean }[];
  marks(): unknown[];
  /** Pixels of the canvas in the box (CSS px) within `within` of the colour `rgb`. */
  near(box: { x: number; y: number; w: number; h: number }, rgb: [number, number, number], within: number): number;
}

const loaded = loadScenario(text, 'scenarios/haicheng-m5.8.yaml');
if (!loaded.ok) throw new Error('the default scenario does not load');
const exercise = createExercise({ scenario: loaded.scenario, seed: 1 });
exercise.apply({ t: 0, actor: FACILITATOR, event: { type: 'start' } });
playUntil(exercise, 20 * 60_000, createBots('lab', () => 'plan'));
const hq = exercise.model.hq;

document.body.style.margin = '0';
const slot = document.body.appendChild(document.createElement('div'));
slot.dataset.mapSlot = '';
slot.style.cssText = 'width:1000px;height:640px';
const tool = document.body.appendChild(document.createElement('div'));
const map = mountMap(slot, { preserveDrawingBuffer: true });
const sent: PlotLab['sent'] = [];

const draw = () => {
  map.update({ model: exercise.model, world: exercise.world, lang: 'zh', viewer: hq });
  render(plotPanel({ lang: 'zh', model: exercise.model, world: exercise.world, actor: hq, viewer: hq, readOnly: false, send }), tool);
};
function send(event: DrillEvent): boolean {
  const { ok } = exercise.apply({ t: exercise.world.t + 1000, actor: hq, event });
  sent.push({ event, ok });
  draw();
  return ok;
}
draw();
const view = await map.ready;
if (!view) throw new Error('the map did not start');
await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));

const copy = document.createElement('canvas');
const lab: PlotLab = {
  ready: true,
  hq,
  facility: (({ id, lat, lon }) => ({ id, lat, lon }))(loaded.scenario.region.facilities[0]!),
  sent,
  marks: () => Object.values(exercise.world.marks),
  near(box, [r, g, b], within) {
    copy.width = view.canvas.width;
    copy.height = view.canvas.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(view.canvas, 0, 0);
    const k = view.canvas.width / view.canvas.clientWidth;
    const { data } = ctx.getImageData(Math.round(box.x * k), Math.round(box.y * k), Math.max(1, Math.round(box.w * k)), Math.max(1, Math.round(box.h * k)));
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.hypot(data[i]! - r, data[i + 1]! - g, data[i + 2]! - b) <= within) n++;
    return n;
  },
};
Object.assign(window, { __lab: lab, __map: map });
