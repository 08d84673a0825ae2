// Types for build-bundle.js (plain JavaScript: `npm install` runs it with node alone).
export function buildBundle(root?: string): Promise<{ bundle: string; inputs: number; bytes: number }>;
export function ensureBundle(root?: string): Promise<string>;
