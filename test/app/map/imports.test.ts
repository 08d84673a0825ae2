// Only map-view.ts and textures.ts may import pixi.js (DESIGN.md: the map draws from a plain view
// model; `import('pixi.js')` in Node throws). Everything else in src/app/map loads in Node.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const DIR = resolve(ROOT, 'src/app/map');
const PIXI_FILES = ['map-view.ts', 'textures.ts'];
const importsOf = (file: string) => [...readFileSync(resolve(DIR, file), 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3]!);

describe('the map folder', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

  it('keeps pixi.js to the Pixi layer', () => {
    for (const file of files) {
      const pixi = importsOf(file).filter((m) => m === 'pixi.js' || m.startsWith('pixi.js/') || m.startsWith('@pixi/'));
      if (PIXI_FILES.includes(file)) continue;
      expect(pixi, file).toEqual([]);
    }
    // The Pixi layer is reached from the rest only by a dynamic import.
    for (const file of files.filter((f) => !PIXI_FILES.includes(f))) {
      const text = readFileSync(resolve(DIR, file), 'utf8');
      expect(/^import (?!type )[^;]*from '\.\/(map-view|textures)\.ts'/m.test(text), file).toBe(false);
    }
  });

  it('loads in Node without a browser', async () => {
    const index = await import('../../../src/app/map/index.ts');
    expect(typeof index.buildMapViewModel).toBe('function');
    expect(typeof index.mountMap).toBe('function');
  });
});
