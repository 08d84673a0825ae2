// Types for bundle.js (plain JavaScript: the launcher loads it before anything is compiled).
export interface Stamp {
  mtimeMs: number;
  size: number;
}
export const ROOT: string;
export const BUNDLE_DIR: string;
export const BUNDLE: string;
export const MANIFEST: string;
export function stamp(path: string): Stamp | undefined;
export function currentBundle(root?: string): string | undefined;
