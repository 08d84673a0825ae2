// Files a scenario names beside itself (its basemap), read from disk for the loader's checks.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ReadBeside } from '../scenario/index.ts';

/** Reads `path` relative to the scenario file's folder; undefined when there is no such file. */
export const besideFile = (scenarioFile: string): ReadBeside => (path) => {
  const full = resolve(dirname(scenarioFile), path);
  try {
    return statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
  } catch {
    return undefined;
  }
};
