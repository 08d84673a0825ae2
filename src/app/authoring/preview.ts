// The authoring view's map preview as plain data: the static part of the map's own view model
// (map/view-model.ts — projection, intensity zones, settlements, facilities, epicentre) and, for the
// chosen time node, the injects delivered in it placed at their incident's place. Drawn as a small SVG
// (preview-view.ts) rather than with the Pixi map: the drill's map shows incidents only once they have
// happened in a world, while the author wants every inject of a node at once, before any drill.
import { buildModel, createExercise } from '../../core/index.ts';
import type { Inject, Scenario } from '../../scenario/schema.ts';
import { pick, type Lang } from '../i18n.ts';
import { project } from '../map/projection.ts';
import { buildMapViewModel } from '../map/view-model.ts';

export interface PreviewPoint {
  id: string;
  name: string;
  x: number;
  y: number;
}

export interface PreviewInject {
  id: string;
  title: string;
  /** Drill time into the node, ms. */
  offsetMs: number;
  /** The inject's incident place, if it has one the scenario places. */
  at: PreviewPoint | null;
  optional: boolean;
}

export interface PreviewModel {
  /** The map's units: the region's bounds fill width × height (map/projection.ts). */
  width: number;
  height: number;
  zones: { roman: string; color: string; points: string }[];
  epicentre: { x: number; y: number };
  settlements: PreviewPoint[];
  facilities: PreviewPoint[];
  nodes: { index: number; id: string; name: string }[];
  /** The chosen node's injects, in delivery order (null node: every inject). */
  injects: PreviewInject[];
}

const css = (color: number) => `#${color.toString(16).padStart(6, '0')}`;

export function previewModel(scenario: Scenario, lang: Lang, node: number | null): PreviewModel {
  const model = buildModel(scenario);
  // A world before anything happened: only the map's static part is read from the view model.
  const { world } = createExercise({ scenario, seed: 0 });
  const { static: s } = buildMapViewModel({ model, world, lang });
  const p = s.projection;
  const ring = (flat: readonly number[]) => {
    const pts: string[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) pts.push(`${flat[i]!.toFixed(1)},${flat[i + 1]!.toFixed(1)}`);
    return pts.join(' ');
  };
  const nodeId = node === null ? null : (scenario.nodes[node]?.id ?? null);
  const placed = (x: Inject): PreviewPoint | null => {
    const place = x.incident?.place;
    const at = place === undefined ? undefined : model.places.get(place);
    if (!at || !x.incident) return null;
    const xy = project(p, at.lat, at.lon);
    return { id: x.incident.id, name: pick(lang, x.incident.name), x: xy.x, y: xy.y };
  };
  const order = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const injects = scenario.injects
    .filter((x) => nodeId === null || x.at.node === nodeId)
    .map((x, i) => ({ x, i }))
    .sort((a, b) => (order.get(a.x.at.node) ?? 0) - (order.get(b.x.at.node) ?? 0) || a.x.at.offset - b.x.at.offset || a.i - b.i)
    .map(({ x }) => ({ id: x.id, title: pick(lang, x.title), offsetMs: x.at.offset, at: placed(x), optional: x.optional }));
  return {
    width: p.width,
    height: p.height,
    zones: s.zones.map((z) => ({ roman: z.roman, color: css(z.color), points: ring(z.ring) })),
    epicentre: { x: s.epicentre.x, y: s.epicentre.y },
    settlements: s.settlements.map((x) => ({ id: x.id, name: x.name, x: x.x, y: x.y })),
    facilities: s.facilities.map((x) => ({ id: x.id, name: x.name, x: x.x, y: x.y })),
    nodes: scenario.nodes.map((n, index) => ({ index, id: n.id, name: pick(lang, n.name) })),
    injects,
  };
}
