// The modules src/cli/shipped-scenarios.ts (a Vite plugin) makes from scenarios/*.yaml at build time.
// Loosely typed here (an ambient declaration cannot import the scenario types); src/app/shipped.ts
// gives them their types.
declare module 'virtual:shipped-scenarios' {
  export const DEFAULT_SCENARIO: string;
  export const DEFAULT_BRIEF: unknown;
  export const FACTS: readonly unknown[];
  export const LOADERS: Readonly<Record<string, () => Promise<unknown>>>;
  export const TEXTS: Readonly<Record<string, () => Promise<string>>>;
  /** The basemaps beside the shipped scenarios (GeoJSON), by the path a scenario names them with (geo/x.geojson). */
  export const BASEMAPS: Readonly<Record<string, () => Promise<unknown>>>;
}
