// Vite plugin: the scenarios shipped in scenarios/*.yaml are loaded at BUILD time by the same loader
// the CLI and the app use (src/scenario), and a file with a problem fails the build (and the dev
// server) with file:line:column and the message. The page gets them as JSON it can trust — no YAML
// parser, no zod, no lint on the first screen (issue 8, part 3) — split so the first screen carries
// only what the briefing shows:
//   virtual:shipped-scenarios        the list (file, id, version, title, counts) and lazy loaders
//   virtual:shipped-brief/<file>     the scenario without its injects and decisions (≈ 3/4 of it)
//   virtual:shipped-scenario/<file>  the whole scenario (the brief plus injects and decisions)
//   virtual:shipped-text/<file>      the YAML text, which a saved drill keeps to replay against
//   virtual:shipped-basemap/<path>   a basemap beside the scenarios (region.basemap.file, e.g.
//                                    geo/anshan-counties.geojson), GeoJSON, loaded when its map is drawn
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Plugin } from 'vite';
import { loadScenario } from '../scenario/load.ts';
import { formatProblem } from '../scenario/problem.ts';
import type { Scenario } from '../scenario/schema.ts';
import { textHash } from '../scenario/text-hash.ts';
import { besideFile } from './read-beside.ts';

export const LIST_ID = 'virtual:shipped-scenarios';
const BRIEF = 'virtual:shipped-brief/';
const FULL = 'virtual:shipped-scenario/';
const TEXT = 'virtual:shipped-text/';
const BASEMAP = 'virtual:shipped-basemap/';
/** The parts of a scenario the briefing does not show, only counts: they load beside the first screen. */
export const LATER = ['injects', 'decisions'] as const;

/** Where a build names the scenario the app opens on a first visit (README, "The start page"). */
const DEFAULT_ENV = 'QUAKE_DRILL_DEFAULT';
const DEFAULT_PACKAGE_KEY = 'quakeDrill.defaultScenario';

export interface ShippedFile {
  /** From the repository root, as the CLI and exported logs name it: scenarios/x.yaml. */
  file: string;
  text: string;
  scenario: Scenario;
  /** Its basemap (region.basemap): the path it names, the scenarios folder's own, and the GeoJSON text, checked. */
  basemap?: { path: string; text: string };
}

/** Every scenarios/*.yaml under `root`, loaded; throws with every problem at file:line:col if one does not load. */
export function loadShipped(root: string, dir = 'scenarios'): ShippedFile[] {
  const names = readdirSync(join(root, dir)).filter((n) => n.endsWith('.yaml')).sort();
  const out: ShippedFile[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const file = `${dir}/${name}`;
    const text = readFileSync(join(root, file), 'utf8');
    const readBeside = besideFile(join(root, file));
    const loaded = loadScenario(text, file, { readBeside });
    // The loader checked the basemap file is there and is one: the build carries it beside the scenario.
    const named = loaded.ok ? loaded.scenario.region.basemap?.file : undefined;
    if (loaded.ok) out.push({ file, text, scenario: loaded.scenario, ...(named ? { basemap: { path: posix.normalize(named), text: readBeside(named)! } } : {}) });
    else problems.push(...loaded.problems.map((p) => formatProblem(p)));
  }
  if (problems.length > 0) {
    throw new Error(`a shipped scenario does not load; fix it (or check it with npx quake-drill validate):\n${problems.join('\n')}`);
  }
  return out;
}

/**
 * The scenario the app opens on a first visit (a trainer may make another its start page in the
 * picker): `QUAKE_DRILL_DEFAULT=scenarios/x.yaml` for one build or dev server, else package.json's
 * `"quakeDrill": { "defaultScenario": "scenarios/x.yaml" }`, else the first shipped file by name.
 * One that names no shipped file stops the build, saying where it was named and what is shipped.
 */
export function configuredDefault(root: string, files: readonly Pick<ShippedFile, 'file'>[], env: Readonly<Record<string, string | undefined>> = process.env): string {
  const names = files.map((f) => f.file);
  const fromEnv = env[DEFAULT_ENV]?.trim();
  const [named, where] = fromEnv ? [fromEnv, `the environment variable ${DEFAULT_ENV}`] : [packageDefault(root), `package.json "${DEFAULT_PACKAGE_KEY}"`];
  if (named === undefined) {
    if (names.length === 0) throw new Error('no scenarios/*.yaml to ship: the app needs at least one scenario');
    return [...names].sort()[0]!;
  }
  // Written with or without the folder, as the CLI takes it.
  const file = names.find((n) => n === named || n === `scenarios/${named}` || n === named.replace(/^\.\//, ''));
  if (file === undefined) throw new Error(`${where} names ${JSON.stringify(named)}, which is not a shipped scenario: use one of ${names.join(', ')}`);
  return file;
}

/** package.json's quakeDrill.defaultScenario, if it names one; a value of another type stops the build. */
function packageDefault(root: string): string | undefined {
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  } catch {
    return undefined; // no package.json of its own (a test's folder): the first file
  }
  const value = (pkg as { quakeDrill?: { defaultScenario?: unknown } } | null)?.quakeDrill?.defaultScenario;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new Error(`package.json "${DEFAULT_PACKAGE_KEY}" must be a scenario file name such as "scenarios/haicheng-m5.8.yaml", not ${JSON.stringify(value)}`);
  return value;
}

/** A JS expression that evaluates to `value`: JSON.parse of a string, which engines parse faster than an object literal. */
const jsonExpr = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

/** The module texts, by virtual id (exported for tests). */
export function shippedModules(files: readonly ShippedFile[], defaultFile = [...files.map((f) => f.file)].sort()[0]!): Map<string, string> {
  const modules = new Map<string, string>();
  const sorted = [...files].sort((a, b) => Number(b.file === defaultFile) - Number(a.file === defaultFile) || a.file.localeCompare(b.file));
  const basemaps = new Map(sorted.flatMap(({ basemap }) => (basemap ? [[basemap.path, basemap.text] as const] : [])));
  const list = sorted.map(({ file, text, scenario: s }) => ({
    file,
    // A saved drill whose text has this hash is restored from the JSON, without the YAML loader.
    hash: textHash(text),
    id: s.meta.id,
    version: s.meta.version,
    title: s.meta.title,
    nodes: s.nodes.length,
    injects: s.injects.length,
    decisions: s.decisions.length,
  }));
  modules.set(
    LIST_ID,
    [
      // The default's brief is on the first screen; everything else is a chunk of its own, loaded on use.
      `export { default as DEFAULT_BRIEF } from ${JSON.stringify(BRIEF + defaultFile)};`,
      `export const DEFAULT_SCENARIO = ${JSON.stringify(defaultFile)};`,
      `export const FACTS = ${JSON.stringify(list)};`,
      `export const LOADERS = {${sorted.map(({ file }) => `${JSON.stringify(file)}: () => import(${JSON.stringify(FULL + file)}).then((m) => m.default)`).join(', ')}};`,
      `export const TEXTS = {${sorted.map(({ file }) => `${JSON.stringify(file)}: () => import(${JSON.stringify(TEXT + file)}).then((m) => m.default)`).join(', ')}};`,
      `export const BASEMAPS = {${[...basemaps.keys()].map((path) => `${JSON.stringify(path)}: () => import(${JSON.stringify(BASEMAP + path)}).then((m) => m.default)`).join(', ')}};`,
    ].join('\n'),
  );
  // One chunk per basemap file, however many scenarios name it; minified (the file keeps a feature a line).
  for (const [path, text] of basemaps) modules.set(BASEMAP + path, `export default ${jsonExpr(JSON.parse(text))};`);
  for (const { file, text, scenario } of sorted) {
    // The brief keeps every key in its place (the later parts as null), so the whole scenario's keys
    // come in the order the loader gave them.
    const brief = Object.fromEntries(Object.entries(scenario).map(([k, v]) => [k, (LATER as readonly string[]).includes(k) ? null : v]));
    const later = Object.fromEntries(LATER.map((k) => [k, scenario[k]]));
    modules.set(BRIEF + file, `export default ${jsonExpr(brief)};`);
    modules.set(FULL + file, `import brief from ${JSON.stringify(BRIEF + file)};\nexport default { ...brief, ...${jsonExpr(later)} };`);
    modules.set(TEXT + file, `export default ${JSON.stringify(text)};`);
  }
  return modules;
}

export function shippedScenarios(options: { dir?: string; defaultFile?: string } = {}): Plugin {
  let root = process.cwd();
  let modules: Map<string, string> | undefined;
  const build = () => {
    if (modules) return modules;
    const files = loadShipped(root, options.dir);
    return (modules = shippedModules(files, options.defaultFile ?? configuredDefault(root, files)));
  };
  const isOurs = (id: string) => id === LIST_ID || id.startsWith(BRIEF) || id.startsWith(FULL) || id.startsWith(TEXT) || id.startsWith(BASEMAP);
  return {
    name: 'quake-drill:shipped-scenarios',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      modules = undefined;
      build();
      for (const n of readdirSync(join(root, options.dir ?? 'scenarios'))) if (n.endsWith('.yaml')) this.addWatchFile(join(root, options.dir ?? 'scenarios', n));
      for (const id of build().keys()) if (id.startsWith(BASEMAP)) this.addWatchFile(join(root, options.dir ?? 'scenarios', id.slice(BASEMAP.length)));
    },
    resolveId(id) {
      return isOurs(id) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith('\0') || !isOurs(id.slice(1))) return undefined;
      const code = build().get(id.slice(1));
      if (code === undefined) this.error(`no shipped scenario ${id.slice(1)}`);
      return code;
    },
    handleHotUpdate({ file, server }) {
      // An edited scenario (or basemap) is loaded (and checked) again, and the page reloaded with it.
      if (!file.startsWith(join(root, options.dir ?? 'scenarios')) || !/\.(yaml|geojson)$/.test(file)) return undefined;
      modules = undefined;
      for (const m of server.moduleGraph.idToModuleMap.values()) if (m.id?.startsWith('\0') && isOurs(m.id.slice(1))) server.moduleGraph.invalidateModule(m);
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
