// The scenarios shipped in scenarios/, bundled with the page as text (Vite's import.meta.glob), so
// the picker lists them with no server. Each is loaded (parsed and linted) on first use only.
import { loadScenario, type LoadResult } from '../../scenario/index.ts';

/** The scenario the app opens on a first visit. */
export const DEFAULT_SCENARIO = 'scenarios/haicheng-m5.8.yaml';

export interface ShippedScenario {
  /** The path from the repository root, as the CLI and exported logs name it. */
  file: string;
  text: string;
  /** The scenario, or its problems (memoised). */
  load(): LoadResult;
}

const texts = import.meta.glob('../../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function shippedFrom(entries: Record<string, string>): ShippedScenario[] {
  return Object.entries(entries)
    .map(([path, text]) => {
      const file = path.replace(/^(\.\.?\/)+/, '');
      let result: LoadResult | undefined;
      return { file, text, load: () => (result ??= loadScenario(text, file)) };
    })
    .sort((a, b) => Number(b.file === DEFAULT_SCENARIO) - Number(a.file === DEFAULT_SCENARIO) || a.file.localeCompare(b.file));
}

/** Every shipped scenario, the default first, then by file name. */
export const SHIPPED: readonly ShippedScenario[] = shippedFrom(texts);

export const shippedByFile = (file: string) => SHIPPED.find((s) => s.file === file);
