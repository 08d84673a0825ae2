import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// DESIGN.md, Layout: src/hazard imports nothing and, like the core, reads no clock and no Math.random.
const dir = new URL('../../src/hazard/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('src/hazard is pure', () => {
  it('has modules to check, index.ts first among them with its one-line ownership comment', () => {
    expect(files).toContain('index.ts');
    expect(readFileSync(new URL('index.ts', dir), 'utf8')).toMatch(/^\/\/ src\/hazard — owns /);
  });

  for (const file of files) {
    it(`${file} imports only its neighbours and uses no clock, timer or Math.random`, () => {
      // Code only: comments may name what the code must not use.
      const text = readFileSync(new URL(file, dir), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      const specifiers = [...text.matchAll(/\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      for (const s of specifiers) expect(s).toMatch(/^\.\/[\w-]+\.ts$/);
      expect(text).not.toMatch(/\bimport\s*\(|\brequire\s*\(/);
      expect(text).not.toMatch(/Math\.random|Date\.now|new Date\b|performance\.now|setTimeout|setInterval|setImmediate|queueMicrotask/);
    });
  }
});
