// The page the browser test drives (served by Vite, opened through a routed URL — see map.test.ts):
// the default scenario (or, with ?scenario=minimal, the minimal one, which names no basemap) played
// by plan bots for `?t=` drill minutes, drawn by mountMap into a fixed
// box (?w=&h=, 1000 × 760 by default) with the drawing buffer kept, so pixels can be read back.
import '../../src/app/map/map-view.ts'; // a static import, so Vite pre-bundles pixi.js before the page asks for it
import haicheng from '../../scenarios/haicheng-m5.8.yaml?raw';
import minimal from '../../scenarios/minimal.yaml?raw';
import { createBots, createExercise, FACILITATOR, playUntil } from '../../src/core/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { mountMap, type MapSelection } from '../../src/app/map/index.ts';

export interface MapLab {
  ready: true;
  epicentre: { x: number; y: number };
  selections: (MapSelection | null)[];
  pixel(x: number, y: number): [number, number, number, number];
  distinctColours(step: number): number;
}

const params = new URLSearchParams(location.search);
const minutes = Number(params.get('t') ?? '40');
const lang = params.get('lang') === 'en' ? 'en' : 'zh';
const file = params.get('scenario') === 'minimal' ? 'scenarios/minimal.yaml' : 'scenarios/haicheng-m5.8.yaml';
const loaded = loadScenario(file.endsWith('minimal.yaml') ? minimal : haicheng, file);
if (!loaded.ok) throw new Error(`${file} does not load`);
const exercise = createExercise({ scenario: loaded.scenario, seed: 1 });
exercise.apply({ t: 0, actor: FACILITATOR, event: { type: 'start' } });
playUntil(exercise, minutes * 60_000, createBots('lab', () => 'plan'));

document.body.style.margin = '0';
const box = document.body.appendChild(document.createElement('div'));
box.style.cssText = `width:${params.get('w') ?? '1000'}px;height:${params.get('h') ?? '760'}px`;
const selections: (MapSelection | null)[] = [];
const map = mountMap(box, { preserveDrawingBuffer: true, onSelect: (s) => selections.push(s) });
map.update({ model: exercise.model, world: exercise.world, lang });
const view = await map.ready;
if (!view) throw new Error('the map did not start');
await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));

const copy = document.createElement('canvas');
const read = () => {
  copy.width = view.canvas.width;
  copy.height = view.canvas.height;
  const ctx = copy.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(view.canvas, 0, 0);
  return ctx;
};
const ratio = () => view.canvas.width / view.canvas.clientWidth;
const lab: MapLab = {
  ready: true,
  get epicentre() {
    const e = map.viewModel!.static.epicentre;
    return view.toScreen(e.x, e.y);
  },
  selections,
  pixel(x, y) {
    const d = read().getImageData(Math.round(x * ratio()), Math.round(y * ratio()), 1, 1).data;
    return [d[0]!, d[1]!, d[2]!, d[3]!];
  },
  distinctColours(step) {
    const ctx = read();
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * step) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  },
};
Object.assign(window, { __lab: lab, __map: map });
