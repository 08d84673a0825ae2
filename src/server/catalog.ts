// The drills a server holds as the host makes them: a new drill from a shipped scenario, or an
// offline drill's log uploaded (log-download.ts), and each drill's scenario loaded once per process.
import { randomBytes, randomInt } from 'node:crypto';
import { basename } from 'node:path';
import { loadShipped, type ShippedFile } from '../cli/shipped-scenarios.ts';
import type { Scenario } from '../scenario/index.ts';
import { importLog, logFileOf } from './log-download.ts';
import { scenarioOf, type StoredDrill, type Store } from './storage.ts';

/** Ids are file names too (links/<drill>.json) and URL parts: the app's `<scenario id>-<hex>` and nothing stranger. */
export const isDrillId = (x: string): boolean => /^[A-Za-z0-9][A-Za-z0-9_.-]{0,119}$/.test(x) && !x.includes('..');

export type Made = { ok: true; drill: StoredDrill; scenario: Scenario } | { ok: false; reason: string };

export interface Catalog {
  /** The shipped scenario files, as `scenarios/<name>.yaml`. */
  shipped(): string[];
  scenarioOf(drill: StoredDrill): Scenario;
  create(name: string, seed: number | undefined, now: Date): Made;
  upload(text: string, now: Date): Promise<Made>;
  /** The drill as its log file; `t`: a live room's clock. */
  download(drill: StoredDrill, t: number | undefined): string;
}

/** `root`: the folder holding scenarios/ (the package's). */
export function openCatalog(store: Store, root: string): Catalog {
  const files: readonly ShippedFile[] = loadShipped(root);
  const loaded = new Map<string, Scenario>();
  const scenario = (d: StoredDrill) => {
    let s = loaded.get(d.drill);
    if (!s) loaded.set(d.drill, (s = scenarioOf(d)));
    return s;
  };
  return {
    shipped: () => files.map((f) => f.file),
    scenarioOf: scenario,
    create(name, seed, now) {
      // By its name with or without `scenarios/`: nothing outside that folder.
      const shipped = files.find((f) => f.file === name || basename(f.file) === name);
      if (!shipped) return { ok: false, reason: `no shipped scenario '${name.slice(0, 80)}': one of ${files.map((f) => f.file).join(', ')}` };
      const drill: StoredDrill = {
        drill: `${shipped.scenario.meta.id}-${randomBytes(6).toString('hex')}`,
        file: shipped.file,
        scenario: shipped.text,
        seed: seed ?? randomInt(1, 2 ** 31),
        created: now.toISOString(),
        lastSeenT: 0,
      };
      store.createDrill(drill, shipped.scenario);
      loaded.set(drill.drill, shipped.scenario);
      return { ok: true, drill, scenario: shipped.scenario };
    },
    async upload(text, now) {
      const made = await importLog(store, text, files, now);
      return made.ok ? { ok: true, drill: made.drill, scenario: scenario(made.drill) } : made;
    },
    download: (d, t) => logFileOf(store, d.drill, t) ?? '',
  };
}
