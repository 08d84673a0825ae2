// The shipped scenarios as src/cli/shipped-scenarios.ts turned them into modules at build time, typed:
// each was loaded by src/scenario's loader (and the build fails if one does not load), so its JSON is
// a Scenario and the page trusts it without parsing YAML or checking it again.
import * as built from 'virtual:shipped-scenarios';
import type { Scenario, Text } from '../scenario/schema.ts';
import { downloaded } from './download.ts';

/** What the picker and a log import need to know of a shipped scenario before loading it. */
export interface ShippedFacts {
  /** From the repository root, as the CLI and exported logs name it: scenarios/x.yaml. */
  file: string;
  id: string;
  /** textHash of the file's YAML text (scenario/text-hash.ts). */
  hash: string;
  version: string;
  title: Text;
  nodes: number;
  injects: number;
  decisions: number;
}

/** The scenario without its injects and decisions (null there), for the first screen's briefing. */
export type BuiltBrief = Omit<Scenario, 'injects' | 'decisions'> & { injects: null; decisions: null };

/** The scenario the app opens on a first visit. */
export const DEFAULT_SCENARIO: string = built.DEFAULT_SCENARIO;
export const DEFAULT_BRIEF = built.DEFAULT_BRIEF as BuiltBrief;
/** The default first, then by file name. */
export const FACTS = built.FACTS as readonly ShippedFacts[];
const chunks = <T>(loaders: Readonly<Record<string, () => Promise<unknown>>>) =>
  Object.fromEntries(Object.entries(loaders).map(([file, load]) => [file, downloaded(load as () => Promise<T>)])) as Readonly<Record<string, () => Promise<T>>>;
/** Each file's whole scenario, imported on call (a chunk that does not arrive: a DownloadError). */
export const LOADERS = chunks<Scenario>(built.LOADERS);
/** Each file's YAML text, imported on call (a chunk that does not arrive: a DownloadError). */
export const TEXTS = chunks<string>(built.TEXTS);
/** The basemaps beside the shipped scenarios, by the path `region.basemap.file` names (geo/x.geojson): GeoJSON, imported on call. */
export const BASEMAPS = chunks<unknown>(built.BASEMAPS);
