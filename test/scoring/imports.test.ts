import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../src/scoring/', import.meta.url);

describe('src/scoring is a pure function of its inputs', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it('starts its index.ts with a one-line comment saying what it owns', () => {
    expect(readFileSync(new URL('index.ts', dir), 'utf8')).toMatch(/^\/\/ src\/scoring — owns [^\n]+\n(?!\/\/)/);
  });

  it('imports only types from the engine, the format vocabulary, and nothing else from outside', () => {
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      for (const [, what, from] of text.matchAll(/^import (type )?[^'"]*from '([^']+)'/gm)) {
        if (from!.startsWith('./')) continue;
        expect(`${file}: ${from}`).toMatch(/: \.\.\/(core|scenario)\//);
        if (from!.startsWith('../core/')) expect(what, `${file} imports values from ${from}`).toBe('type ');
      }
    }
  });

  it('reads no clock and draws no random numbers', () => {
    for (const file of files) expect(readFileSync(new URL(file, dir), 'utf8'), file).not.toMatch(/Date\.now|new Date|Math\.random|performance\.now/);
  });
});
