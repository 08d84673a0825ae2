// The scenarios shipped in scenarios/, checked when the page is built and served as JSON
// (src/cli/shipped-scenarios.ts): the picker lists them from a few facts, and a scenario's data and its
// YAML text (which a saved drill keeps) load only when they are used — no YAML parser, no zod.
import { DEFAULT_SCENARIO, FACTS, LOADERS, TEXTS, type ShippedFacts } from '../shipped.ts';
import type { Scenario } from '../../scenario/schema.ts';

/** The scenario the app opens on a first visit. */
export { DEFAULT_SCENARIO };
export type { ShippedFacts };

export interface ShippedScenario extends ShippedFacts {
  /** The scenario as the loader gave it when the page was built (memoised). */
  load(): Promise<Scenario>;
  /** The file's YAML text (memoised). */
  text(): Promise<string>;
}

const once = <T>(f: () => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () =>
    (p ??= f().catch((e: unknown) => {
      p = undefined; // a failed download may be tried again
      throw e;
    }));
};

/** Every shipped scenario, the default first, then by file name. */
export const SHIPPED: readonly ShippedScenario[] = FACTS.map((f) => ({ ...f, load: once(LOADERS[f.file]!), text: once(TEXTS[f.file]!) }));

export const shippedByFile = (file: string) => SHIPPED.find((s) => s.file === file);
