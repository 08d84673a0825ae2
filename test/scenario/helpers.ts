// Fixtures for scenario tests: start from the minimal example and change one thing.
import { readFileSync } from 'node:fs';
import { parseDocument, type Document } from 'yaml';
import { expect } from 'vitest';
import { loadScenario, type Problem } from '../../src/scenario/index.ts';

export const readScenario = (name: string) => readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8');
export const minimal = () => readScenario('minimal.yaml');

/** The minimal example with one textual change (the `from` text must occur exactly once). */
export function replaced(from: string, to: string, text = minimal()): string {
  expect(text.split(from).length - 1, `"${from}" should occur once`).toBe(1);
  return text.replace(from, to);
}

/** The minimal example changed through the YAML document model. */
export function edited(change: (doc: Document) => void, text = minimal()): string {
  const doc = parseDocument(text);
  change(doc);
  return doc.toString();
}

export function problemsOf(text: string, file = 'drill.yaml'): Problem[] {
  const result = loadScenario(text, file);
  if (result.ok) throw new Error('expected problems, but the scenario loaded');
  return result.problems;
}

/** Line and column (1-based) where `marker` starts in `text` (its nth occurrence, from 0). */
export function positionOf(text: string, marker: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(marker, at + 1);
  expect(at, `marker "${marker}"`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** The single problem of a rule, checked to stand exactly at `marker`. */
export function expectOneAt(text: string, rule: string, marker: string, nth = 0): Problem {
  const found = problemsOf(text).filter((p) => p.rule === rule);
  expect(found, `problems of rule ${rule}`).toHaveLength(1);
  expect({ line: found[0]!.line, column: found[0]!.column }).toEqual(positionOf(text, marker, nth));
  return found[0]!;
}

/** The example with the first node's length set to `value`. */
export const firstLength = (value: string) => replaced('length: 20m\n    span: { from: 0m', `length: ${value}\n    span: { from: 0m`);

/** The example with an image attached to its first inject. */
export const withMedia = (file: string) => replaced('    via: phone\n', `    via: phone\n    media: { kind: image, file: ${JSON.stringify(file)} }\n`);

/** A contingency inject (`when`) to put before the example's decisions, in place of their `decisions:` line. */
export const contingency = (when: string, offset = '10m') => `  - id: follow-up
    at: { node: n1, offset: ${offset} }
    title: { zh: 追问, en: Follow-up }
    narrative: { zh: 指挥部追问救援进展。, en: The HQ asks about the rescue. }
    to: [fire-rescue]
    via: phone
    when: ${when}
decisions:`;
