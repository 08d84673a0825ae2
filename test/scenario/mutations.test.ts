// Property: whatever a trainer's editor does to a valid scenario, loading it never throws — it
// loads, or it gives problems that each have a position inside the file.
import fc from 'fast-check';
import { isMap, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.ts';
import { readScenario } from './helpers.ts';

type Path = (string | number)[];

/** Every path to a node in the document, so a mutation can pick any of them. */
function allPaths(doc: Document): Path[] {
  const out: Path[] = [];
  const walk = (node: unknown, path: Path) => {
    out.push(path);
    if (isMap(node)) for (const pair of node.items) walk(pair.value, [...path, String((pair.key as { value: unknown }).value)]);
    else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return out.filter((p) => p.length > 0);
}

const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string(), fc.constantFrom('', 'n1', 'chagou', '-1', '1h', null, true, 1e9, -0.5));

/** One edit to the document model: delete, replace, rename a key, or duplicate a list item. */
const structural = (paths: Path[]) =>
  fc.tuple(fc.constantFrom(...paths), fc.constantFrom('delete', 'replace', 'rename', 'duplicate'), value, fc.string({ minLength: 1, maxLength: 8 })).map(
    ([path, kind, v, name]) => (doc: Document) => {
      const parent = path.slice(0, -1);
      const last = path.at(-1)!;
      if (kind === 'delete') doc.deleteIn(path);
      else if (kind === 'replace') doc.setIn(path, doc.createNode(v));
      else if (kind === 'rename' && typeof last === 'string') {
        const old = doc.getIn(path, true) as Node;
        doc.deleteIn(path);
        doc.addIn(parent, doc.createPair(name, old));
      } else if (kind === 'duplicate' && typeof last === 'number') doc.addIn(parent, doc.getIn(path));
    },
  );

/** One edit to the raw text: cut a stretch, or insert characters that YAML cares about. */
const textual = (length: number) =>
  fc.tuple(fc.nat(length), fc.nat(40), fc.stringMatching(/^[\s\-:[\]{},&*!|>'"#%@`a-z0-9]{0,6}$/)).map(
    ([at, cut, insert]) => (text: string) => text.slice(0, at) + insert + text.slice(at + cut),
  );

function checkLoads(text: string, file: string): void {
  const result = loadScenario(text, file);
  if (result.ok) return;
  const lines = text.split('\n').length;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(p.file).toBe(file);
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lines + 1);
    expect(p.column).toBeGreaterThanOrEqual(1);
  }
}

describe.each(['minimal.yaml', 'haicheng-m5.8.yaml'])('random mutations of %s', (name) => {
  const original = readScenario(name);
  const paths = allPaths(parseDocument(original));
  // The default scenario takes tens of milliseconds to load: fewer runs keep the suite quick.
  const numRuns = name === 'minimal.yaml' ? 150 : 40;

  it('structural edits never throw: they load or give positioned problems', () => {
    fc.assert(
      fc.property(fc.array(structural(paths), { minLength: 1, maxLength: 3 }), (edits) => {
        const doc = parseDocument(original);
        for (const edit of edits) {
          try {
            edit(doc);
          } catch {
            // An earlier edit removed this path's parent: this edit no longer applies.
          }
        }
        checkLoads(doc.toString(), name);
      }),
      { numRuns, seed: 20261127 },
    );
  }, 60_000);

  it('textual edits never throw: they load or give positioned problems', () => {
    fc.assert(
      fc.property(fc.array(textual(original.length), { minLength: 1, maxLength: 3 }), (edits) => {
        checkLoads(edits.reduce((text, edit) => edit(text), original), name);
      }),
      { numRuns, seed: 20261127 },
    );
  }, 60_000);
});
