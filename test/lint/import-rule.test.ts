import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname, ignore: false });
const fixture = readFileSync(new URL('../fixtures/lint/core-imports-pixi.ts', import.meta.url), 'utf8');

/** Lints the fixture as though it stood at `path`, and returns the import-table findings. */
async function importFindings(path: string): Promise<{ line: number; ruleId: string | null }[]> {
  const [result] = await eslint.lintText(fixture, { filePath: path });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => ({ line: m.line, ruleId: m.ruleId }));
}

describe('lint enforces the import table of DESIGN.md', () => {
  for (const folder of ['core', 'hazard', 'scenario', 'scoring', 'review', 'protocol']) {
    it(`src/${folder} may not import pixi.js, node: built-ins, DOM-only modules or the app, nor use document`, async () => {
      expect(await importFindings(`src/${folder}/broken.ts`)).toEqual([
        { line: 2, ruleId: 'no-restricted-imports' },
        { line: 3, ruleId: 'no-restricted-imports' },
        { line: 4, ruleId: 'no-restricted-imports' },
        { line: 5, ruleId: 'no-restricted-imports' },
        { line: 7, ruleId: 'no-restricted-globals' },
      ]);
    });
  }

  it('src/app/map may import them', async () => {
    expect(await importFindings('src/app/map/layer.ts')).toEqual([]);
  });

  it('the rest of src/app may not import pixi.js', async () => {
    expect(await importFindings('src/app/views/console.ts')).toEqual([{ line: 2, ruleId: 'no-restricted-imports' }]);
  });

  it('src/hazard imports nothing at all, not even a library', async () => {
    const [result] = await eslint.lintText("import { z } from 'zod';\nexport const s = z;\n", { filePath: 'src/hazard/x.ts' });
    expect(result!.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
  });
});
