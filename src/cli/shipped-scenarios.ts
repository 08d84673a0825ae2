// Vite plugin: the scenarios shipped in scenarios/*.yaml are loaded at BUILD time by the same loader
// the CLI and the app use (src/scenario), and a file with a problem fails the build (and the dev
// server) with file:line:column and the message. The page gets them as JSON it can trust — no YAML
// parser, no zod, no lint on the first screen (issue 8, part 3) — split so the first screen carries
// only what the briefing shows:
//   virtual:shipped-scenarios        the list (file, id, version, title, counts) and lazy loaders
//   virtual:shipped-brief/<file>     the scenario without its injects and decisions (≈ 3/4 of it)
//   virtual:shipped-scenario/<file>  the whole scenario (the brief plus injects and decisions)
//   virtual:shipped-text/<file>      the YAML text, which a saved drill keeps to replay against
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadScenario } from '../scenario/load.ts';
import { formatProblem } from '../scenario/problem.ts';
import type { Scenario } from '../scenario/schema.ts';
import { textHash } from '../scenario/text-hash.ts';

export const LIST_ID = 'virtual:shipped-scenarios';
const BRIEF = 'virtual:shipped-brief/';
const FULL = 'virtual:shipped-scenario/';
const TEXT = 'virtual:shipped-text/';
/** The parts of a scenario the briefing does not show, only counts: they load beside the first screen. */
export const LATER = ['injects', 'decisions'] as const;

/** The scenario the app opens on a first visit. */
export const DEFAULT_SCENARIO = 'scenarios/haicheng-m5.8.yaml';

export interface ShippedFile {
  /** From the repository root, as the CLI and exported logs name it: scenarios/x.yaml. */
  file: string;
  text: string;
  scenario: Scenario;
}

/** Every scenarios/*.yaml under `root`, loaded; throws with every problem at file:line:col if one does not load. */
export function loadShipped(root: string, dir = 'scenarios'): ShippedFile[] {
  const names = readdirSync(join(root, dir)).filter((n) => n.endsWith('.yaml')).sort();
  const out: ShippedFile[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const file = `${dir}/${name}`;
    const text = readFileSync(join(root, file), 'utf8');
    const loaded = loadScenario(text, file);
    if (loaded.ok) out.push({ file, text, scenario: loaded.scenario });
    else problems.push(...loaded.problems.map((p) => formatProblem(p)));
  }
  if (problems.length > 0) {
    throw new Error(`a shipped scenario does not load; fix it (or check it with npx quake-drill validate):\n${problems.join('\n')}`);
  }
  return out;
}

/** A JS expression that evaluates to `value`: JSON.parse of a string, which engines parse faster than an object literal. */
const jsonExpr = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

/** The module texts, by virtual id (exported for tests). */
export function shippedModules(files: readonly ShippedFile[], defaultFile = DEFAULT_SCENARIO): Map<string, string> {
  const modules = new Map<string, string>();
  const sorted = [...files].sort((a, b) => Number(b.file === defaultFile) - Number(a.file === defaultFile) || a.file.localeCompare(b.file));
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
    ].join('\n'),
  );
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
  const build = () => (modules ??= shippedModules(loadShipped(root, options.dir), options.defaultFile));
  const isOurs = (id: string) => id === LIST_ID || id.startsWith(BRIEF) || id.startsWith(FULL) || id.startsWith(TEXT);
  return {
    name: 'quake-drill:shipped-scenarios',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      modules = undefined;
      build();
      for (const n of readdirSync(join(root, options.dir ?? 'scenarios'))) if (n.endsWith('.yaml')) this.addWatchFile(join(root, options.dir ?? 'scenarios', n));
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
      // An edited scenario is loaded (and checked) again, and the page reloaded with it.
      if (!file.startsWith(join(root, options.dir ?? 'scenarios')) || !file.endsWith('.yaml')) return undefined;
      modules = undefined;
      for (const m of server.moduleGraph.idToModuleMap.values()) if (m.id?.startsWith('\0') && isOurs(m.id.slice(1))) server.moduleGraph.invalidateModule(m);
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
