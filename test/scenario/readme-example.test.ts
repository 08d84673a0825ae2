// The trainers' guide (scenarios/README.md) prints the minimal example in full: it must stay the
// file itself, and the file must load, so the guide never teaches a format the loader refuses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from '../../src/scenario/index.ts';
import { minimal } from './helpers.ts';

const README = 'scenarios/README.md';
const HEADING = /^#+ .*最小完整示例 \/ Minimal complete example.*$/m;

/** The first ```yaml block after the "最小完整示例 / Minimal complete example" heading. */
function exampleBlock(markdown: string): string | undefined {
  const heading = HEADING.exec(markdown);
  if (!heading) return undefined;
  const rest = markdown.slice(heading.index + heading[0].length);
  return /^```yaml\r?\n([\s\S]*?)\r?\n```[ \t]*$/m.exec(rest)?.[1];
}

describe('the minimal example in scenarios/README.md', () => {
  const block = exampleBlock(readFileSync(new URL(`../../${README}`, import.meta.url), 'utf8'));

  it('is scenarios/minimal.yaml, byte for byte', () => {
    expect(block, `a \`\`\`yaml block under a heading "最小完整示例 / Minimal complete example" in ${README}`).toBeDefined();
    expect(block).toBe(minimal().trimEnd());
  });

  it('loads without problems', () => {
    const result = loadScenario(block ?? '', README);
    expect(result.ok ? [] : result.problems.map((p) => formatProblem(p))).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
