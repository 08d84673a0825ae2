// The first screen (issue 8, part 3): what main.ts loads before the briefing — its static imports,
// followed file by file — is the briefing and nothing else: no YAML parser, no zod, no scenario lint,
// no engine (xstate). Those come in the chunks main.ts starts beside it (boot.ts, the rest of the
// scenario) or when a file is opened. The size itself is measured by `npm run bench` on a build.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Value imports and re-exports of a module (`import type` and all-type braces are erased). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /^\s*(?:import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) {
    const [, typeOnly, clause, spec] = m;
    if (typeOnly) continue;
    const braces = clause?.match(/^\{([\s\S]*)\}$/)?.[1];
    if (braces !== undefined && braces.split(',').every((n) => n.trim() === '' || n.trim().startsWith('type '))) continue;
    // a side-effect import (`import 'x'`) or one with a value
    if (clause === undefined && /^\s*export/.test(m[0])) continue;
    out.push(spec!);
  }
  return out;
}

/** Every file and package main.ts reaches by static imports. */
function staticGraph(entry: string) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!file.endsWith('.ts')) return; // an asset: styles, or text imported with ?raw
    for (const spec of imports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else if (!spec.startsWith('virtual:')) packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(ROOT, f)).sort(), packages: [...packages].sort() };
}

describe('the first screen', () => {
  const { files, packages } = staticGraph(resolve(ROOT, 'src/app/main.ts'));

  it('loads lit-html and zustand, not yaml, zod or xstate', () => {
    expect(packages).toEqual(['lit-html', 'zustand/vanilla']);
  });

  it('holds no scenario loader, lint or schema, no engine and no map drawing', () => {
    const forbidden = ['src/scenario/load.ts', 'src/scenario/lint.ts', 'src/scenario/schema.ts', 'src/scenario/index.ts', 'src/core/index.ts', 'src/core/exercise.ts', 'src/core/events.ts', 'src/app/app.ts', 'src/app/map/map-view.ts'];
    expect(files.filter((f) => forbidden.includes(f) || f.includes('?raw'))).toEqual([]);
    expect(files).toContain('src/app/views/summary.ts'); // the briefing is drawn from it
  });
});
