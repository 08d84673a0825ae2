// Where the prebuilt CLI lives and whether it is current. `npm install` builds it (package.json
// "prepare" → build-bundle.js); the launcher uses it only while every file it was built from is as
// it was then, so an edited source, a changed dependency or a half-finished build falls back to tsx.
// Plain JavaScript and node:fs only: this runs on every start, before anything is compiled.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The package root: src/cli/ is two folders down. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Under node_modules: ignored by git, removed with the install, and no new top-level folder. */
export const BUNDLE_DIR = 'node_modules/.cache/quake-drill';
export const BUNDLE = 'cli.mjs';
/** What the bundle was built from: `{ bundle: Stamp, inputs: { [path from root]: Stamp } }`. */
export const MANIFEST = 'inputs.json';

/**
 * @typedef {{ mtimeMs: number, size: number }} Stamp
 * @param {string} path
 * @returns {Stamp | undefined}
 */
export function stamp(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  return s && s.isFile() ? { mtimeMs: s.mtimeMs, size: s.size } : undefined;
}

/**
 * The bundle's file URL when it and every input listed in its manifest have the size and mtime they
 * had at build time; undefined when the bundle or its manifest is missing or anything changed.
 * @param {string} [root]
 * @returns {string | undefined}
 */
export function currentBundle(root = ROOT) {
  const dir = join(root, BUNDLE_DIR);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  const same = (/** @type {string} */ path, /** @type {Stamp | undefined} */ was) => {
    const now = stamp(path);
    return was !== undefined && now !== undefined && now.mtimeMs === was.mtimeMs && now.size === was.size;
  };
  const bundle = join(dir, BUNDLE);
  if (!same(bundle, manifest?.bundle)) return undefined;
  const inputs = Object.entries(manifest.inputs ?? {});
  if (inputs.length === 0) return undefined;
  for (const [path, was] of inputs) if (!same(join(root, path), was)) return undefined;
  return pathToFileURL(bundle).href;
}
