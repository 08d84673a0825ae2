// Property: whatever a trainer's editor does to a valid scenario, loading it never throws — it
// loads, or it gives problems that each have a position inside the file — and what loads plays to its
// end under every bot policy within a bounded log (issue 7 §1: a refused bot once redrew forever).
import fc from 'fast-check';
import { isMap, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { createExercise, runDrill, type Exercise, type Policy } from '../../src/core/index.ts';
import { readScenario, replaced } from './helpers.ts';

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

const POLICIES: Policy[] = ['plan', 'late', 'random', 'idle'];

/**
 * Log entries a whole drill may take: each decision is answered once and each inject delivered once,
 * with room for the timers and orders around them; a runaway bot blows through it at one instant.
 */
export const logBound = (s: Scenario) => 10 * (s.decisions.length + s.injects.length) + 100;

/**
 * runDrill with a guard: past the bound, the next entry throws instead of looping on, naming the
 * policy and the entries that repeat (the exercise's class is patched for the one call).
 */
export function playGuarded(scenario: Scenario, policy: Policy, seed = 1): Exercise {
  const bound = logBound(scenario);
  const proto = Object.getPrototypeOf(createExercise({ scenario, seed })) as { apply: (this: Exercise, ...args: unknown[]) => unknown };
  const apply = proto.apply;
  proto.apply = function guarded(this: Exercise, ...args: unknown[]) {
    if (this.log.length >= bound) {
      const tail = this.log.slice(-3).map((e) => JSON.stringify({ t: e.t, actor: e.actor, event: e.event })).join('\n  ');
      throw new Error(`${policy} bot: the log passed ${bound} entries (runaway); last entries:\n  ${tail}`);
    }
    return apply.apply(this, args);
  };
  try {
    return runDrill({ scenario, seed, policy });
  } finally {
    proto.apply = apply;
  }
}

function checkPlays(scenario: Scenario): void {
  for (const policy of POLICIES) {
    const ex = playGuarded(scenario, policy);
    expect(ex.log.length).toBeLessThanOrEqual(logBound(scenario));
    expect(ex.world.mode).toBe('debrief'); // played to its end
  }
}

/** `plays`: how many more loaded mutants to play (a default-scenario drill takes ~0.1 s a policy). */
function checkLoads(text: string, file: string, plays = { left: Infinity }): void {
  const result = loadScenario(text, file);
  if (result.ok) {
    if (plays.left-- > 0) checkPlays(result.scenario);
    return;
  }
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

describe('mutants that used to validate and then hang run', () => {
  // Each expected answer below was refused by the authority, and a plan or late bot drew it again at
  // the same instant forever. They are refused by the lint now; were one to load, it must still end.
  const single = 'expected: { options: [send] }';
  const allocation = (expected: string) =>
    replaced(single, expected, replaced('kind: single', 'kind: allocation\n    allocate: { teams: [usar-1], places: [chagou-collapse] }'));
  it.each([
    ['a single choice expecting nothing', replaced(single, 'expected: {}')],
    ['a multiple choice expecting options: []', replaced(single, 'expected: { options: [] }', replaced('kind: single', 'kind: multiple'))],
    ['an allocation expecting no allocation', allocation('expected: {}')],
    ['an allocation expecting a place it does not offer', allocation('expected: { allocations: [{ team: usar-1, to: chagou }] }')],
  ])('%s: refused or played to its end', (_name, text) => {
    checkLoads(text, 'minimal.yaml');
  });
});

describe.each(['minimal.yaml', 'haicheng-m5.8.yaml'])('random mutations of %s', (name) => {
  const original = readScenario(name);
  const paths = allPaths(parseDocument(original));
  // The default scenario takes tens of milliseconds to load: fewer runs keep the suite quick.
  const numRuns = name === 'minimal.yaml' ? 150 : 40;
  // Each property plays at most this many of the mutants that load, to keep the suite near 20 s.
  const playsEach = name === 'minimal.yaml' ? Infinity : 10;

  const structuralPlays = { left: playsEach };
  const textualPlays = { left: playsEach };

  it('structural edits never throw: they load and play to the end, or give positioned problems', () => {
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
        checkLoads(doc.toString(), name, structuralPlays);
      }),
      { numRuns, seed: 20261127 },
    );
  }, 60_000);

  it('textual edits never throw: they load and play to the end, or give positioned problems', () => {
    fc.assert(
      fc.property(fc.array(textual(original.length), { minLength: 1, maxLength: 3 }), (edits) => {
        checkLoads(edits.reduce((text, edit) => edit(text), original), name, textualPlays);
      }),
      { numRuns, seed: 20261127 },
    );
  }, 60_000);
});
